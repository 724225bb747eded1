/**
 * The late list of a quarterly view, page by page: a page of `lateLimit` dossiers, newest receipt
 * first; the next page through `nextCursor`; every late dossier exactly once across the pages; the
 * total on every page; a cursor that is not one refused (400, in Vietnamese); a province's reader
 * refused another province's view and the national view; the national view for national readers.
 * Expected lists are built from the dossiers this file inserts, in a quarter the demo leaves empty.
 */
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
let district: number;
let province: number;
const PERIOD = '2021-Q4';

interface LateView {
  unit: { id: number; code: string; name: string };
  officials: unknown[];
  groups: Array<{ rows: Array<{ unitId: number }> }>;
  late: {
    total: number;
    asOf: string;
    items: Array<{ code: string; receivedAt: string }>;
    nextCursor: string | null;
  };
}

const day = (d: number, hour = 1, minute = 30): number => Date.UTC(2021, 9, d, hour, minute);

function dossier(code: string, over: Partial<Dossier>): Dossier {
  return {
    code,
    procedureCode: '1.001193',
    procedureName: 'Đăng ký khai sinh',
    field: 'Hộ tịch',
    unitCode: 'H-DIENBIENDONG',
    officialCode: 'CB-HUYEN',
    receivedAt: day(4),
    dueAt: day(9),
    finishedAt: day(8),
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

/** Stores dossiers as an import does. */
async function addDossiers(dossiers: Dossier[]): Promise<void> {
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

// What the test inserts, and which of it the late list must hold (the clock is in 2026).
const late: Dossier[] = [];
const inTime: Dossier[] = [];
for (let i = 0; i < 20; i++) {
  // Received on 1–20 October, finished a day after the due day: late.
  late.push(
    dossier(`TRE-${String(i).padStart(2, '0')}`, {
      receivedAt: day(1 + i),
      dueAt: day(6 + i),
      finishedAt: day(7 + i),
    }),
  );
}
for (const code of ['CUNGLUC-A', 'CUNGLUC-B', 'CUNGLUC-C', 'CUNGLUC-D']) {
  // Four received at the same moment: the list orders them by code.
  late.push(dossier(code, { receivedAt: day(10), dueAt: day(15), finishedAt: day(18) }));
}
for (let i = 0; i < 3; i++) {
  // Without a result, due in October 2021: past due.
  late.push(
    dossier(`QUAHAN-${i}`, { receivedAt: day(21 + i, 3), dueAt: day(26 + i), finishedAt: null }),
  );
}
for (let i = 0; i < 5; i++) {
  inTime.push(dossier(`DUNGHAN-${i}`, { receivedAt: day(2 + i), dueAt: day(9 + i) }));
}
/** The late list as the view must give it: newest receipt first, then code from Z to A. */
const expected = [...late]
  .sort((a, b) => b.receivedAt - a.receivedAt || (a.code < b.code ? 1 : a.code > b.code ? -1 : 0))
  .map((d) => d.code);

beforeAll(async () => {
  h = await createHarness();
  admin = await h.login('admin');
  province = await unitIdByCode(admin, '11');
  district = await unitIdByCode(admin, 'H-DIENBIENDONG');
  await addDossiers([...late, ...inTime]);
});
afterAll(async () => h.close());

/** Every page of the view's late list, following nextCursor. */
async function allPages(
  client: Client,
  query: string,
  limit: number,
  from: string | null = null,
): Promise<LateView[]> {
  const pages: LateView[] = [];
  let cursor: string | null = from;
  do {
    const res: { status: number; body: LateView } = await client.get<LateView>(
      `/api/v1/dossiers/quarter-view?${query === '' ? '' : `${query}&`}period=${PERIOD}&lateLimit=${limit}${
        cursor === null ? '' : `&lateCursor=${encodeURIComponent(cursor)}`
      }`,
    );
    expect(res.status).toBe(200);
    pages.push(res.body);
    cursor = res.body.late.nextCursor;
  } while (cursor !== null && pages.length < 50);
  return pages;
}

describe('the late list, page by page', () => {
  it('gives a page, then the next through its cursor, every late dossier once', async () => {
    const pages = await allPages(admin, `unitId=${district}`, 5);
    // 27 late dossiers in pages of 5: 6 pages, the last of 2.
    expect(pages.map((p) => p.late.items.length)).toEqual([5, 5, 5, 5, 5, 2]);
    const codes = pages.flatMap((p) => p.late.items.map((d) => d.code));
    expect(codes).toEqual(expected);
    expect(new Set(codes).size).toBe(late.length);
    for (const code of inTime.map((d) => d.code)) expect(codes).not.toContain(code);
    // Every page gives the whole list's total, read at the first page's moment.
    expect(pages.map((p) => p.late.total)).toEqual(pages.map(() => late.length));
    expect(new Set(pages.map((p) => p.late.asOf))).toEqual(new Set([h.clock.now().toISOString()]));
    expect(pages.at(-1)!.late.nextCursor).toBeNull();
  });

  it('lists the same dossiers in the province view, and by default its first 100', async () => {
    const pages = await allPages(admin, `unitId=${province}`, 10);
    expect(pages.flatMap((p) => p.late.items.map((d) => d.code))).toEqual(expected);
    const whole = await admin.get<LateView>(
      `/api/v1/dossiers/quarter-view?unitId=${province}&period=${PERIOD}`,
    );
    expect(whole.body.late.items.map((d) => d.code)).toEqual(expected);
    expect(whole.body.late.nextCursor).toBeNull();
  });

  it('gives the late dossiers written after the first page on the next pages, without repeats', async () => {
    const first = await admin.get<LateView>(
      `/api/v1/dossiers/quarter-view?unitId=${district}&period=${PERIOD}&lateLimit=4`,
    );
    // A late dossier received before every one listed so far, stored between two pages.
    await addDossiers([
      dossier('TRE-SAU', { receivedAt: day(1, 0, 0), dueAt: day(3), finishedAt: day(5) }),
    ]);
    const rest = await allPages(admin, `unitId=${district}`, 4, first.body.late.nextCursor);
    const codes = [
      ...first.body.late.items.map((d) => d.code),
      ...rest.flatMap((p) => p.late.items.map((d) => d.code)),
    ];
    expect(codes).toEqual([...expected, 'TRE-SAU']);
    expect(rest[0]!.late.total).toBe(late.length + 1);
  });

  it('refuses a cursor that is not one, in Vietnamese, naming the parameter', async () => {
    for (const cursor of ['abc', 'xyz!', Buffer.from('1~2').toString('base64url'), '~~~']) {
      const res = await admin.get(
        `/api/v1/dossiers/quarter-view?unitId=${district}&period=${PERIOD}&lateCursor=${encodeURIComponent(cursor)}`,
      );
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain('lateCursor');
      expect(res.body.error.message).toContain('hồ sơ trễ hạn');
    }
    for (const limit of ['0', '501', 'x']) {
      const res = await admin.get(
        `/api/v1/dossiers/quarter-view?unitId=${district}&period=${PERIOD}&lateLimit=${limit}`,
      );
      expect(res.status).toBe(400);
    }
  });
});

describe('who may read which late list', () => {
  it("refuses another province's reader, and the national view to a province's reader", async () => {
    const khanhHoa = await h.login('noivu.khanhhoa');
    const other = await khanhHoa.get(
      `/api/v1/dossiers/quarter-view?unitId=${district}&period=${PERIOD}&lateLimit=5`,
    );
    expect(other.status).toBe(403);
    const national = await khanhHoa.get(`/api/v1/dossiers/quarter-view?period=${PERIOD}`);
    expect(national.status).toBe(403);
    expect((await h.anonymous().get(`/api/v1/dossiers/quarter-view?period=${PERIOD}`)).status).toBe(
      401,
    );
  });

  it('gives national readers the whole country: the provinces, no officials, every late dossier', async () => {
    const pages = await allPages(admin, '', 10);
    const first = pages[0]!;
    expect(first.unit).toMatchObject({ code: 'VN', name: 'Toàn quốc' });
    expect(first.officials).toEqual([]);
    expect(first.groups.flatMap((g) => g.rows.map((r) => r.unitId))).toContain(province);
    // The demo has no dossier in this quarter: the country's late list is this file's.
    expect(pages.flatMap((p) => p.late.items.map((d) => d.code))).toEqual([...expected, 'TRE-SAU']);
  });
});
