/**
 * Official documents as an office drafts them: from xã Quy Kỳ's 2022 scorecard, "Tạo văn bản"
 * follows the job to the end and gives the Word file (seed 000's numbers inside) and its PDF;
 * on the templates page a file that is not a Word template is refused with the reason.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import PizZip from 'pizzip';
import { signIn } from './support/session.ts';

test('drafts xã Quy Kỳ self-assessment report from its scorecard', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, 'noivu.thainguyen');
  await page
    .getByRole('navigation', { name: 'Điều hướng chính' })
    .getByRole('link', { name: 'Đợt đánh giá' })
    .click();
  await page
    .getByRole('link', { name: /Chỉ số CCHC năm 2022 của UBND các xã huyện Định Hóa/ })
    .first()
    .click();
  await page.getByRole('link', { name: 'Kết quả, xếp hạng' }).click();
  await page.getByRole('link', { name: 'Xã Quy Kỳ' }).click();
  await expect(page.getByRole('heading', { name: 'Kết quả: Xã Quy Kỳ' })).toBeVisible();

  await page.getByRole('button', { name: 'Tạo văn bản' }).click();
  const dialog = page.getByRole('dialog', { name: 'Báo cáo tự đánh giá Chỉ số CCHC' });
  const word = dialog.getByRole('link', { name: 'Tải bản Word (.docx)' });
  await expect(word).toBeVisible({ timeout: 90_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), word.click()]);
  expect(download.suggestedFilename()).toMatch(/\.docx$/);
  const xml = new PizZip(readFileSync((await download.path())!))
    .file('word/document.xml')!
    .asText();
  expect(xml).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  expect(xml).toContain('58,25/100');
  expect(xml).toContain('89,6%');
  // A PDF of the same document, when the server has LibreOffice (CI installs it).
  await expect(
    dialog
      .getByRole('link', { name: 'Tải bản PDF' })
      .or(dialog.getByText('Máy chủ chưa cài LibreOffice')),
  ).toBeVisible();
});

test('refuses a file that is not a Word template, keeping the shipped one', async ({ page }) => {
  await signIn(page, 'noivu.thainguyen');
  await page
    .getByRole('navigation', { name: 'Điều hướng chính' })
    .getByRole('link', { name: 'Mẫu văn bản' })
    .click();
  await expect(page.getByRole('heading', { name: 'Mẫu văn bản', level: 2 })).toBeVisible();
  const card = page.getByRole('region', { name: 'Báo cáo tự đánh giá Chỉ số CCHC' });
  await expect(card.getByText('Mẫu gốc của phần mềm')).toBeVisible();
  const chooser = page.waitForEvent('filechooser');
  await card.getByRole('button', { name: 'Tải lên mẫu đã sửa' }).click();
  await (
    await chooser
  ).setFiles({
    name: 'mau.docx',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from('không phải tệp Word'),
  });
  await expect(card.getByRole('alert')).toContainText('không phải tệp Word');
  await expect(card.getByText('Mẫu gốc của phần mềm')).toBeVisible();
  // The fields a template may use are listed with their meaning.
  await card.getByRole('button', { name: 'Xem các trường dữ liệu' }).click();
  await expect(card.getByRole('row').filter({ hasText: '{placeDate}' })).toContainText(
    'Địa danh và ngày tháng năm',
  );
});
