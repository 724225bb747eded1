/**
 * Every dossier figure and the dossiers behind it, on a real database: for each rate of each
 * figure — an official, a unit's own desk, a commune, a district with its communes, a province —
 * the numerator and the denominator are exactly the number of dossiers (or, for the postal
 * procedures rate, procedures) its drill-down lists. Also: a district's row in the province view
 * counts its communes; the late list holds unfinished dossiers already past due; the Excel export
 * prints Vietnam time.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DOSSIER_CONFIG } from '../../../domain/dossiers/config.ts';
import type { Dossier } from '../../../domain/dossiers/dossier.ts';
import {
  createHarness,
  unitIdByCode,
  type Client,
  type Harness,
} from '../../test-support/harness.ts';
import { deriveDossier } from './import.ts';
import * as repo from './repository.ts';

let h: Harness;
let admin: Client;
let province: number;
let district: number;
let commune: number;
let newDistrict: number;
const PERIOD = '2021-Q2';

interface Rate {
  key: string;
  num: number;
  den: number;
}
type Rates = Record<string, Rate>;

/** Adds dossiers of the district's own desk, as an import would store them. */
async function addDistrictDossiers(dossiers: Dossier[]): Promise<void> {
  const units = await repo.listUnitRefs(h.deps.db);
  const columns: unknown[][] = repo.STAGING_COLUMNS.map(() => []);
  dossiers.forEach((d, i) => {
    const unit = units.find((u) => u.code === d.unitCode)!;
    const x = deriveDossier(d, DEFAULT_DOSSIER_CONFIG);
    const values: unknown[] = [
      i + 1,
      d.code,
      unit.id,
      unit.code,
      d.officialCode,
      d.procedureCode,
      d.procedureName,
      d.field,
      d.receivedAt,
      d.dueAt,
      d.finishedAt,
      d.returnedAt,
      d.completionRequests,
      d.agenciesInvolved,
      d.channel,
      d.onlinePayment,
      d.returnedByPost,
      d.status,
      null,
      null,
      x.period,
      x.timeliness,
      x.handlingSeconds,
      x.citizenPoints,
      x.citizenCount,
      ...x.points,
    ];
    values.forEach((v, k) => (columns[k] as unknown[]).push(v));
  });
  await h.deps.db.transaction(async (tx) => {
    await repo.insertStagingBatch(tx, 'dossier_staging', columns);
    await repo.upsertFromStaging(tx, 'dossier_staging', 'test', null, new Date());
    await tx.query('DELETE FROM dossier_staging');
  });
}

function desk(code: string, over: Partial<Dossier>): Dossier {
  return {
    code,
    procedureCode: '1.001193',
    procedureName: 'Đăng ký khai sinh',
    field: 'Hộ tịch',
    unitCode: 'H-DIENBIENDONG',
    officialCode: 'CB-HUYEN',
    receivedAt: Date.UTC(2021, 3, 15, 1, 30), // 15/04/2021 08:30 (+07)
    dueAt: Date.UTC(2021, 3, 20, 1, 30),
    finishedAt: Date.UTC(2021, 3, 19, 1, 30),
    returnedAt: null,
    completionRequests: 0,
    agenciesInvolved: 1,
    channel: 'counter',
    onlinePayment: null,
    returnedByPost: null,
    status: '',
    citizenRatings: null,
    selfRatings: null,
    ...over,
  };
}

