import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_QUESTIONNAIRE, scaleQuestions } from '../../../domain/sipas/questionnaire.ts';
import { SIPAS_DEMO_NAME } from '../../demo/sipas-demo.ts';
import {
  createHarness,
  unitIdByCode,
  type Client,
  type Harness,
} from '../../test-support/harness.ts';
import { surveyPointsForUnit } from './service.ts';

let h: Harness;
let admin: Client;
let khanhHoa: Client;
let thaiNguyen: Client;
let enumerator: Client;
let officerDaiLanh: Client;
let officerKimPhuong: Client;
let demoId: number;
let campaignId: number;
let otherCampaignId: number;
let daiLanh: number;
let quyKy: number;

const Q = DEFAULT_QUESTIONNAIRE;
const ALL_QUESTIONS = scaleQuestions(Q).map((q) => q.question.id);

function answersAt(level: number): Record<string, number> {
  return Object.fromEntries(ALL_QUESTIONS.map((id) => [id, level]));
}

/** A public POST from a given address (no session). */
async function publicPost(body: unknown, ip = '10.1.1.1') {
  const res = await h.app.inject({
    method: 'POST',
    url: '/api/v1/public/sipas/responses',
    payload: body as object,
    remoteAddress: ip,
  });
  return { status: res.statusCode, body: JSON.parse(res.body) as any };
}

async function openForm(id: number, query = '') {
  const res = await h.anonymous().get<any>(`/api/v1/public/sipas/forms/${id}${query}`);
  expect(res.status).toBe(200);
  return res.body;
}

function submission(form: any, extra: Record<string, unknown> = {}) {
  return {
    campaignId: form.campaignId,
    formToken: form.formToken,
    channel: 'web',
    clientId: randomUUID(),
    unitId: form.units[0].id,
    fieldId: form.fields[0].id,
    questionnaireId: Q.id,
    questionnaireVersion: Q.version,
    answers: answersAt(4),
    profile: { respondentType: 'individual', channel: 'counter' },
    suggestion: 'Cần thêm chỗ để xe.',
    website: '',
    ...extra,
  };
}

async function countResponses(id: number): Promise<number> {
  const rows = await h.deps.db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM sipas_responses WHERE campaign_id = $1',
    [id],
  );
  return rows[0]!.n;
}

