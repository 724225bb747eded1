/**
 * Use-cases on imported dossiers: read them within the actor's unit scope, record the citizen's
 * rating form (staff entry of the paper form, or the public online form; one per dossier), and the
 * quarterly results. Results are the domain core's (art. 15 Circular 01): the database sums the
 * stored per-indicator points by unit and official (GROUP BY), the sums become the core's tallies,
 * and the core evaluates, classifies and computes rates against targets.
 */
import { can, scopeOf, type Actor } from '../../../domain/access.ts';
import {
  combineTallies,
  createDossierAccumulator,
  emptyTally,
  evaluateTally,
  levelRates,
  officialResults,
  quarterView,
  type DossierAccumulator,
  type DossierTally,
  type RateMember,
  type UnitGroup,
} from '../../../domain/dossiers/aggregate.ts';
import {
  BAND_PRESETS,
  DEFAULT_DOSSIER_CONFIG,
  DEFAULT_METHOD,
  INDICATOR_IDS,
  METHOD_OPTIONS,
  type DossierEvaluationConfig,
  type MethodSettings,
  type RateKey,
} from '../../../domain/dossiers/config.ts';
import { formatTimestamp } from '../../../domain/dossiers/dossier.ts';
import { translate, type MessageKey } from '../../i18n/messages.ts';
import { dashboard766 } from '../../../domain/dossiers/dashboard.ts';
import { formatPointsCompact } from '../../../domain/scoring/decimal.ts';
import type { Deps } from '../../deps.ts';
import type { Queryable } from '../../infra/db.ts';
import { AppError } from '../../errors.ts';
import { quarterFileName } from '../../http/download.ts';
import { appendAuditEntry } from '../audit/append.ts';
import { hitRateCounter } from '../auth/service.ts';
import { deriveDossier, dossierFromDb } from './import.ts';
import * as bandsRepo from './bands.repository.ts';
import * as methodRepo from './method.repository.ts';
import {
  areaCatalogues,
  pathIds,
  postalCatalogueOf,
  type AreaCatalogues,
} from './postal-catalogue.service.ts';
import * as repo from './repository.ts';
import { sharedSums } from './sums-cache.ts';
import {
  formatRatingSecret,
  ratingKey,
  ratingLink,
  ratingLinkQrSvg,
  ratingSecretMatches,
  ratingSecretOf,
} from './rating-secret.ts';
import { newWorkbook, workbookBytes } from '../../infra/workbook-write.ts';

/** Online ratings accepted per address per minute. */
export const PUBLIC_RATINGS_PER_MINUTE = 10;

function notFoundDossier(): AppError {
  return new AppError('not_found', 'not_found', { what: '@entity_dossier' });
}

/** The API shape of a dossier. */
export function presentDossier(row: repo.DossierDbRow) {
  const iso = (d: Date | null) => (d === null ? null : new Date(d).toISOString());
  const points = [row.p1, row.p2, row.p3, row.p4, row.p5, row.p6, row.p7, row.p8, row.p9];
  return {
    code: row.code,
    unit: { id: row.unit_id, code: row.unit_code, name: row.unit_name },
    officialCode: row.official_code,
    procedureCode: row.procedure_code,
    procedureName: row.procedure_name,
    field: row.field,
    receivedAt: iso(row.received_at) as string,
    dueAt: iso(row.due_at),
    finishedAt: iso(row.finished_at),
    returnedAt: iso(row.returned_at),
    completionRequests: row.completion_requests,
    agenciesInvolved: row.agencies_involved,
    channel: row.channel,
    onlinePayment: row.online_payment,
    returnedByPost: row.returned_by_post,
    status: row.status,
    period: row.period,
    timeliness: row.timeliness,
    points,
    total: points.reduce<number>((a, p) => a + (p ?? 0), 0),
    rating:
      row.form_ratings === null ? null : { channel: row.form_channel, ratings: row.form_ratings },
    importedCitizenRatings: row.citizen_ratings,
  };
}

export type DossierView = ReturnType<typeof presentDossier>;

/** One dossier, when the actor may read its unit. */
export async function getDossier(deps: Deps, actor: Actor, code: string): Promise<DossierView> {
  const row = await repo.findDossier(deps.db, code);
  if (!row) throw notFoundDossier();
  if (!can(actor, 'dossier.read', row.unit_path)) {
    // A unit's dossiers belong to the unit it merged into: that unit's readers may read them.
    const successors = await repo.successorPaths(deps.db, row.unit_id);
    if (!successors.some((path) => can(actor, 'dossier.read', path))) throw notFoundDossier();
  }
  return presentDossier(row);
}

/** Units outside the given subtrees whose dossiers count inside them (they merged into them). */
async function mergedInto(deps: Deps, paths: readonly string[]): Promise<number[]> {
  const ids = new Set<number>();
  for (const path of paths) {
    for (const f of await repo.foldIntoArea(deps.db, path)) {
      if (!paths.some((x) => f.path.startsWith(x))) ids.add(f.unit_id);
    }
  }
  return [...ids];
}

