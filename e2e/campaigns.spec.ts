/**
 * Campaigns as their users see them: the published 2022 results with xã Quy Kỳ's seed numbers,
 * a unit officer self-assessing in the 2026 campaign with a PDF as evidence, the appraiser's
 * queue and a round-1 score with its reason, the public page without signing in, and a unit
 * officer refused another unit's self-assessment.
 */
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './support/session.ts';
import { minimalPdf } from '../src/server/test-support/minimal-pdf.ts';

const CAMPAIGN_2022 = /Chỉ số CCHC năm 2022 của UBND các xã huyện Định Hóa/;
const CAMPAIGN_2026 = /Chỉ số CCHC năm 2026/;

/** A blank one-page PDF. */
const tinyPdf = (): Buffer => minimalPdf({ width: 200, height: 200 });

/**
 * The sub-criteria of criteria 3 to 9 of the demo's 2026 set, which xã Kim Phượng has not scored
 * (the demo scored those of criteria 1 and 2).
 */
const KIM_PHUONG_LEFT = [
  ...['3.1.1', '3.1.2', '3.1.3', '3.2.1', '3.2.2', '3.2.3', '3.3.1', '3.3.2', '3.3.3'],
  ...['3.4', '3.5', '3.6', '3.7'],
  ...['4.1', '4.2.1', '4.2.2', '4.3', '4.4'],
  ...['5.1.1', '5.1.2', '5.2.1', '5.2.2', '5.3', '5.4', '5.5'],
  ...['6.1', '6.2', '6.3', '6.4', '6.5', '6.6'],
  ...['7.1', '7.2.1', '7.2.2', '7.3.1', '7.3.2', '7.3.3', '7.4', '7.5', '7.6'],
  ...['8.1', '8.2', '8.3', '8.4', '8.5'],
  ...['9.1', '9.2'],
];
const leftText = (codes: string[]) =>
  `Còn ${codes.length} nội dung chưa hoàn thành: ${codes.join(', ')}.`;

async function openCampaign(page: Page, name: RegExp): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Điều hướng chính' })
    .getByRole('link', { name: 'Đợt đánh giá' })
    .click();
  await expect(page.getByRole('heading', { name: 'Đợt đánh giá', level: 2 })).toBeVisible();
  await page.getByRole('link', { name }).first().click();
  await expect(page.getByRole('heading', { name, level: 2 })).toBeVisible();
}

test('the published 2022 campaign shows xã Quy Kỳ at 58,25, Trung bình, 89,6 % of 2021', async ({
  page,
}) => {
  await signIn(page, 'noivu.thainguyen');
  await openCampaign(page, CAMPAIGN_2022);
  await expect(page.getByText('ngày 15 tháng 12 năm 2022')).toBeVisible();
  const rankingCalls: string[] = [];
  page.on('request', (r) => {
    if (/\/api\/v1\/campaigns\/\d+\/results(\?|$)/.test(r.url())) rankingCalls.push(r.url());
  });
  await page.getByRole('link', { name: 'Kết quả, xếp hạng' }).click();
  const table = page.getByRole('table', { name: 'Bảng xếp hạng' });
  const row = table.getByRole('row').filter({ hasText: 'Xã Quy Kỳ' });
  await expect(row).toContainText('58,25');
  await expect(row).toContainText('Trung bình');
  await expect(row).toContainText('89,6 %');
  await expect(row).toContainText('2/2');

  // The name filter (diacritics optional) works on the ranking already loaded: one request in all.
  await page.getByRole('searchbox', { name: 'Tìm đơn vị' }).fill('phuong tien');
  await expect(table.getByRole('row').filter({ hasText: 'Xã Quy Kỳ' })).toHaveCount(0);
  await expect(table.getByRole('row').filter({ hasText: 'Xã Phượng Tiến' })).toHaveCount(1);
  expect(rankingCalls).toHaveLength(1);

  // The scorecard of Phượng Tiến names every lost point with its reason.
  await page.getByRole('link', { name: 'Xã Phượng Tiến' }).click();
  await expect(page.getByRole('heading', { name: 'Kết quả: Xã Phượng Tiến' })).toBeVisible();
  const lost = page.getByRole('region', { name: 'Điểm bị mất và lý do' });
  await expect(lost).toContainText('2.2');
  await expect(lost).toContainText('không có văn bản để rà soát');
  await expect(lost).toContainText('7.2');
});

