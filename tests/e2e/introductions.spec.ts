import { expect, test, type Page } from '@playwright/test'
import { signIn } from './helpers'

async function signOut(page: Page) {
  await page.getByRole('button', { name: '退出登录' }).click()
  await expect(page.getByRole('link', { name: '登录' })).toBeVisible()
}

test('need → matches → introduction → the office accepts → both see the thread and the confidential detail', async ({
  page,
}) => {
  // The office's own published result, which the enterprise's need will be about.
  await signIn(page, 'office-admin@baodi-demo.cn')
  await expect(page).toHaveURL(/\/office$/)
  const rows = page.locator('tr', { has: page.getByRole('link', { name: '匹配需求' }) })
  const titles = (await rows.locator('td:first-child').allTextContents()).map((t) => t.split(' · ')[0].trim())
  const resultTitle = titles.find((t) => t.length <= 20)!
  await signOut(page)

  await signIn(page, 'enterprise-admin@baodi-demo.cn')
  await expect(page).toHaveURL(/\/enterprise$/)
  await page.getByRole('link', { name: '发布新需求' }).click()
  await page.getByLabel('需求名称').fill(`寻求${resultTitle}`)
  await page
    .getByLabel('需求概述（公开）')
    .fill(`我公司产线需要${resultTitle}方面的技术，现有工艺效率低，希望与高校合作攻关。`)
  await page.getByLabel('保密详情（选填）').fill('产线节拍 45 秒，良品率 91%。')
  await page.getByLabel('技术领域').selectOption({ index: 1 })
  // The result's title as the keyword: the enterprise names exactly what it is after.
  await page.getByLabel('关键词').fill(resultTitle)
  await page.getByLabel('技术开发').check()
  await page.getByRole('button', { name: '发布需求' }).click()
  await expect(page.getByText('已发布')).toBeVisible()

  await page.getByRole('link', { name: '科技成果', exact: true }).click()
  await expect(page).toHaveURL(/tab=results/)
  const list = page.getByTestId('match-list')
  let item = list.locator('> li', { hasText: resultTitle }).filter({ hasText: '天津大学' }).first()
  if ((await item.count()) === 0) {
    await page.getByRole('link', { name: '显示全部匹配' }).click()
    await expect(page).toHaveURL(/all=1/)
    item = list.locator('> li', { hasText: resultTitle }).filter({ hasText: '天津大学' }).first()
  }
  await expect(item.locator('.reasons')).toContainText('匹配关键词')
  await item.getByText('请求对接').click()
  await item.getByLabel('对接留言').fill('希望了解该成果能否用于我们的产线，方便时请安排交流。')
  await item.getByRole('button', { name: '发送对接请求' }).click()
  await expect(page.getByRole('status')).toContainText('对接请求已发送')
  await expect(page.getByTestId('intro-requests')).toContainText('待答复')
  await page.screenshot({ path: 'test-results/screenshots/need-introduction-requested.png', fullPage: true })
  await signOut(page)

  await signIn(page, 'office-admin@baodi-demo.cn')
  await expect(page.getByTestId('notifications-link')).toContainText('1')
  await page.getByRole('link', { name: '对接收件箱' }).click()
  await expect(page.getByTestId('inbox')).toContainText(`寻求${resultTitle}`)
  await page.screenshot({ path: 'test-results/screenshots/office-inbox.png', fullPage: true })
  await page
    .getByTestId('inbox')
    .getByRole('link', { name: `寻求${resultTitle}` })
    .click()
  await expect(page.getByText('对接被接受后显示保密详情和联系方式。')).toBeVisible()
  await page.getByRole('button', { name: '接受对接' }).click()
  await expect(page.getByTestId('confidential-detail')).toHaveText('产线节拍 45 秒，良品率 91%。')
  await expect(page.getByTestId('contacts')).toContainText('enterprise-admin@baodi-demo.cn')
  await page.getByLabel('消息').fill('收到，下周二上午可以到企业现场交流。')
  await page.getByRole('button', { name: '发送' }).click()
  await expect(page.getByTestId('thread')).toContainText('下周二上午')
  await page.screenshot({ path: 'test-results/screenshots/introduction-thread-office.png', fullPage: true })
  await signOut(page)

  await signIn(page, 'enterprise-admin@baodi-demo.cn')
  await page.getByTestId('notifications-link').click()
  await page
    .getByRole('link', { name: /对接沟通有新消息/ })
    .first()
    .click()
  await expect(page.getByTestId('thread')).toContainText('下周二上午')
  await expect(page.getByTestId('confidential-detail')).toHaveText('产线节拍 45 秒，良品率 91%。')
  await page.screenshot({ path: 'test-results/screenshots/introduction-thread-enterprise.png', fullPage: true })
})
