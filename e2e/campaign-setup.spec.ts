/**
 * Campaign set-up and notifications as their users see them: a unit officer's bell shows the
 * self-assessment deadline of a campaign just opened, and opening the notice leads to the sheet.
 */
import { expect, test, type APIRequestContext } from '@playwright/test';
import { signIn } from './support/session.ts';

const DAY = 86_400_000;
/** A day counted from today in Vietnam, as "YYYY-MM-DD". */
const vnDay = (offset: number) =>
  new Date(Date.now() + 7 * 3_600_000 + offset * DAY).toISOString().slice(0, 10);
/** The same day as the screens write and take it: "dd/mm/yyyy". */
const vnDayShown = (offset: number) => vnDay(offset).split('-').reverse().join('/');

async function agencyApi(request: APIRequestContext) {
  const login = await request.post('/api/v1/auth/login', {
    data: { username: 'noivu.thainguyen', password: 'demo-parindex' },
  });
  expect(login.ok()).toBe(true);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const headers = { 'x-csrf-token': csrfToken };
  return {
    get: async (url: string) => (await request.get(url)).json(),
    post: async (url: string, data: unknown) => {
      const res = await request.post(url, { data, headers });
      expect(res.ok(), await res.text()).toBe(true);
      return res.json();
    },
    put: async (url: string, data: unknown) => {
      const res = await request.put(url, { data, headers });
      expect(res.ok(), await res.text()).toBe(true);
      return res.json();
    },
  };
}

/** Creates a campaign of Thái Nguyên's communes on the 2025 template; returns its id. */
async function createCampaign(
  request: APIRequestContext,
  name: string,
  selfAssessmentInDays: number,
): Promise<number> {
  const api = await agencyApi(request);
  const sets = (await api.get('/api/v1/criteria-sets')) as {
    items: { id: number; origin: string | null }[];
  };
  const template = sets.items.find((s) => s.origin === 'bundled:khung-2025-xa')!;
  const created = await api.post('/api/v1/campaigns', {
    name,
    year: Number(vnDay(0).slice(0, 4)),
    deadlines: {
      selfAssessment: vnDay(selfAssessmentInDays),
      round1: vnDay(selfAssessmentInDays + 10),
      explanations: vnDay(selfAssessmentInDays + 15),
      round2: vnDay(selfAssessmentInDays + 20),
      publication: vnDay(selfAssessmentInDays + 25),
    },
    criteriaSets: [{ unitKind: 'commune', criteriaSetId: template.id }],
  });
  return (created as { campaign: { id: number } }).campaign.id;
}

