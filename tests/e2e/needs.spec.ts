import { expect, test } from '@playwright/test'
import { signIn } from './helpers'

test('an enterprise posts a need with the guided form and sees matches with reasons', async ({ page }) => {
  await signIn(page, 'enterprise-admin@baodi-demo.cn')
  await page.getByRole('link', { name: '发布新需求' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('发布技术需求')

  // A first try with problems: the form names them in Chinese.
  await page.getByLabel('需求名称').fill('电池')
  await page.getByRole('button', { name: '发布需求' }).click()
  await expect(page.getByText('需求名称至少 4 个字')).toBeVisible()

  await page.getByLabel('需求名称').fill('动力电池包快充温升过高')
  await page
    .getByLabel('需求概述（公开）')
    .fill('我们为物流车配套锂电池包，快充时电芯温度超过55度，存在热失控隐患，希望改进电池包液冷热管理设计。')
  await page.getByLabel('保密详情（选填）').fill('电池包为 80 kWh，客户要求 1C 快充温升低于 15 度。')
  await page.getByLabel('技术领域').selectOption('ENERGY.BATTERY')
  await page.getByRole('button', { name: '从描述中提取关键词' }).click()
  const suggestions = page.getByTestId('keyword-suggestions')
  await expect(suggestions).toBeVisible()
  await suggestions.getByRole('button').first().click()
  await expect(page.getByLabel('关键词')).not.toHaveValue('')
  await page.getByLabel('预算上限（元，选填）').fill('800000')
  await page.getByLabel('技术开发').check()
  await page.getByLabel('技术服务').check()
  await page.screenshot({ path: 'test-results/screenshots/need-form.png', fullPage: true })
  await page.getByRole('button', { name: '发布需求' }).click()

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('动力电池包快充温升过高')
  await expect(page.getByText('已发布')).toBeVisible()
  await expect(page.getByText('电池包为 80 kWh')).toBeVisible()
  await expect(page.getByRole('heading', { name: '匹配推荐' })).toBeVisible()
  await page.getByRole('link', { name: '科技成果', exact: true }).click()
  await expect(page.getByTestId('match-list').locator('> li').first()).toContainText('匹配关键词')
  await page.screenshot({ path: 'test-results/screenshots/need-posted.png', fullPage: true })

  await page.getByRole('button', { name: '关闭需求' }).click()
  await expect(page.getByRole('status')).toHaveText('需求状态已更新')
  await expect(page.getByText('已关闭')).toBeVisible()
})
