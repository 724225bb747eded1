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
  await bell.click();
  const dialog = page.getByRole('dialog', { name: 'Thông báo' });
  const notice = dialog.getByRole('button').filter({ hasText: name });
  await expect(notice).toContainText('Còn 5 ngày đến Hạn tự đánh giá, chấm điểm');
  await expect(notice).toContainText('Xã Kim Phượng cần hoàn thành và nộp bản tự chấm trước hạn.');
  await notice.click();
  await expect(page).toHaveURL(new RegExp(`/campaigns/${id}/units/\\d+$`));
  // Read now: opening the bell again shows it without the "new" mark.
  await page.getByRole('button', { name: /^Thông báo/ }).click();
  await expect(
    page.getByRole('dialog', { name: 'Thông báo' }).getByRole('button').filter({ hasText: name }),
  ).not.toContainText('Mới');
});
