import { performance } from 'node:perf_hooks';
/** Dossier import, ratings, quarterly results and scope, through the HTTP API on a real database. */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createHarness,
  unitIdByCode,
  type Client,
  type Harness,
} from '../../test-support/harness.ts';

let h: Harness;
let admin: Client;

beforeAll(async () => {
  h = await createHarness();
  admin = await h.login('admin');
});
afterAll(async () => h.close());

function multipart(
  fields: Record<string, string>,
  file: { name: string; content: Buffer | string } | null,
): { body: Buffer; headers: Record<string, string> } {
  const boundary = '----parindex-test-boundary';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
    );
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content),
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    body: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

async function upload(
  client: Client,
  url: string,
  fields: Record<string, string>,
  file: { name: string; content: Buffer | string } | null,
) {
  const { body, headers } = multipart(fields, file);
  return client.request('POST', url, body, headers);
}

interface Job {
  id: number;
  status: string;
  rowsDone: number;
  rowsTotal: number | null;
  inserted: number;
  updated: number;
  problemRows: number;
  problems: Array<{ row: number; column: string; message: string }>;
  message: string | null;
}

async function waitJob(client: Client, id: number): Promise<Job> {
  for (let i = 0; i < 400; i++) {
    const res = await client.get<Job>(`/api/v1/dossiers/jobs/${id}`);
    expect(res.status).toBe(200);
    if (res.body.status === 'succeeded' || res.body.status === 'failed') return res.body;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('job did not finish');
}

async function importFile(
  client: Client,
  source: string,
  file: { name: string; content: Buffer | string },
  mapping?: Record<string, string>,
): Promise<Job> {
  const res = await upload(
    client,
    '/api/v1/dossiers/import',
    { source, ...(mapping ? { mapping: JSON.stringify(mapping) } : {}) },
    file,
  );
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  return waitJob(client, res.body.jobId);
}

// A one-stop system's own column names, not the template's.
const OWN_HEADER =
  'Số HS,Thủ tục (mã),Tên TTHC,Cơ quan,CB nhận,Nhận lúc,Hẹn trả lúc,Xong lúc,Lần bổ sung,Số CQ,Kênh,TT online';
const OWN_MAPPING = {
  code: 'Số HS',
  procedureCode: 'Thủ tục (mã)',
  procedureName: 'Tên TTHC',
  unitCode: 'Cơ quan',
  officialCode: 'CB nhận',
  receivedAt: 'Nhận lúc',
  dueAt: 'Hẹn trả lúc',
  finishedAt: 'Xong lúc',
  completionRequests: 'Lần bổ sung',
  agenciesInvolved: 'Số CQ',
  channel: 'Kênh',
  onlinePayment: 'TT online',
};

function row(code: string, over: Partial<Record<string, string>> = {}): string {
  const v = {
    procedure: '1.001193',
    name: 'Đăng ký khai sinh',
    unit: '03203',
    official: 'CB1',
    received: '05/02/2024 08:00',
    due: '08/02/2024 17:00',
    finished: '06/02/2024 10:00',
    requests: '0',
    agencies: '1',
    channel: 'Trực tiếp',
    paid: '',
    ...over,
  };
  return [
    code,
    v.procedure,
    v.name,
    v.unit,
    v.official,
    v.received,
    v.due,
    v.finished,
    v.requests,
    v.agencies,
    v.channel,
    v.paid,
  ].join(',');
}

async function dossier(client: Client, code: string) {
  return client.get(`/api/v1/dossiers/by-code/${encodeURIComponent(code)}`);
}

describe('import with a mapping saved per source', () => {
  it('previews the file, imports with the chosen mapping, then imports the next file in one click', async () => {
    const csv = [
      OWN_HEADER,
      row('HS-001'),
      row('HS-002', { channel: 'Trực tuyến toàn trình' }),
    ].join('\n');
    const preview = await upload(
      admin,
      '/api/v1/dossiers/import/preview',
      { source: 'Một cửa ĐBĐ' },
      {
        name: 'quy1.csv',
        content: csv,
      },
    );
    expect(preview.status).toBe(200);
    expect(preview.body.fileKind).toBe('csv');
    expect(preview.body.headers).toEqual(OWN_HEADER.split(','));
    expect(preview.body.source).toBeNull();
    // Names that do not match the template are left for the user to map.
    expect(preview.body.unmappedRequired.length).toBeGreaterThan(0);

    const withMapping = await upload(
      admin,
      '/api/v1/dossiers/import/preview',
      { source: 'Một cửa ĐBĐ', mapping: JSON.stringify(OWN_MAPPING) },
      { name: 'quy1.csv', content: csv },
    );
    expect(withMapping.body.unmappedRequired).toEqual([]);
    expect(withMapping.body.rows).toHaveLength(2);
    expect(withMapping.body.rows[0]).toMatchObject({
      row: 2,
      ok: true,
      dossier: { code: 'HS-001', unitCode: '03203', period: '2024-Q1', timeliness: 'early' },
    });

    const job = await importFile(
      admin,
      'Một cửa ĐBĐ',
      { name: 'quy1.csv', content: csv },
      OWN_MAPPING,
    );
    expect(job).toMatchObject({ status: 'succeeded', rowsDone: 2, inserted: 2, updated: 0 });
    expect((await dossier(admin, 'HS-002')).body).toMatchObject({
      channel: 'online-full',
      points: [200, null, 200, 200, null, null, null, null, null],
    });

    // Next quarter: the same layout, no mapping sent: the saved one is used.
    const next = [
      OWN_HEADER,
      row('HS-101', {
        received: '05/04/2024 08:00',
        due: '09/04/2024',
        finished: '10/04/2024 09:00',
      }),
    ].join('\n');
    const again = await upload(
      admin,
      '/api/v1/dossiers/import/preview',
      { source: 'một cửa đbđ' },
      {
        name: 'quy2.csv',
        content: next,
      },
    );
    expect(again.body.mappingFrom).toBe('saved');
    expect(again.body.layoutChanged).toBe(false);
    const job2 = await importFile(admin, 'Một cửa ĐBĐ', { name: 'quy2.csv', content: next });
    expect(job2).toMatchObject({ status: 'succeeded', inserted: 1 });
    expect((await dossier(admin, 'HS-101')).body).toMatchObject({
      period: '2024-Q2',
      timeliness: 'late',
    });
    const sources = await admin.get('/api/v1/dossiers/sources');
    expect(sources.body.items.map((s: { name: string }) => s.name)).toContain('Một cửa ĐBĐ');
  });

  it('re-importing the same dossiers updates them without duplicates', async () => {
    const csv = [OWN_HEADER, row('HS-001', { requests: '2' }), row('HS-002'), row('HS-003')].join(
      '\n',
    );
    const job = await importFile(admin, 'Một cửa ĐBĐ', { name: 'lai.csv', content: csv });
    expect(job).toMatchObject({ status: 'succeeded', inserted: 1, updated: 2 });
    expect((await dossier(admin, 'HS-001')).body.completionRequests).toBe(2);
    const list = await admin.get('/api/v1/dossiers?q=HS-00&limit=50');
    expect(list.body.total).toBe(3);
  });

  it('imports an Excel file with the template headers, read by the streaming reader', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Hồ sơ');
    ws.addRow([
      'Mã hồ sơ',
      'Mã thủ tục',
      'Mã đơn vị tiếp nhận',
      'Ngày tiếp nhận',
      'Ngày hẹn trả',
      'Ngày có kết quả',
      'Hình thức nộp',
    ]);
    ws.addRow([
      'XL-1',
      '2.000635',
      '03205',
      new Date(Date.UTC(2024, 1, 5, 8, 0)),
      '07/02/2024 17:00',
      '07/02/2024 09:00',
      'Qua bưu chính công ích',
    ]);
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    const job = await importFile(admin, 'Excel mẫu', { name: 'ho-so.xlsx', content: buffer });
    expect(job.status, job.message ?? '').toBe('succeeded');
    expect((await dossier(admin, 'XL-1')).body).toMatchObject({
      channel: 'postal',
      receivedAt: '2024-02-05T01:00:00.000Z',
      timeliness: 'on-time',
    });
  });
});

