import { expect, test, type Page } from '@playwright/test'
import { signIn } from './helpers'
import { institutionCreditCode } from '../../prisma/seed/credit-codes'

async function signOut(page: Page) {
  await page.getByRole('button', { name: '退出登录' }).click()
  await expect(page.getByRole('link', { name: '登录' })).toBeVisible()
}

test('a milestone paid through Checkout: the signed webhook marks it paid for both parties and the dashboard', async ({
  page,
}) => {
  // The enterprise draws up a contract with the university and signs it.
  await signIn(page, 'enterprise-admin@baodi-demo.cn')
  await page.goto('/contracts/new')
  await page.getByLabel('项目名称').fill('余热回收换热器优化（在线支付测试）')
  const seller = page.getByRole('group', { name: /卖方/ })
  await seller.getByLabel('单位名称').fill('天津大学')
  // The counterpart is linked by its credit code (a name links nothing).
  await seller.getByLabel('统一社会信用代码').fill(institutionCreditCode('天津大学'))
  await seller.getByLabel('所在地区代码').fill('120104')
  await seller.getByLabel('单位性质').selectOption('UNIVERSITY')
  await page.getByLabel('成交额（元）').fill('50000.50')
  await page.getByLabel('技术交易额（元）').fill('50000.50')
  await page.getByRole('button', { name: '添加付款节点' }).click()
  await page.getByLabel('节点 1').fill('一次性付款')
  await page.getByLabel('金额（元）').fill('50000.50')
  await page.getByRole('button', { name: '保存合同' }).click()
  await expect(page.getByTestId('contract-status')).toHaveText('草稿')
  await page.getByRole('button', { name: '确认合同条款' }).click()
  const contractUrl = page.url()
  await signOut(page)

  // The university confirms the same terms, signs, and asks for the milestone.
  await signIn(page, 'office-admin@baodi-demo.cn')
  await page.goto(contractUrl)
  await page.getByRole('button', { name: '确认合同条款' }).click()
  await page.getByRole('button', { name: '确认已签订' }).click()
  await expect(page.getByTestId('contract-status')).toHaveText('已签订')
  await page.getByRole('button', { name: '发起收款' }).click()
  await expect(page.getByTestId('milestone-1-status')).toHaveText('待支付')
  await signOut(page)

  // The enterprise pays on (the stand-in for) Stripe Checkout and comes back.
  await signIn(page, 'enterprise-admin@baodi-demo.cn')
  await page.goto(contractUrl)
  await page.getByRole('button', { name: '在线支付' }).click()
  await expect(page.getByRole('heading', { name: 'Stripe Checkout（测试替身）' })).toBeVisible()
  await expect(page.getByText('应付金额：¥50000.50')).toBeVisible()
  await page.screenshot({ path: 'test-results/screenshots/stripe-checkout-stand-in.png', fullPage: true })
  await page.getByRole('button', { name: /支付/ }).click()
  await expect(page.getByText('已从支付页面返回')).toBeVisible()
  await expect(page.getByTestId('milestone-1-status')).toHaveText('已支付')
  await expect(page.getByTestId('milestones')).toContainText('已到账')
  await page.screenshot({ path: 'test-results/screenshots/contract-paid-buyer.png', fullPage: true })
  await signOut(page)

  await signIn(page, 'office-admin@baodi-demo.cn')
  await page.goto(contractUrl)
  await expect(page.getByTestId('milestone-1-status')).toHaveText('已支付')
  await page.goto('/payments')
  await expect(page.getByTestId('payments-per-contract')).toContainText('余热回收换热器优化（在线支付测试）')
  await page.screenshot({ path: 'test-results/screenshots/reconciliation.png', fullPage: true })
  await signOut(page)

  await signIn(page, 'bureau@baodi-demo.cn')
  await expect(page.getByTestId('received-amount')).toBeVisible()
  expect(Number(await page.getByTestId('received-amount').getAttribute('data-fen'))).toBeGreaterThanOrEqual(5000050)
})

test('an offline payment: the buyer sees the account and marks it remitted, the seller confirms receipt', async ({
  page,
}) => {
  // The university names its receiving account.
  await signIn(page, 'office-admin@baodi-demo.cn')
  await page.goto('/settings/organization')
  await page.getByLabel('开户行').fill('中国工商银行天津南开支行')
  await page.getByLabel('银行账号').fill('0302 0012 0900 1234 567')
  await page.getByRole('button', { name: '保存收款账户' }).click()
  await expect(page.getByText('收款账户已保存。')).toBeVisible()
  await signOut(page)

  // The enterprise draws up a contract with it; both confirm; it is signed.
  await signIn(page, 'enterprise-admin@baodi-demo.cn')
  await page.goto('/contracts/new')
  await page.getByLabel('项目名称').fill('冷链仓储能耗优化（对公转账）')
  const seller = page.getByRole('group', { name: /卖方/ })
  await seller.getByLabel('单位名称').fill('天津大学')
  await seller.getByLabel('统一社会信用代码').fill(institutionCreditCode('天津大学'))
  await seller.getByLabel('所在地区代码').fill('120104')
  await seller.getByLabel('单位性质').selectOption('UNIVERSITY')
  await page.getByLabel('成交额（元）').fill('8000')
  await page.getByLabel('技术交易额（元）').fill('8000')
  await page.getByRole('button', { name: '添加付款节点' }).click()
  await page.getByLabel('节点 1').fill('一次性付款')
  await page.getByLabel('金额（元）').fill('8000')
  await page.getByRole('button', { name: '保存合同' }).click()
  await page.getByRole('button', { name: '确认合同条款' }).click()
  const contractUrl = page.url()
  await signOut(page)

  await signIn(page, 'office-admin@baodi-demo.cn')
  await page.goto(contractUrl)
  await page.getByRole('button', { name: '确认合同条款' }).click()
  await page.getByRole('button', { name: '确认已签订' }).click()
  await page.getByRole('button', { name: '发起收款' }).click()
  await expect(page.getByTestId('milestone-1-status')).toHaveText('待支付')
  await signOut(page)

  // The buyer reads the account (an amount under 10,000 元 reads in 元) and marks it remitted.
  await signIn(page, 'enterprise-admin@baodi-demo.cn')
  await page.goto(contractUrl)
  await expect(page.getByTestId('milestones')).toContainText('¥8,000.00')
  const account = page.getByTestId('bank-account')
  await expect(account).toContainText('中国工商银行天津南开支行')
  await expect(account).toContainText('0302001209001234567')
  await account.getByLabel('银行流水号').fill('ICBC-20261201-0001')
  await account.getByRole('button', { name: '已汇款' }).click()
  await expect(page.getByText('已登记汇款，等待对方确认到账。')).toBeVisible()
  await page.screenshot({ path: 'test-results/screenshots/offline-payment-remitted.png', fullPage: true })
  await signOut(page)

  // The seller confirms the money arrived.
  await signIn(page, 'office-admin@baodi-demo.cn')
  await page.goto(contractUrl)
  await page.getByLabel('银行流水号').fill('ICBC-20261201-0001')
  await page.getByRole('button', { name: '确认到账' }).click()
  await expect(page.getByTestId('milestone-1-status')).toHaveText('已支付')
  await expect(page.getByTestId('milestones')).toContainText('登记已汇款')
})
