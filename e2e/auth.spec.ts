/** Signing in and out, and what a refused sign-in tells the user. */
import { expect, test } from '@playwright/test';
import { signIn } from './support/session.ts';

test('a demo user signs in, sees their name, and signs out', async ({ page }) => {
  await page.goto('/');
  // Not signed in yet: the app sends the visitor to the sign-in page.
  await expect(page.getByRole('heading', { name: 'Đăng nhập' })).toBeVisible();

  await signIn(page, 'canbo.kimphuong');
  await expect(
    page.getByRole('banner').getByText('Công chức CCHC xã Kim Phượng (demo)'),
  ).toBeVisible();
  // The page after sign-in is the person's to-do list: the officer's sheet to finish is on it.
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('link', { name: /^Tự đánh giá của Xã Kim Phượng/ })).toBeVisible();

  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page.getByText('Bạn đã đăng xuất.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Đăng nhập' })).toBeVisible();

  // The session is really gone: a protected page leads back to sign-in.
  await page.goto('/units');
  await expect(page.getByRole('heading', { name: 'Đăng nhập' })).toBeVisible();
});

test('a wrong password shows the server message in Vietnamese', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Tên đăng nhập').fill('hdnd.phuongtien');
  await page.getByRole('textbox', { name: 'Mật khẩu', exact: true }).fill('not-the-password');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('alert')).toContainText('Tên đăng nhập hoặc mật khẩu không đúng.');
  await expect(page.getByRole('heading', { name: 'Đăng nhập' })).toBeVisible();
});

test('empty fields are explained before anything is sent', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByText('Hãy nhập tên đăng nhập.')).toBeVisible();
  await expect(page.getByText('Hãy nhập mật khẩu.')).toBeVisible();
});

test('the language switch turns the app into English and is remembered', async ({ page }) => {
  await page.goto('/login');
  await page.getByText('English', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  // The server answers in the same language.
  await page.getByLabel('Username').fill('hdnd.phuongtien');
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('Wrong username or password.');
  await page.getByText('Tiếng Việt', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Đăng nhập' })).toBeVisible();
});
