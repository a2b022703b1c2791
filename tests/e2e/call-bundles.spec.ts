import { expect, test } from '@playwright/test'
import { signIn } from './helpers'

test('bureau staff bundle a campaign’s collected needs into one call; a visitor finds it and its items', async ({
  page,
}) => {
  await signIn(page, 'bureau@baodi-demo.cn')
  await page.goto('/bureau/campaigns/campaign-demo-0001')
  await page.getByRole('link', { name: '将多项需求发布为联合榜单' }).click()
  await expect(page.getByRole('heading', { name: '发布联合榜单' })).toBeVisible()
  const needs = page.locator('input[name="needIds"]')
  await expect(needs).toHaveCount(2)
  await page.getByLabel('榜单名称').fill('宝坻区冬季技术难题联合揭榜')
  await page.getByLabel('榜单说明（公开）').fill('区科技局将两项尚未张榜的技术难题合并发布，面向京津冀高校院所揭榜。')
  await page.getByLabel('榜单金额上限（元）').fill('500000')
  await page.getByRole('button', { name: '发布联合榜单' }).click()
  await expect(page).toHaveURL(/\/calls\/bundles\//)
  await expect(page.getByRole('heading', { name: /宝坻区冬季技术难题联合揭榜/ })).toBeVisible()
  const items = page.getByTestId('bundle-items').locator('tbody tr')
  await expect(items).toHaveCount(2)
  await expect(items.first()).toContainText('征集中')
  const bundleUrl = page.url()

  // A visitor sees the same page, and each item on the call list carries the bundle's name.
  await page.context().clearCookies()
  await page.goto(bundleUrl)
  await expect(page.getByTestId('bundle-reward')).toContainText('50 万元')
  // The list searches the needs' documents, re-indexed by the search worker a moment later.
  await expect(async () => {
    await page.goto('/calls')
    await expect(page.getByRole('link', { name: '宝坻区冬季技术难题联合揭榜' }).first()).toBeVisible({ timeout: 1000 })
  }).toPass({ timeout: 20_000 })
})
