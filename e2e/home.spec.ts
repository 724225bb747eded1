/**
 * "Việc cần làm", the page after sign-in, with the demo accounts: each person finds their own work
 * and reaches the page where it is done in one click.
 */
import { expect, test } from '@playwright/test';
import { ADMIN, signIn } from './support/session.ts';

const CAMPAIGN_2026 = 'Xác định Chỉ số CCHC năm 2026 cấp xã (dữ liệu mẫu)';

test('the unit officer follows the sheet to finish to the self-assessment', async ({ page }) => {
  await signIn(page, 'canbo.kimphuong');
  const item = page
    .getByRole('list', { name: 'Danh sách việc cần làm' })
    .getByRole('listitem')
    .filter({ hasText: CAMPAIGN_2026 });
  await expect(item).toContainText(/Hạn: \d{2}\/\d{2}\/\d{4}/);
  await item
    .getByRole('link', { name: /^Tự đánh giá của Xã Kim Phượng: đã chấm \d+\/\d+ tiêu chí$/ })
    .click();
  await expect(page).toHaveURL(/\/campaigns\/\d+\/units\/\d+$/);
  await expect(
    page.getByRole('heading', { name: 'Phiếu tự đánh giá: Xã Kim Phượng', level: 2 }),
  ).toBeVisible();
});

// The appraiser's queue is followed in the API test (home.test.ts): the browser suite's other
// files score the demo's open round-1 items before this one runs.
test('the council chair follows the round to close to the campaign', async ({ page }) => {
  await signIn(page, 'hoidong.thainguyen');
  await page
    .getByRole('link', { name: /^Chốt thẩm định vòng 1: \d+ đơn vị$/ })
    .first()
    .click();
  await expect(page.getByRole('heading', { name: CAMPAIGN_2026, level: 2 })).toBeVisible();
});

test('the People’s Council member follows its supervision', async ({ page }) => {
  await signIn(page, 'hdnd.phuongtien');
  await page
    .getByRole('link', { name: /^Giám sát tại Xã Phượng Tiến: \d+ nội dung phát hiện/ })
    .click();
  await expect(page).toHaveURL(/\/remediation\/supervisions\/\d+$/);
});

test('the enumerator is shown the field app with a QR code to install it', async ({ page }) => {
  await signIn(page, 'dieutra.dailanh');
  const section = page.getByRole('region', { name: 'Ứng dụng thu thập phiếu trên điện thoại' });
  await expect(
    section.getByRole('img', { name: /^Mã QR mở ứng dụng thu thập phiếu: http/ }),
  ).toBeVisible();
  await section.getByRole('link', { name: 'Mở ứng dụng thu thập phiếu' }).click();
  await expect(
    page.getByRole('heading', { name: 'Thu thập phiếu khảo sát (ngoại tuyến)' }),
  ).toBeVisible();
});

test('the administrator sees the accounts and the health of the system, in English too', async ({
  page,
}) => {
  await signIn(page, ADMIN.username, ADMIN.password);
  await expect(page.getByText(/^Tình trạng hệ thống: kho lưu tệp hoạt động;/)).toBeVisible();
  await page.getByRole('banner').getByText('English', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'To do', level: 2 })).toBeVisible();
  await page.getByRole('link', { name: /^Accounts: \d+ accounts/ }).click();
  await expect(page).toHaveURL(/\/users$/);
});