test('a unit officer self-assesses a sub-criterion with a PDF and sees what is left to submit', async ({
  page,
}) => {
  await signIn(page, 'canbo.kimphuong');
  await openCampaign(page, CAMPAIGN_2026);
  await page.getByRole('link', { name: 'Tự đánh giá: Xã Kim Phượng' }).click();
  await expect(
    page.getByRole('heading', { name: 'Phiếu tự đánh giá: Xã Kim Phượng' }),
  ).toBeVisible();
  await expect(page.getByTestId('left-to-do')).toHaveText(leftText(KIM_PHUONG_LEFT));

  // 3.1.2, the review of procedures, is scored by the appraiser's judgement up to 1 point.
  await page.getByRole('button', { name: /^3\.1\.2\. / }).click();
  const panel = page.getByRole('region', { name: /^3\.1\.2\. / });
  await panel.getByRole('textbox', { name: 'Điểm chấm' }).fill('0,75');
  await expect(panel.getByRole('status').filter({ hasText: 'Đã lưu' })).toBeVisible();
  await expect(panel).toContainText('0,75/1,00 điểm');

  const chooser = page.waitForEvent('filechooser');
  await panel.getByRole('button', { name: 'Tải tệp lên' }).click();
  await (
    await chooser
  ).setFiles({
    name: 'ke-hoach-cchc-2026.pdf',
    mimeType: 'application/pdf',
    buffer: tinyPdf(),
  });
  await expect(
    panel.getByRole('button', { name: 'ke-hoach-cchc-2026.pdf', exact: true }),
  ).toBeVisible();
  await expect(panel.getByRole('status').filter({ hasText: 'Đã lưu' })).toBeVisible();

  // Progress follows: one item fewer; submitting waits for the rest.
  await expect(page.getByTestId('left-to-do')).toHaveText(
    leftText(KIM_PHUONG_LEFT.filter((code) => code !== '3.1.2')),
  );
  await expect(page.getByRole('button', { name: 'Nộp bản tự chấm' })).toBeDisabled();
  await expect(page.getByText('Chỉ nộp được khi mọi nội dung đã hoàn thành.')).toBeVisible();

  // The evidence is kept: after a reload it is still attached and can be previewed.
  await page.reload();
  await page.getByRole('button', { name: /^3\.1\.2\. / }).click();
  const again = page.getByRole('region', { name: /^3\.1\.2\. / });
  await again.getByRole('button', { name: 'ke-hoach-cchc-2026.pdf', exact: true }).click();
  await expect(page.getByRole('dialog', { name: /Xem tài liệu/ }).locator('iframe')).toBeVisible();
});

test('the appraiser scores an assigned sub-criterion from the queue with a reason', async ({
  page,
}) => {
  await signIn(page, 'thamdinh.thainguyen');
  await openCampaign(page, CAMPAIGN_2026);
  await page.getByRole('link', { name: 'Việc thẩm định của tôi' }).click();
  await expect(page.getByRole('heading', { name: 'Việc thẩm định', level: 2 })).toBeVisible();
  // The 28 sub-criteria of criteria 1–3, ten to a page: 3.4 (digitised dossiers, which the unit
  // scored 1 of 2) is the 25th, on the third page.
  await page.getByRole('button', { name: '3', exact: true }).click();
  const item = page.getByRole('listitem', { name: 'Xã Phượng Tiến · 3.4' });
  await expect(item).toContainText('1,00/2,00 điểm');
  const score = item.getByRole('textbox', { name: 'Điểm thẩm định' });
  await score.fill('0,75');
  await item.getByRole('button', { name: 'Lưu điểm thẩm định' }).click();
  await expect(item.getByRole('alert')).toHaveText(
    'Điểm thấp hơn điểm tối đa: phải ghi lý do mất điểm.',
  );
  await item
    .getByRole('textbox', { name: /Lý do mất điểm/ })
    .fill('Số liệu số hóa chưa trích xuất từ Hệ thống thông tin giải quyết TTHC.');
  await item.getByRole('button', { name: 'Lưu điểm thẩm định' }).click();
  await expect(item.getByRole('status')).toHaveText('Đã lưu');
  await page.reload();
  await page.getByRole('button', { name: '3', exact: true }).click();
  await expect(
    page
      .getByRole('listitem', { name: 'Xã Phượng Tiến · 3.4' })
      .getByRole('textbox', { name: 'Điểm thẩm định' }),
  ).toHaveValue('0,75');
});

test('the public page of the 2022 campaign shows the ranking without signing in', async ({
  page,
}) => {
  // Find the page's address while signed in, then visit it as anyone would.
  await signIn(page, 'canbo.kimphuong');
  await openCampaign(page, CAMPAIGN_2022);
  const address = await page.getByRole('link', { name: 'Trang công khai' }).getAttribute('href');
  expect(address).toMatch(/^\/public\/campaigns\/\d+$/);
  await page.context().clearCookies();

  await page.goto(address ?? '/');
  await expect(page.getByRole('heading', { name: CAMPAIGN_2022, level: 1 })).toBeVisible();
  const row = page
    .getByRole('table', { name: 'Kết quả đã công bố' })
    .getByRole('row')
    .filter({ hasText: 'Xã Quy Kỳ' });
  await expect(row).toContainText('2/2');
  await expect(row).toContainText('58,25');
  await expect(row).toContainText('Trung bình');
  await expect(page.getByRole('button', { name: 'Đăng xuất' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Đăng nhập' })).toHaveCount(0);
});

test('a unit officer does not find another unit among the campaign’s participants', async ({
  page,
}) => {
  await signIn(page, 'canbo.kimphuong');
  await openCampaign(page, CAMPAIGN_2026);
  // Only the units the officer's grants reach are listed: its own commune, not Phượng Tiến.
  await expect(page.getByRole('row').filter({ hasText: 'Xã Kim Phượng' })).toHaveCount(1);
  await expect(page.getByRole('row').filter({ hasText: 'Xã Phượng Tiến' })).toHaveCount(0);
});
