import type { Page } from '@playwright/test'

export const DEMO_PASSWORD = 'Baodi2026demo'

export async function signIn(page: Page, email: string) {
  await page.goto('/login')
  await page.getByLabel('电子邮箱').fill(email)
  await page.getByLabel('密码').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: '登录' }).click()
  // Signed in once the login page is left behind (for a wrong password it is not; callers check).
  await page.waitForURL((url) => url.pathname !== '/login', { timeout: 5000 }).catch(() => {})
}