/**
 * Dossiers in the actor's scope, optionally of one unit's subtree (with the units merged into it),
 * quarter, official or timeliness; `overdue` lists the late list of a quarterly view: finished
 * late, or without a result and past due now.
 */
export async function listDossiers(
  deps: Deps,
  actor: Actor,
  input: {
    unitId?: number | undefined;
    period?: string | undefined;
    officialCode?: string | undefined;
    q?: string | undefined;
    timeliness?: string | undefined;
    limit: number;
    offset: number;
  },
): Promise<{ items: DossierView[]; total: number }> {
  if (input.period !== undefined) checkPeriod(input.period);
  const overdue = input.timeliness === 'overdue';
  let filter: repo.DossierFilter;
  let method = DEFAULT_METHOD;
  if (input.unitId !== undefined) {
    const unit = await readableUnit(deps, actor, input.unitId);
    const fold = await repo.foldIntoArea(deps.db, unit.path);
    method = (await effectiveMethod(deps.db, unit)).method;
    filter = { scopePaths: null, members: { unitIds: fold.map((f) => f.unit_id) } };
  } else {
    const scopePaths = scopeOf(actor, 'dossier.read');
    const scopeUnitIds = scopePaths === null ? undefined : await mergedInto(deps, scopePaths);
    filter = { scopePaths, scopeUnitIds };
  }
  const result = await repo.listDossiers(
    deps.db,
    {
      ...filter,
      period: input.period,
      officialCode: input.officialCode,
      q: input.q,
      timeliness: overdue ? undefined : input.timeliness,
      overdue: overdue
        ? { asOf: deps.clock.now(), dueWithoutTime: method.dueWithoutTime }
        : undefined,
    },
    input.limit,
    input.offset,
  );
  return { items: result.items.map(presentDossier), total: result.total };
}

/**
 * The members of a figure: the dossiers' units with the catalogue owner of the unit each counts
 * toward. A unit's figure in the view of the area `within` (default: the unit itself) counts the
 * dossiers of every unit folding into the unit's subtree; an official's, or with `own`, those
 * folding into the unit itself — as the figures are computed (figuresOf).
 */
async function figureMembers(
  deps: Deps,
  actor: Actor,
  input: { unitId: number; within?: number | undefined; own: boolean },
): Promise<{ unitIds: number[]; catalogueOwners: (number | null)[] }> {
  const unit = await readableUnit(deps, actor, input.unitId);
  const area =
    input.within === undefined || input.within === unit.id
      ? unit
      : await readableUnit(deps, actor, input.within);
  if (!unit.path.startsWith(area.path)) {
    throw new AppError('invalid', 'dossier_unit_outside_area', {
      unit: unit.name,
      area: area.name,
    });
  }
  const fold = await repo.foldIntoArea(deps.db, area.path);
  const catalogues = await areaCatalogues(deps.db, area.path);
  const pathOf = new Map(fold.map((f) => [f.unit_id, f.path]));
  const unitIds: number[] = [];
  const catalogueOwners: (number | null)[] = [];
  for (const f of fold) {
    const targetPath = pathOf.get(f.target) ?? '';
    const counted = input.own ? f.target === unit.id : targetPath.startsWith(unit.path);
    if (!counted) continue;
    unitIds.push(f.unit_id);
    catalogueOwners.push(catalogues.forPath(targetPath)?.ownerId ?? null);
  }
  return { unitIds, catalogueOwners };
}

/** The dossiers behind one part of a rate of a figure (see figureMembers); exactly those it counts. */
export async function listRateDossiers(
  deps: Deps,
  actor: Actor,
  input: {
    unitId: number;
    within?: number | undefined;
    scope?: 'subtree' | 'own' | undefined;
    period: string;
    officialCode?: string | undefined;
    rate: { key: RateKey; part: 'numerator' | 'denominator' };
    limit: number;
    offset: number;
  },
): Promise<{ items: DossierView[]; total: number }> {
  checkPeriod(input.period);
  const members = await figureMembers(deps, actor, {
    unitId: input.unitId,
    within: input.within,
    own: input.scope === 'own' || input.officialCode !== undefined,
  });
  const result = await repo.listDossiers(
    deps.db,
    {
      scopePaths: null,
      members,
      period: input.period,
      officialCode: input.officialCode,
      rate: input.rate,
    },
    input.limit,
    input.offset,
  );
  return { items: result.items.map(presentDossier), total: result.total };
}

/**
 * The procedures behind the postal-procedures rate of a figure: the denominator lists the
 * procedures of the catalogues that apply (once per catalogue), the numerator those with a dossier
 * received or returned by post.
 */
