/**
 * A leader answers the sociological survey through a personal single-use link on a phone: the
 * light page (nothing of the staff app), every question of the leader's group, one answer left as
 * "không biết / không trả lời"; the answer counts in the unit's survey points, and the link then
 * politely refuses a second answer.
 */
import { expect, test } from '@playwright/test';
import { apiAs } from './support/api.ts';

const LEVELS = [
  { code: '1', label: 'Rất kém', valueHundredths: 0 },
  { code: '2', label: 'Kém', valueHundredths: 2500 },
  { code: '3', label: 'Trung bình', valueHundredths: 5000 },
  { code: '4', label: 'Tốt', valueHundredths: 7500 },
  { code: '5', label: 'Rất tốt', valueHundredths: 10000 },
];

test('a leader answers through a single-use link on a phone', async ({ browser, request }) => {
  const agency = await apiAs(request, 'noivu.thainguyen');
  const sets = (await agency.get('/api/v1/criteria-sets')) as {
    items: { id: number; origin: string }[];
  };
  const created = (await agency.post('/api/v1/campaigns', {
    name: `Điều tra xã hội học thử ${Date.now()}`,
    year: 2026,
    deadlines: {
      selfAssessment: '2027-01-10',
      round1: '2027-01-20',
      explanations: '2027-01-31',
      round2: '2027-02-10',
      publication: '2027-02-28',
    },
    criteriaSets: [
      {
        unitKind: 'commune',
        criteriaSetId: sets.items.find((s) => s.origin === 'bundled:khung-2025-xa')!.id,
      },
    ],
  })) as { campaign: { id: number } };
  const base = `/api/v1/campaigns/${created.campaign.id}/social-survey`;
  await agency.post(`/api/v1/campaigns/${created.campaign.id}/participants`, {
    unitCodes: ['05551', '05566'],
  });
  await agency.post(base, {});
  await agency.put(`${base}/questionnaires/commune`, {
    version: null,
    design: {
      method: 'favourable',
      scale: {
        levels: LEVELS,
        excluded: [{ code: '0', label: 'Không biết / không trả lời' }],
        favourable: ['4', '5'],
      },
      nodes: [
        {
          code: 'X1',
          title: 'Đánh giá về cải cách thủ tục hành chính',
          maxHundredths: 3000,
          source: 'questions',
        },
      ],
      groups: [{ code: 'LD', name: 'Lãnh đạo UBND xã', weight: 1 }],
      questions: [
        {
          code: 'Q1',
          text: 'Mức độ công khai, minh bạch thủ tục hành chính của đơn vị',
          nodes: ['X1'],
          groups: ['LD'],
        },
        { code: 'Q2', text: 'Thái độ phục vụ của công chức', nodes: ['X1'], groups: ['LD'] },
        { code: 'Q3', text: 'Thời gian giải quyết công việc', nodes: ['X1'], groups: ['LD'] },
      ],
      rules: [{ group: 'LD', raterKind: '', scope: 'province', sampleSize: 1 }],
    },
  });
  await agency.post(`${base}/open`, {});
  await agency.post(`${base}/respondents`, {
    respondents: [{ code: 'LD-PT-1', group: 'LD', fullName: 'Nguyễn Văn An', unitCode: '05566' }],
  });
  const made = (await agency.post(`${base}/invitations`, {})) as {
    links: { unitCode: string; unitName: string; token: string }[];
  };
  // The leader of Phượng Tiến rates Kim Phượng, never their own commune.
  expect(made.links.map((l) => l.unitCode)).toEqual(['05551']);
  const link = made.links[0]!;

  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    locale: 'vi-VN',
  });
  const page = await context.newPage();
  const requested: string[] = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.goto(`/dieu-tra/${link.token}`);
  await expect(
    page.getByRole('heading', { level: 1, name: `Phiếu đánh giá: ${link.unitName}` }),
  ).toBeVisible();
  await expect(page.getByText('Kính gửi Nguyễn Văn An.')).toBeVisible();
  // Nothing of the staff app: the page and its one script.
  expect(requested).toEqual([`/dieu-tra/${link.token}`, '/dieu-tra/form.js']);
  // Fits the phone's width.
  expect(
    Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth')),
  ).toBeLessThanOrEqual(0);

  await page.getByRole('button', { name: 'Gửi phiếu' }).click();
  await expect(page.getByRole('alert')).toHaveText('Xin trả lời tất cả các câu hỏi.');
  await page
    .getByRole('group', { name: /^1\. Mức độ công khai/ })
    .getByRole('radio', { name: 'Rất tốt' })
    .check();
  await page
    .getByRole('group', { name: /^2\. Thái độ/ })
    .getByRole('radio', { name: 'Trung bình' })
    .check();
  await page
    .getByRole('group', { name: /^3\. Thời gian/ })
    .getByRole('radio', { name: 'Không biết / không trả lời' })
    .check();
  await page.getByRole('button', { name: 'Gửi phiếu' }).click();
  await expect(page.getByRole('status')).toHaveText(
    `Cảm ơn ông/bà đã trả lời. Phiếu đánh giá ${link.unitName} đã được ghi nhận.`,
  );

  // Q1 favourable (1/1), Q2 not (0/1), Q3 left out: 30 × (100 % + 0 %) / 2 = 15,00 points.
  const results = (await agency.get(`${base}/results`)) as {
    units: { unitCode: string; pointsHundredths: number | null }[];
  };
  expect(results.units.find((u) => u.unitCode === '05551')!.pointsHundredths).toBe(1500);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Đường dẫn này đã được dùng để trả lời; mỗi đường dẫn chỉ dùng một lần.',
  );
  await context.close();
});
