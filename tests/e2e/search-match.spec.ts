import { expect, test } from '@playwright/test'
import { signIn } from './helpers'

test('a visitor searches research results in Chinese, with highlights, facets and pagination', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('link', { name: '搜索成果与专家' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('科技成果检索')
  await page.getByRole('searchbox').fill('锂电池正极材料')
  await page.getByRole('button', { name: '搜索' }).click()
  await expect(page).toHaveURL(/q=/)
  await expect(page.getByTestId('search-total')).toContainText('共')
  await expect(page.locator('.hit-list mark').first()).toBeVisible()
  const before = await page.getByTestId('search-total').textContent()
  await page.locator('fieldset', { hasText: '所在地区' }).getByRole('checkbox').first().check()
  await page.getByRole('button', { name: '筛选' }).click()
  await expect(page.getByTestId('search-total')).not.toHaveText(before!)
  await page.screenshot({ path: 'test-results/screenshots/search-results.png', fullPage: true })

  await page.getByRole('link', { name: '专家检索' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('专家检索')
  await expect(page.locator('.hit-list > li').first()).toBeVisible()
  await page.screenshot({ path: 'test-results/screenshots/search-experts.png', fullPage: true })

  await page.locator('.hit-list h3 a').first().click()
  await expect(page.getByTestId('expert-contacts')).toHaveText('联系方式在对接请求被接受后显示。')
  await page.screenshot({ path: 'test-results/screenshots/expert-profile.png', fullPage: true })
  await page.locator('main').getByRole('link').first().click()
  await expect(page.getByRole('heading', { name: /已发布成果/ })).toBeVisible()
  await page.screenshot({ path: 'test-results/screenshots/institution.png', fullPage: true })
})

test('an enterprise sees matches for its need with reasons, an expert group, and gives feedback', async ({ page }) => {
  await signIn(page, 'enterprise-admin@baodi-demo.cn')
  await expect(page).toHaveURL(/\/enterprise$/)
  await page.locator('table').getByRole('link').first().click()
  await expect(page.getByRole('heading', { name: '匹配推荐' })).toBeVisible()
  await expect(page.getByText(/^需求关键词：/)).toBeVisible()
  const list = page.getByTestId('match-list')
  if ((await list.locator('> li').count()) === 0) await page.getByRole('link', { name: '显示全部匹配' }).click()
  await expect(list.locator('> li').first()).toContainText(/匹配度 \d\/5/)
  await expect(list.locator('.reasons').first()).toContainText('匹配关键词')
  await page.screenshot({ path: 'test-results/screenshots/need-matches-experts.png', fullPage: true })

  await page.getByRole('link', { name: '科技成果', exact: true }).click()
  await expect(page).toHaveURL(/tab=results/)
  await page.screenshot({ path: 'test-results/screenshots/need-matches-results.png', fullPage: true })

  await page.getByRole('link', { name: '专家组' }).click()
  await expect(page).toHaveURL(/tab=groups/)
  if ((await list.locator('> li').count()) === 0) await page.getByRole('link', { name: '显示全部匹配' }).click()
  await expect(list.locator('> li').first()).toContainText('负责：')
  await page.screenshot({ path: 'test-results/screenshots/need-matches-groups.png', fullPage: true })

  await page.getByRole('link', { name: '专家', exact: true }).click()
  if ((await list.locator('> li').count()) === 0) await page.getByRole('link', { name: '显示全部匹配' }).click()
  const first = list.locator('> li').first()
  await first.getByLabel('原因').selectOption('OUTSIDE_FIELD')
  await first.getByRole('button', { name: '不合适' }).click()
  await expect(page.getByRole('status')).toHaveText('反馈已保存，将用于后续推荐')
})

test('an organization admin issues an API token and reads matches through the API', async ({ page, request }) => {
  await signIn(page, 'enterprise-admin@baodi-demo.cn')
  const needHref = await page.locator('table').getByRole('link').first().getAttribute('href')
  await page.getByRole('link', { name: 'API 令牌' }).click()
  await page.getByLabel('令牌名称').fill('ERP 集成')
  await page.getByLabel(/needs:write/).check()
  await page.getByRole('button', { name: '生成令牌' }).click()
  const token = (await page.getByTestId('new-token').textContent())!
  expect(token).toMatch(/^bdt_/)
  await page.screenshot({ path: 'test-results/screenshots/api-tokens.png', fullPage: true })

  const response = await request.get(`/api/v1${needHref}/matches?kind=results&minConfidence=1`, {
    headers: { Authorization: `Bearer ${token}` },
  })
  expect(response.status()).toBe(200)
  const body = await response.json()
  expect(body.matches.length).toBeGreaterThan(0)
  expect(body.matches[0].reasons.length).toBeGreaterThan(0)
  expect((await request.get(`/api/v1${needHref}/matches`)).status()).toBe(401)
  expect((await request.get('/api/v1/openapi.json')).status()).toBe(200)

  // The same token writes a need through the API, once per Idempotency-Key.
  const auth = { Authorization: `Bearer ${token}` }
  const listed = await (await request.get('/api/v1/needs?limit=1', { headers: auth })).json()
  const post = () =>
    request.post('/api/v1/needs', {
      headers: { ...auth, 'Idempotency-Key': 'e2e-need-1' },
      data: {
        title: '注塑件翘曲变形控制',
        summary: '汽车内饰注塑件出模后翘曲超差，返工率高，希望优化模具冷却与工艺参数。',
        fieldCode: listed.data[0].fieldCode,
        keywords: ['注塑', '翘曲'],
        cooperationModes: ['DEVELOPMENT'],
      },
    })
  const created = await post()
  expect(created.status()).toBe(201)
  const need = await created.json()
  expect((await post()).headers()['idempotent-replayed']).toBe('true')
  const read = await request.get(`/api/v1/needs/${need.id}`, { headers: auth })
  expect((await read.json()).title).toBe('注塑件翘曲变形控制')
  // The document is browsable.
  await page.goto('/api/docs')
  await expect(page.getByRole('heading', { name: 'POST /api/v1/needs', exact: true })).toBeVisible()
})

test('a tech-transfer office sees the enterprise needs one of its results could answer', async ({ page }) => {
  await signIn(page, 'office-admin@baodi-demo.cn')
  await expect(page).toHaveURL(/\/office$/)
  await page.getByRole('link', { name: '匹配需求' }).first().click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('可能需要该成果的企业需求')
  await expect(page.getByText(/需求关键词：/)).toBeVisible()
  await page.screenshot({ path: 'test-results/screenshots/office-result-leads.png', fullPage: true })
})
