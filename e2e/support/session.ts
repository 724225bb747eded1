/** Signing in and out through the web app, as a user would. */
import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'demo-parindex';
export const ADMIN = { username: 'admin', password: 'admin-e2e-password' };

/** Opens the sign-in page, signs in and waits for the first page of the app, "Việc cần làm". */
export async function signIn(
  page: Page,
  username: string,
  password = DEMO_PASSWORD,
): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByRole('textbox', { name: 'Mật khẩu', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('heading', { name: 'Việc cần làm', level: 2 })).toBeVisible();
}

/** Opens the units page. */
export async function openUnits(page: Page): Promise<void> {
  await page.goto('/units');
  await expect(page.getByRole('heading', { name: 'Đơn vị', exact: true, level: 2 })).toBeVisible();
}

/** Searches the units page and waits for the given unit in the results. */
export async function searchUnits(page: Page, text: string, expectedName: string): Promise<void> {
  await page.getByLabel('Tìm đơn vị').fill(text);
  await expect(page.getByRole('heading', { name: 'Kết quả tìm kiếm' })).toBeVisible();
  await expect(page.getByRole('link', { name: expectedName, exact: true }).first()).toBeVisible();
}

/** Turns on "only active units" (the switch is kept in the address, so it flips once the URL has). */
export async function onlyActiveUnits(page: Page): Promise<void> {
  const toggle = page.getByRole('switch', { name: 'Chỉ đơn vị đang hoạt động' });
  await toggle.click();
  await expect(toggle).toBeChecked();
}
