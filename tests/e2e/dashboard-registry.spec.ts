// Runs before introductions.spec.ts registers a 2026 contract of its own (specs share the demo data).
import { expect, test } from '@playwright/test'
import { signIn } from './helpers'

test('the bureau imports the registry export, sees 差异 3 条, accepts the registry’s amount and the dashboard follows', async ({
  page,
}) => {
  await signIn(page, 'bureau@baodi-demo.cn')
  await expect(page.getByTestId('registry-status')).toContainText('尚未导入登记系统数据')
  const before = Number(await page.getByTestId('turnover-amount').getAttribute('data-fen'))

  // The demo's registry export (prisma/seed/registry-export-2026.csv) through the browser import.
  await page.goto('/bureau/import')
  await page.getByLabel('数据类型').selectOption('contracts')
  await page.getByLabel('文件').setInputFiles('prisma/seed/registry-export-2026.csv')
  await page.getByRole('button', { name: '上传并预检' }).click()
  await expect(page.getByTestId('import-summary')).toContainText('全部通过', { timeout: 30_000 })
  await page.getByRole('button', { name: /确认导入/ }).click()
  await expect(page.getByText('已保存为登记系统数据')).toBeVisible({ timeout: 30_000 })

  await page.goto('/bureau')
  await expect(page.getByTestId('registry-status')).toHaveText('与登记系统核对：差异 3 条')
  await page.screenshot({ path: 'test-results/screenshots/dashboard-registry-status.png', fullPage: true })
  await page.getByTestId('registry-status').getByRole('link').click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('与登记系统核对')
  const rows = page.getByTestId('reconciliation-differences').locator('tbody tr')
  await expect(rows).toHaveCount(3)
  await expect(rows.filter({ hasText: '仅平台有' })).toHaveCount(1)
  await expect(rows.filter({ hasText: '仅登记系统有' })).toHaveCount(1)
  const changed = rows.filter({ hasText: '数据不一致' })
  await expect(changed).toContainText('成交额')
  await page.screenshot({ path: 'test-results/screenshots/reconciliation.png', fullPage: true })
  await page.setViewportSize({ width: 390, height: 844 })
  await page.screenshot({ path: 'test-results/screenshots/reconciliation-390.png', fullPage: true })
  await page.setViewportSize({ width: 1366, height: 900 })

  await changed.getByRole('button', { name: '采用登记系统数据' }).click()
  await expect(page.getByRole('status')).toContainText('已采用登记系统数据')
  await expect(rows).toHaveCount(2)

  // The registry's amount is 100,000 yuan more: the dashboard's 2026 figure follows.
  await page.goto('/bureau')
  await expect(page.getByTestId('registry-status')).toHaveText('与登记系统核对：差异 2 条')
  expect(Number(await page.getByTestId('turnover-amount').getAttribute('data-fen'))).toBe(before + 10_000_000)
})
