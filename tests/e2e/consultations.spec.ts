import { expect, test, type Page } from '@playwright/test'
import { signIn } from './helpers'

async function signOut(page: Page) {
  await page.getByRole('button', { name: '退出登录' }).click()
  await expect(page.getByRole('link', { name: '登录' })).toBeVisible()
}

/** Next week's Monday at 10:00, as the datetime-local field takes it. */
function nextMonday() {
  const d = new Date(Date.now() + 7 * 86_400_000)
  while (d.getUTCDay() !== 1) d.setUTCDate(d.getUTCDate() + 1)
  return `${d.toISOString().slice(0, 10)}T10:00`
}

test('an enterprise books and pays a consultation; the paid booking records a consulting contract', async ({
  page,
}) => {
  // The office lists an expert who offers paid consultations.
  await signIn(page, 'office-admin@baodi-demo.cn')
  await page.goto('/office/experts/new')
  await page.getByLabel('姓名').fill('孙立新')
  await page.getByLabel('研究方向').fill('工业锅炉节能、余热回收')
  await page.getByLabel('付费咨询价格（元/次，可不填）').fill('1500')
  await page.getByLabel('每次咨询时长（分钟）').fill('60')
  await page.getByLabel('邮箱').fill('sunlx@tju.example.cn')
  await page.getByRole('button', { name: '发布资料' }).click()
  await expect(page.getByTestId('expert-status')).toHaveText('已发布')
  const expertPage = await page.getByRole('link', { name: '查看公开主页' }).getAttribute('href')
  await signOut(page)

  await signIn(page, 'enterprise-admin@baodi-demo.cn')
  await page.goto(expertPage!)
  await page.getByRole('link', { name: '预约付费咨询' }).click()
  await page.getByLabel('咨询主题').fill('锅炉排烟余热回收方案')
  await page.getByLabel('咨询时间（北京时间）').fill(nextMonday().replace('T10:00', 'T20:00'))
  await page.getByRole('button', { name: '预约并支付' }).click()
  await expect(page.getByText('请选择工作日 9:00–18:00 之间的时间')).toBeVisible()
  await page.getByLabel('咨询时间（北京时间）').fill(nextMonday())
  await page.screenshot({ path: 'test-results/screenshots/consultation-booking.png', fullPage: true })
  await page.getByRole('button', { name: '预约并支付' }).click()
  await expect(page.getByText('应付金额：¥1500.00')).toBeVisible()
  await page.getByRole('button', { name: /支付/ }).click()
  const booking = page.getByTestId('consultations').locator('li').filter({ hasText: '锅炉排烟余热回收方案' })
  await expect(booking).toContainText('已确认')
  await booking.getByRole('link', { name: '技术咨询合同' }).click()
  await expect(page.getByTestId('contract-status')).toHaveText('已提交登记')
  await page.screenshot({ path: 'test-results/screenshots/consultation-contract.png', fullPage: true })
})
