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
  await expect(rows.first()).toBeVisible()
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
  // The unread counter shows (other journeys may have left the office notifications too).
  await expect(page.getByTestId('notifications-link')).toContainText(/\d+/)
  await page.getByTestId('notifications-link').click()
  await expect(page.getByRole('link', { name: /收到新的对接请求/ }).first()).toBeVisible()
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
  // The office's contact person, with a phone number, is now reachable.
  await expect(page.getByTestId('org-contact-target')).toContainText('联系人')
  await expect(page.getByTestId('org-contact-target')).toContainText(/电话：?\s*0\d{2,3}-\d{7,8}/)
  await page.screenshot({ path: 'test-results/screenshots/introduction-thread-enterprise.png', fullPage: true })

  // The accepted introduction becomes a contract draft, signed, submitted, then registered.
  await page.getByRole('link', { name: '起草技术合同' }).click()
  await expect(page.getByText('已根据对接信息预填双方')).toBeVisible()
  await page.getByLabel('成交额（元）').fill('850000')
  await page.getByLabel('技术交易额（元）').fill('900000')
  await page.getByRole('button', { name: '保存合同' }).click()
  await expect(page.getByText('技术交易额不能超过成交额')).toBeVisible()
  await page.getByLabel('技术交易额（元）').fill('800000')
  await page.screenshot({ path: 'test-results/screenshots/contract-form.png', fullPage: true })
  await page.getByRole('button', { name: '保存合同' }).click()
  await expect(page.getByTestId('contract-status')).toHaveText('草稿')
  // Each party confirms the same version of the terms; only then can it be signed.
  await page.getByRole('button', { name: '确认合同条款' }).click()
  await expect(page.getByTestId('confirmation-buyer')).toContainText('已确认')
  await expect(page.getByTestId('confirmation-seller')).toContainText('待确认')
  await expect(page.getByRole('button', { name: '确认已签订' })).toHaveCount(0)
  // An edit after confirming asks for the confirmation again.
  await page.getByRole('link', { name: '修改草稿' }).click()
  await page.getByLabel('技术交易额（元）').fill('790000')
  await page.getByRole('button', { name: '保存合同' }).click()
  await expect(page.getByTestId('confirmation-buyer')).toContainText('待确认')
  await page.getByRole('button', { name: '确认合同条款' }).click()
  await expect(page.getByTestId('confirmation-buyer')).toContainText('已确认')
  const contractUrl = page.url()
  await signOut(page)

  await signIn(page, 'office-admin@baodi-demo.cn')
  await page.goto(contractUrl)
  await page.getByRole('button', { name: '确认合同条款' }).click()
  await expect(page.getByTestId('confirmation-seller')).toContainText('已确认')
  await page.screenshot({ path: 'test-results/screenshots/contract-confirmed.png', fullPage: true })
  await page.getByRole('button', { name: '确认已签订' }).click()
  await expect(page.getByTestId('contract-status')).toHaveText('已签订')
  await page.getByRole('button', { name: '提交登记' }).click()
  await expect(page.getByTestId('contract-status')).toHaveText('已提交登记')
  await signOut(page)

  await signIn(page, 'bureau@baodi-demo.cn')
  await page.goto('/contracts?status=SUBMITTED')
  await page.goto(contractUrl)
  await page.getByLabel('合同登记编号').fill('2026120115000777')
  await page.getByRole('button', { name: '登记', exact: true }).click()
  await expect(page.getByTestId('contract-status')).toHaveText('已登记')
  await page.screenshot({ path: 'test-results/screenshots/contract-registered.png', fullPage: true })
})