export async function listRateProcedures(
  deps: Deps,
  actor: Actor,
  input: {
    unitId: number;
    within?: number | undefined;
    scope?: 'subtree' | 'own' | undefined;
    period: string;
    officialCode?: string | undefined;
    part: 'numerator' | 'denominator';
    limit: number;
    offset: number;
  },
) {
  checkPeriod(input.period);
  const members = await figureMembers(deps, actor, {
    unitId: input.unitId,
    within: input.within,
    own: input.scope === 'own' || input.officialCode !== undefined,
  });
  const result = await repo.postalProcedureRows(
    deps.db,
    {
      period: input.period,
      unitIds: members.unitIds,
      owners: members.catalogueOwners,
      officialCode: input.officialCode,
      withPostal: input.part === 'numerator',
    },
    input.limit,
    input.offset,
  );
  return {
    items: result.items.map((r) => ({
      catalogueUnitId: r.owner_id,
      code: r.code,
      name: r.name,
      dossiers: r.dossiers,
      postal: r.postal,
    })),
    total: result.total,
  };
}

// ---------------------------------------------------------------------------------------------
// Ratings

/** Ratings as entered (points, e.g. 2 or 1.5; null = not rated) to hundredths, checked. */
function ratingsToHundredths(
  ratings: readonly (number | null)[],
  config: DossierEvaluationConfig,
): (number | null)[] {
  const out = INDICATOR_IDS.map((id) => {
    const v = ratings[id - 1];
    if (v === null || v === undefined) return null;
    const h = Math.round(v * 100);
    if (!Number.isFinite(v) || h < config.scale.min || h > config.scale.max) {
      throw new AppError('invalid', 'dossier_rating_invalid', {
        indicator: id,
        min: formatPointsCompact(config.scale.min),
        max: formatPointsCompact(config.scale.max),
      });
    }
    return h;
  });
  if (out.every((v) => v === null)) throw new AppError('invalid', 'dossier_rating_empty');
  return out;
}

async function recordRating(
  deps: Deps,
  actor: Actor | null,
  input: {
    code: string;
    channel: 'counter-form' | 'online';
    ratings: readonly (number | null)[];
    comment: string | null;
    /** Called with the dossier found (or none) before anything else is checked. */
    check?: (row: repo.DossierDbRow | undefined) => void;
  },
): Promise<DossierView> {
  const ratings = ratingsToHundredths(input.ratings, DEFAULT_DOSSIER_CONFIG);
  return deps.db.transaction(async (tx) => {
    const row = await repo.findDossier(tx, input.code);
    input.check?.(row);
    if (!row) throw notFoundDossier();
    // Its timeliness is read as its province reads a due date without a time.
    const config = configWithBands(
      undefined,
      (await effectiveMethod(tx, { path: row.unit_path })).method,
    );
    if (actor !== null && !can(actor, 'dossier.import', row.unit_path)) {
      throw new AppError('forbidden', 'forbidden_unit', { unit: row.unit_name });
    }
    // One rating per dossier: a form, or citizen ratings that came with the import.
    if (row.form_ratings !== null || row.citizen_ratings !== null) {
      throw new AppError('conflict', 'dossier_already_rated', { code: row.code });
    }
    const now = deps.clock.now();
    const inserted = await repo.insertRating(
      tx,
      {
        code: row.code,
        channel: input.channel,
        ratings,
        comment: input.comment,
        userId: actor?.userId ?? null,
      },
      now,
    );
    if (!inserted) throw new AppError('conflict', 'dossier_already_rated', { code: row.code });
    const dossier = dossierFromDb({ ...row, form_ratings: ratings });
    await repo.updateDerived(tx, row.code, deriveDossier(dossier, config), now);
    await appendAuditEntry(
      tx,
      {
        actorId: actor?.userId ?? null,
        actorName: actor?.username ?? 'public',
        action: 'dossier.rate',
        entity: 'dossier',
        entityId: row.code,
        unitId: row.unit_id,
        after: { channel: input.channel, ratings },
      },
      now,
    );
    return presentDossier((await repo.findDossier(tx, row.code)) as repo.DossierDbRow);
  });
}

/** Staff enter the paper form handed out with the receipt (Mẫu phiếu 4). */
export async function enterCounterRating(
  deps: Deps,
  actor: Actor,
  code: string,
  input: { ratings: readonly (number | null)[]; comment?: string | null | undefined },
): Promise<DossierView> {
  return recordRating(deps, actor, {
    code,
    channel: 'counter-form',
    ratings: input.ratings,
    comment: input.comment ?? null,
  });
}

/**
 * The public online form (Mẫu phiếu 5) by dossier code and the citizen's secret from the receipt
 * (ADR 21); rate-limited per address. An unknown code and a wrong secret get the same answer,
 * after the same work, so codes cannot be probed; only the right secret learns that the dossier
 * was already rated.
 */
