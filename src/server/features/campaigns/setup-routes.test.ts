/**
 * Score files through the HTTP API: a preview that lists every problem by row and column and
 * writes nothing, the all-or-nothing import of an earlier year's results (which then feed the
 * year-over-year comparison through lineage: xã Kim Phượng shows xã Quy Kỳ's past), the survey
 * points of every unit, and who may do it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Client, type Harness } from '../../test-support/harness.ts';

let h: Harness;
let agency: Client;
let template = 0;

const DEADLINES_2025 = {
  selfAssessment: '2025-01-10',
  round1: '2025-01-20',
  explanations: '2025-01-31',
  round2: '2025-02-10',
  publication: '2025-02-28',
};

function upload(client: Client, url: string, name: string, content: string) {
  const boundary = '----parindex-test-boundary';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n`,
    ),
    Buffer.from(content, 'utf8'),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return client.request('POST', url, body, {
    'content-type': `multipart/form-data; boundary=${boundary}`,
  });
}

async function createCampaign(name: string, year: number, deadlines = DEADLINES_2025) {
  const res = await agency.post('/api/v1/campaigns', {
    name,
    year,
    deadlines,
    criteriaSets: [{ unitKind: 'commune', criteriaSetId: template }],
  });
  expect(res.status).toBe(201);
  return res.body.campaign.id as number;
}

// Quy Kỳ's 2025 result: criteria 1–8 (max 70) and 25 survey points out of 30.
const QUY_KY_2025 = [
  'unit_code,node_code,self,round1,round2,reason',
  '05545,1,7,6,6,Kế hoạch CCHC ban hành muộn',
  '05545,2,7,7,,',
  '05545,3,12,10,11,Thiếu báo cáo quý',
  '05545,4,6,6,,',
  '05545,5,9,8,8,',
  '05545,6,7,7,,',
  '05545,7,12,12,,',
  '05545,8,10,9,9,',
  '05545,survey,,,25,',
].join('\n');

beforeAll(async () => {
  h = await createHarness();
  agency = await h.login('noivu.thainguyen');
  const sets = (await agency.get('/api/v1/criteria-sets')).body.items;
  template = sets.find((s: { origin: string }) => s.origin === 'bundled:khung-2025-xa').id;
});
afterAll(async () => h?.close());

describe('importing an earlier year', () => {
  let id = 0;

  it('previews a file with problems: each named by row and column, nothing written', async () => {
    id = await createCampaign('Kết quả năm 2025 (nhập từ Excel)', 2025);
    const bad = [
      'unit_code,node_code,self,round1,round2,reason',
      'XXXXX,1,5,,,',
      '05545,1,8,,,',
      '05545,42,1,,,',
      '05545,2,abc,,,',
      '05545,4,6,,5,',
    ].join('\n');
    const res = await upload(
      agency,
      `/api/v1/campaigns/${id}/scores/preview?enrol=1`,
      'diem.csv',
      bad,
    );
    expect(res.status).toBe(200);
    expect(res.body.summary).toBeNull();
    expect(res.body.totalRows).toBe(5);
    expect(res.body.rows[0]).toMatchObject({ row: 2, unit_code: 'XXXXX', node_code: '1' });
    const where = res.body.problems.map(
      (p: { row: number; column: string }) => `${p.row}:${p.column}`,
    );
    expect(where).toEqual(['2:unit_code', '3:self', '4:node_code', '5:self', '6:round2']);
    // A round-2 score without a round-1 score is refused, not dropped.
    expect(res.body.problems[4].message).toContain('không có điểm vòng 1');
    expect(res.body.problems[0].message).toBe('Không có đơn vị mã «XXXXX»');
    expect(res.body.problems[1].message).toBe('Điểm 8 vượt điểm tối đa 7');
    const detail = await agency.get(`/api/v1/campaigns/${id}`);
    expect(detail.body.participants).toEqual([]);
  });

  it('refuses the import of the same file as a whole', async () => {
    const res = await upload(
      agency,
      `/api/v1/campaigns/${id}/scores/import?enrol=1`,
      'diem.csv',
      'unit_code,node_code,self,round1,round2,reason\n05545,1,8,,,\n05545,2,7,,,\n',
    );
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('Tệp điểm có 1 lỗi; chưa có điểm nào được nhập.');
    expect(res.body.error.details[0]).toMatchObject({ row: 2, column: 'self' });
    expect((await agency.get(`/api/v1/campaigns/${id}`)).body.participants).toEqual([]);
  });

  it('previews a good file with what it would write, then imports it', async () => {
    // Without enrolment the unit not taking part is refused, by row.
    const refused = await upload(
      agency,
      `/api/v1/campaigns/${id}/scores/preview`,
      'diem.csv',
      QUY_KY_2025,
    );
    expect(refused.body.summary).toBeNull();
    expect(refused.body.problems[0]).toMatchObject({ row: 2, column: 'unit_code' });
    expect(refused.body.problems[0].message).toContain('chưa tham gia đợt đánh giá');
    const preview = await upload(
      agency,
      `/api/v1/campaigns/${id}/scores/preview?enrol=1`,
      'diem.csv',
      QUY_KY_2025,
    );
    expect(preview.body).toMatchObject({
      problems: [],
      summary: { rows: 9, scores: 8, survey: 1, unitsAdded: 1, units: 1 },
    });
    expect((await agency.get(`/api/v1/campaigns/${id}`)).body.participants).toEqual([]);
    const imported = await upload(
      agency,
      `/api/v1/campaigns/${id}/scores/import?enrol=1`,
      'diem.csv',
      QUY_KY_2025,
    );
    expect(imported.status).toBe(200);
    expect(imported.body).toEqual({ rows: 9, scores: 8, survey: 1, unitsAdded: 1, units: 1 });
    const survey = await agency.get(`/api/v1/campaigns/${id}/survey`);
    expect(survey.body.items).toEqual([
      expect.objectContaining({
        unitCode: '05545',
        surveyMaxHundredths: 3000,
        pointsHundredths: 2500,
        source: 'imported',
      }),
    ]);
    expect((await agency.post(`/api/v1/campaigns/${id}/close`)).status).toBe(200);
  });

  it('gives xã Kim Phượng xã Quy Kỳ’s imported past in the next year', async () => {
    const next = await createCampaign('Kết quả năm 2026 (nhập)', 2026, {
      selfAssessment: '2026-01-10',
      round1: '2026-01-20',
      explanations: '2026-01-31',
      round2: '2026-02-10',
      publication: '2026-02-28',
    });
    // Kim Phượng 2026: the same criteria, 30 survey points: 66 + 30 = 96 against Quy Kỳ's 66 + 25 = 91.
    const kimPhuong = QUY_KY_2025.replace(/05545/g, '05551').replace('survey,,,25', 'survey,,,30');
    expect(
      (await upload(agency, `/api/v1/campaigns/${next}/scores/import?enrol=1`, 'd.csv', kimPhuong))
        .status,
    ).toBe(200);
    const results = await agency.get(`/api/v1/campaigns/${next}/results`);
    expect(results.status).toBe(200);
    const unit = results.body.units.find((u: { unitCode: string }) => u.unitCode === '05551');
    expect(unit).toMatchObject({ unitName: 'Xã Kim Phượng', indexText: '96,00' });
    expect(unit.previous).toMatchObject({
      year: 2025,
      source: 'lineage',
      indexText: '91,00',
      ratioText: '105,5 %',
      differenceText: '+5,00',
      fromUnits: [{ unitName: 'Xã Quy Kỳ' }],
    });
  });

  it('takes survey points from the SIPAS survey: 30 × 62,50 % = 18,75 for xã Quy Kỳ', async () => {
    const sipas = (await agency.get('/api/v1/sipas/campaigns')).body.items as {
      id: number;
      name: string;
    }[];
    const quyKySurvey = sipas.find((c) => c.name.includes('Quy Kỳ'))!;
    const withQuyKy = await createCampaign('Điểm điều tra từ SIPAS', 2022);
    await agency.post(`/api/v1/campaigns/${withQuyKy}/participants`, { unitCodes: ['05545'] });
    const applied = await agency.post(`/api/v1/campaigns/${withQuyKy}/survey/from-sipas`, {
      sipasCampaignId: quyKySurvey.id,
    });
    expect(applied.status).toBe(200);
    expect(applied.body).toEqual({ applied: 1, withoutAnswers: [] });
    const survey = await agency.get(`/api/v1/campaigns/${withQuyKy}/survey`);
    expect(survey.body.items[0]).toMatchObject({
      unitName: 'Xã Quy Kỳ',
      pointsHundredths: 1875,
      source: 'sipas',
    });

    // Xã Kim Phượng has no answers in that survey: refused, nothing saved.
    const without = await createCampaign('Không có câu trả lời SIPAS', 2022);
    await agency.post(`/api/v1/campaigns/${without}/participants`, { unitCodes: ['05551'] });
    const refused = await agency.post(`/api/v1/campaigns/${without}/survey/from-sipas`, {
      sipasCampaignId: quyKySurvey.id,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/chưa có câu trả lời nào/);
    expect((await agency.get(`/api/v1/campaigns/${without}/survey`)).body.items[0]).toMatchObject({
      pointsHundredths: null,
    });
  });

  it('answers bad input with a clear message, never a 500', async () => {
    const target = await createCampaign('Dữ liệu sai', 2025);
    const json = await agency.post(`/api/v1/campaigns/${target}/scores/preview`, { file: 'x' });
    expect(json.status).toBe(415);
    const empty = await upload(agency, `/api/v1/campaigns/${target}/scores/preview`, 'd.csv', '');
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toBe('Tệp nhập không có dòng dữ liệu nào.');
    const headerOnly = await upload(
      agency,
      `/api/v1/campaigns/${target}/scores/import`,
      'd.csv',
      'unit_code,self\n05545,5\n',
    );
    expect(headerOnly.status).toBe(400);
    expect(headerOnly.body.error.message).toBe('Tệp nhập thiếu cột: node_code.');
    const fakeXlsx = await upload(
      agency,
      `/api/v1/campaigns/${target}/scores/preview`,
      'd.xlsx',
      'PK\u0003\u0004 not really a workbook',
    );
    expect(fakeXlsx.status).toBe(415);
    expect(fakeXlsx.body.error.message).toBe('Tệp không phải bảng tính Excel (.xlsx).');
    const badSipas = await agency.post(`/api/v1/campaigns/${target}/survey/from-sipas`, {
      sipasCampaignId: 'x',
    });
    expect(badSipas.status).toBe(400);
    expect(badSipas.body.error.details[0].field).toBe('sipasCampaignId');
    const missing = await upload(agency, '/api/v1/campaigns/999999/scores/preview', 'd.csv', 'a');
    expect(missing.status).toBe(404);
  });

  it('refuses a unit officer and another province', async () => {
    const officer = await h.login('canbo.kimphuong');
    const other = await h.login('noivu.khanhhoa');
    const open = await createCampaign('Kiểm tra quyền', 2025);
    for (const client of [officer, other]) {
      const res = await upload(
        client,
        `/api/v1/campaigns/${open}/scores/preview`,
        'd.csv',
        QUY_KY_2025,
      );
      expect(res.status).toBe(403);
      expect((await client.get(`/api/v1/campaigns/${open}/survey`)).status).toBe(403);
    }
  });
});
