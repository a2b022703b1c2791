import { expect, test } from '@playwright/test'
import { signIn } from './helpers'

test('an enterprise starts an introduction from a result’s detail page', async ({ page }) => {
  await signIn(page, 'enterprise-admin@baodi-demo.cn')
  await page.goto('/search/results?q=%E7%84%8A%E6%8E%A5')
  const first = page.locator('.hit-list h3 a').first()
  const title = (await first.textContent())?.trim() ?? ''
  await first.click()
  await expect(page).toHaveURL(/\/results\/[^/]+$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
  await expect(page.getByText('转化方式')).toBeVisible()
  await page.screenshot({ path: 'test-results/screenshots/result-page.png', fullPage: true })
  await page.setViewportSize({ width: 390, height: 844 })
  await page.screenshot({ path: 'test-results/screenshots/result-page-390.png', fullPage: true })
  await page.setViewportSize({ width: 1366, height: 900 })

  const request = page.getByTestId('listing-intro')
  await request.getByLabel('留言').fill('我们的焊接产线希望评估该成果的应用条件，请安排一次交流。')
  await request.getByRole('button', { name: '发送对接请求' }).click()
  await expect(page).toHaveURL(/\/introductions\/[^/]+$/)
  await expect(page.getByText('待答复')).toBeVisible()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('对接')
})

test('a visitor sees a result’s page and is told to sign in to ask for an introduction', async ({ page }) => {
  await page.goto('/search/results')
  await page.locator('.hit-list h3 a').first().click()
  await expect(page.getByTestId('intro-request-hint')).toHaveText('企业用户登录后可以请求对接。')
})

test('on a phone, search shows results first and folds the filters behind a button', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto('/search/results?q=%E7%84%8A%E6%8E%A5')
  const facets = page.locator('#search-facets')
  await expect(facets).toBeHidden()
  const first = page.locator('.hit-list > li').first()
  const box = await first.boundingBox()
  expect(box && box.y).toBeLessThan(844)
  await page.screenshot({ path: 'test-results/screenshots/search-390.png', fullPage: true })
  await page.getByRole('button', { name: '筛选' }).click()
  await expect(facets).toBeVisible()
  const wide = await page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
      .slice(0, 5)
      .map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`),
  )
  expect(wide).toEqual([])
})