export async function submitOnlineRating(
  deps: Deps,
  address: string,
  input: {
    code: string;
    secret: string;
    ratings: readonly (number | null)[];
    comment?: string | null | undefined;
  },
): Promise<{ code: string }> {
  const now = deps.clock.now();
  const { hits, windowStart } = await hitRateCounter(deps.db, `dossier-rating:${address}`, now, 60);
  if (hits > PUBLIC_RATINGS_PER_MINUTE) {
    const seconds = Math.max(1, Math.ceil((windowStart.getTime() + 60_000 - now.getTime()) / 1000));
    throw new AppError('rate_limited', 'rate_limited', { seconds });
  }
  const code = input.code.trim();
  const key = await ratingKey(deps.db);
  await recordRating(deps, null, {
    code,
    channel: 'online',
    ratings: input.ratings,
    comment: input.comment ?? null,
    check: (row) => {
      const matches = ratingSecretMatches(key, row?.code ?? code, input.secret);
      if (!row || !matches) {
        throw new AppError('invalid', 'dossier_rating_not_matched', {}, [
          { field: 'secret', key: 'dossier_rating_not_matched' },
        ]);
      }
    },
  });
  return { code };
}

/**
 * What the receipt carries for the citizen's online rating: the secret, the single-use link and
 * its QR code. For those who enter the dossier's paper forms (dossier.import on its unit).
 */
export async function ratingReceipt(deps: Deps, actor: Actor, code: string) {
  const row = await repo.findDossier(deps.db, code);
  if (!row) throw notFoundDossier();
  if (!can(actor, 'dossier.import', row.unit_path)) {
    // Those who may not read the dossier do not learn that it exists.
    await getDossier(deps, actor, code);
    throw new AppError('forbidden', 'forbidden_unit', { unit: row.unit_name });
  }
  const secret = ratingSecretOf(await ratingKey(deps.db), row.code);
  const link = ratingLink(deps.config.publicUrl, row.code, secret);
  return {
    code: row.code,
    unit: { id: row.unit_id, code: row.unit_code, name: row.unit_name },
    procedureName: row.procedure_name,
    secret: formatRatingSecret(secret),
    link,
    qrSvg: await ratingLinkQrSvg(link),
    rated: row.form_ratings !== null || row.citizen_ratings !== null,
  };
}

// ---------------------------------------------------------------------------------------------
// Quarterly results

const PERIOD = /^(\d{4})-Q([1-4])$/;

function checkPeriod(period: string): { from: string; to: string } {
  const m = PERIOD.exec(period);
  if (!m) throw new AppError('invalid', 'dossier_bad_period', { period });
  const year = Number(m[1]);
  const q = Number(m[2]);
  const from = `${year}-${String((q - 1) * 3 + 1).padStart(2, '0')}-01`;
  const end = new Date(Date.UTC(year, q * 3, 0)).toISOString().slice(0, 10);
  return { from, to: end };
}

/** The configuration with the chosen class bands (bands do not change stored points). */
export function configWithBands(
  bandsId: string | undefined,
  method: MethodSettings = DEFAULT_METHOD,
): DossierEvaluationConfig {
  const base =
    method === DEFAULT_METHOD ? DEFAULT_DOSSIER_CONFIG : { ...DEFAULT_DOSSIER_CONFIG, method };
  if (bandsId === undefined) return base;
  const preset = BAND_PRESETS.find((b) => b.id === bandsId);
  if (!preset) throw new AppError('invalid', 'dossier_unknown_bands', { id: bandsId });
  return { ...base, bands: preset };
}

/** The configuration of a unit's results: its bands (or those asked for) and its method settings. */
async function configFor(
  deps: Deps,
  unit: repo.UnitRef,
  bands: string | undefined,
): Promise<{ config: DossierEvaluationConfig; method: MethodView }> {
  const method = await effectiveMethod(deps.db, unit);
  const config = configWithBands(
    bands ?? (await effectiveBands(deps, unit)).presetId,
    method.method,
  );
  return { config, method: presentMethod(method) };
}

function tallyFromRow(r: repo.TallyRow, withProcedures: boolean): DossierTally {
  const t = emptyTally(withProcedures);
  t.dossiers = r.dossiers;
  t.evaluated = r.evaluated;
  t.pointSums = [r.s1, r.s2, r.s3, r.s4, r.s5, r.s6, r.s7, r.s8, r.s9];
  t.scoredCounts = [r.n1, r.n2, r.n3, r.n4, r.n5, r.n6, r.n7, r.n8, r.n9];
  t.early = r.early;
  t.onTime = r.on_time;
  t.late = r.late;
  t.pending = r.pending;
  t.noDueDate = r.no_due_date;
  t.counter = r.counter;
  t.onlineFull = r.online_full;
  t.onlinePartial = r.online_partial;
  t.receivedByPost = r.received_by_post;
  t.returnedByPost = r.returned_by_post;
  t.postal = r.postal;
  t.paymentApplicable = r.payment_applicable;
  t.paidOnline = r.paid_online;
  t.handlingSeconds = r.handling_seconds;
  t.handled = r.handled;
  t.citizenPoints = r.citizen_points;
  t.citizenRatings = r.citizen_ratings;
  return t;
}

/**
 * The core's accumulator for one period, filled from GROUP BY sums: units keyed by id (codes can
 * repeat across validity periods), officials inside their unit. With `fold`, each dossier counts
 * toward the unit its own unit merged into (see repo.foldIntoArea), in one scan; `unitIds` is then
 * not used. Per-procedure counts (for the postal rates) are loaded for `procedureCodes` only, the
 * codes of the postal catalogues that apply, for units and their officials: none, no extra scan.
 */