beforeAll(async () => {
  h = await createHarness();
  admin = await h.login('admin');
  province = await unitIdByCode(admin, '11');
  district = await unitIdByCode(admin, 'H-DIENBIENDONG');
  // The commune as it was in 2021 (the demo's dossiers are its own).
  commune = (
    await admin.get<View>(`/api/v1/dossiers/quarter-view?unitId=${district}&period=${PERIOD}`)
  ).body.groups
    .flatMap((g) => g.rows)
    .find((r) => r.unitCode === '03203')!.unitId;
  await addDistrictDossiers([
    desk('HUYEN-DUNGHAN', { channel: 'postal', onlinePayment: true }),
    desk('HUYEN-TREHAN', { finishedAt: Date.UTC(2021, 3, 22, 3, 0), onlinePayment: false }),
    // Received 15/04, due 20/04, still without a result: past due long before the evaluation.
    desk('HUYEN-QUAHAN', { finishedAt: null, procedureCode: '2.000635' }),
    // Due at the end of 2026: not yet due at the evaluation (the test clock is 02/03/2026).
    desk('HUYEN-CHUADENHAN', { finishedAt: null, dueAt: Date.UTC(2026, 11, 31, 1, 0) }),
  ]);
  // A district of the province with one commune, neither merged since.
  const made = await admin.post('/api/v1/units', {
    code: 'H-THU',
    name: 'Huyện Thử',
    kind: 'district',
    parentId: province,
  });
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  newDistrict = made.body.id;
  const c = await admin.post('/api/v1/units', {
    code: 'X-THU',
    name: 'Xã Thử',
    kind: 'commune',
    parentId: newDistrict,
  });
  expect(c.status, JSON.stringify(c.body)).toBe(201);
  await addDistrictDossiers([
    desk('THU-HUYEN', { unitCode: 'H-THU', officialCode: 'CB-THU' }),
    desk('THU-XA-1', { unitCode: 'X-THU', officialCode: 'CB-XA', channel: 'online-full' }),
    desk('THU-XA-2', { unitCode: 'X-THU', officialCode: null, finishedAt: null }),
  ]);
  // Only commune 03203 has a postal catalogue: the other units are left out of the postal rates.
  const saved = await admin.put('/api/v1/dossiers/postal-catalogue', {
    unitId: commune,
    text: '1.001193\n2.000635\n9.999999',
  });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
}, 300_000);
afterAll(async () => h.close());

/** The drill-down totals of every rate of a figure, checked against the figure. */
async function expectParity(
  rates: Rates,
  query: Record<string, string | number>,
  label: string,
): Promise<void> {
  for (const rate of Object.values(rates)) {
    for (const part of ['numerator', 'denominator'] as const) {
      const q = new URLSearchParams({
        ...Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)])),
        period: PERIOD,
        part,
        limit: '1',
      });
      const url =
        rate.key === 'postal-procedures'
          ? `/api/v1/dossiers/rates/postal-procedures/procedures?${q}`
          : `/api/v1/dossiers/rates/${rate.key}/dossiers?${q}`;
      const res = await admin.get<{ total: number }>(url);
      expect(res.status, `${label} ${rate.key} ${part}: ${JSON.stringify(res.body)}`).toBe(200);
      expect(res.body.total, `${label} ${rate.key} ${part}`).toBe(
        part === 'numerator' ? rate.num : rate.den,
      );
    }
  }
}

interface View {
  groups: Array<{
    kind: string;
    rows: Array<{
      unitId: number;
      unitCode: string;
      rates: Rates;
      evaluation: { dossiers?: number };
    }>;
  }>;
  area: { dossiers: number; rates: Rates; withoutPostalCatalogue: number };
  officials: Array<{ unitId: number; officialCode: string; rates: Rates }>;
  late: { total: number; asOf: string; items: Array<{ code: string }> };
  method: { values: Record<string, string>; setOn: unknown; isDefault: boolean };
}

describe('the province view', () => {
  it('counts a district with its communes, and each figure lists exactly what it counts', async () => {
    const res = await admin.get<View>(
      `/api/v1/dossiers/quarter-view?unitId=${province}&period=${PERIOD}`,
    );
    expect(res.status).toBe(200);
    const view = res.body;
    const rows = view.groups.flatMap((g) => g.rows);
    // The new district's row: its own desk's dossier and its commune's two.
    const row = rows.find((r) => r.unitId === newDistrict)!;
    expect(row.evaluation.dossiers).toBe(3);
    expect(row.rates['online-full']).toMatchObject({ num: 1, den: 3 });
    // Huyện Điện Biên Đông's communes of 2021 merged into today's communes, which the province
    // view counts them toward (ADR on mergers): its row keeps its desk's dossiers, the demo's
    // 40 and the four added here.
    expect(rows.find((r) => r.unitId === district)!.evaluation.dossiers).toBe(44);
    // No unit of the province but the old commune 03203 has a catalogue: the others are left out.
    expect(view.area.withoutPostalCatalogue).toBeGreaterThan(0);
    expect(row.rates['postal-dossiers']).toMatchObject({ num: 0, den: 0 });
    await expectParity(view.area.rates, { unitId: province }, 'province');
    // Every row with dossiers (the others have nothing behind their figures).
    for (const r of rows.filter((x) => (x.evaluation.dossiers ?? 0) > 0)) {
      await expectParity(r.rates, { unitId: r.unitId, within: province }, `row ${r.unitCode}`);
    }
    for (const o of view.officials) {
      await expectParity(
        o.rates,
        { unitId: o.unitId, within: province, officialCode: o.officialCode },
        `official ${o.officialCode}`,
      );
    }
    expect(view.officials.some((o) => o.officialCode === 'CB-HUYEN')).toBe(true);
  }, 300_000);
});

