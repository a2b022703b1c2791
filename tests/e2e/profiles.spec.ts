import { expect, test } from '@playwright/test'
import { signIn } from './helpers'

test('an expert edits their profile; the public page shows it without contacts', async ({ page, browser }) => {
  await signIn(page, 'expert@baodi-demo.cn')
  await page.getByRole('link', { name: '编辑我的资料' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('编辑我的专家资料')

  await page.getByLabel('电话').fill('12345')
  await page.getByRole('button', { name: '保存修改' }).click()
  await expect(page.getByText('请填写正确的手机号或座机号')).toBeVisible()

  await page.getByLabel('电话').fill('022-27401234')
  await page.getByLabel('主要成果与服务经历').fill('主持国家重点研发计划课题，为宝坻区 6 家企业解决焊接质量问题。')
  await page.getByLabel('付费咨询价格（元/次，可不填）').fill('1200')
  await page.getByLabel('每次咨询时长（分钟）').fill('90')
  await page.screenshot({ path: 'test-results/screenshots/expert-profile-form.png', fullPage: true })
  await page.getByRole('button', { name: '保存修改' }).click()
  await expect(page.getByRole('status')).toHaveText('专家资料已保存。')
  await expect(page.getByLabel('付费咨询价格（元/次，可不填）')).toHaveValue('1200')

  await page.getByRole('link', { name: '查看公开主页' }).click()
  await expect(page.getByText('为宝坻区 6 家企业解决焊接质量问题')).toBeVisible()
  // A visitor sees the profile, not the phone number.
  const visitor = await browser.newPage()
  await visitor.goto(page.url())
  await expect(visitor.getByText('为宝坻区 6 家企业解决焊接质量问题')).toBeVisible()
  await expect(visitor.getByText('022-27401234')).toHaveCount(0)
  await visitor.close()
})

test('an office adds an expert of its institution', async ({ page }) => {
  await signIn(page, 'office-member@baodi-demo.cn')
  await page.getByRole('link', { name: '新增专家' }).click()
  await page.getByLabel('姓名').fill('郑明远')
  await page.getByLabel('职称').fill('副教授')
  await page.getByLabel('研究方向').fill('农产品冷链保鲜、气调包装')
  await page.getByLabel('关键词').fill('冷链、保鲜')
  await page.getByLabel('农业', { exact: true }).check()
  await page.getByLabel('邮箱').fill('zheng@tju.example.cn')
  await page.getByRole('button', { name: '发布资料' }).click()
  await expect(page.getByRole('status')).toHaveText('专家资料已保存。')
  await expect(page.getByTestId('expert-status')).toHaveText('已发布')
  await page.goto('/office')
  await expect(page.getByTestId('office-experts')).toContainText('郑明远')
})
