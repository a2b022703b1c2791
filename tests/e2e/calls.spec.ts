import { expect, test, type Browser, type Page } from '@playwright/test'
import { creditCodeCheckChar } from '../../app/validation/credit-code'
import { signIn } from './helpers'

/**
 * 揭榜挂帅 from end to end: the enterprise publishes its need as a call; two institutions'
 * offices hear of it and submit proposals (one with a file); a third institution sees neither;
 * after the deadline (the server's test clock is moved, nothing waits) two reviewers score; the
 * enterprise awards one; the other learns why; the award's contract draft carries the proposal's
 * milestones; the bureau's funnel counts the award.
 */
const NEED = '/needs/need-0081'
const TITLE = '医用高分子导管材料揭榜挂帅'

async function as(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext({ locale: 'zh-CN' })).newPage()
  await signIn(page, email)
  return page
}

async function submitProposal(page: Page, callUrl: string, price: string, amounts: [string, string]) {
  await page.goto(callUrl)
  const form = page.getByTestId('proposal-form')
  await form
    .getByLabel('技术方案', { exact: true })
    .fill('采用医用级热塑性聚氨酯共混改性，控制挤出工艺参数，提高导管抗扭结性能并通过生物相容性评价。')
  await form.locator('input[name="teamExpertIds"]').first().check()
  await form.getByLabel('报价（元）').fill(price)
  await form.getByLabel('工期（月）').fill('10')
  await form.getByLabel('里程碑 1', { exact: true }).fill('配方开发与小试')
  await form.getByLabel('里程碑 1 金额（元）').fill(amounts[0])
  await form.getByLabel('里程碑 1 完成月份').fill('4')
  await form.getByLabel('里程碑 2', { exact: true }).fill('中试与型式检验')
  await form.getByLabel('里程碑 2 金额（元）').fill(amounts[1])
  await form.getByLabel('里程碑 2 完成月份').fill('10')
  await form.getByRole('button', { name: '提交揭榜方案' }).click()
  await expect(page.getByTestId('call-done')).toContainText('揭榜方案已提交')
  await expect(page.getByTestId('proposal-status')).toHaveText('已提交')
}

/** A step's count on the bureau dashboard's call funnel. */
async function funnelCount(page: Page, step: RegExp) {
  await page.goto('/bureau')
  const row = page.getByTestId('callFunnel').getByRole('row', { name: step })
  return Number(await row.locator('td').nth(1).innerText())
}

