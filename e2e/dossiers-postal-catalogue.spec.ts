/**
 * The province's catalogue of procedures offered through the public postal service, in the
 * browser: Khánh Hòa's standing agency pastes a list with a bad line and sees the line named,
 * nothing saved; the corrected list is saved; a commune officer of the province sees the same list,
 * read-only.
 */
import { expect, test } from '@playwright/test';
import { signIn } from './support/session.ts';

test('the standing agency pastes the catalogue; a commune reads it', async ({ page }) => {
  await signIn(page, 'noivu.khanhhoa');
  await page.goto('/dossiers/postal-catalogue');
  await expect(
    page.getByRole('heading', { name: 'Danh mục TTHC thực hiện qua dịch vụ bưu chính công ích' }),
  ).toBeVisible();
  await page.getByRole('combobox', { name: 'Tỉnh hoặc đơn vị' }).fill('Khánh Hòa');
  await page.getByRole('option', { name: /Khánh Hòa \(56\)/ }).click();
  await expect(
    page.getByText(
      'Chưa có danh mục: tỷ lệ TTHC bưu chính công ích có phát sinh hồ sơ chưa tính được.',
    ),
  ).toBeVisible();

  const list = page.getByRole('textbox', { name: 'Danh sách thủ tục' });
  await list.fill(
    [
      'Mã TTHC\tTên thủ tục',
      '1.001193\tĐăng ký khai sinh',
      '\tĐăng ký kết hôn',
      '2.000635\tChứng thực bản sao từ bản chính',
    ].join('\n'),
  );
  await page.getByRole('button', { name: 'Lưu danh mục' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Danh mục có 1 dòng lỗi; danh mục chưa được thay đổi.');
  await expect(alert).toContainText('Dòng 3: thiếu mã TTHC.');

  await list.fill(
    [
      '1.001193\tĐăng ký khai sinh',
      '1.004946\tĐăng ký kết hôn',
      '2.000635\tChứng thực bản sao từ bản chính',
      '1.003583\tXác nhận tình trạng hôn nhân',
    ].join('\n'),
  );
  await page.getByRole('button', { name: 'Lưu danh mục' }).click();
  await expect(page.getByText('Đã lưu danh mục: 4 thủ tục.')).toBeVisible();
  await expect(
    page.getByText(/^Danh mục của .*Khánh Hòa, cập nhật ngày .*: 4 thủ tục\.$/),
  ).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Xác nhận tình trạng hôn nhân' })).toBeVisible();

  // A commune of the province reads the list it is measured against, without editing it.
  await page.context().clearCookies();
  await signIn(page, 'canbo.dailanh');
  await page.goto('/dossiers/postal-catalogue');
  await page.getByRole('combobox', { name: 'Tỉnh hoặc đơn vị' }).fill('Đại Lãnh');
  await page.getByRole('option', { name: /Đại Lãnh \(22504\)/ }).click();
  await expect(
    page.getByText(/^Theo danh mục của .*Khánh Hòa, cập nhật ngày .*: 4 thủ tục\.$/),
  ).toBeVisible();
  await expect(page.getByRole('cell', { name: '1.004946' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Danh sách thủ tục' })).toHaveCount(0);
  await expect(
    page.getByText(
      'Bạn chỉ xem được; cơ quan thường trực cải cách hành chính của tỉnh mới thay được danh mục.',
    ),
  ).toBeVisible();

  // In English, the rates the catalogue feeds say what they count in English too.
  await page.evaluate("window.localStorage.setItem('parindex.language', 'en')");
  await page.reload();
  await expect(
    page.getByText(/^Following the catalogue of .*Khánh Hòa, updated .*: 4 procedures\.$/),
  ).toBeVisible();
  await page.getByRole('tab', { name: 'Quarterly results' }).click();
  const rates = page.getByRole('table', { name: 'Rates of the whole area against targets' });
  await expect(
    rates.getByText('of the procedures in the postal-service catalogue', { exact: true }),
  ).toBeVisible();
  await expect(
    rates.getByText('of the dossiers with a result and a due date').first(),
  ).toBeVisible();
  await expect(page.getByText('trên số TTHC trong danh mục bưu chính công ích')).toHaveCount(0);
  // The catalogue is one click from the rate it feeds.
  await rates.getByRole('link', { name: 'Postal-service catalogue' }).click();
  await expect(
    page.getByRole('heading', { name: 'Procedures offered through the public postal service' }),
  ).toBeVisible();
  await page.evaluate("window.localStorage.setItem('parindex.language', 'vi')");
});
