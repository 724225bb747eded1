/**
 * The sociological survey in the offline field app (ADR 46): a commune officer downloads the open
 * survey while online, loses the network, reopens the page (from the device), fills one
 * questionnaire about their commune (one question on the scale, one "không biết / không trả
 * lời"), and when the network is back it is sent; the first upload's acknowledgement is lost on
 * the way back, the app sends again under the same client id, and the standing agency's "Tiến độ"
 * counts the questionnaire once.
 */
import { expect, test } from '@playwright/test';
import { apiAs, createCommuneCampaign } from './support/api.ts';
import { signIn } from './support/session.ts';

test('a sociological-survey questionnaire collected offline is counted once after a repeated upload', async ({
  page,
  context,
  browser,
  request,
}) => {
  test.setTimeout(90_000);
  const agency = await apiAs(request, 'noivu.thainguyen');
  const name = `Điều tra xã hội học ngoại tuyến ${Date.now()}`;
  const id = await createCommuneCampaign(agency, name, ['05551']);
  const campaign = (await agency.get(`/api/v1/campaigns/${id}`)) as {
    criteriaSets: { surveyMaxHundredths: number | null }[];
    participants: { unitCode: string; unitName: string; unitId: number }[];
  };
  const kimPhuong = campaign.participants.find((p) => p.unitCode === '05551')!.unitName;
  const base = `/api/v1/campaigns/${id}/social-survey`;
  await agency.post(base, {});
  await agency.put(`${base}/questionnaires/commune`, {
    version: null,
    design: {
      method: 'favourable',
      scale: {
        levels: [
          { code: '1', label: 'Rất kém', valueHundredths: 0 },
          { code: '2', label: 'Kém', valueHundredths: 2500 },
          { code: '3', label: 'Trung bình', valueHundredths: 5000 },
          { code: '4', label: 'Tốt', valueHundredths: 7500 },
          { code: '5', label: 'Rất tốt', valueHundredths: 10000 },
        ],
        excluded: [{ code: '0', label: 'Không biết / không trả lời' }],
        favourable: ['4', '5'],
      },
      nodes: [
        {
          code: 'Y1',
          title: 'Đánh giá về chính quyền cơ sở',
          maxHundredths: campaign.criteriaSets[0]!.surveyMaxHundredths!,
          source: 'questions',
        },
      ],
      groups: [
        { code: 'PB', name: 'Lãnh đạo phòng, ban', weight: 1 },
        { code: 'DB', name: 'Đại biểu HĐND', weight: 1 },
      ],
      questions: [
        { code: 'C1', text: 'Mức độ hài lòng với UBND xã', nodes: ['Y1'], groups: ['PB', 'DB'] },
        { code: 'C2', text: 'Mức độ công khai ngân sách xã', nodes: ['Y1'], groups: ['DB'] },
      ],
      rules: [],
    },
  });
  await agency.post(`${base}/open`, {});
  const answered = async () => {
    const progress = (await agency.get(`${base}/progress`)) as {
      units: { unitCode: string; groups: { group: string; responses: number }[] }[];
    };
    const unit = progress.units.find((u) => u.unitCode === '05551')!;
    return unit.groups.find((g) => g.group === 'DB')!.responses;
  };
  expect(await answered()).toBe(0);

  // The commune officer collects for their commune.
  await signIn(page, 'canbo.kimphuong');
  await page.goto('/thu-thap/');
  await expect(page.getByText(/Đã lưu \d+ cuộc điều tra xã hội học trên máy\./)).toBeVisible();
  await page.evaluate('navigator.serviceWorker.ready.then(() => true)');
  const survey = page.getByRole('region', { name: 'Điều tra xã hội học' });
  await survey.getByLabel('Cuộc điều tra xã hội học').selectOption({ label: name });
  await survey.getByLabel('Đơn vị mà người trả lời nhận xét').selectOption({ label: kimPhuong });
  await survey.getByLabel('Nhóm đối tượng của người trả lời').selectOption('DB');

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByText(/^Không có mạng/)).toBeVisible();
  await expect(survey.getByLabel('Nhóm đối tượng của người trả lời')).toHaveValue('DB');
  // Nothing chosen on a question: the form says which, nothing is kept.
  await survey
    .getByRole('group', { name: /^C1\./ })
    .getByRole('radio', { name: 'Tốt', exact: true })
    .check();
  await survey.getByRole('button', { name: 'Ghi nhận phiếu điều tra' }).click();
  await expect(survey.getByText('Còn 1 câu chưa trả lời. (C2)')).toBeVisible();
  await expect(page.getByText('0 phiếu đang chờ gửi')).toBeVisible();
  await survey
    .getByRole('group', { name: /^C2\./ })
    .getByRole('radio', { name: 'Không biết / không trả lời' })
    .check();
  await survey.getByRole('button', { name: 'Ghi nhận phiếu điều tra' }).click();
  await expect(
    survey.getByText('Đã lưu phiếu điều tra trên máy. Mời nhập phiếu tiếp theo.'),
  ).toBeVisible();
  await expect(page.getByText('1 phiếu đang chờ gửi')).toBeVisible();
  expect(await answered()).toBe(0);

  // The first upload reaches the server, but its answer never comes back to the device.
  let lost = 0;
  await page.route(
    '**/api/v1/social-survey/field-responses',
    async (route) => {
      await route.fetch();
      lost += 1;
      await route.abort('connectionreset');
    },
    { times: 1 },
  );
  await context.setOffline(false);
  await expect.poll(answered).toBe(1);
  await expect(page.getByText(/Chưa gửi được/)).toBeVisible();
  expect(lost).toBe(1);
  await expect(page.getByText('1 phiếu đang chờ gửi')).toBeVisible();

  await page.getByRole('button', { name: 'Gửi ngay' }).click();
  await expect(page.getByText('Đã gửi 1 phiếu.')).toBeVisible();
  await expect(page.getByText('0 phiếu đang chờ gửi')).toBeVisible();
  expect(await answered()).toBe(1);

  // The standing agency's progress counts it once.
  const staff = await browser.newContext();
  const staffPage = await staff.newPage();
  await signIn(staffPage, 'noivu.thainguyen');
  await staffPage.goto(`/campaigns/${id}/social-survey`);
  await staffPage.getByRole('tab', { name: 'Tiến độ' }).click();
  const progress = staffPage.getByRole('table', {
    name: 'Tiến độ theo đơn vị và nhóm đối tượng',
  });
  await expect(
    progress.getByRole('row', { name: `${kimPhuong} Đại biểu HĐND — 1 ` }),
  ).toBeVisible();
  await staff.close();
});