function multipart(filename: string, content: Buffer, fields: Record<string, string> = {}) {
  const boundary = '----parindex-sipas';
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
      ),
    );
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: text/csv\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return {
    body: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

beforeAll(async () => {
  h = await createHarness({ sipasRatePerAddress: 30, sipasRatePerForm: 10_000 });
  admin = await h.login('admin');
  khanhHoa = await h.login('noivu.khanhhoa');
  thaiNguyen = await h.login('noivu.thainguyen');
  enumerator = await h.login('dieutra.dailanh');
  officerDaiLanh = await h.login('canbo.dailanh');
  officerKimPhuong = await h.login('canbo.kimphuong');
  daiLanh = await unitIdByCode(admin, '22504');
  quyKy = (await h.deps.db.query<{ id: number }>("SELECT id FROM units WHERE code = '05545'"))[0]!
    .id;
  const demo = await h.deps.db.query<{ id: number }>(
    'SELECT id FROM sipas_campaigns WHERE name = $1',
    [SIPAS_DEMO_NAME],
  );
  demoId = demo[0]!.id;
  const questionnaires = await khanhHoa.get('/api/v1/sipas/questionnaires');
  expect(questionnaires.status).toBe(200);
  const questionnaireId = questionnaires.body.items[0].id;
  const khanhHoaId = await unitIdByCode(admin, '56');
  const create = (name: string) =>
    khanhHoa.post('/api/v1/sipas/campaigns', {
      name,
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      ownerUnitId: khanhHoaId,
      questionnaireId,
      fields: [
        { id: 'tu-phap-ho-tich', name: 'Tư pháp – Hộ tịch' },
        { id: 'dat-dai', name: 'Đất đai' },
      ],
      channels: ['web', 'qr', 'dossier_link', 'paper', 'offline', 'import'],
      units: [{ unitId: daiLanh, transactions: { 'tu-phap-ho-tich': 100, 'dat-dai': 20 } }],
    });
  const created = await create('Khảo sát xã Đại Lãnh 2026');
  expect(created.status).toBe(201);
  campaignId = created.body.id;
  const other = await create('Khảo sát khác (đang thiết lập)');
  otherCampaignId = other.body.id;
  const closed = await khanhHoa.put(`/api/v1/sipas/campaigns/${otherCampaignId}`, {
    ...other.body,
    status: 'setup',
    units: [{ unitId: daiLanh, transactions: {} }],
  });
  expect(closed.status).toBe(200);
  h.clock.advance(1000);
});
afterAll(async () => h?.close());

describe('the demo of seed 000 (xã Quy Kỳ 2022)', () => {
  it('shows 62,50 % with "Hài lòng" only and 65,00 % with both levels', async () => {
    const res = await thaiNguyen.get(`/api/v1/sipas/campaigns/${demoId}/indexes`);
    expect(res.status).toBe(200);
    expect(res.body.all.responses).toBe(40);
    expect(res.body.satisfiedLabel).toBe('Hài lòng');
    expect(res.body.all.published.index.formula).toBe('25/40 = 62,50 %');
    const both = res.body.alternatives.find((a: any) => a.satisfiedLevels.length === 2);
    expect(both.overallShare.formula).toBe('26/40 = 65,00 %');
    expect(both.elementMean.text).toBe('65,00 %');
    expect(res.body.table.totals.index.formula).toBe('25/40 = 62,50 %');
    const civil = res.body.table.rows.find((r: any) => r.key === 'tu-phap-ho-tich');
    expect(civil.cells.map((c: any) => c.count)).toEqual([0, 10, 4, 0, 0]);
    expect(res.body.byField.map((f: any) => f.indexes.responses)).toEqual([14, 7, 12, 7]);
    expect(res.body.progress.every((p: any) => p.reached)).toBe(true);
  });

  it('gives the unit its PAR survey points from the published index', async () => {
    const points = await surveyPointsForUnit(h.deps, demoId, quyKy, 3000);
    expect(points?.formula).toBe('30 × 62,50 % = 18,75 điểm');
    const res = await thaiNguyen.get(
      `/api/v1/sipas/campaigns/${demoId}/survey-points?surveyMax=3000`,
    );
    expect(res.body.items[0].points.text).toBe('18,75');
  });

  it('exports the indexes to Excel', async () => {
    const res = await thaiNguyen.request('GET', `/api/v1/sipas/campaigns/${demoId}/indexes.xlsx`);
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toContain('spreadsheetml');
  });

  it('lists the suggestions, searchable and paginated', async () => {
    const res = await thaiNguyen.get(
      `/api/v1/sipas/campaigns/${demoId}/responses?suggestions=true&q=${encodeURIComponent('ghế')}&limit=1`,
    );
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(1);
    expect(res.body.items[0].suggestion).toContain('ghế chờ');
  });
});

describe('authorisation', () => {
  it('refuses a unit officer of another unit and another province', async () => {
    const other = await officerKimPhuong.get(`/api/v1/sipas/campaigns/${demoId}/responses`);
    expect(other.status).toBe(403);
    const indexes = await officerDaiLanh.get(`/api/v1/sipas/campaigns/${demoId}/indexes`);
    expect(indexes.status).toBe(403);
    const province = await khanhHoa.get(`/api/v1/sipas/campaigns/${demoId}`);
    expect(province.status).toBe(403);
  });

  it('lets the unit officer read their own unit', async () => {
    const res = await officerDaiLanh.get(`/api/v1/sipas/campaigns/${campaignId}/indexes`);
    expect(res.status).toBe(200);
  });

  it('never shows a campaign not open to the public, nor another campaign through a form', async () => {
    const closed = await h.anonymous().get(`/api/v1/public/sipas/forms/${otherCampaignId}`);
    expect(closed.status).toBe(404);
    const form = await openForm(campaignId);
    expect(form.units.map((u: any) => u.id)).toEqual([daiLanh]);
    expect(JSON.stringify(form)).not.toContain('Quy Kỳ');
    // A token of one campaign does not open another.
    h.clock.advance(5000);
    const res = await publicPost(
      submission(form, { campaignId: demoId, unitId: quyKy }),
      '10.9.0.1',
    );
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('sipas_form_token_invalid');
  });

  it('refuses staff routes without a session', async () => {
    const res = await h.anonymous().get(`/api/v1/sipas/campaigns/${demoId}/indexes`);
    expect(res.status).toBe(401);
  });
});

describe('public submissions', () => {
  it('stores a form and acknowledges it; a repeat is acknowledged the same and counted once', async () => {
    const form = await openForm(campaignId, `?unit=${daiLanh}&field=dat-dai`);
    expect(form.questionnaire.id).toBe(Q.id);
    h.clock.advance(5000);
    const before = await countResponses(campaignId);
    const body = submission(form);
    const first = await publicPost(body, '10.2.0.1');
    expect(first.status).toBe(200);
    expect(first.body.receipt).toBe(body.clientId);
    expect(first.body.message).toContain('cảm ơn');
    expect(await countResponses(campaignId)).toBe(before + 1);
    const again = await publicPost(body, '10.2.0.1');
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(await countResponses(campaignId)).toBe(before + 1);
  });

  it('accepts a public answer from a browser that also holds a staff session', async () => {
    const form = await openForm(campaignId);
    h.clock.advance(5000);
    const res = await enumerator.request(
      'POST',
      '/api/v1/public/sipas/responses',
      submission(form),
      {
        'x-csrf-token': 'not-the-token',
      },
    );
    expect(res.status).toBe(200);
  });

  it('refuses a second form for the same dossier with a polite message', async () => {
    const form = await openForm(campaignId);
    h.clock.advance(5000);
    const dossierCode = '000.00.21.H13-260515-0001';
    const first = await publicPost(submission(form, { dossierCode }), '10.3.0.1');
    expect(first.status).toBe(200);
    const second = await publicPost(submission(form, { dossierCode }), '10.3.0.1');
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('sipas_dossier_answered');
    expect(second.body.error.message).toContain('cảm ơn');
  });

  it('reports invalid answers located by question', async () => {
    const form = await openForm(campaignId);
    h.clock.advance(5000);
    const answers = answersAt(4);
    delete answers['2.1'];
    const res = await publicPost(submission(form, { answers }), '10.4.0.1');
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].field).toBe('answers.2.1');
  });

  it('discards a filled honeypot silently and refuses a form sent too fast', async () => {
    const before = await countResponses(campaignId);
    const form = await openForm(campaignId);
    const fast = await publicPost(submission(form), '10.5.0.1');
    expect(fast.status).toBe(400);
    expect(fast.body.error.code).toBe('sipas_form_too_fast');
    h.clock.advance(5000);
    const bot = await publicPost(submission(form, { website: 'http://spam.example' }), '10.5.0.1');
    expect(bot.status).toBe(200);
    expect(bot.body.receipt).toBeTruthy();
    expect(await countResponses(campaignId)).toBe(before);
    const forged = await publicPost(
      submission(form, { formToken: form.formToken.replace(/.$/, 'x') }),
      '10.5.0.1',
    );
    expect(forged.status).toBe(400);
  });

  it('limits answers per address per minute', async () => {
    const form = await openForm(campaignId);
    h.clock.advance(5000);
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++)
      statuses.push((await publicPost(submission(form), '10.6.0.1')).status);
    expect(statuses.slice(0, 30).every((s) => s === 200)).toBe(true);
    expect(statuses[30]).toBe(429);
    const other = await publicPost(submission(form), '10.6.0.2');
    expect(other.status).toBe(200);
    h.clock.advance(61_000);
    expect((await publicPost(submission(form), '10.6.0.1')).status).toBe(200);
  });
});