describe('refusals: nothing imported', () => {
  it('lists every bad row with its number and imports none of the file', async () => {
    const csv = [
      OWN_HEADER,
      row('BAD-1', { finished: '01/02/2024 08:00' }),
      row('BAD-2', { requests: '-1' }),
      row('BAD-3', { unit: 'KHONGCO' }),
      row('BAD-4', { received: '31/02/2024' }),
      row('GOOD-5'),
    ].join('\n');
    const job = await importFile(admin, 'Một cửa ĐBĐ', { name: 'loi.csv', content: csv });
    expect(job.status).toBe('failed');
    expect(job.problemRows).toBe(4);
    expect(job.problems.map((p) => p.row)).toEqual([2, 3, 4, 5]);
    expect(job.problems[0]).toMatchObject({ column: 'Xong lúc' });
    expect(job.problems[0]!.message).toMatch(/trước ngày tiếp nhận/);
    expect(job.problems[1]!.message).toMatch(/không được âm/);
    expect(job.problems[2]!.message).toMatch(/KHONGCO/);
    expect(job.problems[3]).toMatchObject({ column: 'Nhận lúc' });
    expect(job.message).toMatch(/4 dòng lỗi; chưa có hồ sơ nào được nhập/);
    expect((await dossier(admin, 'GOOD-5')).status).toBe(404);
  });

  it('shows the problems and message of a job in the language of whoever reads it', async () => {
    const csv = [
      OWN_HEADER,
      row('LANG-1', { finished: '01/02/2024 08:00' }),
      row('LANG-2', { requests: '-1' }),
      row('LANG-3', { unit: 'KHONGCO' }),
      row('LANG-4', { received: '31/02/2024' }),
      row('LANG-5', { channel: 'Trực tuyến' }),
    ].join('\n');
    const vi = await importFile(admin, 'Một cửa ĐBĐ', { name: 'ngon-ngu.csv', content: csv });
    expect(vi.problems.map((p) => p.row)).toEqual([2, 3, 4, 5, 6]);
    expect(vi.problems[0]).toEqual({
      row: 2,
      column: 'Xong lúc',
      message: 'Ngày có kết quả (01/02/2024 08:00) trước ngày tiếp nhận (05/02/2024 08:00)',
    });
    expect(vi.problems[1]!.message).toBe('Số lần yêu cầu bổ sung không được âm (“-1”)');
    expect(vi.problems[2]!.message).toBe('không có đơn vị nào mang mã «KHONGCO»');
    expect(vi.problems[3]!.message).toMatch(/^Không đọc được thời điểm “31\/02\/2024”/);
    expect(vi.problems[4]!.message).toMatch(/cần ghi rõ trực tuyến toàn trình hay một phần/);
    expect(vi.message).toMatch(/5 dòng lỗi; chưa có hồ sơ nào được nhập/);

    const res = await admin.request<Job>('GET', `/api/v1/dossiers/jobs/${vi.id}`, undefined, {
      'accept-language': 'en',
    });
    expect(res.status).toBe(200);
    const en = res.body;
    expect(en.problems.map((p) => [p.row, p.column])).toEqual(
      vi.problems.map((p) => [p.row, p.column]),
    );
    expect(en.problems[0]).toEqual({
      row: 2,
      column: 'Xong lúc',
      message:
        'The date of the result (01/02/2024 08:00) is before the date received (05/02/2024 08:00)',
    });
    expect(en.problems[1]).toMatchObject({
      row: 3,
      column: 'Lần bổ sung',
      message: 'The number of requests to complete the dossier cannot be negative (“-1”)',
    });
    expect(en.problems[2]).toMatchObject({
      row: 4,
      column: 'Cơ quan',
      message: 'no unit has the code “KHONGCO”',
    });
    expect(en.problems[3]).toMatchObject({ row: 5, column: 'Nhận lúc' });
    expect(en.problems[3]!.message).toMatch(/^Cannot read the time “31\/02\/2024”/);
    expect(en.problems[4]).toMatchObject({ row: 6, column: 'Kênh' });
    expect(en.problems[4]!.message).toMatch(/say whether it is fully or partly online/);
    expect(en.message).toBe(
      'The file has 5 rows with problems; nothing was imported. Fix the rows listed and import again.',
    );

    // The preview's problems too.
    const preview = await upload(
      admin,
      '/api/v1/dossiers/import/preview',
      { source: 'Một cửa ĐBĐ' },
      { name: 'ngon-ngu.csv', content: csv },
    );
    expect(preview.body.rows[1].problems).toEqual([
      { row: 3, column: 'Lần bổ sung', message: 'Số lần yêu cầu bổ sung không được âm (“-1”)' },
    ]);
    const { body, headers } = multipart(
      { source: 'Một cửa ĐBĐ' },
      { name: 'ngon-ngu.csv', content: csv },
    );
    const previewEn = await admin.request<{ rows: Array<{ problems: Job['problems'] }> }>(
      'POST',
      '/api/v1/dossiers/import/preview',
      body,
      { ...headers, 'accept-language': 'en-GB,en;q=0.9' },
    );
    expect(previewEn.body.rows[1]!.problems).toEqual([
      {
        row: 3,
        column: 'Lần bổ sung',
        message: 'The number of requests to complete the dossier cannot be negative (“-1”)',
      },
    ]);

    // A job stored before message keys keeps its Vietnamese texts in every language.
    await h.deps.db.query(
      `UPDATE dossier_import_jobs SET error_key = NULL, error_params = NULL, problems = $2
       WHERE id = $1`,
      [vi.id, JSON.stringify([{ row: 2, column: 'Xong lúc', message: 'Thiếu ngày tiếp nhận' }])],
    );
    const old = await admin.request<Job>('GET', `/api/v1/dossiers/jobs/${vi.id}`, undefined, {
      'accept-language': 'en',
    });
    expect(old.body.problems).toEqual([
      { row: 2, column: 'Xong lúc', message: 'Thiếu ngày tiếp nhận' },
    ]);
    expect(old.body.message).toMatch(/5 dòng lỗi/);
  });

  it('refuses a file with a dossier code on two rows', async () => {
    const csv = [OWN_HEADER, row('DUP-1'), row('DUP-2'), row('DUP-1')].join('\n');
    const job = await importFile(admin, 'Một cửa ĐBĐ', { name: 'trung.csv', content: csv });
    expect(job.status).toBe('failed');
    expect(job.problems[0]).toMatchObject({ row: 4 });
    expect(job.problems[0]!.message).toMatch(/DUP-1.*2, 4/);
    expect((await dossier(admin, 'DUP-2')).status).toBe(404);
  });

  it('refuses an empty file, a file of another type, and a layout that differs from the saved mapping', async () => {
    const empty = await upload(
      admin,
      '/api/v1/dossiers/import',
      { source: 'Một cửa ĐBĐ' },
      { name: 'rong.csv', content: '' },
    );
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toMatch(/Tệp hồ sơ trống/);
    const headerOnly = await upload(
      admin,
      '/api/v1/dossiers/import',
      { source: 'Một cửa ĐBĐ' },
      { name: 'rong.csv', content: `${OWN_HEADER}\n` },
    );
    expect(headerOnly.status).toBe(400);
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const wrong = await upload(
      admin,
      '/api/v1/dossiers/import',
      { source: 'Một cửa ĐBĐ' },
      { name: 'anh.csv', content: png },
    );
    expect(wrong.status).toBe(415);
    expect(wrong.body.error.message).toMatch(/không phải CSV hay Excel/);
    const latin = Buffer.from('Số HS,Cơ quan\nA,B\n', 'latin1');
    const notUtf8 = await upload(
      admin,
      '/api/v1/dossiers/import',
      { source: 'Một cửa ĐBĐ' },
      { name: 'cu.csv', content: latin },
    );
    expect(notUtf8.status).toBe(415);
    expect(notUtf8.body.error.message).toMatch(/UTF-8/);
    const other = [
      'Mã số,Thủ tục,Đơn vị,Ngày nhận,Kênh',
      'Z1,1.001193,03203,05/02/2024,Trực tiếp',
    ].join('\n');
    const changed = await upload(
      admin,
      '/api/v1/dossiers/import',
      { source: 'Một cửa ĐBĐ' },
      { name: 'moi.csv', content: other },
    );
    expect(changed.status).toBe(400);
    expect(changed.body.error.message).toMatch(
      /không khớp với cách ghép cột đã lưu cho nguồn «Một cửa ĐBĐ»/,
    );
    expect((await dossier(admin, 'Z1')).status).toBe(404);
    const preview = await upload(
      admin,
      '/api/v1/dossiers/import/preview',
      { source: 'Một cửa ĐBĐ' },
      { name: 'moi.csv', content: other },
    );
    expect(preview.body).toMatchObject({ layoutChanged: true, mappingFrom: 'names' });
  });

  it('leaves the previous data as it was when the import fails half-way', async () => {
    // The database refuses one dossier in the middle of the upsert.
    await h.deps.db.query(`CREATE FUNCTION test_boom() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.code = 'HS-BOOM' THEN RAISE EXCEPTION 'boom'; END IF; RETURN NEW; END; $$`);
    await h.deps.db.query(
      'CREATE TRIGGER test_boom BEFORE INSERT OR UPDATE ON dossiers FOR EACH ROW EXECUTE FUNCTION test_boom()',
    );
    try {
      const csv = [
        OWN_HEADER,
        row('HS-001', { requests: '5' }),
        row('HS-NEW'),
        row('HS-BOOM'),
        row('HS-NEW2'),
      ].join('\n');
      const job = await importFile(admin, 'Một cửa ĐBĐ', { name: 'hong.csv', content: csv });
      expect(job.status).toBe('failed');
      expect(job.message).toMatch(/dữ liệu cũ được giữ nguyên/);
    } finally {
      await h.deps.db.query('DROP TRIGGER test_boom ON dossiers');
      await h.deps.db.query('DROP FUNCTION test_boom()');
    }
    expect((await dossier(admin, 'HS-001')).body.completionRequests).toBe(2);
    expect((await dossier(admin, 'HS-NEW')).status).toBe(404);
    const staging = await h.deps.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_tables WHERE tablename LIKE 'dossier_staging_job_%'",
    );
    expect(staging[0]!.n).toBe(0);
  });
});