test('an enterprise runs a 揭榜挂帅 call from its need to an awarded contract', async ({ browser }) => {
  test.setTimeout(180_000)
  // What the bureau's funnel counts before: the demo data's calls, and other journeys'.
  const bureau = await as(browser, 'bureau@baodi-demo.cn')
  const publishedBefore = await funnelCount(bureau, /发布的榜单/)
  const awardedBefore = await funnelCount(bureau, /已授榜的榜单/)
  // The enterprise publishes its need as a call.
  const enterprise = await as(browser, 'enterprise-admin@baodi-demo.cn')
  await enterprise.goto(NEED)
  await enterprise.getByTestId('publish-call').click()
  await enterprise.getByLabel('榜单名称').fill(TITLE)
  await enterprise.getByLabel('榜单金额上限（元）').fill('800000')
  await enterprise.getByLabel('榜单金额下限（元，可不填）').fill('300000')
  await enterprise.getByRole('button', { name: '发布榜单' }).click()
  await expect(enterprise).toHaveURL(/\/calls\/[a-z0-9]+$/)
  const callUrl = new URL(enterprise.url()).pathname
  await expect(enterprise.getByTestId('call-phase')).toHaveText('征集中')
  await expect(enterprise.getByTestId('call-reward')).toContainText('30')

  // Listed publicly, found by the need's words.
  const visitor = await (await browser.newContext({ locale: 'zh-CN' })).newPage()
  await visitor.goto('/calls?q=医用高分子')
  await expect(visitor.getByTestId('call-hit').filter({ hasText: TITLE })).toBeVisible()

  // Two institutions' offices were told, and answer; one attaches its plan.
  const office = await as(browser, 'office-admin@baodi-demo.cn')
  const office2 = await as(browser, 'office2-admin@baodi-demo.cn')
  for (const page of [office, office2]) {
    await page.goto('/notifications')
    await expect(page.getByText(`新榜单与贵单位的成果或专家匹配：${TITLE}`)).toBeVisible()
  }
  await submitProposal(office, callUrl, '600000', ['200000', '400000'])
  await office.setInputFiles('#attachment', {
    name: '技术方案.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n'),
  })
  await office.getByRole('button', { name: '上传', exact: true }).click()
  await expect(office.getByTestId('attachment-list')).toContainText('技术方案.pdf')
  await submitProposal(office2, callUrl, '500000', ['250000', '250000'])

  // Before the deadline the enterprise sees how many, not what.
  await enterprise.goto(callUrl)
  await expect(enterprise.getByTestId('call-entered')).toContainText('已有 2 家单位揭榜')
  await expect(enterprise.getByTestId('evaluation-table')).toHaveCount(0)

  // Reviewers: bureau staff and an expert of a third institution, each declaring no conflict.
  for (const email of ['bureau@baodi-demo.cn', 'expert2@baodi-demo.cn']) {
    await enterprise.getByLabel(/邀请评审/).fill(email)
    await enterprise.getByRole('button', { name: '邀请', exact: true }).click()
    await expect(enterprise.getByTestId('reviewer-list')).toContainText(email)
  }
  const reviewers = [await as(browser, 'bureau@baodi-demo.cn'), await as(browser, 'expert2@baodi-demo.cn')]
  for (const page of reviewers) {
    await page.goto(callUrl)
    await page.getByLabel('我确认以上声明属实').check()
    await page.getByRole('button', { name: '签署声明' }).click()
    await expect(page.getByTestId('call-done')).toContainText('已签署回避声明')
  }

  // The deadline passes (the server's clock moves 31 days).
  const moved = await enterprise.request.post('/test-clock', { form: { hours: String(31 * 24) } })
  expect(moved.ok()).toBe(true)
  await enterprise.goto(callUrl)
  await expect(enterprise.getByTestId('call-phase')).toHaveText('评审中')
  const links = enterprise.getByTestId('evaluation-table').getByRole('link', { name: '查看并评分' })
  await expect(links).toHaveCount(2)
  const proposalUrls = await links.evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname))

  // Late: a proposal now is refused with the deadline.
  await office2.goto(callUrl)
  await expect(office2.getByTestId('proposal-form')).toHaveCount(0)

  // A third institution (registered just now) sees the call, not the proposals.
  const third = await (await browser.newContext({ locale: 'zh-CN' })).newPage()
  await third.goto('/register')
  await third.getByLabel('机构类型').selectOption({ label: '科研院所' })
  await third.getByLabel('机构名称').fill('河北未来材料研究院')
  const first17 = '12130000400098765'
  await third.getByLabel('统一社会信用代码').fill(first17 + creditCodeCheckChar(first17))
  await third.getByLabel('所在地区代码').fill('130100')
  await third.getByLabel('联系人姓名').fill('周未来')
  await third.getByLabel('电子邮箱').fill('tto@future-materials.example.cn')
  await third.getByLabel('密码', { exact: true }).fill('GoodPassw0rd')
  await third.getByLabel('确认密码').fill('GoodPassw0rd')
  await third.getByRole('button', { name: '注册' }).click()
  await expect(third).toHaveURL(/\/office/)
  await third.goto(callUrl)
  await expect(third.getByTestId('evaluation-table')).toHaveCount(0)
  for (const url of proposalUrls) {
    const response = await third.goto(url)
    expect(response?.status()).toBe(404)
  }

  // Two reviewers score both proposals (0–10 on each criterion).
  for (const [i, page] of reviewers.entries()) {
    for (const [j, url] of proposalUrls.entries()) {
      await page.goto(url)
      const form = page.getByTestId('score-form')
      const inputs = form.locator('input[type="number"]')
      const count = await inputs.count()
      for (let k = 0; k < count; k++) await inputs.nth(k).fill(String(j === 0 ? 9 - i : 6))
      await form.getByRole('button', { name: '保存评分' }).click()
      await expect(page.getByTestId('proposal-done')).toContainText('评分已保存')
    }
  }
  // Exactly one proposal carries a file, and a reviewer can open it.
  const files: string[] = []
  for (const url of proposalUrls) {
    await reviewers[0].goto(url)
    for (const href of await reviewers[0]
      .getByTestId('attachment-link')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? '')))
      files.push(href)
  }
  expect(files).toHaveLength(1)
  expect((await reviewers[0].request.get(files[0])).status()).toBe(200)
  expect((await third.request.get(files[0])).status()).toBe(404)

  // The enterprise awards 天津大学 and tells 南开大学 why not.
  await enterprise.goto(callUrl)
  await expect(enterprise.getByTestId('evaluation-row')).toHaveCount(2)
  const award = enterprise.getByTestId('award-form')
  await award.getByRole('group', { name: '天津大学' }).getByLabel('授榜给该单位').check()
  await award.getByLabel('未中榜原因（将告知南开大学）').fill('中试方案不足以满足量产一致性要求')
  await award.getByLabel('授榜说明').fill('综合评分第一，方案完整')
  await award.getByRole('button', { name: '确认授榜' }).click()
  await expect(enterprise.getByTestId('call-done')).toContainText('已授榜')
  await expect(enterprise.getByTestId('call-phase')).toHaveText('已授榜')

  // The unsuccessful applicant sees the outcome and the reason.
  await office2.goto(callUrl)
  await expect(office2.getByTestId('proposal-status')).toHaveText('未中榜')
  await expect(office2.getByTestId('proposal-outcome')).toContainText('中试方案不足以满足量产一致性要求')

  // The contract draft carries the proposal's price and milestones.
  await enterprise.getByTestId('award-contract').click()
  await expect(enterprise).toHaveURL(/\/contracts\//)
  await expect(enterprise.getByText('配方开发与小试')).toBeVisible()
  await expect(enterprise.getByText('中试与型式检验')).toBeVisible()
  await expect(enterprise.getByTestId('contract-call')).toHaveText(TITLE)

  // The bureau's dashboard counts the call and its award.
  expect(await funnelCount(bureau, /发布的榜单/)).toBe(publishedBefore + 1)
  expect(await funnelCount(bureau, /已授榜的榜单/)).toBe(awardedBefore + 1)
})