describe('the district view and a unit result', () => {
  it('lists exactly what each commune, official and desk figure counts', async () => {
    const view = (
      await admin.get<View>(`/api/v1/dossiers/quarter-view?unitId=${district}&period=${PERIOD}`)
    ).body;
    await expectParity(view.area.rates, { unitId: district }, 'district');
    for (const r of view.groups.flatMap((g) => g.rows)) {
      await expectParity(r.rates, { unitId: r.unitId, within: district }, `commune ${r.unitCode}`);
    }
    for (const o of view.officials) {
      await expectParity(
        o.rates,
        { unitId: o.unitId, within: district, officialCode: o.officialCode },
        `official ${o.officialCode}`,
      );
    }
    // The district's own desk: its dossiers only (the demo's 40 and the four added here).
    const own = await admin.get<{ rates: Rates; evaluation: { dossiers: number } }>(
      `/api/v1/dossiers/unit-result?unitId=${district}&period=${PERIOD}`,
    );
    expect(own.body.evaluation.dossiers).toBe(44);
    await expectParity(own.body.rates, { unitId: district, scope: 'own' }, 'desk');
    // A commune's official, through the commune's own result: the catalogue applies to both.
    const c = await admin.get<{
      rates: Rates;
      officials: Array<{ officialCode: string; rates: Rates }>;
    }>(`/api/v1/dossiers/unit-result?unitId=${commune}&period=${PERIOD}`);
    expect(c.body.rates['postal-procedures']!.den).toBe(3);
    for (const o of c.body.officials) {
      expect(o.rates['postal-procedures']!.den).toBe(3);
      await expectParity(
        o.rates,
        { unitId: commune, officialCode: o.officialCode },
        `official ${o.officialCode}`,
      );
    }
  }, 300_000);
});

describe('the late list', () => {
  it('holds the late dossiers and the unfinished ones past due, not those still in time', async () => {
    const view = (
      await admin.get<View>(`/api/v1/dossiers/quarter-view?unitId=${district}&period=${PERIOD}`)
    ).body;
    const codes = view.late.items.map((d) => d.code);
    expect(codes).toContain('HUYEN-TREHAN');
    expect(codes).toContain('HUYEN-QUAHAN');
    expect(codes).not.toContain('HUYEN-CHUADENHAN');
    expect(codes).not.toContain('HUYEN-DUNGHAN');
    expect(view.late.asOf).toBe(h.clock.now().toISOString());
    // Its count: the late rate's numerator and the one unfinished dossier past due.
    expect(view.late.total).toBe(view.area.rates.late!.num + 1);
    const list = await admin.get<{ total: number }>(
      `/api/v1/dossiers?unitId=${district}&period=${PERIOD}&timeliness=overdue&limit=1`,
    );
    expect(list.body.total).toBe(view.late.total);
  });

  it('prints Vietnam time in the Excel export, every late dossier listed', async () => {
    const res = await admin.get(
      `/api/v1/dossiers/quarter-view.xlsx?unitId=${district}&period=${PERIOD}`,
    );
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Hồ sơ trễ hạn')!;
    const rows: string[][] = [];
    sheet.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    const open = rows.find((r) => r[0] === 'HUYEN-QUAHAN')!;
    // Received 15/04/2021 01:30 UTC, due 20/04/2021 01:30 UTC: 08:30 in Vietnam.
    expect(open.slice(3, 7)).toEqual([
      '15/04/2021 08:30',
      '20/04/2021 08:30',
      '',
      'Chưa có kết quả, quá hạn',
    ]);
    expect(rows.find((r) => r[0] === 'HUYEN-TREHAN')![5]).toBe('22/04/2021 10:00');
    expect(rows.filter((r) => /^(MINHHOA|HUYEN)-/.test(r[0] ?? '')).length).toBe(
      (await admin.get<View>(`/api/v1/dossiers/quarter-view?unitId=${district}&period=${PERIOD}`))
        .body.late.total,
    );
    // The method the figures were computed with is printed with them.
    const units = wb.getWorksheet('Kết quả đơn vị')!;
    const text: string[] = [];
    units.eachRow((r) => text.push(String(r.getCell(1).value ?? '')));
    expect(text.some((t) => t.startsWith('Cách tính theo Thông tư 01/2018/TT-VPCP'))).toBe(true);
  });
});

