/**
 * The ranking read a page at a time (ADR 28), on the demo's 2026 campaign: pages followed by their
 * cursor, of any size, with and without filters, concatenate to the whole ranking the same reader
 * downloads in one piece; the class summary and the total do not depend on the page; a reader who
 * sees published units only pages through those alone; a cursor that is not one is a 400.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchKey } from '../../../domain/text.ts';
import {
  ADMIN_PASSWORD,
  createHarness,
  campaignIdByName,
  type Client,
  type Harness,
} from '../../test-support/harness.ts';

interface Unit {
  unitId: number;
  unitCode: string;
  unitName: string;
  unitKind: string;
  classLabel: string | null;
  rank: number | null;
}
interface Ranking {
  total: number;
  nextCursor: string | null;
  summaries: unknown[];
  units: Unit[];
}

let h: Harness;
let agency: Client;
let admin: Client;
let officer: Client;
let c2026 = 0;

beforeAll(async () => {
  h = await createHarness();
  agency = await h.login('noivu.thainguyen');
  admin = await h.login('admin', ADMIN_PASSWORD);
  officer = await h.login('canbo.kimphuong');
  c2026 = await campaignIdByName(agency, 2026, /dữ liệu mẫu/);
});
afterAll(async () => h?.close());

/** Follows `nextCursor` from the first page to the last; returns every page. */
async function allPages(client: Client, campaign: number, query: string, size: number) {
  const pages: Ranking[] = [];
  let cursor: string | null = null;
  do {
    const url: string = `/api/v1/campaigns/${campaign}/results?limit=${size}${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const res = await client.get<Ranking>(url);
    expect(res.status).toBe(200);
    pages.push(res.body);
    cursor = res.body.nextCursor;
    expect(pages.length).toBeLessThan(200);
  } while (cursor !== null);
  return pages;
}

const whole = async (client: Client, campaign: number, query = '') =>
  (await client.get<Ranking>(`/api/v1/campaigns/${campaign}/results?${query}`)).body;

describe('cursor pages', () => {
  it('concatenate to the whole ranking, in its order, for every page size', async () => {
    const all = await whole(admin, c2026);
    expect(all.units.length).toBeGreaterThan(2);
    expect(all.nextCursor).toBeNull();
    for (const size of [1, 2, 3, all.units.length, all.units.length + 5]) {
      const pages = await allPages(admin, c2026, '', size);
      expect(pages.flatMap((p) => p.units)).toEqual(all.units);
      expect(pages.every((p) => p.total === all.units.length)).toBe(true);
      expect(
        pages.every((p) => JSON.stringify(p.summaries) === JSON.stringify(all.summaries)),
      ).toBe(true);
      expect(pages.slice(0, -1).every((p) => p.units.length === size)).toBe(true);
    }
  });

  it('keep the ranking order: by unit kind, then rank with the unranked last', async () => {
    const { units } = await whole(admin, c2026);
    for (let i = 1; i < units.length; i++) {
      const a = units[i - 1]!;
      const b = units[i]!;
      if (a.unitKind !== b.unitKind) {
        expect(a.unitKind < b.unitKind).toBe(true);
        continue;
      }
      expect((a.rank ?? Infinity) <= (b.rank ?? Infinity)).toBe(true);
    }
  });

  it('agree with offset pages', async () => {
    const all = await whole(admin, c2026);
    const second = (await admin.get<Ranking>(`/api/v1/campaigns/${c2026}/results?limit=2&offset=2`))
      .body;
    expect(second.units).toEqual(all.units.slice(2, 4));
    const [first] = await allPages(admin, c2026, '', 2);
    const next = (
      await admin.get<Ranking>(
        `/api/v1/campaigns/${c2026}/results?limit=2&cursor=${encodeURIComponent(first!.nextCursor!)}`,
      )
    ).body;
    expect(next.units).toEqual(second.units);
  });

  it('refuse a cursor that is not one, naming it', async () => {
    for (const cursor of ['abc', 'p0', 'p-1', '12', 'p99999999999']) {
      const res = await admin.get(`/api/v1/campaigns/${c2026}/results?limit=2&cursor=${cursor}`);
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body.error)).toContain('cursor');
    }
  });
});

describe('filtered pages', () => {
  it('by class: the pages hold exactly the units of that class, in order', async () => {
    const all = await whole(admin, c2026);
    const labels = [...new Set(all.units.map((u) => u.classLabel).filter((l) => l !== null))];
    expect(labels.length).toBeGreaterThan(0);
    for (const label of labels) {
      const expected = all.units.filter((u) => u.classLabel === label);
      const pages = await allPages(admin, c2026, `&classLabel=${encodeURIComponent(label!)}`, 2);
      expect(pages.flatMap((p) => p.units)).toEqual(expected);
      expect(pages[0]!.total).toBe(expected.length);
      // The class summary counts the units before the class filter.
      expect(pages[0]!.summaries).toEqual(all.summaries);
    }
  });

  it('by unit kind, and by name without diacritics or by code', async () => {
    const all = await whole(admin, c2026);
    const kind = all.units[0]!.unitKind;
    const ofKind = await allPages(admin, c2026, `&unitKind=${kind}`, 2);
    expect(ofKind.flatMap((p) => p.units)).toEqual(all.units.filter((u) => u.unitKind === kind));

    const target = all.units[all.units.length - 1]!;
    const word = searchKey(target.unitName).split(' ').pop()!;
    const byName = (
      await allPages(admin, c2026, `&q=${encodeURIComponent(word.toUpperCase())}`, 1)
    ).flatMap((p) => p.units);
    expect(byName).toContainEqual(target);
    expect(byName).toEqual(all.units.filter((u) => searchKey(u.unitName).includes(word)));

    const byCode = (await allPages(admin, c2026, `&q=${target.unitCode}`, 1)).flatMap(
      (p) => p.units,
    );
    expect(byCode).toContainEqual(target);
    const none = await whole(admin, c2026, 'q=khong-co-don-vi-nao&limit=5');
    expect(none).toMatchObject({ total: 0, units: [], nextCursor: null });
  });

  it('for a reader who sees published units only, hold those alone', async () => {
    // Every other unit's result published, as the workflow's last step leaves it.
    await h.deps.db.query(
      `UPDATE campaign_participants SET status = 'published', version = version + 1
       WHERE campaign_id = $1 AND id % 2 = 0`,
      [c2026],
    );
    const staff = await whole(admin, c2026);
    const own = await whole(officer, c2026);
    const pages = await allPages(officer, c2026, '', 1);
    expect(pages.flatMap((p) => p.units)).toEqual(own.units);
    expect(own.units.length).toBeLessThan(staff.units.length);
    const published = new Set(
      (staff.units as (Unit & { status: string })[])
        .filter((u) => u.status === 'published')
        .map((u) => u.unitId),
    );
    expect(own.units.every((u) => published.has(u.unitId))).toBe(true);
  });
});
