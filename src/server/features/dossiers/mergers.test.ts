/**
 * Units after the 2025 mergers: dossiers received before 1 July 2025 by xã Quy Kỳ and the old xã
 * Kim Phượng (both went whole into today's xã Kim Phượng) count toward today's xã Kim Phượng in
 * its own result, in its officer's lists and in the province's quarterly view, while the old
 * district's view of the same quarter still shows them as they were.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createHarness,
  unitIdByCode,
  type Client,
  type Harness,
} from '../../test-support/harness.ts';

let h: Harness;
let admin: Client;
let officer: Client;
let kimPhuong: number; // today's xã Kim Phượng
let quyKy: number;

const HEADER =
  'Mã hồ sơ,Mã thủ tục,Mã đơn vị tiếp nhận,Cán bộ tiếp nhận,Ngày tiếp nhận,Ngày hẹn trả,Ngày có kết quả,Hình thức nộp';

// Received in November 2024 (quarter 2024-Q4) unless told otherwise.
function line(code: string, unit: string, over: { received?: string; finished?: string } = {}) {
  const received = over.received ?? '05/11/2024 08:00';
  const day = received.slice(0, 10);
  return [
    code,
    '1.001193',
    unit,
    'CB1',
    received,
    `${day} 17:00`,
    over.finished ?? `${day} 16:00`,
    'Trực tiếp',
  ].join(',');
}

async function importCsv(client: Client, lines: string[]) {
  const boundary = '----parindex-merger-boundary';
  const body = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="source"\r\n\r\nSáp nhập\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="ho-so.csv"\r\n` +
      `Content-Type: text/csv\r\n\r\n${[HEADER, ...lines].join('\n')}\r\n--${boundary}--\r\n`,
  );
  const res = await client.request('POST', '/api/v1/dossiers/import', body, {
    'content-type': `multipart/form-data; boundary=${boundary}`,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  for (let i = 0; i < 400; i++) {
    const job = await client.get(`/api/v1/dossiers/jobs/${res.body.jobId}`);
    if (job.body.status === 'succeeded' || job.body.status === 'failed') return job.body;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('job did not finish');
}

beforeAll(async () => {
  h = await createHarness();
  admin = await h.login('admin');
  officer = await h.login('canbo.kimphuong');
  kimPhuong = await unitIdByCode(admin, '05551');
  const found = await admin.get('/api/v1/units?q=quy ky');
  quyKy = found.body.items.find((u: { code: string }) => u.code === '05545').id;
  const job = await importCsv(admin, [
    line('QK-1', '05545'),
    line('QK-2', '05545', { finished: '20/11/2024 08:00' }), // late
    line('KPO-1', '05551'), // the old xã Kim Phượng, valid until 30/06/2025
    line('KPN-1', '05551', { received: '05/08/2025 08:00' }), // today's xã Kim Phượng
  ]);
  expect(job.status, JSON.stringify(job)).toBe('succeeded');
});
afterAll(async () => h.close());

describe('dossiers of merged units', () => {
  it("count toward today's unit in its own quarterly result", async () => {
    const res = await officer.get(
      `/api/v1/dossiers/unit-result?unitId=${kimPhuong}&period=2024-Q4`,
    );
    expect(res.status).toBe(200);
    expect(res.body.unit.name).toBe('Xã Kim Phượng');
    expect(res.body.evaluation.dossiers).toBe(3);
    expect(res.body.rates.late).toMatchObject({ num: 1, den: 3 });
    const later = await officer.get(
      `/api/v1/dossiers/unit-result?unitId=${kimPhuong}&period=2025-Q3`,
    );
    expect(later.body.evaluation.dossiers).toBe(1);
  });

  it("are listed and readable by today's unit officer, late ones one click away", async () => {
    const list = await officer.get('/api/v1/dossiers?limit=20');
    expect(list.status).toBe(200);
    expect(list.body.items.map((d: { code: string }) => d.code).sort()).toEqual([
      'KPN-1',
      'KPO-1',
      'QK-1',
      'QK-2',
    ]);
    const quarter = await officer.get(
      `/api/v1/dossiers?unitId=${kimPhuong}&period=2024-Q4&limit=20`,
    );
    expect(quarter.body.total).toBe(3);
    const late = await officer.get(
      `/api/v1/dossiers/rates/late/dossiers?unitId=${kimPhuong}&period=2024-Q4&part=numerator`,
    );
    expect(late.body.items.map((d: { code: string }) => d.code)).toEqual(['QK-2']);
    const one = await officer.get('/api/v1/dossiers/by-code/QK-1');
    expect(one.status).toBe(200);
    expect(one.body.unit.name).toBe('Xã Quy Kỳ');
    // Another commune's officer sees none of them.
    const other = await h.login('dieutra.dailanh');
    expect((await other.get('/api/v1/dossiers/by-code/QK-1')).status).toBe(404);
  });

  it("are counted under today's unit in the province's view of a past quarter", async () => {
    const province = await unitIdByCode(admin, '19');
    const res = await admin.get(`/api/v1/dossiers/quarter-view?unitId=${province}&period=2024-Q4`);
    expect(res.status).toBe(200);
    const rows = res.body.groups.flatMap(
      (g: { rows: Array<{ unitId: number; evaluation: { dossiers?: number } }> }) => g.rows,
    );
    const kp = rows.find((r: { unitId: number }) => r.unitId === kimPhuong);
    expect(kp?.evaluation.dossiers).toBe(3);
    expect(rows.some((r: { unitId: number }) => r.unitId === quyKy)).toBe(false);
    expect(res.body.area.dossiers).toBe(3);
    expect(res.body.late.items.map((d: { code: string }) => d.code)).toEqual(['QK-2']);
  });

  it("stay with xã Quy Kỳ in the former district's view of that quarter", async () => {
    const district = await unitIdByCode(admin, 'H-DINHHOA');
    const res = await admin.get(`/api/v1/dossiers/quarter-view?unitId=${district}&period=2024-Q4`);
    expect(res.status).toBe(200);
    const rows = res.body.groups.flatMap(
      (g: { rows: Array<{ unitId: number; evaluation: { dossiers?: number } }> }) => g.rows,
    );
    expect(rows.find((r: { unitId: number }) => r.unitId === quyKy)?.evaluation.dossiers).toBe(2);
    expect(rows.some((r: { unitId: number }) => r.unitId === kimPhuong)).toBe(false);
  });

  it("may be imported by today's unit officer", async () => {
    const job = await importCsv(officer, [line('QK-3', '05545')]);
    expect(job.status, JSON.stringify(job)).toBe('succeeded');
    const res = await officer.get(
      `/api/v1/dossiers/unit-result?unitId=${kimPhuong}&period=2024-Q4`,
    );
    expect(res.body.evaluation.dossiers).toBe(4);
  });
});
