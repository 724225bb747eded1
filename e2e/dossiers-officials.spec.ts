/**
 * The one-stop officials of a unit, in the browser: xã Kim Phượng's officer names an official,
 * is told when the code is already named, corrects and removes a name, uploads a file with a bad
 * row and sees its row and column, with no critical or serious accessibility problem on the
 * page; the commune's head reads the list without editing it.
 */
import { expect, test } from '@playwright/test';
import { seriousViolations } from './support/axe.ts';
import { signIn } from './support/session.ts';

test.use({ bypassCSP: true });

test('a commune officer keeps the names of its one-stop officials', async ({ page }) => {
  await signIn(page, 'canbo.kimphuong');
  await page.goto('/dossiers/officials');
  await expect(page.getByRole('heading', { name: 'Cán bộ Bộ phận Một cửa' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Đơn vị' }).fill('Kim Phượng');
  await page.getByRole('option', { name: /Kim Phượng \(05551\) thuộc/ }).click();
  await expect(page.getByText('Đơn vị chưa ghi tên cán bộ nào.')).toBeVisible();

  const code = page.getByRole('textbox', { name: 'Mã cán bộ' });
  const name = page.getByRole('textbox', { name: 'Họ và tên' });
  await code.fill('KP-01');
  await name.fill('Nguyễn Thị Hòa');
  await page.getByRole('button', { name: 'Thêm', exact: true }).click();
  await expect(page.getByText('Đã ghi tên cán bộ mã KP-01.')).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Nguyễn Thị Hòa' })).toBeVisible();
  await expect(page.getByText('1 cán bộ đã ghi tên.')).toBeVisible();

  // The same code again is refused with what is already recorded.
  await code.fill('KP-01');
  await name.fill('Người Khác');
  await page.getByRole('button', { name: 'Thêm', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText(
    'Đơn vị «Xã Kim Phượng» đã có cán bộ mã «KP-01» (Nguyễn Thị Hòa); hãy sửa tên thay vì thêm mới.',
  );

  expect(await seriousViolations(page)).toEqual([]);

  // Correcting the name in its row.
  await page.getByRole('button', { name: 'Sửa họ tên của cán bộ mã KP-01' }).click();
  await page
    .getByRole('textbox', { name: 'Sửa họ tên của cán bộ mã KP-01' })
    .fill('Nguyễn Thị Hoà Bình');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(page.getByText('Đã sửa tên cán bộ mã KP-01.')).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Nguyễn Thị Hoà Bình' })).toBeVisible();

  // A file with a row lacking its name: the row and column are named, nothing is saved.
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Tệp danh sách cán bộ' }).click();
  await (
    await chooser
  ).setFiles({
    name: 'can-bo.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('Mã cán bộ,Họ và tên\nKP-02,Đinh Thị Lan\nKP-03,\n'),
  });
  await page.getByRole('button', { name: 'Tải lên', exact: true }).click();
  const problems = page.getByRole('alert', { name: 'Nhập từ tệp CSV/Excel' });
  await expect(problems).toContainText('Tệp có 1 lỗi; danh sách cán bộ chưa được thay đổi.');
  await expect(problems).toContainText('Dòng 3, cột «Họ và tên»: thiếu họ và tên.');
  await expect(page.getByRole('cell', { name: 'Đinh Thị Lan' })).toHaveCount(0);

  expect(await seriousViolations(page)).toEqual([]);

  // Removing a name asks first.
  await page.getByRole('button', { name: 'Xóa tên của cán bộ mã KP-01' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Xóa tên của cán bộ mã KP-01 (Nguyễn Thị Hoà Bình)?');
  await dialog.getByRole('button', { name: 'Xóa', exact: true }).click();
  await expect(page.getByText('Đã xóa tên cán bộ mã KP-01.')).toBeVisible();
  await expect(page.getByText('Đơn vị chưa ghi tên cán bộ nào.')).toBeVisible();

  // Add one again for the head to read.
  await code.fill('KP-05');
  await name.fill('Hoàng Văn Nam');
  await page.getByRole('button', { name: 'Thêm', exact: true }).click();
  await expect(page.getByRole('cell', { name: 'Hoàng Văn Nam' })).toBeVisible();

  await page.context().clearCookies();
  await signIn(page, 'chutich.kimphuong');
  await page.goto('/dossiers/officials');
  await page.getByRole('combobox', { name: 'Đơn vị' }).fill('Kim Phượng');
  await page.getByRole('option', { name: /Kim Phượng \(05551\) thuộc/ }).click();
  await expect(page.getByRole('cell', { name: 'Hoàng Văn Nam' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Mã cán bộ' })).toHaveCount(0);
  await expect(
    page.getByText(
      'Bạn chỉ xem được; cán bộ của đơn vị hoặc cơ quan thường trực cấp trên mới ghi được tên.',
    ),
  ).toBeVisible();

  // In English.
  await page.evaluate("window.localStorage.setItem('parindex.language', 'en')");
  await page.reload();
  await expect(page.getByRole('heading', { name: 'One-stop desk officials' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Official’s code' })).toBeVisible();
  await page.evaluate("window.localStorage.setItem('parindex.language', 'vi')");
});
