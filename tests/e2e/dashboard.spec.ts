import ExcelJS from 'exceljs'
import { expect, test } from '@playwright/test'
import { signIn } from './helpers'

test('bureau staff filter the dashboard by town, drill into a figure, and export the same totals', async ({ page }) => {
  await signIn(page, 'bureau@baodi-demo.cn')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('技术合同成交额看板')
  await page.getByLabel('年度').fill('2025')
  await page.getByRole('button', { name: '查询' }).click()
  await expect(page.getByTestId('basis-note')).toContainText('2025 年 · 全区')
  await page.screenshot({ path: 'test-results/screenshots/dashboard.png', fullPage: true })

  // The town with the most turnover, then the view of that town alone.
  const town = (await page.getByTestId('by-area').locator('tbody tr td').first().textContent())!.trim()
  await page.getByLabel('统计范围').selectOption({ label: town })
  await page.getByRole('button', { name: '查询' }).click()
  await expect(page.getByTestId('basis-note')).toContainText(`2025 年 · ${town}`)
  const total = page.getByTestId('turnover-amount')
  const fen = await total.getAttribute('data-fen')
  expect(Number(fen)).toBeGreaterThan(0)
  await page.screenshot({ path: 'test-results/screenshots/dashboard-town.png', fullPage: true })

  // The first contract type's figure, drilled into: its contracts add up to it.
  const typeCell = page.getByTestId('by-type').locator('tbody tr').first().locator('a')
  const typeFen = await typeCell.getAttribute('data-fen')
  await typeCell.click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('合同明细')
  await expect(page.getByTestId('drill-total')).toHaveAttribute('data-fen', typeFen!)
  await page.screenshot({ path: 'test-results/screenshots/dashboard-drill.png', fullPage: true })
  await page.goBack()

  const download = page.waitForEvent('download')
  await page.getByRole('link', { name: '导出 Excel' }).click()
  const file = await (await download).path()
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.readFile(file)
  const summary = workbook.getWorksheet('汇总')!
  const rows = new Map<string, unknown>()
  summary.eachRow((row) => rows.set(String(row.getCell(1).value), row.getCell(2).value))
  expect(rows.get('统计范围')).toBe(town)
  expect(Math.round(Number(rows.get('成交额（元）')) * 100)).toBe(Number(fen))

  await page.getByRole('link', { name: '打印报告' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`宝坻区 2025 年技术合同成交额报告（${town}）`)
  await page.screenshot({ path: 'test-results/screenshots/dashboard-report.png', fullPage: true })
})
