import { expect, test } from '@playwright/test'
import { DEMO_PASSWORD as PASSWORD, signIn } from './helpers'

const ROLES = [
  { email: 'enterprise-admin@baodi-demo.cn', home: '/enterprise', heading: '企业工作台', role: '企业管理员' },
  { email: 'enterprise-member@baodi-demo.cn', home: '/enterprise', heading: '企业工作台', role: '企业成员' },
  { email: 'office-admin@baodi-demo.cn', home: '/office', heading: '技术转移工作台', role: '技术转移机构管理员' },
  { email: 'office-member@baodi-demo.cn', home: '/office', heading: '技术转移工作台', role: '技术转移机构成员' },
  { email: 'expert@baodi-demo.cn', home: '/expert', heading: '专家主页', role: '专家' },
  { email: 'bureau@baodi-demo.cn', home: '/bureau', heading: '技术合同成交额看板', role: '科技局工作人员' },
  { email: 'admin@baodi-demo.cn', home: '/admin', heading: '平台管理', role: '平台管理员' },
]

test('the public home page shows the marketplace in Chinese', async ({ page }) => {
  await page.goto('/')
  await expect(page).toHaveTitle(/宝坻科技成果转化对接平台/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('让企业技术难题找到对的专家和成果')
  await expect(page.getByRole('heading', { name: '最新技术需求' })).toBeVisible()
  await page.screenshot({ path: 'test-results/screenshots/home-zh.png', fullPage: true })
})

for (const r of ROLES) {
  test(`${r.role} signs in and reaches their home`, async ({ page }) => {
    await signIn(page, r.email)
    await expect(page).toHaveURL(new RegExp(`${r.home}$`))
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(r.heading)
    await expect(page.getByTestId('current-user')).toContainText(r.role)
    await page.screenshot({ path: `test-results/screenshots/home-${r.email.split('@')[0]}.png`, fullPage: true })
    // The same home on a phone: nothing may overflow the 390 px viewport sideways.
    await page.setViewportSize({ width: 390, height: 844 })
    await page.reload()
    await page.screenshot({ path: `test-results/screenshots/home-${r.email.split('@')[0]}-390.png`, fullPage: true })
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow).toBeLessThanOrEqual(0)
  })
}

test('an anonymous visitor is sent to login and comes back after signing in', async ({ page }) => {
  await page.goto('/bureau?year=2022')
  await expect(page).toHaveURL(/\/login\?redirectTo=/)
  await page.getByLabel('电子邮箱').fill('bureau@baodi-demo.cn')
  await page.getByLabel('密码').fill(PASSWORD)
  await page.getByRole('button', { name: '登录' }).click()
  await expect(page).toHaveURL(/\/bureau\?year=2022$/)
  await expect(page.getByText('2022 年技术合同成交额')).toBeVisible()
})

test('the language switch turns the interface to English and back', async ({ page }) => {
  await page.goto('/')
  await page.getByTestId('language-switch').click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Connect technical problems with the right experts and results',
  )
  await expect(page).toHaveTitle(/Baodi Technology Transfer Marketplace/)
  await page.screenshot({ path: 'test-results/screenshots/home-en.png', fullPage: true })
  await page.getByTestId('language-switch').click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('让企业技术难题找到对的专家和成果')
})

test('a wrong password gets a Chinese message', async ({ page }) => {
  await page.goto('/login')
  await page.getByLabel('电子邮箱').fill('bureau@baodi-demo.cn')
  await page.getByLabel('密码').fill('WrongPassw0rd')
  await page.getByRole('button', { name: '登录' }).click()
  await expect(page.getByRole('alert')).toHaveText('邮箱或密码不正确')
})

test('registering with an invalid credit code names the problem in Chinese', async ({ page }) => {
  await page.goto('/register')
  await page.getByLabel('机构名称').fill('天津宝坻示例科技有限公司')
  await page.getByLabel('统一社会信用代码').fill('91350100M000100Y44')
  await page.getByLabel('所属镇街').selectOption({ label: '口东镇' })
  await page.getByLabel('联系人姓名').fill('王示例')
  await page.getByLabel('电子邮箱').fill('new-owner@example.cn')
  await page.getByLabel('密码', { exact: true }).fill('GoodPassw0rd')
  await page.getByLabel('确认密码').fill('GoodPassw0rd')
  await page.getByRole('button', { name: '注册' }).click()
  await expect(page.getByText('统一社会信用代码校验位不正确，请核对')).toBeVisible()
  await expect(page).toHaveURL(/\/register$/)
  await page.screenshot({ path: 'test-results/screenshots/register-error.png', fullPage: true })
})

test('registering a new enterprise signs its admin in', async ({ page }) => {
  await page.goto('/register')
  await page.getByLabel('机构名称').fill('天津宝坻示例新能源有限公司')
  await page.getByLabel('统一社会信用代码').fill('91350100M000100Y43')
  await page.getByLabel('所属镇街').selectOption({ label: '八门城镇' })
  await page.getByLabel('联系人姓名').fill('赵示例')
  await page.getByLabel('电子邮箱').fill('owner-e2e@example.cn')
  await page.getByLabel('密码', { exact: true }).fill('GoodPassw0rd')
  await page.getByLabel('确认密码').fill('GoodPassw0rd')
  await page.getByRole('button', { name: '注册' }).click()
  await expect(page).toHaveURL(/\/enterprise\?welcome=1$/)
  await expect(page.getByText('注册成功，欢迎使用！')).toBeVisible()
})