export async function loadAccumulator(
  deps: Deps,
  config: DossierEvaluationConfig,
  period: string,
  unitIds: readonly number[] | null,
  fold?: readonly repo.FoldPair[],
  procedureCodes: readonly string[] = [],
): Promise<DossierAccumulator> {
  if (fold !== undefined) {
    const units = fold.map((f) => f.unit_id);
    const targets = fold.map((f) => f.target);
    // The same sums for every reader until dossiers are written (ADR 50).
    const sums = await sharedSums(deps.db, ['folded', period, units, targets, procedureCodes], () =>
      deps.db.transaction(async (tx) => {
        await repo.allowAggregateMemory(tx);
        const rows = await repo.foldedTallies(tx, period, units, targets);
        const counts = await repo.foldedProcedureCounts(tx, period, units, targets, procedureCodes);
        return { rows, counts };
      }),
    );
    return foldedAccumulator(config, period, sums.rows, sums.counts);
  }
  return deps.db.transaction(async (tx) => {
    await repo.allowAggregateMemory(tx);
    return fillAccumulator(tx, config, period, unitIds, procedureCodes);
  });
}

/** The accumulator of folded sums (repo.foldedTallies and repo.foldedProcedureCounts). */
function foldedAccumulator(
  config: DossierEvaluationConfig,
  period: string,
  rows: readonly repo.FoldedTallyRow[],
  counts: Awaited<ReturnType<typeof repo.foldedProcedureCounts>>,
): DossierAccumulator {
  const acc = createDossierAccumulator(config);
  const groups = new Map<string, UnitGroup>();
  acc.periods.set(period, groups);
  {
    for (const r of rows) {
      if (!r.by_unit) continue;
      const key = String(r.unit_id);
      groups.set(key, {
        period,
        unitCode: key,
        tally: tallyFromRow(r, true),
        officials: new Map(),
      });
    }
    for (const r of rows) {
      if (r.by_unit || r.official_code === null) continue;
      groups.get(String(r.unit_id))?.officials.set(r.official_code, tallyFromRow(r, true));
    }
    for (const p of counts) {
      const group = groups.get(String(p.unit_id));
      const tally = p.by_unit
        ? group?.tally
        : p.official_code === null
          ? undefined
          : group?.officials.get(p.official_code);
      tally?.procedures?.set(p.procedure_code, { dossiers: p.dossiers, postal: p.postal });
    }
    return acc;
  }
}

async function fillAccumulator(
  db: Queryable,
  config: DossierEvaluationConfig,
  period: string,
  unitIds: readonly number[] | null,
  procedureCodes: readonly string[] = [],
): Promise<DossierAccumulator> {
  const acc = createDossierAccumulator(config);
  const groups = new Map<string, UnitGroup>();
  acc.periods.set(period, groups);
  const [units, officials] = await Promise.all([
    repo.tallies(db, period, unitIds, false),
    repo.tallies(db, period, unitIds, true),
  ]);
  for (const r of units) {
    const key = String(r.unit_id);
    groups.set(key, { period, unitCode: key, tally: tallyFromRow(r, true), officials: new Map() });
  }
  for (const r of officials) {
    groups.get(String(r.unit_id))?.officials.set(r.official_code as string, tallyFromRow(r, true));
  }
  if (unitIds !== null && unitIds.length > 0) {
    for (const p of await repo.procedureCounts(db, period, unitIds, procedureCodes)) {
      groups.get(String(p.unit_id))?.tally.procedures?.set(p.procedure_code, {
        dossiers: p.dossiers,
        postal: p.postal,
      });
    }
  }
  return acc;
}

async function readableUnit(deps: Deps, actor: Actor, unitId: number): Promise<repo.UnitRef> {
  const unit = await repo.findUnitRef(deps.db, unitId);
  if (!unit) throw new AppError('not_found', 'not_found', { what: '@entity_unit' });
  if (!can(actor, 'dossier.read', unit.path)) {
    throw new AppError('forbidden', 'forbidden_unit', { unit: unit.name });
  }
  return unit;
}

const LATE_LISTED = 100;

// Communes, wards, townships and special zones are reported together (cấp xã), as in seed 003.
const COMMUNE_LEVEL = new Set(['commune', 'ward', 'township', 'special_zone']);

function levelOf(unit: repo.UnitRef): string {
  const kind = unit.kind ?? 'other';
  return COMMUNE_LEVEL.has(kind) ? 'commune' : kind;
}

/** What every figure of an area's quarter is computed from. */
interface AreaFigures {
  acc: DossierAccumulator;
  /** The units the area reports: valid in the quarter, or holding dossiers counted in it. */
  units: repo.UnitRef[];
  fold: repo.FoldPair[];
  catalogues: AreaCatalogues;
  /** A unit's tally and catalogue, as levelRates takes them. */
  member(unit: repo.UnitRef): RateMember;
}