describe('single-use dossier links', () => {
  it('opens the form with the dossier, accepts one answer and refuses a second politely', async () => {
    const created = await enumerator.post(`/api/v1/sipas/campaigns/${campaignId}/links`, {
      unitId: daiLanh,
      fieldId: 'dat-dai',
      dossierCodes: ['000.00.21.H13-260601-0007'],
    });
    expect(created.status).toBe(200);
    const token = created.body.items[0].token as string;
    const form = await h.anonymous().get<any>(`/api/v1/public/sipas/links/${token}`);
    expect(form.status).toBe(200);
    expect(form.body.dossier.code).toBe('000.00.21.H13-260601-0007');
    h.clock.advance(5000);
    const body = submission(form.body, { channel: 'dossier_link', linkToken: token });
    const first = await publicPost(body, '10.7.0.1');
    expect(first.status).toBe(200);
    const retry = await publicPost(body, '10.7.0.1');
    expect(retry.status).toBe(200);
    const second = await publicPost({ ...body, clientId: randomUUID() }, '10.7.0.1');
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('sipas_link_used');
    const again = await h.anonymous().get<any>(`/api/v1/public/sipas/links/${token}`);
    expect(again.status).toBe(409);
    const rows = await h.deps.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM sipas_responses WHERE dossier_code = '000.00.21.H13-260601-0007'",
    );
    expect(rows[0]!.n).toBe(1);
  });
});

