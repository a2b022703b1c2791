import { expect, test } from '@playwright/test'
import { signIn } from './helpers'

/**
 * A need written the way an enterprise writes it: symptoms, none of the technology words the
 * right experts and results use (节水灌溉, 水肥一体化, 智慧农业). It must still get a right match at
 * confidence 3 or more, with the reason saying the match is by meaning.
 */
test('a need described by its symptoms gets a right match by meaning, and the enterprise asks a whole group', async ({
  page,
}) => {
  await signIn(page, 'enterprise-admin@baodi-demo.cn')
  await page.getByRole('link', { name: '发布新需求' }).click()
  await page.getByLabel('需求名称').fill('大棚黄瓜中午打蔫，浇水全靠工人盯着')
  await page
    .getByLabel('需求概述（公开）')
    .fill(
      '合作社有二十个温室大棚种黄瓜和西红柿，夏天中午叶子打蔫，浇水和上肥全凭工人经验，水浇多了烂根、浇少了减产，人工成本也越来越高，想找个省人省水的办法。',
    )
  await page.getByLabel('技术领域').selectOption('AGRI')
  await page.getByLabel('技术开发').check()
  await page.getByLabel('技术服务').check()
  await page.getByRole('button', { name: '发布需求' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('大棚黄瓜中午打蔫，浇水全靠工人盯着')

  for (const tab of ['专家', '科技成果'] as const) {
    await page.getByRole('link', { name: tab, exact: true }).click()
    const list = page.getByTestId('match-list')
    // The default view (confidence ≥ 3) holds a right match, explained by meaning.
    const right = list.locator('> li', { hasText: /灌溉|水肥|智慧农业|设施农业/ }).first()
    await expect(right).toBeVisible()
    await expect(right).toContainText(/匹配度 [345]\/5/)
    await expect(list.locator('.reasons', { hasText: '语义相近' }).first()).toBeVisible()
    await page.screenshot({
      path: `test-results/screenshots/need-semantic-${tab === '专家' ? 'experts' : 'results'}.png`,
      fullPage: true,
    })
  }
  await page.setViewportSize({ width: 390, height: 844 })
  await page.screenshot({ path: 'test-results/screenshots/need-semantic-390.png', fullPage: true })
  await page.setViewportSize({ width: 1366, height: 900 })

  await page.getByRole('link', { name: '专家组' }).click()
  const groups = page.getByTestId('match-list').locator('> li')
  if ((await groups.count()) === 0) await page.getByRole('link', { name: '显示全部匹配' }).click()
  const group = groups.first()
  await expect(group).toContainText('负责：')
  expect(await groups.count()).toBeLessThanOrEqual(3)
  await group.getByText('请求与整个专家组对接').click()
  await group.getByLabel('对接留言').fill('我们想请专家组到合作社看看大棚，一起商量浇水上肥的办法。')
  await group.getByRole('button', { name: '发送对接请求' }).click()
  await expect(page.getByRole('status')).toContainText(/已向专家组的 \d 位成员发送对接请求/)
  await page.screenshot({ path: 'test-results/screenshots/need-group-request.png', fullPage: true })
})