/**
 * The figures of an area in a quarter. Every dossier counts toward one unit: its own, or the unit
 * it merged into whole, as far as the chain stays in the area (the current xã Kim Phượng carries
 * xã Quy Kỳ's dossiers received before 1 July 2025); units that merged into the area from outside
 * are included. The units reported are those valid in the quarter and any holding dossiers.
 */
async function areaFigures(
  deps: Deps,
  area: repo.UnitRef,
  period: string,
  config: DossierEvaluationConfig,
  knownFold?: repo.FoldPair[],
): Promise<AreaFigures> {
  const { from, to } = checkPeriod(period);
  const [fold, catalogues] = await Promise.all([
    knownFold ?? repo.foldIntoArea(deps.db, area.path),
    areaCatalogues(deps.db, area.path),
  ]);
  const acc = await loadAccumulator(deps, config, period, null, fold, catalogues.allCodes);
  const groups = acc.periods.get(period) ?? new Map<string, UnitGroup>();
  const targets = new Set<number>();
  for (const f of fold) {
    if (f.unit_id !== f.target) continue;
    const valid =
      (f.valid_from === null || f.valid_from <= to) && (f.valid_to === null || f.valid_to >= from);
    if (valid || groups.has(String(f.target))) targets.add(f.target);
  }
  const units = await repo.unitRefsByIds(deps.db, [...targets]);
  return {
    acc,
    units,
    fold,
    catalogues,
    member(unit) {
      return {
        tally: groups.get(String(unit.id))?.tally ?? emptyTally(true),
        catalogue: catalogues.forPath(unit.path)?.codes ?? null,
      };
    },
  };
}

