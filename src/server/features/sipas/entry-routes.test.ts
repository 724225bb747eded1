/**
 * The staff entry routes: the entry form of a campaign for whoever may type in its paper forms,
 * and the import wizard's check of a file with the mapping the user chose (rows read with that
 * mapping, problems named by column; a bad mapping refused in Vietnamese).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_QUESTIONNAIRE, scaleQuestions } from '../../../domain/sipas/questionnaire.ts';
import { SIPAS_DEMO_NAME } from '../../demo/sipas-demo.ts';
import { createHarness, type Client, type Harness } from '../../test-support/harness.ts';

let h: Harness;
let thaiNguyen: Client;
let khanhHoa: Client;
let enumeratorDaiLanh: Client;
let demoId: number;

const QUESTIONS = scaleQuestions(DEFAULT_QUESTIONNAIRE).map((q) => q.question.id);

function multipart(content: string, fields: Record<string, string>) {
  const boundary = '----parindex-entry';
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
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="phieu.csv"\r\nContent-Type: text/csv\r\n\r\n`,
    ),
    Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return {
    body: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

beforeAll(async () => {
  h = await createHarness();
  thaiNguyen = await h.login('noivu.thainguyen');
  khanhHoa = await h.login('noivu.khanhhoa');
  enumeratorDaiLanh = await h.login('dieutra.dailanh');
  const rows = await h.deps.db.query<{ id: number }>(
    'SELECT id FROM sipas_campaigns WHERE name = $1',
    [SIPAS_DEMO_NAME],
  );
  demoId = rows[0]!.id;
});

afterAll(async () => {
  await h.close();
});

describe('entry form', () => {
  it('gives the questionnaire, fields and units to the campaign manager', async () => {
    const res = await thaiNguyen.get(`/api/v1/sipas/campaigns/${demoId}/entry-form`);
    expect(res.status).toBe(200);
    expect(res.body.units.map((u: { name: string }) => u.name)).toEqual(['Xã Quy Kỳ']);
    expect(res.body.fields).toHaveLength(4);
    expect(res.body.questionnaire.overallQuestion.id).toBe('TQ');
    expect(res.body.channels).toContain('paper');
  });

  it('refuses users with no unit of the campaign, and unknown campaigns', async () => {
    expect(
      (await enumeratorDaiLanh.get(`/api/v1/sipas/campaigns/${demoId}/entry-form`)).status,
    ).toBe(403);
    expect((await khanhHoa.get(`/api/v1/sipas/campaigns/${demoId}/entry-form`)).status).toBe(403);
    expect((await thaiNguyen.get('/api/v1/sipas/campaigns/999999/entry-form')).status).toBe(404);
    expect((await h.anonymous().get(`/api/v1/sipas/campaigns/${demoId}/entry-form`)).status).toBe(
      401,
    );
  });
});

describe('import check with the chosen mapping', () => {
  // Column names that match nothing, so only the user's mapping can read them.
  const header = [
    'Xa',
    'Linh vuc',
    'Seri',
    ...QUESTIONS.map((q) => `Q${q}`),
    'Doi tuong',
    'Cach nop',
  ];
  const row = (serial: string, level: string) =>
    ['05545', 'Đất đai', serial, ...QUESTIONS.map(() => level), 'Cá nhân', 'counter'].join(',');
  const mapping: Record<string, string | null> = {
    unit: 'Xa',
    field: 'Linh vuc',
    paperSerial: 'Seri',
    'profile.respondentType': 'Doi tuong',
    'profile.channel': 'Cach nop',
    ...Object.fromEntries(QUESTIONS.map((q) => [`answers.${q}`, `Q${q}`])),
  };

  it('reads the rows with the mapping and names the column of each problem', async () => {
    const csv = [header.join(','), row('CHK-1', '4'), row('CHK-2', '9')].join('\n');
    const m = multipart(csv, { mapping: JSON.stringify(mapping) });
    const res = await thaiNguyen.request(
      'POST',
      `/api/v1/sipas/campaigns/${demoId}/import/check`,
      m.body,
      m.headers,
    );
    expect(res.status).toBe(200);
    expect(res.body.totalRows).toBe(2);
    expect(res.body.proposedMapping.unit).toBe('Xa');
    expect(res.body.rows[0]).toMatchObject({ row: 2, problems: [] });
    expect(res.body.rows[0].values.paperSerial).toBe('CHK-1');
    expect(res.body.rows[1].row).toBe(3);
    expect(res.body.rows[1].problems[0].column).toBe('Q1.1');
  });

  it('refuses a mapping to a column the file does not have, and a mapping that is not JSON', async () => {
    const csv = [header.join(','), row('CHK-3', '4')].join('\n');
    const wrong = multipart(csv, { mapping: JSON.stringify({ ...mapping, unit: 'Không có' }) });
    const res = await thaiNguyen.request(
      'POST',
      `/api/v1/sipas/campaigns/${demoId}/import/check`,
      wrong.body,
      wrong.headers,
    );
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('sipas_import_mapping_invalid');
    const garbled = multipart(csv, { mapping: '{' });
    const res2 = await thaiNguyen.request(
      'POST',
      `/api/v1/sipas/campaigns/${demoId}/import/check`,
      garbled.body,
      garbled.headers,
    );
    expect(res2.status).toBe(400);
    expect(res2.body.error.message).toContain('mapping');
  });

  it('is refused to users who may not import into the campaign', async () => {
    const csv = [header.join(','), row('CHK-4', '4')].join('\n');
    const m = multipart(csv, { mapping: JSON.stringify(mapping) });
    const res = await khanhHoa.request(
      'POST',
      `/api/v1/sipas/campaigns/${demoId}/import/check`,
      m.body,
      m.headers,
    );
    expect(res.status).toBe(403);
  });
});
