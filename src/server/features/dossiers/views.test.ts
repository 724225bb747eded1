/** Screens' additions: import columns, rates over quarters, class bands chosen per district/province. */
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

interface Counts {
  groups: Array<{
    kind: string;
    counts: Array<{ label: string; count: number }>;
    rows: Array<{
      unitId: number;
      unitCode: string;
      rates: Record<string, { num: number; den: number }>;
    }>;
  }>;
}

describe('columns of an import', () => {
  it('lists every column with its Vietnamese name and marks the required ones', async () => {
    const res = await admin.get('/api/v1/dossiers/columns');
    expect(res.status).toBe(200);
    const code = res.body.items.find((c: { column: string }) => c.column === 'code');
    expect(code).toEqual({ column: 'code', label: 'Mã hồ sơ', required: true });
    const due = res.body.items.find((c: { column: string }) => c.column === 'dueAt');
    expect(due.required).toBe(false);
    expect((await h.anonymous().get('/api/v1/dossiers/columns')).status).toBe(401);
  });
});

describe('rates over quarters', () => {
  it('gives the demo quarter its dossiers and the quarters before it none', async () => {
    const district = await unitIdByCode(admin, 'H-DIENBIENDONG');
    const res = await admin.get(
      `/api/v1/dossiers/rates-history?unitId=${district}&period=2021-Q3&quarters=3`,
    );
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: { period: string }) => i.period)).toEqual([
      '2021-Q1',
      '2021-Q2',
      '2021-Q3',
    ]);
    // The demo's four communes hold 90 + 80 + 60 + 30 dossiers and the district's own desk 40,
    // all in Q2 2021.
    expect(res.body.items.map((i: { dossiers: number }) => i.dossiers)).toEqual([0, 300, 0]);
    expect(res.body.items[0].rates['on-time-or-early'].percent).toBeNull();
  });
});

describe('class bands chosen per district', () => {
  it('applies the district choice to its quarterly view; only criteria managers may choose', async () => {
    const district = await unitIdByCode(admin, 'H-DIENBIENDONG');
    const url = `/api/v1/dossiers/quarter-view?unitId=${district}&period=2021-Q2`;
    const labelsOf = (body: Counts) =>
      body.groups.find((g) => g.kind === 'commune')?.counts.map((c) => c.label);
    // The demo's district chose its Decision 509 bands; set back to Circular 01's four labels,
    // there is no "Trung bình".
    const demo = await admin.get(`/api/v1/dossiers/bands?unitId=${district}`);
    expect(demo.body).toMatchObject({
      effectivePresetId: 'dien-bien-dong-509-2020',
      chosenOn: { id: district },
    });
    const circular = await admin.put('/api/v1/dossiers/bands', {
      unitId: district,
      presetId: 'tt01-2018',
    });
    expect(circular.status).toBe(200);
    expect(labelsOf((await admin.get<Counts>(url)).body)).not.toContain('Trung bình');

    const officer = await h.login('canbo.kimphuong');
    const refused = await officer.put('/api/v1/dossiers/bands', {
      unitId: await unitIdByCode(admin, '05551'),
      presetId: 'dien-bien-dong-509-2020',
    });
    expect(refused.status).toBe(403);
    const unknown = await admin.put('/api/v1/dossiers/bands', {
      unitId: district,
      presetId: 'khong-co',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain('khong-co');

    const saved = await admin.put('/api/v1/dossiers/bands', {
      unitId: district,
      presetId: 'dien-bien-dong-509-2020',
    });
    expect(saved.status).toBe(200);
    expect(saved.body.chosenOn.id).toBe(district);
    const view = (await admin.get<Counts>(url)).body;
    expect(labelsOf(view)).toEqual([
      'Xuất sắc',
      'Tốt',
      'Trung bình',
      'Chưa phát sinh hồ sơ',
      'Chưa thực hiện chấm điểm',
    ]);
    // The workbook names the bands it classified with.
    const xlsx = await admin.get(
      `/api/v1/dossiers/quarter-view.xlsx?unitId=${district}&period=2021-Q2`,
    );
    // The file names the quarter in words ("quy-2-2021"), not as the key "2021-Q2".
    expect(String(xlsx.headers['content-disposition'])).toMatch(
      /^attachment; filename="ket-qua-giai-quyet-tthc-[^"]+-quy-2-2021\.xlsx"; filename\*=UTF-8''ket-qua-giai-quyet-tthc-[^"]+-quy-2-2021\.xlsx$/,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.raw as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Kết quả đơn vị')!;
    expect(String(sheet.getRow(2).getCell(1).value)).toContain('Xuất sắc / Tốt / Trung bình');
    // A commune of the district (as it was in 2021) inherits the district's choice.
    const rows = view.groups.find((g) => g.kind === 'commune')!.rows;
    const commune = await admin.get(
      `/api/v1/dossiers/bands?unitId=${rows.find((r) => r.unitCode === '03203')!.unitId}`,
    );
    expect(commune.body).toMatchObject({
      effectivePresetId: 'dien-bien-dong-509-2020',
      chosenOn: { id: district },
    });
    // Every unit row carries its own rates; the no-dossier commune has nothing behind them.
    const empty = rows.find((r) => r.unitCode === '03214')!;
    expect(empty.rates['on-time-or-early']).toMatchObject({ num: 0, den: 0 });
    const busy = rows.find((r) => r.unitCode === '03203')!;
    expect(busy.rates['online-full']!.den).toBe(90);
  });
});

describe('public rating from a browser that also holds a staff session', () => {
  it('is not refused for want of the anti-forgery token, and only once per dossier', async () => {
    const noToken = { 'x-csrf-token': '' };
    const receipt = await admin.get<{ secret: string }>(
      '/api/v1/dossiers/by-code/MINHHOA-03211-0001/rating-receipt',
    );
    const body = {
      code: 'MINHHOA-03211-0001',
      secret: receipt.body.secret,
      ratings: [2, 2, 2, 2, 2, 2, 2, 2, 2],
    };
    const first = await admin.request('POST', '/api/v1/public/dossier-ratings', body, noToken);
    // The demo dossiers of 03211 carry no imported citizen rating, so the first one is accepted.
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const second = await admin.request('POST', '/api/v1/public/dossier-ratings', body, noToken);
    expect(second.status).toBe(409);
    expect(second.body.error.message).toContain('MINHHOA-03211-0001');
    // Other state-changing calls still need the token.
    const bands = await admin.request(
      'PUT',
      '/api/v1/dossiers/bands',
      { unitId: 1, presetId: 'tt01-2018' },
      noToken,
    );
    expect(bands.status).toBe(403);
  });
});
