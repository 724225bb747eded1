/**
 * The quarterly results as readers see them: an area's quarterly view (its subordinates by class,
 * the officials, the area's rates and its late list a page at a time), one unit's result, the
 * Decision 766 dashboard, and the rates over several quarters.
 */
import { can, type Actor } from '../../../domain/access.ts';
import {
  combineTallies,
  createDossierAccumulator,
  emptyTally,
  evaluateTally,
  levelRates,
  officialResults,
  quarterView,
  type RateMember,
  type UnitGroup,
} from '../../../domain/dossiers/aggregate.ts';
import type { RateKey } from '../../../domain/dossiers/config.ts';
import { dashboard766 } from '../../../domain/dossiers/dashboard.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../errors.ts';
import { presentDossier } from './dossier-list.service.ts';
import { areaFigures, configFor, loadAccumulator, withoutCatalogue } from './figures.service.ts';
import {
  areaCatalogues,
  pathIds,
  postalCatalogueOf,
  type AreaCatalogues,
} from './postal-catalogue.service.ts';
import * as repo from './repository.ts';
import { checkPeriod, PERIOD, readableUnit } from './shared.ts';
import { sharedSums } from './sums-cache.ts';

const LATE_LISTED = 100;

// Communes, wards, townships and special zones are reported together (cấp xã), as in seed 003.
const COMMUNE_LEVEL = new Set(['commune', 'ward', 'township', 'special_zone']);

function levelOf(unit: repo.UnitRef): string {
  const kind = unit.kind ?? 'other';
  return COMMUNE_LEVEL.has(kind) ? 'commune' : kind;
}

/**
 * The quarterly view of a district or province: its direct subordinates (each with the dossiers of
 * its whole subtree and of the units merged into it) by class with counts and a summary line per
 * kind of unit, the officials' table, the area's rates against targets and its late list, with the
 * method settings the figures were computed with.
 */
export async function getQuarterView(
  deps: Deps,
  actor: Actor,
  input: {
    unitId?: number | undefined;
    period: string;
    bands?: string | undefined;
    lateLimit?: number | undefined;
    lateCursor?: string | undefined;
  },
) {
  return (await quarterViewWithArea(deps, actor, input)).view;
}

/** The whole country as the area of a quarterly view: every province under it. */
const NATIONAL_AREA: repo.UnitRef = {
  id: 0,
  code: 'VN',
  name: 'Toàn quốc',
  path: '/',
  valid_from: null,
  valid_to: null,
};

/** The area of a quarterly view: a unit the actor may read, or (no unit) the whole country. */
async function quarterArea(
  deps: Deps,
  actor: Actor,
  unitId: number | undefined,
): Promise<repo.UnitRef> {
  if (unitId !== undefined) return readableUnit(deps, actor, unitId);
  if (!can(actor, 'dossier.read', null)) throw new AppError('forbidden', 'forbidden');
  return NATIONAL_AREA;
}

/** How many of the ascending `sorted` are below `limit` (a binary search). */
function countBefore(sorted: readonly number[], limit: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) < limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A late-list cursor: the moment the list was read at and the last dossier of the page before
 * (receipt in microseconds since 1970, code), so every page reads the same list.
 */
function lateCursorOf(asOf: Date, last: { received_micros: string; code: string }): string {
  return Buffer.from(`${asOf.getTime()}~${last.received_micros}~${last.code}`).toString(
    'base64url',
  );
}

function readLateCursor(cursor: string): { asOf: Date; after: repo.LateCursor } {
  const m = /^(\d{1,15})~(-?\d{1,19})~([^~]{1,200})$/.exec(
    /^[A-Za-z0-9_-]*$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '',
  );
  if (!m) throw new AppError('invalid', 'dossier_late_cursor_invalid', { field: 'lateCursor' });
  return {
    asOf: new Date(Number(m[1])),
    after: { receivedMicros: m[2] as string, code: m[3] as string },
  };
}