describe('paper forms and offline batches', () => {
  it('enters a paper form and refuses the same serial twice', async () => {
    const body = {
      unitId: daiLanh,
      fieldId: 'tu-phap-ho-tich',
      paperSerial: 'DL-0001',
      answers: answersAt(5),
      profile: { respondentType: 'individual', channel: 'counter' },
    };
    const first = await enumerator.post(
      `/api/v1/sipas/campaigns/${campaignId}/responses/paper`,
      body,
    );
    expect(first.status).toBe(201);
    const second = await officerDaiLanh.post(
      `/api/v1/sipas/campaigns/${campaignId}/responses/paper`,
      { ...body, paperSerial: 'dl-0001 ' },
    );
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('sipas_paper_serial_taken');
  });

  it('refuses paper entry on a unit outside the enumerator’s grant', async () => {
    const res = await officerKimPhuong.post(
      `/api/v1/sipas/campaigns/${campaignId}/responses/paper`,
      {
        unitId: daiLanh,
        fieldId: 'tu-phap-ho-tich',
        paperSerial: 'DL-0099',
        answers: answersAt(5),
        profile: { respondentType: 'individual', channel: 'counter' },
      },
    );
    expect(res.status).toBe(403);
  });

  it('stores each form of a batch exactly once, with a result per form', async () => {
    const item = (level: number) => ({
      campaignId,
      clientId: randomUUID(),
      unitId: daiLanh,
      fieldId: 'dat-dai',
      questionnaireId: Q.id,
      questionnaireVersion: Q.version,
      answers: answersAt(level),
      profile: { respondentType: 'individual', channel: 'counter' },
    });
    const items = [item(4), item(5), { ...item(3), answers: {} }];
    const before = await countResponses(campaignId);
    const first = await enumerator.post('/api/v1/sipas/responses/batch', { items });
    expect(first.status).toBe(200);
    expect(first.body.items.map((i: any) => i.status)).toEqual([
      'accepted',
      'accepted',
      'rejected',
    ]);
    const again = await enumerator.post('/api/v1/sipas/responses/batch', { items });
    expect(again.body.items.map((i: any) => i.status)).toEqual([
      'duplicate',
      'duplicate',
      'rejected',
    ]);
    expect(await countResponses(campaignId)).toBe(before + 2);
  });
});

