/**
 * The whole yearly cycle in the browser, each step by the person who does it: xã Kim Phượng's
 * officer self-assesses with evidence and submits; the appraiser scores round 1 with reasons; the
 * council chair, refused at first because criterion 4 has no appraiser, accepts its self score with
 * a reason and closes round 1; the unit answers each finding and locks its explanations; round 2
 * decides every finding; the chair approves; the standing agency publishes; the public page shows
 * the rank; the officer then reads "published" on the campaign page and the sheet. Along the way:
 * another unit's officer is refused Kim Phượng's sheet before publication, the appraiser is not
 * offered the criterion not assigned to them, and the unit is not offered the appraiser's score.
 *
 * Set-up goes through the API: a four-criterion set of its own (10 + 10 + 10 + 5 points, no survey
 * share), Kim Phượng and Phượng Tiến taking part, criteria 1–3 assigned to the appraiser, and an
 * officer account for Phượng Tiến. Time passing (the self-assessment deadline) is the one other
 * API step: the standing agency moves the deadline to yesterday, as if the day had come.
 */
import { expect, test, type Page } from '@playwright/test';
import { apiAs, tinyPdf, vnDay } from './support/api.ts';
import { ADMIN, signIn } from './support/session.ts';

const TAG = Date.now().toString(36);
const CAMPAIGN = `Chỉ số CCHC chuỗi đầy đủ ${TAG}`;
const OTHER_OFFICER = { username: `canbo.phuongtien.${TAG}`, password: `mat-khau-${TAG}-pt` };
const PLAN_PDF = `ke-hoach-cchc-${TAG}.pdf`;
const REPORT_PDF = `bao-cao-khac-phuc-${TAG}.pdf`;

const REASON_1 = 'Kế hoạch CCHC ban hành chậm 15 ngày so với quy định.';
const REASON_2 = 'Thuyết minh chưa nêu số hồ sơ giải quyết trễ hạn.';
const REASON_3 = 'Chưa có báo cáo chuyển đổi số quý IV.';
const ACCEPT_REASON = 'Tổ chức bộ máy do Sở Nội vụ theo dõi cả năm; chấp nhận điểm tự chấm.';

let campaignId = 0;

test.describe.configure({ mode: 'serial' });

/** Opens the campaign's page. */
async function openCampaign(page: Page): Promise<void> {
  await page.goto(`/campaigns/${campaignId}`);
  await expect(page.getByRole('heading', { name: CAMPAIGN, level: 2 })).toBeVisible();
}

/** Opens a leaf of a sheet and returns its panel. */
async function leaf(page: Page, code: string) {
  const name = new RegExp(`^${code.replace('.', '\\.')}\\. `);
  await page.getByRole('button', { name }).click();
  return page.getByRole('region', { name });
}

/** Kim Phượng's row in the campaign's table of units. */
const kimPhuongRow = (page: Page) =>
  page
    .getByRole('table', { name: 'Đơn vị tham gia' })
    .getByRole('row')
    .filter({ hasText: 'Xã Kim Phượng' });

/** Presses a workflow button on Kim Phượng's row and confirms it. */
async function actOnKimPhuong(page: Page, action: string, newStatus: string): Promise<void> {
  const row = kimPhuongRow(page);
  await row.getByRole('button', { name: action, exact: true }).click();
  await page
    .getByRole('dialog', { name: action })
    .getByRole('button', { name: action, exact: true })
    .click();
  await expect(row.getByRole('status')).toHaveText(`Đã thực hiện. Trạng thái mới: ${newStatus}.`);
}

