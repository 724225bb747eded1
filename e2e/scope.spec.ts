/**
 * A standing agency manages its own province: it adds a unit there and reads its log, and is
 * refused, with the server's reason, on another province.
 */
import { expect, test } from '@playwright/test';
import { onlyActiveUnits, searchUnits, openUnits, signIn } from './support/session.ts';

const code = `E2E-${Date.now().toString(36).toUpperCase()}`;
const name = `Phòng thử nghiệm ${code}`;

test.beforeEach(async ({ page }) => {
  await signIn(page, 'noivu.khanhhoa');
  await openUnits(page);
  await onlyActiveUnits(page);
});

test('adds a sub-unit under its own province and finds it in the log', async ({ page }) => {
  await searchUnits(page, 'khanh hoa', 'Tỉnh Khánh Hòa');
  await page
    .getByRole('table', { name: 'Kết quả tìm kiếm' })
    .getByRole('link', { name: 'Tỉnh Khánh Hòa', exact: true })
    .click();
  await expect(page.getByRole('heading', { name: 'Tỉnh Khánh Hòa', level: 2 })).toBeVisible();

  await page.getByRole('button', { name: 'Thêm đơn vị trực thuộc' }).click();
  const dialog = page.getByRole('dialog', { name: 'Thêm đơn vị trực thuộc «Tỉnh Khánh Hòa»' });
  await dialog.getByRole('textbox', { name: 'Mã' }).fill(code);
  await dialog.getByRole('textbox', { name: 'Tên đơn vị' }).fill(name);
  await dialog.getByRole('combobox', { name: 'Loại đơn vị' }).click();
  await page.getByRole('option', { name: 'Đơn vị khác' }).click();
  await dialog.getByRole('button', { name: 'Lưu' }).click();

  await expect(page.getByRole('heading', { name, level: 2 })).toBeVisible();
  await expect(page.getByText(`Đã thêm đơn vị «${name}».`)).toBeVisible();
  await expect(
    page
      .getByRole('navigation', { name: 'Vị trí trong cây đơn vị' })
      .getByRole('link', { name: 'Tỉnh Khánh Hòa' }),
  ).toBeVisible();

  // The same code again: the server's objection appears under the code field.
  await page
    .getByRole('navigation', { name: 'Vị trí trong cây đơn vị' })
    .getByRole('link', { name: 'Tỉnh Khánh Hòa' })
    .click();
  await page.getByRole('button', { name: 'Thêm đơn vị trực thuộc' }).click();
  await dialog.getByRole('textbox', { name: 'Mã' }).fill(code);
  await dialog.getByRole('textbox', { name: 'Tên đơn vị' }).fill(`${name} (bản sao)`);
  await dialog.getByRole('combobox', { name: 'Loại đơn vị' }).click();
  await page.getByRole('option', { name: 'Đơn vị khác' }).click();
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Mã' })).toHaveAccessibleDescription(
    new RegExp(`Mã đơn vị «${code}» đã được dùng cho «${name}»`),
  );
  await dialog.getByRole('button', { name: 'Hủy' }).click();

  // The log of the province shows the addition, with what was recorded.
  await page.getByRole('link', { name: 'Nhật ký của đơn vị' }).click();
  await expect(
    page.getByRole('heading', { name: 'Nhật ký của đơn vị «Tỉnh Khánh Hòa»' }),
  ).toBeVisible();
  const entry = page.getByRole('row').filter({ hasText: 'Thêm đơn vị' }).first();
  await expect(entry).toContainText('noivu.khanhhoa');
  await expect(entry).toContainText(name);
  await entry.getByRole('button', { name: 'Xem thay đổi' }).click();
  await expect(page.getByRole('rowheader', { name: 'Mã', exact: true })).toBeVisible();
  await expect(page.getByRole('cell', { name: code, exact: true })).toBeVisible();
});

test('is refused, with the reason, on the log of another province', async ({ page }) => {
  await searchUnits(page, 'thai nguyen', 'Tỉnh Thái Nguyên');
  await page.getByRole('link', { name: 'Tỉnh Thái Nguyên', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Tỉnh Thái Nguyên', level: 2 })).toBeVisible();
  // Nothing to manage here…
  await expect(page.getByRole('button', { name: 'Thêm đơn vị trực thuộc' })).toHaveCount(0);

  // …and its log is refused with the server's explanation, not a blank page.
  await page.getByRole('link', { name: 'Nhật ký của đơn vị' }).click();
  await expect(
    page.getByRole('heading', { name: 'Nhật ký của đơn vị «Tỉnh Thái Nguyên»' }),
  ).toBeVisible();
  const refusal = page.getByRole('alert');
  await expect(refusal).toContainText('Không xem được nhật ký');
  await expect(refusal).toContainText(
    'Bạn không có quyền thực hiện thao tác này trên đơn vị «Tỉnh Thái Nguyên».',
  );
});
