/**
 * An administrator creates an account with a role on a unit and hands over the temporary password;
 * the new user must replace it at first sign-in.
 */
import { expect, test } from '@playwright/test';
import { ADMIN, signIn } from './support/session.ts';

const username = `e2e.${Date.now().toString(36)}`;
const fullName = 'Nguyễn Thị Kiểm Thử';

test('admin creates a user with a grant, sees the temporary password, and the user changes it', async ({
  page,
}) => {
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.getByRole('link', { name: 'Người dùng' }).click();
  await expect(page.getByRole('heading', { name: 'Người dùng', level: 2 })).toBeVisible();

  await page.getByRole('button', { name: 'Tạo người dùng' }).click();
  const dialog = page.getByRole('dialog', { name: 'Tạo người dùng' });
  await dialog.getByRole('textbox', { name: 'Tên đăng nhập' }).fill(username);
  await dialog.getByRole('textbox', { name: 'Họ và tên' }).fill(fullName);
  await dialog.getByRole('combobox', { name: 'Vai trò' }).click();
  await page.getByRole('option', { name: 'Công chức phụ trách CCHC' }).click();
  await dialog.getByRole('combobox', { name: 'Đơn vị' }).fill('dai lanh');
  await page.getByRole('option', { name: /Xã Đại Lãnh \(22504\).*Tỉnh Khánh Hòa/ }).click();
  await dialog.getByRole('button', { name: 'Tạo người dùng' }).click();

  await expect(dialog.getByText(`Đã tạo người dùng «${username}».`)).toBeVisible();
  await expect(dialog.getByText(`Mật khẩu tạm của «${username}»`)).toBeVisible();
  const temporaryPassword =
    (await dialog.getByTestId('temporary-password').textContent())?.trim() ?? '';
  expect(temporaryPassword.length).toBeGreaterThanOrEqual(10);
  await dialog.getByRole('button', { name: 'Đóng' }).last().click();

  await page.getByLabel('Tìm người dùng').fill(username);
  const row = page.getByRole('row').filter({ hasText: username });
  await expect(row).toContainText(fullName);
  await expect(row).toContainText('Công chức phụ trách CCHC · Xã Đại Lãnh');
  await expect(row).toContainText('Chưa đổi mật khẩu tạm');

  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page.getByRole('heading', { name: 'Đăng nhập' })).toBeVisible();

  // First sign-in with the temporary password: a new password is required before anything else.
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByRole('textbox', { name: 'Mật khẩu', exact: true }).fill(temporaryPassword);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByText('Bạn đang dùng mật khẩu tạm')).toBeVisible();
  await page.getByRole('textbox', { name: 'Mật khẩu hiện tại' }).fill(temporaryPassword);
  await page.getByRole('textbox', { name: 'Mật khẩu mới', exact: true }).fill('mat-khau-moi-2025');
  await page.getByRole('textbox', { name: 'Nhập lại mật khẩu mới' }).fill('mat-khau-moi-2025');
  await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  // After the change the person lands on their home page, signed in under their own name.
  await expect(
    page.getByRole('heading', { name: 'Việc cần làm', exact: true, level: 2 }),
  ).toBeVisible();
  await expect(page.getByRole('banner').getByText(fullName)).toBeVisible();
});
