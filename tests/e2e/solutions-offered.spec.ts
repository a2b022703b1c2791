import { expect, test, type Page } from '@playwright/test'
// Runs after search-match.spec.ts (files run in name order): the need it posts becomes the
// enterprise's newest, which search-match.spec.ts would otherwise open.
import { signIn } from './helpers'

async function signOut(page: Page) {
  await page.getByRole('button', { name: '退出登录' }).click()
  await expect(page.getByRole('link', { name: '登录' })).toBeVisible()
}

test('an office answers a matched need (我们可以解决) and the enterprise accepts', async ({ page }) => {
  // One of the office's published results, and the link to the needs it matches.
  await signIn(page, 'office-admin@baodi-demo.cn')
  const row = page.locator('tr', { has: page.getByRole('link', { name: '匹配需求' }) }).last()
  const resultTitle = (await row.locator('td:first-child a').first().textContent())!.trim()
  const leadsUrl = (await row.getByRole('link', { name: '匹配需求' }).getAttribute('href'))!
  await signOut(page)

  // The enterprise posts a need about exactly that.
  await signIn(page, 'enterprise-admin@baodi-demo.cn')
  await page.goto('/needs/new')
  const needTitle = `征集${resultTitle}合作方`
  await page.getByLabel('需求名称').fill(needTitle)
  await page.getByLabel('需求概述（公开）').fill(`我公司希望引进${resultTitle}相关技术，用于现有产线改造。`)
  await page.getByLabel('技术领域').selectOption({ index: 1 })
  await page.getByLabel('关键词').fill(resultTitle)
  await page.getByLabel('技术开发').check()
  await page.getByRole('button', { name: '发布需求' }).click()
  await expect(page.getByText('已发布')).toBeVisible()
  await signOut(page)

  // The office finds it among its result's leads and offers a solution.
  await signIn(page, 'office-admin@baodi-demo.cn')
  await expect(async () => {
    await page.goto(leadsUrl)
    await expect(page.getByTestId('need-leads')).toContainText(needTitle, { timeout: 1000 })
  }).toPass({ timeout: 15_000 })
  const lead = page.getByTestId('need-leads').locator('> li', { hasText: needTitle })
  await lead.getByText('我们可以解决').click()
  await lead.getByLabel('说明我们的方案').fill('我校该成果已在两家企业产线应用，可提供中试验证和技术培训。')
  await lead.getByRole('button', { name: '提交给企业' }).click()
  await expect(page).toHaveURL(/\/introductions\//)
  await expect(page.getByTestId('offer-badge')).toBeVisible()
  await expect(page.getByRole('button', { name: '接受对接' })).toHaveCount(0)
  await signOut(page)

  // The enterprise hears of it and accepts.
  await signIn(page, 'enterprise-admin@baodi-demo.cn')
  await page.getByTestId('notifications-link').click()
  await page
    .getByRole('link', { name: /有机构表示可以解决/ })
    .first()
    .click()
  await page.getByRole('button', { name: '接受对接' }).click()
  await expect(page.getByText('已接受')).toBeVisible()
  await expect(page.getByTestId('org-contact-target')).toContainText('天津大学')
  await page.screenshot({ path: 'test-results/screenshots/offer-accepted.png', fullPage: true })
})