export async function quarterViewWithArea(
  deps: Deps,
  actor: Actor,
  input: {
    unitId?: number | undefined;
    period: string;
    bands?: string | undefined;
    lateLimit?: number | undefined;
    lateCursor?: string | undefined;
  },
) {
  const area = await quarterArea(deps, actor, input.unitId);
  const period = input.period;
  checkPeriod(period);
  const cursor = input.lateCursor === undefined ? undefined : readLateCursor(input.lateCursor);
  const [{ config, method }, fold] = await Promise.all([
    configFor(deps, area, input.bands),
    sharedSums(deps.db, ['fold', area.path], () => repo.foldIntoArea(deps.db, area.path)),
  ]);
  // The late page is read while the figures are computed.
  const asOf = cursor?.asOf ?? deps.clock.now();
  const lateUnitIds = area.path === '/' ? null : fold.map((f) => f.unit_id);
  const lateLimit = input.lateLimit ?? LATE_LISTED;
  const overdue = { asOf, dueWithoutTime: config.method.dueWithoutTime };
  const latePage = Promise.all([
    repo.lateDossierPage(
      deps.db,
      { unitIds: lateUnitIds, period, overdue, after: cursor?.after },
      lateLimit + 1,
    ),
    sharedSums(deps.db, ['late-finished', period, lateUnitIds], () =>
      repo.lateFinishedCount(deps.db, period, lateUnitIds),
    ),
    sharedSums(deps.db, ['open-due', period, lateUnitIds, overdue.dueWithoutTime], () =>
      repo.openDueMoments(deps.db, period, lateUnitIds, overdue.dueWithoutTime),
    ).then((due) => countBefore(due, asOf.getTime())),
  ]);
  // Awaited below; a failure of the figures first must not leave it unhandled.
  latePage.catch(() => undefined);
  const fig = await areaFigures(deps, area, period, config, fold);
  const depth = area.path.split('/').length;
  // The direct subordinates: those reported, and the parents of reported units deeper down.
  const childIds = new Set<number>();
  for (const u of fig.units) {
    // '/12/340/' splits into 4 parts for 2 ids: the area's child is the id after the area's own.
    const child = pathIds(u.path)[depth - 2];
    if (child !== undefined) childIds.add(child);
  }
  const known = new Map(fig.units.map((u) => [u.id, u]));
  const missing = [...childIds].filter((id) => !known.has(id));
  const children = [
    ...fig.units.filter((u) => childIds.has(u.id)),
    ...(await repo.unitRefsByIds(deps.db, missing)),
  ].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  // Each subordinate's figure: its subtree's units summed, by the one rule of levelRates.
  const rowAcc = createDossierAccumulator(config);
  const rowGroups = new Map<string, UnitGroup>();
  rowAcc.periods.set(period, rowGroups);
  const rowMembers = new Map<number, RateMember[]>();
  for (const child of children) {
    const members = fig.units.filter((u) => u.path.startsWith(child.path)).map(fig.member);
    rowMembers.set(child.id, members);
    rowGroups.set(String(child.id), {
      period,
      unitCode: String(child.id),
      tally: combineTallies(members.map((m) => m.tally)),
      officials: new Map(),
    });
  }
  const kinds = [...new Set(children.map(levelOf))];
  const groups = kinds.map((kind) => {
    const units = children.filter((u) => levelOf(u) === kind);
    const view = quarterView(
      rowAcc,
      period,
      units.map((u) => ({ code: String(u.id), name: u.name })),
    );
    return {
      kind,
      summary: view.summary,
      counts: view.counts,
      rows: view.rows.map((r, i) => {
        const unit = units[i] as repo.UnitRef;
        const members = rowMembers.get(unit.id) ?? [];
        return {
          unitId: unit.id,
          unitCode: unit.code,
          unitName: unit.name,
          label: r.label,
          evaluation: r.evaluation,
          rates: stripCodes(levelRates(members, config)),
          withoutPostalCatalogue: withoutCatalogue(members),
        };
      }),
    };
  });
  // The whole area: every unit of the subtree, the area unit itself included.
  const areaMembers = fig.units.map(fig.member);
  const areaTally = combineTallies(areaMembers.map((m) => m.tally));
  const byId = new Map(fig.units.map((u) => [String(u.id), u]));
  const catalogue = postalCatalogueOf(fig.catalogues, fig.units);
  // The national view lists the provinces; its officials are read province by province (the
  // country has tens of thousands of one-stop officials).
  const national = area.path === '/';
  const names = national
    ? new Map<string, string>()
    : await repo.officialNames(
        deps.db,
        fig.units.map((u) => u.id),
      );
  const officials = (national ? [] : officialResults(fig.acc, catalogue))
    .filter((r) => byId.has(r.unitCode))
    .map((r) => {
      const unit = byId.get(r.unitCode) as repo.UnitRef;
      return {
        unitId: unit.id,
        unitCode: unit.code,
        unitName: unit.name,
        officialCode: r.officialCode as string,
        // The official's name when the unit recorded it (seed 003 names them), else null.
        officialName: names.get(`${unit.id}\u0000${r.officialCode as string}`) ?? null,
        evaluation: r.evaluation,
        rates: stripCodes(r.rates),
      };
    });
  // The late list, a page at a time in the order of its index (newest receipt first).
  const [lateRows, lateFinished, overdueOpen] = await latePage;
  const lateItems = lateRows.slice(0, lateLimit);
  const lastLate = lateItems[lateItems.length - 1];
  const view = {
    unit: { id: area.id, code: area.code, name: area.name },
    period,
    bands: config.bands,
    method,
    groups,
    area: {
      dossiers: areaTally.dossiers,
      evaluation: evaluateTally(areaTally, config),
      rates: stripCodes(levelRates(areaMembers, config)),
      withoutPostalCatalogue: withoutCatalogue(areaMembers),
    },
    officials,
    postalCatalogue: postalCatalogueSummary(fig.catalogues, area.path),
    late: {
      total: lateFinished + overdueOpen,
      asOf: asOf.toISOString(),
      items: lateItems.map(presentDossier),
      nextCursor:
        lateRows.length > lateLimit && lastLate !== undefined ? lateCursorOf(asOf, lastLate) : null,
    },
  };
  return { view, lateUnitIds };
}

