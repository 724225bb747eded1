/**
 * A signed OpenDocument plan read beside the file as a signed PDF is: LibreOffice saves the plan,
 * xmlsec1 signs it inside the package; the officer attaches it and sees the signature valid, its
 * signer and the CA that issued the certificate, and that trust was not checked (the test server
 * has no root certificates configured).
 */
import { expect, test } from '@playwright/test';
import {
  libreOfficeDocument,
  libreOfficeMissing,
} from '../src/server/features/evidence/libreoffice-documents.ts';
import { officeSigningMissing, signOdt } from '../src/server/test-support/xmlsec-office-signing.ts';
import { createTestSigner } from '../src/server/test-support/test-pdfs.ts';
import { signIn } from './support/session.ts';

const missing = libreOfficeMissing ?? officeSigningMissing;

test('an officer sees the digital signature inside an attached .odt plan', async ({ page }) => {
  test.skip(missing !== null, missing ?? '');
  test.setTimeout(120_000);
  const plan = await signOdt(await libreOfficeDocument('odt'), createTestSigner());
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
    name: 'ke-hoach-da-ky.odt',
    mimeType: 'application/vnd.oasis.opendocument.text',
    buffer: plan,
  });

  const reading = panel.getByRole('table', { name: /^Kết quả đọc tài liệu/ });
  await expect(reading).toBeVisible({ timeout: 60_000 });
  const row = (label: string) => reading.getByRole('row', { name: new RegExp(`^${label}`) });
  await expect(row('Số, ký hiệu')).toContainText('87/KH-UBND');
  await expect(row('Người ký')).toContainText('Luân Đức Quỳnh');
  await expect(row('Chữ ký số')).toContainText('Hợp lệ');
  await expect(row('Chứng thư số do')).toContainText('parindex Test CA');
  await expect(row('Tin cậy')).toContainText(
    'Không kiểm tra được (máy chủ chưa cấu hình chứng thư gốc)',
  );

  // The attachment goes again, so the sheet is as it was.
  await panel.getByRole('button', { name: /^Bỏ tài liệu/ }).click();
  await expect(reading).toBeHidden();
});
