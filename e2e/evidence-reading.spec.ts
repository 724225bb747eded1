/**
 * What the evidence check read, beside the file: an officer attaches a Decree 30 plan to a
 * sub-criterion, sees its number, date, issuing body and signer read from it, with no signature
 * and so nothing to trust, confirms the reading into the unit's library and finds it recorded.
 */
import { expect, test } from '@playwright/test';
import { textPdf } from '../src/server/test-support/test-pdfs.ts';
import { signIn } from './support/session.ts';

test('an officer sees what was read from an attached plan and confirms it into the library', async ({
  page,
}) => {
  const plan = await textPdf();
  await signIn(page, 'canbo.kimphuong');
  await page.goto('/campaigns');
  await page
    .getByRole('link', { name: /Chỉ số CCHC năm 2026/ })
    .first()
    .click();
  await page.getByRole('link', { name: 'Tự đánh giá: Xã Kim Phượng' }).click();
  await page.getByRole('button', { name: /^9\.2\. / }).click();
  const panel = page.getByRole('region', { name: /^9\.2\. / });
  const chooser = page.waitForEvent('filechooser');
  await panel.getByRole('button', { name: 'Tải tệp lên' }).click();
  await (
    await chooser
  ).setFiles({
    name: 'ke-hoach-doc-thu.pdf',
    mimeType: 'application/pdf',
    buffer: plan,
  });

  const reading = panel.getByRole('table', { name: /^Kết quả đọc tài liệu/ });
  await expect(reading).toBeVisible({ timeout: 30_000 });
  const row = (label: string) => reading.getByRole('row', { name: new RegExp(`^${label}`) });
  await expect(row('Số, ký hiệu')).toContainText('87/KH-UBND');
  await expect(row('Ngày ban hành')).toContainText('10/05/2023');
  await expect(row('Cơ quan ban hành')).toContainText('UỶ BAN NHÂN DÂN XÃ QUY KỲ');
  await expect(row('Người ký')).toContainText('Luân Đức Quỳnh');
  await expect(row('Chữ ký số')).toContainText('Không có chữ ký số');

  await panel.getByRole('button', { name: 'Xác nhận vào thư viện' }).click();
  const dialog = page.getByRole('dialog', { name: 'Xác nhận thông tin tài liệu' });
  await expect(dialog.getByRole('textbox', { name: 'Số, ký hiệu' })).toHaveValue('87/KH-UBND');
  await expect(dialog.getByRole('textbox', { name: 'Ngày ban hành' })).toHaveValue('10/05/2023');
  await dialog.getByRole('textbox', { name: 'Chức vụ người ký' }).fill('CHỦ TỊCH');
  await dialog.getByRole('button', { name: 'Lưu vào thư viện' }).click();
  await expect(dialog).toBeHidden();
  await expect(panel.getByText(/^Đã xác nhận vào thư viện: /)).toBeVisible();

  // The attachment goes again, so the sheet is as it was; the library keeps the record.
  await panel.getByRole('button', { name: /^Bỏ tài liệu/ }).click();
  await expect(reading).toBeHidden();
});