test('the bell tells a unit officer of a self-assessment deadline in 5 days and opens the sheet', async ({
  page,
  request,
}) => {
  const name = `Chỉ số CCHC (nhắc hạn ${Date.now()})`;
  const id = await createCampaign(request, name, 5);
  const api = await agencyApi(request);
  await api.post(`/api/v1/campaigns/${id}/participants`, { unitCodes: ['05551'] });
  await api.post(`/api/v1/campaigns/${id}/open`, {});

  await signIn(page, 'canbo.kimphuong');
  const bell = page.getByRole('button', { name: /^Thông báo: \d+ chưa đọc$/ });
  // Opening the campaign asks the server for a scan within seconds; the bell polls every minute,
  // so reload until it shows.
  await expect(async () => {
    await page.reload();
    await expect(bell).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  // The scan runs a moment after opening; an earlier notice may already light the bell, so open
  // it until this campaign's notice is listed (opening the bell asks the server again).
  const dialog = page.getByRole('dialog', { name: 'Thông báo' });
  const notice = dialog.getByRole('button').filter({ hasText: name });
  await expect(async () => {
    if (await dialog.isVisible()) await bell.click();
    await bell.click();
    await expect(notice).toContainText('Còn 5 ngày đến Hạn tự đánh giá, chấm điểm', {
      timeout: 2_000,
    });
  }).toPass({ timeout: 30_000 });
  await expect(notice).toContainText('Xã Kim Phượng cần hoàn thành và nộp bản tự chấm trước hạn.');
  await notice.click();
  await expect(page).toHaveURL(new RegExp(`/campaigns/${id}/units/\\d+$`));
  // Read now: opening the bell again shows it without the "new" mark.
  await page.getByRole('button', { name: /^Thông báo/ }).click();
  await expect(
    page.getByRole('dialog', { name: 'Thông báo' }).getByRole('button').filter({ hasText: name }),
  ).not.toContainText('Mới');
});

test('the standing agency edits a campaign in preparation: name, deadline, survey share, appraising agency, own classes', async ({
  page,
  request,
}) => {
  // Five tabs, a reload and the calendar: more than the default minute on a busy machine.
  test.setTimeout(120_000);
  const name = `Chỉ số CCHC (thiết lập ${Date.now()})`;
  const id = await createCampaign(request, name, 20);
  await signIn(page, 'noivu.thainguyen');
  await page.goto(`/campaigns/${id}`);
  await page.getByRole('link', { name: 'Thiết lập, điểm điều tra, nhập kết quả' }).click();
  await expect(page.getByRole('heading', { name: `Thiết lập: ${name}` })).toBeVisible();

  await page.getByLabel('Tên đợt đánh giá').fill(`${name} (sửa)`);
  // Dates are typed day first, whatever the browser's language.
  await page.getByLabel('Hạn tự đánh giá', { exact: false }).first().fill(vnDayShown(21));
  await page.getByRole('textbox', { name: 'Điểm điều tra tối đa, dòng 1' }).fill('25');
  // The district appraises its communes (as in 2022): named while the campaign is in preparation.
  await page.getByRole('combobox', { name: 'Cơ quan thẩm định' }).fill('dinh hoa');
  await page.getByRole('option', { name: 'Huyện Định Hóa (H-DINHHOA)' }).click();
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã lưu.' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Cơ quan thẩm định' })).toHaveValue(
    'Huyện Định Hóa (H-DINHHOA)',
  );
  await expect(page.getByRole('heading', { name: `Thiết lập: ${name} (sửa)` })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Điểm điều tra tối đa, dòng 1' })).toHaveValue(
    '25',
  );
  await expect(page.getByLabel('Hạn tự đánh giá', { exact: false }).first()).toHaveValue(
    vnDayShown(21),
  );
  // The calendar beside it opens on that day's month with the day chosen; picking the next day
  // writes it into the field.
  await page
    .getByRole('button', { name: 'Chọn ngày trên lịch: Hạn tự đánh giá, chấm điểm' })
    .first()
    .click();
  const calendar = page.getByRole('dialog', { name: 'Lịch' });
  const [y, m] = vnDay(21).split('-').map(Number);
  await expect(calendar).toContainText(`Tháng ${m} năm ${y}`);
  await expect(calendar.getByRole('button', { name: vnDayShown(21) })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  if (vnDay(22).slice(5, 7) !== vnDay(21).slice(5, 7)) {
    await calendar.getByRole('button', { name: 'Tháng sau' }).click();
  }
  await calendar.getByRole('button', { name: vnDayShown(22) }).click();
  await expect(page.getByLabel('Hạn tự đánh giá', { exact: false }).first()).toHaveValue(
    vnDayShown(22),
  );

  await page.getByRole('tab', { name: 'Xếp loại' }).click();
  await expect(page.getByText('đang dùng các mức xếp loại của bộ chỉ số')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Tên xếp loại, dòng 1' })).toHaveValue('Tốt');
  await page.getByRole('textbox', { name: 'Từ (%), dòng 1' }).fill('85');
  await page.getByRole('textbox', { name: 'Đến dưới (%), dòng 2' }).fill('85');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã lưu.' })).toBeVisible();
  await page.reload();
  await expect(page.getByText('Đợt đánh giá dùng các mức xếp loại riêng')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Từ (%), dòng 1' })).toHaveValue('85');

  // A band that overlaps the next is refused before it is sent.
  await page.getByRole('textbox', { name: 'Từ (%), dòng 1' }).fill('60');
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Lưu' })).toBeDisabled();

  await page.goto(`/campaigns/${id}`);
  await expect(page.getByText('Cơ quan thẩm định: Huyện Định Hóa')).toBeVisible();
});

test('results of an earlier year: a bad file is refused by row and column, the fixed file is imported', async ({
  page,
  request,
}) => {
  const name = `Kết quả năm 2025 (nhập ${Date.now()})`;
  const id = await createCampaign(request, name, -300);
  await signIn(page, 'noivu.thainguyen');
  await page.goto(`/campaigns/${id}/setup?tab=import`);
  await expect(
    page.getByRole('heading', { name: 'Nhập điểm từ tệp CSV hoặc Excel' }),
  ).toBeVisible();

  const header = 'unit_code,node_code,self,round1,round2,reason';
  const file = page.locator('input[type="file"]');
  await file.setInputFiles({
    name: 'ket-qua-2025.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      `${header}\n05545,1,7,6,6,Kế hoạch ban hành muộn\n05545,2,8,,,\nXXXXX,1,5,,,\n`,
    ),
  });
  const problems = page.getByRole('list', { name: 'Các lỗi của tệp' });
  await expect(page.getByText('Tệp có 2 lỗi')).toBeVisible();
  await expect(problems).toContainText('Dòng 3, cột self: Điểm 8 vượt điểm tối đa 7');
  await expect(problems).toContainText('Dòng 4, cột unit_code: Không có đơn vị mã «XXXXX»');
  await expect(page.getByRole('button', { name: 'Nhập điểm' })).toBeDisabled();

  const rows = [
    header,
    '05545,1,7,6,6,Kế hoạch ban hành muộn',
    '05545,2,7,7,,',
    '05545,3,12,10,11,Thiếu báo cáo quý',
    '05545,4,6,6,,',
    '05545,5,9,8,8,',
    '05545,6,7,7,,',
    '05545,7,12,12,,',
    '05545,8,10,9,9,',
    '05545,survey,,,25,',
  ];
  await file.setInputFiles({
    name: 'ket-qua-2025.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(rows.join('\n')),
  });
  await expect(page.getByText('Tệp hợp lệ', { exact: true })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Các dòng đầu của tệp điểm' })).toContainText(
    'Thiếu báo cáo quý',
  );
  await page.getByRole('button', { name: 'Nhập điểm' }).click();
  await expect(page.getByRole('status')).toHaveText(
    'Đã nhập 8 điểm tiêu chí và 1 điểm điều tra của 1 đơn vị; kết quả đã được tính lại.',
  );

  await page.getByRole('tab', { name: 'Điểm điều tra XHH' }).click();
  const points = page.getByRole('textbox', { name: 'Điểm điều tra của Xã Quy Kỳ' });
  await expect(points).toHaveValue('25');
  await expect(page.getByRole('row').filter({ hasText: 'Xã Quy Kỳ' })).toContainText('Nhập từ tệp');
  await points.fill('26,5');
  await page.getByRole('button', { name: 'Lưu điểm điều tra của Xã Quy Kỳ' }).click();
  await expect(page.getByRole('textbox', { name: 'Điểm điều tra của Xã Quy Kỳ' })).toHaveValue(
    '26,5',
  );
  // Wait until the saved value has come back from the server, so it does not replace the next input.
  await expect(page.getByRole('row').filter({ hasText: 'Xã Quy Kỳ' })).toContainText(
    'Nhập tay theo đơn vị',
  );
  await points.fill('31');
  await expect(page.getByText('Vượt điểm tối đa 30,00.')).toBeVisible();
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('the set-up page and the bell fit the screen', async ({ page, request }) => {
    const name = `Chỉ số CCHC (điện thoại ${Date.now()})`;
    const id = await createCampaign(request, name, 30);
    await signIn(page, 'noivu.thainguyen');
    await page.goto(`/campaigns/${id}/setup`);
    await expect(page.getByRole('heading', { name: `Thiết lập: ${name}` })).toBeVisible();
    const overflow = () =>
      page.evaluate('document.documentElement.scrollWidth - window.innerWidth').then(Number);
    expect(await overflow()).toBeLessThanOrEqual(0);
    // The form is longer than the screen; its button is reached by scrolling, whole.
    const save = page.getByRole('button', { name: 'Lưu' });
    await save.scrollIntoViewIfNeeded();
    await expect(save).toBeInViewport({ ratio: 1 });
    for (const tab of ['Xếp loại', 'Điểm điều tra XHH', 'Nhập điểm từ tệp']) {
      await page.getByRole('tab', { name: tab }).click();
      expect(await overflow()).toBeLessThanOrEqual(0);
    }
    const bell = page.getByRole('button', { name: /^Thông báo/ });
    await expect(bell).toBeInViewport();
    await bell.click();
    await expect(page.getByRole('dialog', { name: 'Thông báo' })).toBeInViewport({ ratio: 1 });
  });
});