/** How many of these members have dossiers but no postal catalogue (left out of the postal rates). */
function withoutCatalogue(members: readonly RateMember[]): number {
  return members.filter((m) => m.catalogue === null && m.tally.dossiers > 0).length;
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

async function quarterViewWithArea(
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

const TIMELINESS_TEXT: Record<string, string> = {
  late: 'Trễ hạn',
  pending: 'Chưa có kết quả, quá hạn',
};

/** The method settings as a report words them: where they come from, and one sentence each. */
export function methodSentences(method: MethodView): { source: string; lines: string[] } {
  return {
    source:
      method.setOn === null
        ? translate('vi', 'dossier_method_source_default')
        : translate('vi', 'dossier_method_source_unit', { unit: method.setOn.name }),
    lines: METHOD_KEYS.map((k) =>
      translate('vi', `dossier_method_${k}_${method.values[k]}` as MessageKey),
    ),
  };
}

/** The method settings as the exports print them: one line per reading, in Vietnamese. */
export function methodLines(method: MethodView): string[] {
  const source =
    method.setOn === null
      ? translate('vi', 'dossier_method_source_default')
      : translate('vi', 'dossier_method_source_unit', { unit: method.setOn.name });
  return [
    `${translate('vi', 'dossier_method_title')} (${source}):`,
    ...METHOD_KEYS.map(
      (k) => `- ${translate('vi', `dossier_method_${k}_${method.values[k]}` as MessageKey)}`,
    ),
  ];
}

/** The quarterly view as an Excel workbook: units, officials, late dossiers (Vietnam time). */
export async function exportQuarterViewXlsx(
  deps: Deps,
  actor: Actor,
  input: { unitId: number; period: string; bands?: string | undefined },
): Promise<{ filename: string; buffer: Buffer }> {
  const { view, lateUnitIds: unitIds } = await quarterViewWithArea(deps, actor, input);
  const wb = await newWorkbook();
  wb.creator = 'parindex';
  const units = wb.addWorksheet('Kết quả đơn vị', { views: [{ state: 'frozen', ySplit: 3 }] });
  units.addRow([
    `Kết quả chấm điểm giải quyết TTHC ${view.period.replace('-Q', ' – Quý ')}: ${view.unit.name}`,
  ]).font = { bold: true };
  units.addRow([`Mức xếp loại: ${view.bands.name}`]);
  const header = [
    'Mã đơn vị',
    'Đơn vị',
    'Số hồ sơ',
    ...INDICATOR_IDS.map((i) => `Chỉ số ${i}`),
    'Tổng điểm',
    'Tỷ lệ (%)',
    'Xếp loại',
  ];
  units.addRow(header).font = { bold: true };
  for (const g of view.groups) {
    for (const r of g.rows) {
      const e = r.evaluation;
      units.addRow([
        r.unitCode,
        r.unitName,
        e.state === 'no-dossiers' ? 0 : e.dossiers,
        ...INDICATOR_IDS.map((i) =>
          e.state === 'scored' ? (e.indicators[i - 1]?.text ?? '') : '',
        ),
        e.state === 'scored' ? e.text : '',
        e.state === 'scored' ? formatPointsCompact(e.percent) : '',
        r.label,
      ]);
    }
    units.addRow([]);
    units.addRow([g.summary]).font = { italic: true };
    units.addRow([]);
  }
  for (const line of methodLines(view.method)) units.addRow([line]).font = { italic: true };
  units.columns.forEach((c, i) => {
    c.width = i === 1 ? 36 : 12;
  });
  const officials = wb.addWorksheet('Công chức');
  officials.addRow([
    'Đơn vị',
    'Cán bộ tiếp nhận',
    'Số hồ sơ',
    'Tổng điểm',
    'Xếp loại',
    'Trước và đúng hạn',
  ]).font = { bold: true };
  for (const o of view.officials) {
    const e = o.evaluation;
    officials.addRow([
      o.unitName,
      o.officialCode,
      e.state === 'no-dossiers' ? 0 : e.dossiers,
      e.state === 'scored' ? e.text : e.label,
      e.state === 'scored' ? (e.className ?? '') : e.label,
      o.rates['on-time-or-early'].text,
    ]);
  }
  const late = wb.addWorksheet('Hồ sơ trễ hạn');
  late.addRow([
    `Hồ sơ trễ hạn và hồ sơ chưa có kết quả đã quá hạn, tính đến ${formatTimestamp(Date.parse(view.late.asOf))} (giờ Việt Nam)`,
  ]).font = { italic: true };
  late.addRow([
    'Mã hồ sơ',
    'Đơn vị',
    'Thủ tục',
    'Ngày tiếp nhận',
    'Ngày hẹn trả',
    'Ngày có kết quả',
    'Tình trạng',
  ]).font = { bold: true };
  const time = (iso: string | null) => (iso === null ? '' : formatTimestamp(Date.parse(iso)));
  // Every late dossier, page by page through the index the late list reads.
  const asOf = new Date(view.late.asOf);
  let after: repo.LateCursor | undefined;
  for (;;) {
    const page = await repo.lateDossierPage(
      deps.db,
      {
        unitIds,
        period: view.period,
        overdue: { asOf, dueWithoutTime: view.method.values.dueWithoutTime },
        after,
      },
      LATE_EXPORT_PAGE,
    );
    for (const row of page) {
      const d = presentDossier(row);
      late.addRow([
        d.code,
        d.unit.name,
        d.procedureName || d.procedureCode,
        time(d.receivedAt),
        time(d.dueAt),
        time(d.finishedAt),
        TIMELINESS_TEXT[d.timeliness] ?? d.timeliness,
      ]);
    }
    const last = page[page.length - 1];
    if (last === undefined || page.length < LATE_EXPORT_PAGE) break;
    after = { receivedMicros: last.received_micros, code: last.code };
  }
  const rates = wb.addWorksheet('Tỷ lệ');
  rates.addRow(['Chỉ tiêu', 'Tử số', 'Mẫu số', 'Tỷ lệ', 'Chỉ tiêu giao', 'Đạt']).font = {
    bold: true,
  };
  for (const r of Object.values(view.area.rates)) {
    rates.addRow([
      r.label,
      r.num,
      r.den,
      r.text,
      r.target?.text ?? '',
      r.target?.met === null || r.target === null ? '' : r.target.met ? 'Đạt' : 'Chưa đạt',
    ]);
  }
  if (view.area.withoutPostalCatalogue > 0) {
    rates.addRow([
      `${view.area.withoutPostalCatalogue} đơn vị chưa có danh mục TTHC bưu chính công ích không được tính vào hai tỷ lệ bưu chính`,
    ]);
  }
  return {
    filename: `ket-qua-giai-quyet-tthc-${view.unit.code}-${quarterFileName(view.period)}.xlsx`,
    buffer: await workbookBytes(wb),
  };
}

const LATE_EXPORT_PAGE = 5000;

/** Import sources with their saved mappings. */
export async function listImportSources(deps: Deps, actor: Actor) {
  if (scopeOf(actor, 'dossier.import')?.length === 0) throw new AppError('forbidden', 'forbidden');
  return (await repo.listSources(deps.db)).map((s) => ({
    id: s.id,
    name: s.name,
    mapping: s.mapping,
    headers: s.headers,
    updatedAt: new Date(s.updated_at).toISOString(),
  }));
}

// ---------------------------------------------------------------------------------------------
// Rates over quarters

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

// ---------------------------------------------------------------------------------------------
// Class bands per province

/** The bands that apply to a unit: the choice of its nearest ancestor (itself included). */
export async function effectiveBands(
  deps: Deps,
  unit: repo.UnitRef,
): Promise<{ presetId: string | undefined; chosenOn: { id: number; name: string } | null }> {
  const ids = pathIds(unit.path);
  const choices = await bandsRepo.choicesOn(deps.db, ids);
  for (const id of [...ids].reverse()) {
    const c = choices.find((x) => x.unit_id === id);
    if (c && BAND_PRESETS.some((b) => b.id === c.preset_id)) {
      return { presetId: c.preset_id, chosenOn: { id: c.unit_id, name: c.unit_name } };
    }
  }
  return { presetId: undefined, chosenOn: null };
}

/** The presets, and which applies to the unit (and whether the actor may change it there). */
export async function getBandSettings(deps: Deps, actor: Actor, unitId: number) {
  const unit = await readableUnit(deps, actor, unitId);
  const { presetId, chosenOn } = await effectiveBands(deps, unit);
  return {
    unit: { id: unit.id, code: unit.code, name: unit.name },
    presets: BAND_PRESETS.map((b) => ({ id: b.id, name: b.name, bands: b.bands })),
    defaultPresetId: DEFAULT_DOSSIER_CONFIG.bands.id,
    effectivePresetId: presetId ?? DEFAULT_DOSSIER_CONFIG.bands.id,
    chosenOn,
    canChange: can(actor, 'criteria.manage', unit.path),
  };
}

/** Chooses the bands of a province or district (those who manage criteria there). */
export async function chooseBands(deps: Deps, actor: Actor, unitId: number, presetId: string) {
  const unit = await readableUnit(deps, actor, unitId);
  if (!can(actor, 'criteria.manage', unit.path)) {
    throw new AppError('forbidden', 'forbidden_unit', { unit: unit.name });
  }
  configWithBands(presetId);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const before = await bandsRepo.saveChoice(
      tx,
      { unitId: unit.id, presetId, userId: actor.userId || null },
      now,
    );
    await appendAuditEntry(
      tx,
      {
        actorId: actor.userId || null,
        actorName: actor.username,
        action: 'dossier.bands',
        entity: 'unit',
        entityId: String(unit.id),
        unitId: unit.id,
        before: before === null ? null : { presetId: before },
        after: { presetId },
      },
      now,
    );
  });
  return getBandSettings(deps, actor, unitId);
}

