import { expect, test, type Page } from '@playwright/test'
import { signIn } from './helpers'

const NAME = '钱未来'
const DIRECTION = '钙钛矿光伏组件封装'

async function findExpert(page: Page) {
  await page.goto(`/search/experts?q=${encodeURIComponent(DIRECTION)}`)
  return page.getByRole('link', { name: NAME })
}

test('an unapproved institution cannot publish or appear in search until approved', async ({ page, browser }) => {
  await page.goto('/register')
  await page.getByLabel('机构类型').selectOption({ label: '高校' })
  await page.getByLabel('机构名称').fill('北京未来科技大学')
  await page.getByLabel('统一社会信用代码').fill('12110000400012345U')
  await page.getByLabel('所在地区代码').fill('110108')
  await page.getByLabel('联系人姓名').fill('孙未来')
  await page.getByLabel('电子邮箱').fill('tto@future-e2e.edu.cn')
  await page.getByLabel('密码', { exact: true }).fill('GoodPassw0rd')
  await page.getByLabel('确认密码').fill('GoodPassw0rd')
  await page.getByRole('button', { name: '注册' }).click()
  await expect(page).toHaveURL(/\/office/)
  await expect(page.getByTestId('verification-banner')).toContainText('机构正在审核中')

  // Publishing is refused with the reason; a draft is kept.
  await page.goto('/office/experts/new')
  await page.getByLabel('姓名').fill(NAME)
  await page.getByLabel('研究方向').fill(DIRECTION)
  await page.getByLabel('关键词').fill('钙钛矿、光伏封装')
  await page.getByLabel('新能源与高效节能', { exact: true }).check()
  await page.getByLabel('邮箱').fill('qian@future-e2e.edu.cn')
  await page.getByRole('button', { name: '发布资料' }).click()
  await expect(page.getByText('机构通过审核后才能发布')).toBeVisible()
  await page.getByRole('button', { name: '保存草稿' }).click()
  await expect(page.getByRole('status').filter({ hasText: '专家资料已保存。' })).toBeVisible()
  const editUrl = page.url()

  const visitor = await browser.newPage()
  await expect(await findExpert(visitor)).toHaveCount(0)

  // Bureau staff approve the institution from the review queue.
  const bureau = await browser.newPage()
  await signIn(bureau, 'bureau@baodi-demo.cn')
  await bureau.goto('/admin/organizations?state=PENDING')
  const item = bureau.getByTestId('review-item').filter({ hasText: '北京未来科技大学' })
  await expect(item).toContainText('12110000400012345U')
  await bureau.screenshot({ path: 'test-results/screenshots/review-queue.png', fullPage: true })
  // Wait for the decision's POST to be answered before leaving the page (leaving could abort it).
  await Promise.all([
    bureau.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/admin/organizations')),
    item.getByRole('button', { name: '通过' }).click(),
  ])
  await bureau.goto('/admin/organizations?state=APPROVED')
  await expect(
    bureau.getByTestId('review-item').filter({ hasText: '北京未来科技大学' }).getByTestId('verification-state'),
  ).toHaveText('已通过')

  // Now the office publishes, and the expert is found by anyone.
  await page.goto(editUrl)
  await expect(page.getByTestId('verification-banner')).toHaveCount(0)
  await page.getByRole('button', { name: '发布资料' }).first().click()
  await expect(page.getByTestId('expert-status')).toHaveText('已发布')
  await expect(async () => {
    await expect(await findExpert(visitor)).toBeVisible({ timeout: 1000 })
  }).toPass({ timeout: 15_000 })
})