describe('the readings of Circular 01, set per province', () => {
  it('are the Circular wording until the standing agency sets them, audited, and shown with results', async () => {
    // Due "20/04/2021" without a time (00:00 Vietnam time), finished that day at 10:00.
    await addDistrictDossiers([
      desk('HUYEN-NGAYHEN', {
        dueAt: Date.UTC(2021, 3, 19, 17, 0),
        finishedAt: Date.UTC(2021, 3, 20, 3, 0),
      }),
    ]);
    const timeliness = async () =>
      (
        await admin.get<{ timeliness: string; points: number[] }>(
          '/api/v1/dossiers/by-code/HUYEN-NGAYHEN',
        )
      ).body;
    expect(await timeliness()).toMatchObject({ timeliness: 'on-time' });

    const before = await admin.get(`/api/v1/dossiers/method?unitId=${district}`);
    expect(before.body).toMatchObject({
      setOn: null,
      isDefault: true,
      values: { divisor: 'evaluated', fewIndicators: 'full-max', dueWithoutTime: 'end-of-day' },
      canChange: true,
    });
    const officer = await h.login('canbo.kimphuong');
    const body = {
      unitId: district,
      divisor: 'scored',
      fewIndicators: 'not-classed',
      dueWithoutTime: 'start-of-day',
    };
    expect((await officer.put('/api/v1/dossiers/method', body)).status).toBe(403);
    const bad = await admin.put('/api/v1/dossiers/method', { ...body, divisor: 'half' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.error)).toContain('divisor');

    const saved = await admin.put('/api/v1/dossiers/method', body);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({ setOn: { id: district }, isDefault: false });
    // The due day now ends at 00:00: the dossier finished that morning is late, 0 points.
    expect(await timeliness()).toMatchObject({ timeliness: 'late' });
    expect((await timeliness()).points[0]).toBe(0);
    const [audit] = await h.deps.db.query<{
      after: { dueWithoutTime: string; dossiersReread: number };
    }>(`SELECT after FROM audit_log WHERE action = 'dossier.method' ORDER BY id DESC LIMIT 1`);
    expect(audit?.after).toMatchObject({ dueWithoutTime: 'start-of-day', dossiersReread: 1 });

    // Every result says how it was computed; the commune inherits the district's setting.
    const view = (
      await admin.get<View>(`/api/v1/dossiers/quarter-view?unitId=${district}&period=${PERIOD}`)
    ).body;
    const { unitId: _unit, ...values } = body;
    expect(view.method).toMatchObject({ setOn: { id: district }, values });
    const unit = await admin.get(`/api/v1/dossiers/unit-result?unitId=${commune}&period=${PERIOD}`);
    expect(unit.body.method).toMatchObject({ setOn: { id: district } });

    // Back to the Circular's wording: the dossier is on time again.
    await admin.put('/api/v1/dossiers/method', {
      ...body,
      divisor: 'evaluated',
      fewIndicators: 'full-max',
      dueWithoutTime: 'end-of-day',
    });
    expect(await timeliness()).toMatchObject({ timeliness: 'on-time' });
  });
});