// ---------------------------------------------------------------------------------------------
// Readings of Circular 01 per province (ADR 27)

const METHOD_KEYS = ['divisor', 'fewIndicators', 'dueWithoutTime'] as const;

/** The method settings that apply to a unit, and where they were set (null: the default). */
export interface EffectiveMethod {
  method: MethodSettings;
  setOn: { id: number; name: string } | null;
}

/** The method settings as results show them. */
export interface MethodView {
  values: MethodSettings;
  setOn: { id: number; name: string } | null;
  /** Whether every value is the Circular's wording (the default). */
  isDefault: boolean;
}

function presentMethod(m: EffectiveMethod): MethodView {
  return {
    values: m.method,
    setOn: m.setOn,
    isDefault: METHOD_KEYS.every((k) => m.method[k] === DEFAULT_METHOD[k]),
  };
}

/** The settings that apply to a unit: those of its nearest ancestor (itself included). */
export async function effectiveMethod(
  db: Queryable,
  unit: { path: string },
): Promise<EffectiveMethod> {
  const ids = pathIds(unit.path);
  const rows = await methodRepo.settingsOn(db, ids);
  for (const id of [...ids].reverse()) {
    const r = rows.find((x) => x.unit_id === id);
    if (r) {
      return {
        method: {
          divisor: r.divisor,
          fewIndicators: r.few_indicators,
          dueWithoutTime: r.due_without_time,
        },
        setOn: { id: r.unit_id, name: r.unit_name },
      };
    }
  }
  return { method: DEFAULT_METHOD, setOn: null };
}

/** The settings of a unit, the options, and whether the actor may change them there. */
export async function getMethodSettings(deps: Deps, actor: Actor, unitId: number) {
  const unit = await readableUnit(deps, actor, unitId);
  const m = await effectiveMethod(deps.db, unit);
  return {
    unit: { id: unit.id, code: unit.code, name: unit.name },
    ...presentMethod(m),
    defaults: DEFAULT_METHOD,
    options: METHOD_OPTIONS,
    canChange: can(actor, 'criteria.manage', unit.path),
  };
}

/**
 * Records a province's (or district's) readings of Circular 01, by those who manage its
 * methodology, with an audit entry. A changed reading of due dates without a time re-reads the
 * timeliness of the subtree's dossiers finished on such a due day, in the same transaction.
 */
export async function saveMethodSettings(
  deps: Deps,
  actor: Actor,
  unitId: number,
  method: MethodSettings,
) {
  const unit = await readableUnit(deps, actor, unitId);
  if (!can(actor, 'criteria.manage', unit.path)) {
    throw new AppError('forbidden', 'forbidden_unit', { unit: unit.name });
  }
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const before = await methodRepo.saveSettings(
      tx,
      { unitId: unit.id, method, userId: actor.userId || null },
      now,
    );
    const reread = await methodRepo.rereadDueDates(
      tx,
      { path: unit.path },
      methodRepo.timelinessPoints(DEFAULT_DOSSIER_CONFIG),
    );
    await appendAuditEntry(
      tx,
      {
        actorId: actor.userId || null,
        actorName: actor.username,
        action: 'dossier.method',
        entity: 'unit',
        entityId: String(unit.id),
        unitId: unit.id,
        before:
          before === null
            ? null
            : {
                divisor: before.divisor,
                fewIndicators: before.few_indicators,
                dueWithoutTime: before.due_without_time,
              },
        after: { ...method, dossiersReread: reread },
      },
      now,
    );
  });
  return getMethodSettings(deps, actor, unitId);
}
