/**
 * Bulk actions on a campaign's units: the standing agency ticks units in the 2026 demo campaign,
 * sends them a reminder, and reads what was done and, unit by unit, what was refused and why; the
 * reminded unit's officer finds the reminder under the bell.
 */
import { expect, test } from '@playwright/test';
import { signIn } from './support/session.ts';

const CAMPAIGN_2026 = /Chỉ số CCHC năm 2026/;

test('the standing agency reminds two units at once and reads why one was refused', async ({
  page,
}) => {
  await signIn(page, 'noivu.thainguyen');
  await page
    .getByRole('navigation', { name: 'Điều hướng chính' })
    .getByRole('link', { name: 'Đợt đánh giá' })
    .click();
  await page.getByRole('link', { name: CAMPAIGN_2026 }).first().click();
  await expect(page.getByRole('heading', { name: CAMPAIGN_2026, level: 2 })).toBeVisible();

  const toolbar = page.getByRole('toolbar', { name: 'Thao tác với các đơn vị đã chọn' });
  await expect(toolbar.getByRole('button', { name: 'Nhắc' })).toBeDisabled();
  await page.getByRole('checkbox', { name: 'Chọn Xã Kim Phượng' }).check();
  await page.getByRole('checkbox', { name: 'Chọn Xã Phượng Tiến' }).check();
  await expect(toolbar).toContainText('Đã chọn 2 đơn vị');
  // The agency publishes and reopens; approving is the council chair's.
  await expect(toolbar.getByRole('button', { name: 'Công bố' })).toBeVisible();
  await expect(toolbar.getByRole('button', { name: 'Mở lại' })).toBeVisible();
  await expect(toolbar.getByRole('button', { name: 'Duyệt' })).toHaveCount(0);

  await toolbar.getByRole('button', { name: 'Nhắc' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nhắc' });
  await expect(dialog).toContainText('Gửi lời nhắc cho cán bộ và lãnh đạo của 2 đơn vị đã chọn');
  await dialog.getByRole('button', { name: 'Nhắc' }).click();

  const summary = page.getByTestId('bulk-summary');
  await expect(summary).toContainText('Nhắc: kết quả');
  await expect(summary).toContainText('Đã thực hiện: 1 đơn vị');
  await expect(summary.getByRole('listitem').filter({ hasText: 'Xã Kim Phượng' })).toHaveText(
    'Xã Kim Phượng: đã nhắc 2 người',
  );
  await expect(summary).toContainText('Không thực hiện: 1 đơn vị');
  await expect(summary.getByRole('listitem').filter({ hasText: 'Xã Phượng Tiến' })).toHaveText(
    'Xã Phượng Tiến: Không có việc chờ Xã Phượng Tiến (hồ sơ đang thẩm định vòng 1).',
  );
  // The selection is cleared once done.
  await expect(page.getByRole('checkbox', { name: 'Chọn Xã Kim Phượng' })).not.toBeChecked();
});

test('the reminded officer reads the reminder under the bell', async ({ page }) => {
  await signIn(page, 'canbo.kimphuong');
  await page.getByRole('button', { name: /Thông báo/ }).click();
  await expect(page.getByText('Nhắc việc: Xã Kim Phượng').first()).toBeVisible();
});