describe('ratings', () => {
  /** The receipt of a dossier as its unit's staff print it. */
  const receipt = async (code: string) => {
    const res = await admin.get<{ secret: string; link: string; qrSvg: string; rated: boolean }>(
      `/api/v1/dossiers/by-code/${encodeURIComponent(code)}/rating-receipt`,
    );
    expect(res.status).toBe(200);
    return res.body;
  };
  const rate = (code: string, secret: string, ratings: (number | null)[]) =>
    h.anonymous().post('/api/v1/public/dossier-ratings', { code, secret, ratings });

  it('takes one rating per dossier, from the counter form or the public online form', async () => {
    const staff = await admin.post('/api/v1/dossiers/by-code/HS-002/rating', {
      ratings: [null, 2, null, null, 2, 1.5, 2, 2, 1],
    });
    expect(staff.status).toBe(201);
    expect(staff.body.rating).toMatchObject({ channel: 'counter-form' });
    expect(staff.body.points).toEqual([200, 200, 200, 200, 200, 150, 200, 200, 100]);
    const twice = await rate('HS-002', (await receipt('HS-002')).secret, [
      null,
      1,
      null,
      null,
      1,
      1,
      1,
      1,
      1,
    ]);
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toMatch(/mỗi hồ sơ chỉ được đánh giá một lần/);

    const online = await rate('HS-003', (await receipt('HS-003')).secret, [
      null,
      2,
      null,
      null,
      2,
      2,
      2,
      2,
      2,
    ]);
    expect(online.status).toBe(201);
    expect((await dossier(admin, 'HS-003')).body.rating.channel).toBe('online');
    const outOfScale = await rate('HS-001', (await receipt('HS-001')).secret, [
      null,
      3,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(outOfScale.status).toBe(400);

    // A re-import keeps the form: the dossier's points still use it.
    const csv = [OWN_HEADER, row('HS-002', { finished: '09/02/2024 08:00' })].join('\n');
    expect(
      (await importFile(admin, 'Một cửa ĐBĐ', { name: 'lai2.csv', content: csv })).status,
    ).toBe('succeeded');
    expect((await dossier(admin, 'HS-002')).body.points).toEqual([
      0, 200, 200, 200, 200, 150, 200, 200, 100,
    ]);
  });

  it("needs the citizen's secret: a stranger with the code alone cannot take the citizen's rating", async () => {
    const csv = [OWN_HEADER, row('HS-004'), row('HS-005')].join('\n');
    expect(
      (await importFile(admin, 'Một cửa ĐBĐ', { name: 'bien-nhan.csv', content: csv })).status,
    ).toBe('succeeded');
    const { secret, link, qrSvg, rated } = await receipt('HS-004');
    expect(rated).toBe(false);
    expect(secret).toMatch(/^[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}$/);
    // The link carries code and secret after "#", which no server or proxy log sees.
    const url = new URL(link);
    expect(url.pathname).toBe('/public/danh-gia-ho-so');
    expect(url.search).toBe('');
    expect(new URLSearchParams(url.hash.slice(1)).get('code')).toBe('HS-004');
    expect(new URLSearchParams(url.hash.slice(1)).get('secret')).toBe(secret);
    expect(qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    // A receipt is the same every time it is printed.
    expect((await receipt('HS-004')).secret).toBe(secret);
    // Another dossier has another secret.
    expect((await receipt('HS-005')).secret).not.toBe(secret);

    const ratings = [null, 2, null, null, 2, 2, 2, 2, 2];
    const wrong = await rate(
      'HS-004',
      secret === 'AAAAA-AAAAA' ? 'BBBBB-BBBBB' : 'AAAAA-AAAAA',
      ratings,
    );
    const unknown = await rate('HS-KHONG-CO', secret, ratings);
    const none = await h
      .anonymous()
      .post('/api/v1/public/dossier-ratings', { code: 'HS-004', ratings });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toBe(
      'Mã hồ sơ hoặc mã đánh giá không đúng. Hãy nhập đúng hai mã in trên giấy biên nhận hồ sơ.',
    );
    // An unknown code and a wrong secret: the same answer.
    expect({ status: unknown.status, body: unknown.body }).toEqual({
      status: wrong.status,
      body: wrong.body,
    });
    expect(none.status).toBe(400);
    expect(none.body.error.details[0].field).toBe('secret');
    expect((await receipt('HS-004')).rated).toBe(false);

    // The citizen, typing the secret from paper in lower case without the dash, rates once.
    const typed = secret.replace('-', ' ').toLowerCase();
    expect((await rate('HS-004', typed, ratings)).status).toBe(201);
    const again = await rate('HS-004', secret, ratings);
    expect(again.status).toBe(409);
    expect((await receipt('HS-004')).rated).toBe(true);
  });

  it('answers an unknown code and a wrong secret in comparable time', async () => {
    const ratings = [null, 2, null, null, 2, 2, 2, 2, 2];
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 7; i++) {
      h.clock.advance(61_000); // a fresh minute of the per-address limit
      let t0 = performance.now();
      expect((await rate('HS-005', 'AAAAA-AAAAA', ratings)).status).toBe(400);
      known.push(performance.now() - t0);
      t0 = performance.now();
      expect((await rate(`HS-KHONG-${i}`, 'AAAAA-AAAAA', ratings)).status).toBe(400);
      unknown.push(performance.now() - t0);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    expect(median(unknown)).toBeGreaterThan(median(known) / 3);
    expect(median(unknown)).toBeLessThan(median(known) * 3);
  });

  it('gives the receipt only to those who enter the dossier’s forms', async () => {
    const officer = await h.login('canbo.kimphuong');
    expect((await officer.get('/api/v1/dossiers/by-code/HS-004/rating-receipt')).status).toBe(404);
    expect((await h.anonymous().get('/api/v1/dossiers/by-code/HS-004/rating-receipt')).status).toBe(
      401,
    );
  });

  it('limits the public form per address', async () => {
    h.clock.advance(61_000);
    let status = 0;
    for (let i = 0; i < 12 && status !== 429; i++) {
      status = (await rate('KHONG-CO', 'AAAAA-AAAAA', Array(9).fill(1))).status;
    }
    expect(status).toBe(429);
  });
});

describe('quarterly results', () => {
  it('reproduces a seed-003-like distribution for Điện Biên Đông (demo quarter)', async () => {
    const district = await unitIdByCode(admin, 'H-DIENBIENDONG');
    const res = await admin.get(
      `/api/v1/dossiers/quarter-view?unitId=${district}&period=2021-Q2&bands=dien-bien-dong-509-2020`,
    );
    expect(res.status).toBe(200);
    const communes = res.body.groups.find((g: { kind: string }) => g.kind === 'commune');
    expect(communes.counts).toEqual([
      { label: 'Xuất sắc', count: 1, kind: 'class' },
      { label: 'Tốt', count: 1, kind: 'class' },
      { label: 'Trung bình', count: 1, kind: 'class' },
      { label: 'Chưa phát sinh hồ sơ', count: 1, kind: 'no-dossiers' },
      { label: 'Chưa thực hiện chấm điểm', count: 1, kind: 'not-scored' },
    ]);
    expect(communes.summary).toBe(
      '01 đơn vị đạt loại Xuất sắc; 01 đơn vị đạt loại Tốt; 01 đơn vị đạt loại Trung bình; 01 đơn vị chưa phát sinh hồ sơ; 01 chưa thực hiện việc chấm điểm',
    );
    // Two officials in each of the four communes with dossiers and at the district's own desk.
    expect(res.body.officials.length).toBe(10);
    // 90 + 80 + 60 + 30 in the communes, 40 at the district's desk.
    expect(res.body.area.dossiers).toBe(300);
    // Every number can be traced to its dossiers.
    const late = res.body.area.rates.late;
    const behind = await admin.get(
      `/api/v1/dossiers/rates/late/dossiers?unitId=${district}&period=2021-Q2&limit=200`,
    );
    expect(behind.body.total).toBe(late.num);
    expect(res.body.late.total).toBe(late.num);
    const den = await admin.get(
      `/api/v1/dossiers/rates/on-time-or-early/dossiers?unitId=${district}&period=2021-Q2&part=denominator&limit=1`,
    );
    expect(den.body.total).toBe(res.body.area.rates['on-time-or-early'].den);

    const dash = await admin.get(
      `/api/v1/dossiers/dashboard-766?unitId=${district}&period=2021-Q2`,
    );
    expect(dash.status).toBe(200);
    expect(dash.body.dashboard.max).toBe(10000);
    const xlsx = await admin.get(
      `/api/v1/dossiers/quarter-view.xlsx?unitId=${district}&period=2021-Q2&bands=dien-bien-dong-509-2020`,
    );
    expect(xlsx.status).toBe(200);
    expect(String(xlsx.headers['content-type'])).toMatch(/spreadsheetml/);
    const unit = await admin.get(
      `/api/v1/dossiers/unit-result?unitId=${await unitIdByCode(admin, '03211')}&period=2021-Q2`,
    );
    expect(unit.body.evaluation.state).toBe('not-scored');
  });
});

describe('authorisation by unit scope', () => {
  it('shows a unit officer only their unit, and imports only its dossiers', async () => {
    const officer = await h.login('canbo.kimphuong');
    expect((await dossier(officer, 'HS-001')).status).toBe(404);
    const list = await officer.get('/api/v1/dossiers?limit=10');
    expect(list.body.total).toBe(0);
    const district = await unitIdByCode(admin, 'H-DIENBIENDONG');
    expect(
      (await officer.get(`/api/v1/dossiers/quarter-view?unitId=${district}&period=2021-Q2`)).status,
    ).toBe(403);
    // Kim Phượng's current unit (after the 2025 reform): dossiers from July 2025 on.
    const after = {
      received: '05/08/2025 08:00',
      due: '08/08/2025 17:00',
      finished: '06/08/2025 10:00',
    };
    const csv = [
      OWN_HEADER,
      row('KP-1', { unit: '05551', ...after }),
      row('KP-2', { unit: '03203', ...after }),
    ].join('\n');
    const job = await importFile(
      officer,
      'Kim Phượng',
      { name: 'kp.csv', content: csv },
      OWN_MAPPING,
    );
    expect(job.status).toBe('failed');
    expect(job.problems).toHaveLength(1);
    expect(job.problems[0]).toMatchObject({ row: 3 });
    expect(job.problems[0]!.message).toMatch(/không có quyền/);
    const ok = await importFile(officer, 'Kim Phượng', {
      name: 'kp.csv',
      content: [OWN_HEADER, row('KP-1', { unit: '05551', ...after })].join('\n'),
    });
    expect(ok.status).toBe('succeeded');
    expect((await dossier(officer, 'KP-1')).status).toBe(200);
    expect((await officer.get('/api/v1/dossiers?limit=10')).body.total).toBe(1);
    // Another user cannot see the officer's job.
    const enumerator = await h.login('dieutra.dailanh');
    expect((await enumerator.get(`/api/v1/dossiers/jobs/${ok.id}`)).status).toBe(404);
    expect(
      (
        await upload(
          enumerator,
          '/api/v1/dossiers/import',
          { source: 'x' },
          { name: 'a.csv', content: csv },
        )
      ).status,
    ).toBe(403);
    expect((await h.anonymous().get('/api/v1/dossiers?limit=1')).status).toBe(401);
  });
});
