/**
 * Bulk actions on a campaign's units: the standing agency ticks units in the 2026 demo campaign,
 * sends them a reminder, and reads what was done and, unit by unit, what was refused and why; the
 * reminded unit's officer finds the reminder under the bell. A self-assessment reopened in bulk
 * and submitted again reads as submitted on its sheet and on the campaign page, never as reopened.
 */
import { expect, test } from '@playwright/test';
import { apiAs, vnDay } from './support/api.ts';
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

test('a self-assessment reopened in bulk and submitted again reads as submitted, not reopened', async ({
  page,
  request,
}) => {
  const tag = Date.now().toString(36);
  const name = `Chỉ số CCHC mở lại hàng loạt ${tag}`;
  const agency = await apiAs(request, 'noivu.thainguyen');
  const year = Number(vnDay(0).slice(0, 4));
  const { set } = (await agency.post('/api/v1/criteria-sets', {
    name: `Bộ chỉ số một tiêu chí ${tag}`,
    year,
    unitKind: 'commune',
    surveyMaxHundredths: null,
    bands: [
      { label: 'Tốt', fromPercent: 8000, toPercent: null },
      { label: 'Yếu', fromPercent: 0, toPercent: 8000 },
    ],
  })) as { set: { id: number; version: number } };
  await agency.put(`/api/v1/criteria-sets/${set.id}/tree`, {
    version: set.version,
    nodes: [
      {
        code: '1',
        title: 'Chỉ đạo, điều hành',
        maxHundredths: 1000,
        ruleText: 'chấm điểm',
      },
    ],
  });
  const { campaign } = (await agency.post('/api/v1/campaigns', {
    name,
    year,
    deadlines: {
      selfAssessment: vnDay(5),
      round1: vnDay(10),
      explanations: vnDay(15),
      round2: vnDay(20),
      publication: vnDay(25),
    },
    criteriaSets: [{ unitKind: 'commune', criteriaSetId: set.id }],
  })) as { campaign: { id: number } };
  await agency.post(`/api/v1/campaigns/${campaign.id}/participants`, { unitCodes: ['05551'] });
  await agency.post(`/api/v1/campaigns/${campaign.id}/open`, {});
  const units = (await agency.get('/api/v1/units?q=kim%20phuong&current=true')) as {
    items: { id: number; code: string }[];
  };
  const kimPhuong = units.items.find((u) => u.code === '05551')!.id;
  const unitUrl = `/api/v1/campaigns/${campaign.id}/units/${kimPhuong}`;

  const officer = await apiAs(request, 'canbo.kimphuong');
  await officer.put(`${unitUrl}/entries/1/self`, {
    version: 0,
    inputs: { score: 800 },
    explanation: 'Kế hoạch CCHC ban hành đúng hạn.',
  });
  await officer.post(`${unitUrl}/submit`, {});

  // The standing agency reopens it from the campaign's list, with a reason.
  await signIn(page, 'noivu.thainguyen');
  await page.goto(`/campaigns/${campaign.id}`);
  await expect(page.getByRole('heading', { name, level: 2 })).toBeVisible();
  await page.getByRole('checkbox', { name: 'Chọn Xã Kim Phượng' }).check();
  await page
    .getByRole('toolbar', { name: 'Thao tác với các đơn vị đã chọn' })
    .getByRole('button', { name: 'Mở lại' })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Mở lại' });
  await dialog.getByRole('textbox', { name: 'Lý do mở lại' }).fill('Bổ sung tài liệu kiểm chứng.');
  await dialog.getByRole('button', { name: 'Mở lại' }).click();
  await expect(page.getByTestId('bulk-summary')).toContainText(
    'Xã Kim Phượng: Được mở lại để tự chấm',
  );

  // The officer sees the reopening, submits again, and then reads "submitted" only.
  await page.context().clearCookies();
  await signIn(page, 'canbo.kimphuong');
  await page.goto(`/campaigns/${campaign.id}/units/${kimPhuong}`);
  const banner = page.getByTestId('state-banner');
  await expect(banner).toContainText('Được mở lại để tự chấm');
  await expect(banner).toContainText('Lý do: Bổ sung tài liệu kiểm chứng');
  await expect(page.getByText('Đã hoàn thành mọi nội dung; có thể nộp.')).toBeVisible();
  await apiAs(request, 'canbo.kimphuong').then((o) => o.post(`${unitUrl}/submit`, {}));
  await page.reload();
  await expect(banner).toContainText('Đã nộp bản tự chấm');
  await expect(page.getByText('Được mở lại để tự chấm')).toHaveCount(0);
  await expect(page.getByText('Đã hoàn thành mọi nội dung; có thể nộp.')).toHaveCount(0);
  await expect(page.getByText('Đã hoàn thành mọi nội dung.')).toBeVisible();
  await page.goto(`/campaigns/${campaign.id}`);
  await expect(page.getByTestId('state-banner')).toContainText('Đã nộp bản tự chấm');
  await expect(page.getByText('Được mở lại đến')).toHaveCount(0);
});