test('set-up: a small campaign of two communes, opened', async ({ request }) => {
  const admin = await apiAs(request, ADMIN.username, ADMIN.password);
  const units = (await admin.get('/api/v1/units?q=phuong%20tien&current=true')) as {
    items: { id: number; code: string }[];
  };
  const phuongTien = units.items.find((u) => u.code === '05563');
  expect(phuongTien).toBeTruthy();
  await admin.post('/api/v1/users', {
    username: OTHER_OFFICER.username,
    fullName: 'Công chức CCHC xã Phượng Tiến (kiểm thử)',
    password: OTHER_OFFICER.password,
    grants: [{ role: 'unit_officer', unitId: phuongTien!.id }],
  });

  const agency = await apiAs(request, 'noivu.thainguyen');
  const year = Number(vnDay(0).slice(0, 4));
  const { set } = (await agency.post('/api/v1/criteria-sets', {
    name: `Bộ chỉ số rút gọn ${TAG}`,
    year,
    unitKind: 'commune',
    surveyMaxHundredths: null,
    bands: [
      { label: 'Tốt', fromPercent: 8000, toPercent: null },
      { label: 'Khá', fromPercent: 6500, toPercent: 8000 },
      { label: 'Trung bình', fromPercent: 5000, toPercent: 6500 },
      { label: 'Yếu', fromPercent: 0, toPercent: 5000 },
    ],
  })) as { set: { id: number; version: number } };
  const leafNode = (code: string, title: string, max: number) => ({
    code,
    title,
    maxHundredths: max,
    ruleText: 'chấm điểm',
  });
  await agency.put(`/api/v1/criteria-sets/${set.id}/tree`, {
    version: set.version,
    nodes: [
      leafNode('1', 'Chỉ đạo, điều hành cải cách hành chính', 1000),
      leafNode('2', 'Cải cách thủ tục hành chính', 1000),
      leafNode('3', 'Xây dựng chính quyền điện tử, chính quyền số', 1000),
      leafNode('4', 'Cải cách tổ chức bộ máy', 500),
    ],
  });
  const created = (await agency.post('/api/v1/campaigns', {
    name: CAMPAIGN,
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
  campaignId = created.campaign.id;
  await agency.post(`/api/v1/campaigns/${campaignId}/participants`, {
    unitCodes: ['05551', '05563'],
  });
  await agency.put(`/api/v1/campaigns/${campaignId}/assignments`, {
    assignments: [{ username: 'thamdinh.thainguyen', nodeCodes: ['1', '2', '3'] }],
  });
  await agency.post(`/api/v1/campaigns/${campaignId}/open`, {});
});

test('the unit officer self-assesses with evidence and submits', async ({ page }) => {
  await signIn(page, 'canbo.kimphuong');
  await openCampaign(page);
  await page.getByRole('link', { name: 'Tự đánh giá: Xã Kim Phượng' }).click();
  await expect(
    page.getByRole('heading', { name: 'Phiếu tự đánh giá: Xã Kim Phượng' }),
  ).toBeVisible();
  await expect(page.getByTestId('left-to-do')).toHaveText(
    'Còn 4 nội dung chưa hoàn thành: 1, 2, 3, 4.',
  );

  // 1: full marks, with the plan uploaded as evidence.
  const one = await leaf(page, '1');
  await one.getByRole('textbox', { name: 'Điểm chấm' }).fill('10');
  const chooser = page.waitForEvent('filechooser');
  await one.getByRole('button', { name: 'Tải tệp lên' }).click();
  await (
    await chooser
  ).setFiles({
    name: PLAN_PDF,
    mimeType: 'application/pdf',
    buffer: tinyPdf(`plan ${TAG}`),
  });
  await expect(one.getByRole('button', { name: PLAN_PDF, exact: true })).toBeVisible();
  await expect(one.getByRole('status').filter({ hasText: 'Đã lưu' })).toBeVisible();
  await expect(one).toContainText('10,00/10,00 điểm');

  // 2: no document, so an explanation is required and given.
  const two = await leaf(page, '2');
  await two.getByRole('textbox', { name: 'Điểm chấm' }).fill('9');
  await expect(
    two.getByText('Chưa có tài liệu kiểm chứng: bắt buộc ghi giải thích.'),
  ).toBeVisible();
  await two
    .getByRole('textbox', { name: 'Thuyết minh' })
    .fill('Giải quyết đúng hạn 98 % hồ sơ; báo cáo tổng hợp đang hoàn thiện.');
  await expect(two.getByRole('status').filter({ hasText: 'Đã lưu' })).toBeVisible();

  // 3: the same plan supports this criterion too, picked from the unit's library.
  const three = await leaf(page, '3');
  await three.getByRole('textbox', { name: 'Điểm chấm' }).fill('8,5');
  await three.getByRole('button', { name: 'Chọn từ thư viện' }).click();
  const library = page.getByRole('dialog', { name: 'Thư viện tài liệu kiểm chứng của đơn vị' });
  await library.getByRole('searchbox', { name: 'Tìm theo số, trích yếu, tên tệp' }).fill(TAG);
  await library
    .getByRole('listitem')
    .filter({ hasText: PLAN_PDF })
    .getByRole('button', { name: 'Chọn' })
    .click();
  await expect(three.getByRole('button', { name: PLAN_PDF, exact: true })).toBeVisible();
  await expect(three.getByRole('status').filter({ hasText: 'Đã lưu' })).toBeVisible();
  await expect(three).toContainText('8,50/10,00 điểm');

  // 4: not assigned to any appraiser; its self score will stand.
  const four = await leaf(page, '4');
  await four.getByRole('textbox', { name: 'Điểm chấm' }).fill('5');
  await four
    .getByRole('textbox', { name: 'Thuyết minh' })
    .fill('Bộ máy kiện toàn đủ theo quy định.');
  await expect(four.getByRole('status').filter({ hasText: 'Đã lưu' })).toBeVisible();

  await expect(page.getByText('Đã hoàn thành mọi nội dung; có thể nộp.')).toBeVisible();
  await expect(
    page.getByText('Đã hoàn thành 4/4 nội dung; điểm tự chấm 32,50/35,00.'),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Nộp bản tự chấm' }).click();
  await page
    .getByRole('dialog', { name: 'Nộp bản tự chấm' })
    .getByRole('button', { name: 'Nộp bản tự chấm' })
    .click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã thực hiện.' })).toHaveText(
    'Đã thực hiện. Trạng thái mới: Đã nộp tự chấm.',
  );
});

test('another unit’s officer cannot open Kim Phượng’s self-assessment before publication', async ({
  page,
  request,
}) => {
  const admin = await apiAs(request, ADMIN.username, ADMIN.password);
  const units = (await admin.get('/api/v1/units?q=kim%20phuong&current=true')) as {
    items: { id: number; code: string }[];
  };
  const kimPhuong = units.items.find((u) => u.code === '05551');
  expect(kimPhuong).toBeTruthy();
  await signIn(page, OTHER_OFFICER.username, OTHER_OFFICER.password);
  await openCampaign(page);
  // Kim Phượng is not among the participants this officer sees; its sheet, asked for by address,
  // is refused.
  await expect(kimPhuongRow(page)).toHaveCount(0);
  await page.goto(`/campaigns/${campaignId}/units/${kimPhuong!.id}`);
  const refusal = page.getByRole('alert');
  await expect(refusal).toContainText('Không mở được phiếu');
  await expect(refusal).toContainText(
    'Bạn không có quyền thực hiện thao tác này trên đơn vị «Xã Kim Phượng».',
  );
  await expect(page.getByText('Giải quyết đúng hạn 98 %')).toHaveCount(0);
});

test('the appraiser scores round 1 with reasons, only the criteria assigned', async ({
  page,
  request,
}) => {
  // The self-assessment deadline passes: appraisal can start.
  const agency = await apiAs(request, 'noivu.thainguyen');
  const detail = (await agency.get(`/api/v1/campaigns/${campaignId}`)) as {
    campaign: { name: string; year: number; version: number; deadlines: Record<string, string> };
  };
  await agency.put(`/api/v1/campaigns/${campaignId}`, {
    name: detail.campaign.name,
    year: detail.campaign.year,
    deadlines: { ...detail.campaign.deadlines, selfAssessment: vnDay(-1) },
    version: detail.campaign.version,
  });

  await signIn(page, 'thamdinh.thainguyen');
  await openCampaign(page);
  await page.getByRole('link', { name: 'Việc thẩm định của tôi' }).click();
  await expect(page.getByRole('heading', { name: 'Việc thẩm định', level: 2 })).toBeVisible();
  await expect(page.getByText('3 nội dung', { exact: true })).toBeVisible();
  await expect(page.getByRole('listitem', { name: 'Xã Kim Phượng · 4' })).toHaveCount(0);

  const one = page.getByRole('listitem', { name: 'Xã Kim Phượng · 1' });
  await expect(one.getByRole('button', { name: PLAN_PDF, exact: true })).toBeVisible();
  await one.getByRole('textbox', { name: 'Điểm thẩm định' }).fill('8');
  await one.getByRole('button', { name: 'Lưu điểm thẩm định' }).click();
  await expect(one.getByRole('alert')).toHaveText(
    'Điểm thấp hơn điểm tối đa: phải ghi lý do mất điểm.',
  );
  await one.getByRole('textbox', { name: /Lý do mất điểm/ }).fill(REASON_1);
  await one.getByRole('button', { name: 'Lưu điểm thẩm định' }).click();
  await expect(one.getByRole('status').filter({ hasText: 'Đã lưu' })).toBeVisible();

  // 2: the unit's 9 stands for now, but the appraiser asks the unit to explain.
  const two = page.getByRole('listitem', { name: 'Xã Kim Phượng · 2' });
  await expect(two.getByRole('textbox', { name: 'Điểm thẩm định' })).toHaveValue('9');
  await two.getByRole('textbox', { name: /Lý do mất điểm/ }).fill(REASON_2);
  await two.getByRole('checkbox', { name: 'Đề nghị đơn vị giải trình' }).check();
  await two.getByRole('button', { name: 'Lưu điểm thẩm định' }).click();
  await expect(two.getByRole('status').filter({ hasText: 'Đã lưu' })).toBeVisible();

  const three = page.getByRole('listitem', { name: 'Xã Kim Phượng · 3' });
  await three.getByRole('textbox', { name: 'Điểm thẩm định' }).fill('6,5');
  await three.getByRole('textbox', { name: /Lý do mất điểm/ }).fill(REASON_3);
  await three.getByRole('button', { name: 'Lưu điểm thẩm định' }).click();
  await expect(three.getByRole('status').filter({ hasText: 'Đã lưu' })).toBeVisible();
});

test('the council chair sees round 1 done and closes it for the unit', async ({ page }) => {
  await signIn(page, 'hoidong.thainguyen');
  await openCampaign(page);
  await expect(
    page
      .getByRole('table', { name: 'Tiến độ thẩm định vòng 1' })
      .getByRole('row')
      .filter({ hasText: 'thamdinh.thainguyen' }),
  ).toContainText('3/3 nội dung');
  // Beside the unit's status: the criterion the appraiser asked it to explain.
  await expect(kimPhuongRow(page)).toContainText('Đề nghị giải trình: 2');

  // Criterion 4 has no appraiser: closing round 1 is refused, naming it.
  const row = kimPhuongRow(page);
  await row.getByRole('button', { name: 'Chốt thẩm định vòng 1', exact: true }).click();
  await page
    .getByRole('dialog', { name: 'Chốt thẩm định vòng 1' })
    .getByRole('button', { name: 'Chốt thẩm định vòng 1', exact: true })
    .click();
  await expect(row.getByRole('alert')).toContainText(
    'Chưa thể chốt thẩm định vòng 1 của Xã Kim Phượng: 1 tiêu chí thành phần chưa có người thẩm định và chưa được Chủ tịch Hội đồng chấp nhận điểm tự chấm: 4 Cải cách tổ chức bộ máy.',
  );
  // The chair accepts its self score, with a reason, for the units they chair.
  const coverage = page.getByRole('region', { name: 'Tiêu chí chưa có người thẩm định' });
  const four = coverage.getByRole('row').filter({ hasText: 'Cải cách tổ chức bộ máy' });
  await expect(four).toContainText('Chưa chấp nhận: Xã Kim Phượng, Xã Phượng Tiến');
  await four.getByRole('checkbox', { name: 'Chọn tiêu chí 4' }).check();
  await coverage.getByRole('textbox', { name: 'Lý do chấp nhận điểm tự chấm' }).fill(ACCEPT_REASON);
  await coverage.getByRole('button', { name: 'Chấp nhận điểm tự chấm' }).click();
  await expect(coverage.getByRole('status')).toHaveText(
    'Đã ghi nhận chấp nhận điểm tự chấm của tiêu chí 4.',
  );
  await expect(four).toContainText(`Xã Kim Phượng: đã chấp nhận điểm tự chấm — ${ACCEPT_REASON}`);
  await expect(four).not.toContainText('Chưa chấp nhận');

  await actOnKimPhuong(page, 'Chốt thẩm định vòng 1', 'Đã chốt thẩm định vòng 1');
  // The chair may also lock the explanations, but not before their deadline: the row says why.
  await expect(kimPhuongRow(page)).toContainText(
    'Chốt giải trình: Chưa hết hạn giải trình; đơn vị còn đang giải trình',
  );
});

test('the unit answers each finding, with a new document, and locks its explanations', async ({
  page,
}) => {
  await signIn(page, 'canbo.kimphuong');
  await openCampaign(page);
  await page.getByRole('link', { name: 'Tự đánh giá: Xã Kim Phượng' }).click();
  await expect(
    page.getByRole('heading', { name: 'Phiếu tự đánh giá: Xã Kim Phượng' }),
  ).toBeVisible();

  const one = await leaf(page, '1');
  await expect(one).toContainText('Thẩm định vòng 1: 8,00/10,00 điểm');
  await expect(one).toContainText(`Lý do: ${REASON_1}`);
  // The unit reads the appraiser's score; it has nothing to change it with.
  await expect(one.getByRole('textbox', { name: /Điểm thẩm định/ })).toHaveCount(0);
  await one
    .getByRole('textbox', { name: /Nội dung giải trình/ })
    .fill('Kế hoạch ban hành ngày 20/01 do chờ hướng dẫn của tỉnh; gửi kèm văn bản hướng dẫn.');
  const chooser = page.waitForEvent('filechooser');
  await one
    .getByRole('group', { name: 'Tài liệu bổ sung' })
    .getByRole('button', { name: 'Tải tệp lên' })
    .click();
  await (
    await chooser
  ).setFiles({
    name: REPORT_PDF,
    mimeType: 'application/pdf',
    buffer: tinyPdf(`report ${TAG}`),
  });
  await expect(one.getByRole('button', { name: REPORT_PDF, exact: true })).toBeVisible();
  await one.getByRole('button', { name: 'Lưu giải trình' }).click();
  await expect(one.getByRole('status').filter({ hasText: 'Đã lưu' })).toBeVisible();

  const two = await leaf(page, '2');
  await expect(two).toContainText('Đề nghị đơn vị giải trình');
  await two
    .getByRole('textbox', { name: /Nội dung giải trình/ })
    .fill('Có 3 hồ sơ trễ hạn do lỗi phần mềm một cửa; đã xin lỗi công dân.');
  await two.getByRole('button', { name: 'Lưu giải trình' }).click();
  await expect(two.getByRole('status').filter({ hasText: 'Đã lưu' })).toBeVisible();

  const three = await leaf(page, '3');
  await three
    .getByRole('textbox', { name: /Nội dung giải trình/ })
    .fill('Báo cáo quý IV sẽ nộp cùng báo cáo năm.');
  await three.getByRole('button', { name: 'Lưu giải trình' }).click();
  await expect(three.getByRole('status').filter({ hasText: 'Đã lưu' })).toBeVisible();

  await page.getByRole('button', { name: 'Chốt giải trình' }).click();
  await page
    .getByRole('dialog', { name: 'Chốt giải trình' })
    .getByRole('button', { name: 'Chốt giải trình' })
    .click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã thực hiện.' })).toHaveText(
    'Đã thực hiện. Trạng thái mới: Đã chốt giải trình.',
  );
});

test('round 2 decides every finding: addressed, defended, still open', async ({ page }) => {
  await signIn(page, 'thamdinh.thainguyen');
  await openCampaign(page);
  await page.getByRole('link', { name: 'Việc thẩm định của tôi' }).click();
  await page.getByText('Thẩm định vòng 2', { exact: true }).click();
  await expect(page.getByText('3 nội dung', { exact: true })).toBeVisible();

  const one = page.getByRole('listitem', { name: 'Xã Kim Phượng · 1' });
  await expect(one).toContainText('Kế hoạch ban hành ngày 20/01 do chờ hướng dẫn của tỉnh');
  await expect(one.getByRole('button', { name: REPORT_PDF, exact: true })).toBeVisible();
  await one.getByRole('radio', { name: 'Đã khắc phục (chấm lại)' }).check();
  await one.getByRole('textbox', { name: /Điểm mới/ }).fill('9,5');
  await one.getByRole('textbox', { name: /^Lý do/ }).fill('Văn bản hướng dẫn của tỉnh đến muộn.');
  await one.getByRole('button', { name: 'Lưu kết luận' }).click();
  // The item also shows the evidence reader's status while its file is read in the background.
  await expect(one.getByRole('status').filter({ hasText: 'Đã lưu' })).toBeVisible();

  const two = page.getByRole('listitem', { name: 'Xã Kim Phượng · 2' });
  await two.getByRole('radio', { name: 'Giải trình được chấp nhận' }).check();
  await two.getByRole('textbox', { name: /^Lý do/ }).fill('Lỗi phần mềm đã được xác nhận.');
  await two.getByRole('button', { name: 'Lưu kết luận' }).click();
  await expect(two.getByRole('status').filter({ hasText: 'Đã lưu' })).toBeVisible();

  const three = page.getByRole('listitem', { name: 'Xã Kim Phượng · 3' });
  await three.getByRole('radio', { name: 'Vẫn giữ kết luận' }).check();
  await three
    .getByRole('textbox', { name: /^Lý do/ })
    .fill('Chưa có báo cáo tại thời điểm thẩm định.');
  await three.getByRole('button', { name: 'Lưu kết luận' }).click();
  await expect(three.getByRole('status').filter({ hasText: 'Đã lưu' })).toBeVisible();
});

test('the council chair approves the result', async ({ page }) => {
  await signIn(page, 'hoidong.thainguyen');
  await openCampaign(page);
  await actOnKimPhuong(page, 'Phê duyệt kết quả', 'Hội đồng đã phê duyệt');
});

test('the standing agency publishes; the public page shows the rank', async ({ page }) => {
  await signIn(page, 'noivu.thainguyen');
  await openCampaign(page);
  await expect(kimPhuongRow(page)).toContainText('Hội đồng đã phê duyệt');
  await expect(kimPhuongRow(page)).toContainText('Đề nghị giải trình: 2');
  await actOnKimPhuong(page, 'Công bố kết quả', 'Đã công bố');
  const address = await page.getByRole('link', { name: 'Trang công khai' }).getAttribute('href');
  await page.context().clearCookies();

  await page.goto(address ?? '/');
  await expect(page.getByRole('heading', { name: CAMPAIGN, level: 1 })).toBeVisible();
  const table = page.getByRole('table', { name: 'Kết quả đã công bố' });
  // Final scores: 9,5 (addressed) + 9 (defended: the unit's own) + 6,5 (still open: round 1)
  // + 5 (not appraised: self) = 30 of 35, an index of 85,71 %: Tốt; Phượng Tiến, which entered
  // nothing, ranks below it and is not published.
  const row = table.getByRole('row').filter({ hasText: 'Xã Kim Phượng' });
  await expect(row).toContainText('1/2');
  await expect(row).toContainText('30,00');
  await expect(row).toContainText('85,71');
  await expect(row).toContainText('Tốt');
  await expect(table.getByRole('row').filter({ hasText: 'Xã Phượng Tiến' })).toHaveCount(0);
  await expect(page.getByText(REASON_1)).toHaveCount(0);
});

test('after publication the officer reads "published" on the campaign page and the sheet', async ({
  page,
}) => {
  await signIn(page, 'canbo.kimphuong');
  await openCampaign(page);
  await expect(page.getByTestId('state-banner')).toContainText('Đã công bố kết quả');
  await page.getByRole('link', { name: 'Tự đánh giá: Xã Kim Phượng' }).click();
  await expect(page.getByTestId('state-banner')).toContainText('Đã công bố kết quả');
  await expect(page.getByText('có thể nộp')).toHaveCount(0);
  await expect(page.getByText('Được mở lại')).toHaveCount(0);
});