/** Which postal catalogue the results of a unit or area used (null: none applies). */
function postalCatalogueSummary(catalogues: AreaCatalogues, path: string) {
  const c = catalogues.forPath(path);
  return c === null ? null : { setOnUnitId: c.ownerId, procedures: c.codes.length };
}

// Late codes are listed through the paginated dossier list, not inlined in every rate.
function stripCodes<T extends { codes?: string[] }>(rates: Record<RateKey, T>): Record<RateKey, T> {
  const out = {} as Record<RateKey, T>;
  for (const [k, v] of Object.entries(rates) as [RateKey, T][]) {
    const { codes: _codes, ...rest } = v;
    out[k] = rest as T;
  }
  return out;
}

/**
 * One unit's result in a quarter (its own desk: its dossiers and those of the units merged into
 * it): evaluation, rates and its officials, with the method settings used.
 */
export async function getUnitResult(
  deps: Deps,
  actor: Actor,
  input: { unitId: number; period: string; bands?: string | undefined },
) {
  const unit = await readableUnit(deps, actor, input.unitId);
  checkPeriod(input.period);
  const { config, method } = await configFor(deps, unit, input.bands);
  // Its own dossiers and those of the units that merged into it.
  const fold = (await repo.foldIntoArea(deps.db, unit.path)).filter((f) => f.target === unit.id);
  const catalogues = await areaCatalogues(deps.db, unit.path);
  const own = catalogues.forPath(unit.path);
  const acc = await loadAccumulator(deps, config, input.period, null, fold, own?.codes ?? []);
  const group = acc.periods.get(input.period)?.get(String(unit.id));
  const tally = group?.tally ?? emptyTally(true);
  const catalogue = postalCatalogueOf(catalogues, [unit]);
  return {
    unit: { id: unit.id, code: unit.code, name: unit.name },
    period: input.period,
    method,
    evaluation: evaluateTally(tally, config),
    rates: stripCodes(levelRates([{ tally, catalogue: own?.codes ?? null }], config)),
    postalCatalogue: postalCatalogueSummary(catalogues, unit.path),
    officials: officialResults(acc, catalogue).map((r) => ({
      officialCode: r.officialCode as string,
      evaluation: r.evaluation,
      rates: stripCodes(r.rates),
    })),
  };
}

/** The Decision 766 dashboard over a unit's subtree in a quarter. */
export async function getDashboard766(
  deps: Deps,
  actor: Actor,
  input: { unitId: number; period: string },
) {
  const unit = await readableUnit(deps, actor, input.unitId);
  checkPeriod(input.period);
  const { config } = await configFor(deps, unit, undefined);
  const fig = await areaFigures(deps, unit, input.period, config);
  const area = combineTallies(fig.units.map((u) => fig.member(u).tally));
  return {
    unit: { id: unit.id, code: unit.code, name: unit.name },
    period: input.period,
    dossiers: area.dossiers,
    dashboard: dashboard766(area, config),
  };
}

/** The quarter `back` quarters before `period` ("2024-Q1", 1 → "2023-Q4"). */
export function quarterBefore(period: string, back: number): string {
  const m = PERIOD.exec(period);
  if (!m) throw new AppError('invalid', 'dossier_bad_period', { period });
  const index = Number(m[1]) * 4 + Number(m[2]) - 1 - back;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

/**
 * The area's rates in each of the `quarters` quarters ending with `period` (oldest first), for the
 * charts: one GROUP BY per quarter, the same figures as the quarterly view's.
 */
export async function getRatesHistory(
  deps: Deps,
  actor: Actor,
  input: { unitId: number; period: string; quarters: number },
) {
  const area = await readableUnit(deps, actor, input.unitId);
  checkPeriod(input.period);
  const periods: string[] = [];
  for (let back = input.quarters - 1; back >= 0; back--) {
    periods.push(quarterBefore(input.period, back));
  }
  const { config } = await configFor(deps, area, undefined);
  const items = [];
  for (const period of periods) {
    const fig = await areaFigures(deps, area, period, config);
    const members = fig.units.map(fig.member);
    const dossiers = members.reduce((n, m) => n + m.tally.dossiers, 0);
    items.push({ period, dossiers, rates: stripCodes(levelRates(members, config)) });
  }
  return { unit: { id: area.id, code: area.code, name: area.name }, items };
}