describe('import of answers', () => {
  const header = [
    'Đơn vị',
    'Lĩnh vực',
    'Số phiếu',
    ...ALL_QUESTIONS.map((id) => `Câu ${id}`),
    'Ông/Bà là',
    'Ông/Bà đã nộp hồ sơ theo hình thức nào?',
  ];
  const row = (serial: string, level: string) =>
    ['22504', 'Đất đai', serial, ...ALL_QUESTIONS.map(() => level), 'Cá nhân', 'counter'].join(',');

  it('previews the columns with a proposed mapping and the first rows with problems', async () => {
    const csv = [header.join(','), row('IMP-1', 'Hài lòng'), row('IMP-2', '7')].join('\n');
    const { body, headers } = multipart('phieu.csv', Buffer.from(csv));
    const res = await khanhHoa.request(
      'POST',
      `/api/v1/sipas/campaigns/${campaignId}/import/preview`,
      body,
      headers,
    );
    expect(res.status).toBe(200);
    expect(res.body.totalRows).toBe(2);
    expect(res.body.proposedMapping.unit).toBe('Đơn vị');
    expect(res.body.proposedMapping['answers.1.1']).toBe('Câu 1.1');
    expect(res.body.proposedMapping.paperSerial).toBe('Số phiếu');
    expect(res.body.rows[0].problems).toEqual([]);
    expect(res.body.rows[1].problems[0].column).toBe('Câu 1.1');
  });

  it('imports all rows or none, naming the row and column of each problem', async () => {
    const preview = await khanhHoa.request(
      'POST',
      `/api/v1/sipas/campaigns/${campaignId}/import/preview`,
      ...(() => {
        const m = multipart('p.csv', Buffer.from([header.join(','), row('X', '4')].join('\n')));
        return [m.body, m.headers] as const;
      })(),
    );
    const mapping = JSON.stringify(preview.body.proposedMapping);
    const before = await countResponses(campaignId);
    const bad = [
      header.join(','),
      row('IMP-10', '4'),
      row('IMP-11', 'Rất tệ'),
      row('IMP-12', '5'),
    ].join('\n');
    const m1 = multipart('bad.csv', Buffer.from(bad), { mapping });
    const refused = await khanhHoa.request(
      'POST',
      `/api/v1/sipas/campaigns/${campaignId}/import`,
      m1.body,
      m1.headers,
    );
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('sipas_import_invalid');
    expect(refused.body.error.details[0]).toMatchObject({ row: 3, column: 'Câu 1.1' });
    expect(await countResponses(campaignId)).toBe(before);

    const good = [header.join(','), row('IMP-10', '4'), row('IMP-12', 'Rất hài lòng')].join('\n');
    const m2 = multipart('good.csv', Buffer.from(good), { mapping });
    const ok = await khanhHoa.request(
      'POST',
      `/api/v1/sipas/campaigns/${campaignId}/import`,
      m2.body,
      m2.headers,
    );
    expect(ok.status).toBe(200);
    expect(ok.body.imported).toBe(2);
    expect(await countResponses(campaignId)).toBe(before + 2);
    const twice = await khanhHoa.request(
      'POST',
      `/api/v1/sipas/campaigns/${campaignId}/import`,
      m2.body,
      m2.headers,
    );
    expect(twice.status).toBe(400);
    expect(await countResponses(campaignId)).toBe(before + 2);
  });
});

describe('questionnaires', () => {
  it('exports to JSON and imports a new version back', async () => {
    const list = await admin.get('/api/v1/sipas/questionnaires');
    const id = list.body.items[0].id;
    const exported = await admin.request('GET', `/api/v1/sipas/questionnaires/${id}/export`);
    expect(exported.status).toBe(200);
    const doc = exported.body as Record<string, unknown>;
    const { body, headers } = multipart(
      'q.json',
      Buffer.from(JSON.stringify({ ...doc, version: '2026.1' })),
    );
    const imported = await admin.request(
      'POST',
      '/api/v1/sipas/questionnaires/import',
      body,
      headers,
    );
    expect(imported.status).toBe(201);
    expect(imported.body.version).toBe('2026.1');
    const inUse = await admin.put(`/api/v1/sipas/questionnaires/${id}`, { document: doc });
    expect(inUse.status).toBe(409);
    const bad = await admin.post('/api/v1/sipas/questionnaires', {
      document: { ...doc, version: '' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toBe('document.version');
  });
});
