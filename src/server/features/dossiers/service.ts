/**
 * Use-cases on imported dossiers: read them within the actor's unit scope, record the citizen's
 * rating form (staff entry of the paper form, or the public online form; one per dossier), and the
 * quarterly results. Results are the domain core's (art. 15 Circular 01): the database sums the
 * stored per-indicator points by unit and official (GROUP BY), the sums become the core's tallies,
 * and the core evaluates, classifies and computes rates against targets.
 */
import ExcelJS from 'exceljs';
import { can, scopeOf, type Actor } from '../../../domain/access.ts';
import {
  createDossierAccumulator,
  emptyTally,
  evaluateTally,
  officialResults,
  quarterView,
  ratesOfTally,
  type DossierAccumulator,
  type DossierTally,
  type UnitGroup,
} from '../../../domain/dossiers/aggregate.ts';
import {
  BAND_PRESETS,
  DEFAULT_DOSSIER_CONFIG,
  INDICATOR_IDS,
  type DossierEvaluationConfig,
  type RateKey,
} from '../../../domain/dossiers/config.ts';
import { dashboard766 } from '../../../domain/dossiers/dashboard.ts';
import { formatPointsCompact } from '../../../domain/scoring/decimal.ts';
import type { Deps } from '../../deps.ts';
import type { Queryable } from '../../infra/db.ts';
import { AppError } from '../../errors.ts';
import { appendAuditEntry } from '../audit/repository.ts';
import { hitRateCounter } from '../auth/repository.ts';
import { deriveDossier, dossierFromDb } from './import.ts';
import * as bandsRepo from './bands.repository.ts';
import {
  areaCatalogues,
  catalogueSetFor,
  postalCatalogueOf,
  type AreaCatalogues,
} from './postal-catalogue.service.ts';
import * as repo from './repository.ts';
import {
  formatRatingSecret,
  ratingKey,
  ratingLink,
  ratingLinkQrSvg,
  ratingSecretMatches,
  ratingSecretOf,
} from './rating-secret.ts';

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

/** Dossiers in the actor's scope, optionally of one unit's subtree, quarter, official or rate. */
export async function listDossiers(
  deps: Deps,
  actor: Actor,
  input: {
    unitId?: number | undefined;
    period?: string | undefined;
    officialCode?: string | undefined;
    q?: string | undefined;
    rate?: { key: RateKey; part: 'numerator' | 'denominator' } | undefined;
    timeliness?: string | undefined;
    limit: number;
    offset: number;
  },
): Promise<{ items: DossierView[]; total: number }> {
  const scopePaths = scopeOf(actor, 'dossier.read');
  const scopeUnitIds = scopePaths === null ? undefined : await mergedInto(deps, scopePaths);
  let unitPath: string | undefined;
  let unitIds: number[] | undefined;
  let postalCatalogueApplies: boolean | undefined;
  if (input.unitId !== undefined) {
    const unit = await repo.findUnitRef(deps.db, input.unitId);
    if (!unit) throw new AppError('not_found', 'not_found', { what: '@entity_unit' });
    if (!can(actor, 'dossier.read', unit.path)) {
      throw new AppError('forbidden', 'forbidden_unit', { unit: unit.name });
    }
    unitPath = unit.path;
    unitIds = await mergedInto(deps, [unit.path]);
    if (input.rate?.key === 'postal-dossiers') {
      postalCatalogueApplies = (await areaCatalogues(deps.db, unit.path)).any;
    }
  }
  if (input.period !== undefined) checkPeriod(input.period);
  const result = await repo.listDossiers(
    deps.db,
    {
      scopePaths,
      scopeUnitIds,
      unitPath,
      unitIds,
      period: input.period,
      officialCode: input.officialCode,
      q: input.q,
      rate: input.rate,
      postalCatalogueApplies,
      timeliness: input.timeliness,
    },
    input.limit,
    input.offset,
  );
  return { items: result.items.map(presentDossier), total: result.total };
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
  const config = DEFAULT_DOSSIER_CONFIG;
  const ratings = ratingsToHundredths(input.ratings, config);
  return deps.db.transaction(async (tx) => {
    const row = await repo.findDossier(tx, input.code);
    input.check?.(row);
    if (!row) throw notFoundDossier();
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
export function configWithBands(bandsId: string | undefined): DossierEvaluationConfig {
  if (bandsId === undefined) return DEFAULT_DOSSIER_CONFIG;
  const preset = BAND_PRESETS.find((b) => b.id === bandsId);
  if (!preset) throw new AppError('invalid', 'dossier_unknown_bands', { id: bandsId });
  return { ...DEFAULT_DOSSIER_CONFIG, bands: preset };
}

function tallyFromRow(r: repo.TallyRow, withProcedures: boolean): DossierTally {
  const t = emptyTally(withProcedures);
  t.dossiers = r.dossiers;
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
 * codes of the postal catalogues that apply: none, no extra scan.
 */
export async function loadAccumulator(
  deps: Deps,
  config: DossierEvaluationConfig,
  period: string,
  unitIds: readonly number[] | null,
  fold?: readonly repo.FoldPair[],
  procedureCodes: readonly string[] = [],
): Promise<DossierAccumulator> {
  // Room for the hash aggregates of a quarter's sums per unit and official, which would otherwise
  // spill to disk on a national view (ADR 10); for these statements only.
  return deps.db.transaction(async (tx) => {
    await tx.query(`SET LOCAL work_mem = '${AGGREGATE_WORK_MEM}'`);
    return fillAccumulator(tx, config, period, unitIds, fold, procedureCodes);
  });
}

const AGGREGATE_WORK_MEM = '64MB';

async function fillAccumulator(
  db: Queryable,
  config: DossierEvaluationConfig,
  period: string,
  unitIds: readonly number[] | null,
  fold?: readonly repo.FoldPair[],
  procedureCodes: readonly string[] = [],
): Promise<DossierAccumulator> {
  const acc = createDossierAccumulator(config);
  const groups = new Map<string, UnitGroup>();
  acc.periods.set(period, groups);
  if (fold !== undefined) {
    const units = fold.map((f) => f.unit_id);
    const targets = fold.map((f) => f.target);
    const rows = await repo.foldedTallies(db, period, units, targets);
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
      groups.get(String(r.unit_id))?.officials.set(r.official_code, tallyFromRow(r, false));
    }
    const counts = await repo.foldedProcedureCounts(db, period, units, targets, procedureCodes);
    for (const p of counts) {
      groups.get(String(p.unit_id))?.tally.procedures?.set(p.procedure_code, {
        dossiers: p.dossiers,
        postal: p.postal,
      });
    }
    return acc;
  }
  const [units, officials] = await Promise.all([
    repo.tallies(db, period, unitIds, false),
    repo.tallies(db, period, unitIds, true),
  ]);
  for (const r of units) {
    const key = String(r.unit_id);
    groups.set(key, { period, unitCode: key, tally: tallyFromRow(r, true), officials: new Map() });
  }
  for (const r of officials) {
    groups.get(String(r.unit_id))?.officials.set(r.official_code as string, tallyFromRow(r, false));
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

/**
 * The units an area reports in a quarter and where each unit's dossiers count: the units of its
 * subtree valid in the quarter, except those that merged whole into another unit of the area,
 * whose dossiers count toward that unit (the current xã Kim Phượng carries xã Quy Kỳ's dossiers
 * received before 1 July 2025), and the units that merged into the area from outside it.
 */
async function areaUnits(
  deps: Deps,
  area: repo.UnitRef,
  from: string,
  to: string,
): Promise<{ units: repo.UnitRef[]; fold: repo.FoldPair[] }> {
  const fold = await repo.foldIntoArea(deps.db, area.path);
  const targets = new Set<number>();
  for (const f of fold) {
    if (
      (f.valid_from === null || f.valid_from <= to) &&
      (f.valid_to === null || f.valid_to >= from)
    )
      targets.add(f.target);
  }
  return { units: await repo.unitRefsByIds(deps.db, [...targets]), fold };
}

/**
 * The quarterly view of a district or province: its units (the direct subordinates valid in the
 * quarter, with the dossiers of the units merged into them) by class with counts and a summary line per kind of unit, the officials' table, the
 * area's rates against targets and its late dossiers.
 */
export async function getQuarterView(
  deps: Deps,
  actor: Actor,
  input: { unitId: number; period: string; bands?: string | undefined },
) {
  const area = await readableUnit(deps, actor, input.unitId);
  const { from, to } = checkPeriod(input.period);
  const config = configWithBands(input.bands ?? (await effectiveBands(deps, area)).presetId);
  const { units: all, fold } = await areaUnits(deps, area, from, to);
  const depth = area.path.split('/').length;
  const children = all.filter((u) => u.path.split('/').length === depth + 1);
  const catalogues = await areaCatalogues(deps.db, area.path);
  const catalogue = postalCatalogueOf(catalogues, all);
  const acc = await loadAccumulator(deps, config, input.period, null, fold, catalogues.allCodes);
  const byId = new Map(all.map((u) => [String(u.id), u]));
  const kinds = [...new Set(children.map(levelOf))];
  const groups = kinds.map((kind) => {
    const units = children.filter((u) => levelOf(u) === kind);
    const view = quarterView(
      acc,
      input.period,
      units.map((u) => ({ code: String(u.id), name: u.name })),
      catalogue,
    );
    return {
      kind,
      summary: view.summary,
      counts: view.counts,
      rows: view.rows.map((r) => {
        const unit = byId.get(r.unitCode) as repo.UnitRef;
        const tally = acc.periods.get(input.period)?.get(r.unitCode)?.tally ?? emptyTally(true);
        return {
          unitId: unit.id,
          unitCode: unit.code,
          unitName: unit.name,
          label: r.label,
          evaluation: r.evaluation,
          rates: stripCodes(ratesOfTally(tally, config, catalogueSetFor(catalogues, unit.path))),
        };
      }),
    };
  });
  // The whole area: every unit of the subtree, the area unit itself included.
  const areaView = quarterView(
    acc,
    input.period,
    all.map((u) => ({ code: String(u.id), name: u.name })),
    catalogue,
  );
  const officials = officialResults(acc).map((r) => {
    const unit = byId.get(r.unitCode) as repo.UnitRef;
    return {
      unitId: unit.id,
      unitCode: unit.code,
      unitName: unit.name,
      officialCode: r.officialCode as string,
      evaluation: r.evaluation,
      rates: r.rates,
    };
  });
  const late = await repo.listDossiers(
    deps.db,
    {
      scopePaths: null,
      unitPath: area.path,
      unitIds: fold.filter((f) => !f.path.startsWith(area.path)).map((f) => f.unit_id),
      period: input.period,
      timeliness: 'late',
    },
    LATE_LISTED,
    0,
  );
  return {
    unit: { id: area.id, code: area.code, name: area.name },
    period: input.period,
    bands: config.bands,
    groups,
    area: {
      dossiers: areaView.area.dossiers,
      evaluation: areaView.areaEvaluation,
      rates: stripCodes(areaView.rates),
    },
    officials,
    postalCatalogue: postalCatalogueSummary(catalogues, area.path),
    late: { total: late.total, items: late.items.map(presentDossier) },
    toConfirm: config.toConfirm,
  };
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

/** One unit's result in a quarter (its own dossiers): evaluation, rates and its officials. */
export async function getUnitResult(
  deps: Deps,
  actor: Actor,
  input: { unitId: number; period: string; bands?: string | undefined },
) {
  const unit = await readableUnit(deps, actor, input.unitId);
  checkPeriod(input.period);
  const config = configWithBands(input.bands ?? (await effectiveBands(deps, unit)).presetId);
  // Its own dossiers and those of the units that merged into it.
  const fold = (await repo.foldIntoArea(deps.db, unit.path)).filter((f) => f.target === unit.id);
  const catalogues = await areaCatalogues(deps.db, unit.path);
  const own = catalogues.forPath(unit.path);
  const acc = await loadAccumulator(deps, config, input.period, null, fold, own?.codes ?? []);
  const group = acc.periods.get(input.period)?.get(String(unit.id));
  const tally = group?.tally ?? emptyTally(true);
  return {
    unit: { id: unit.id, code: unit.code, name: unit.name },
    period: input.period,
    evaluation: evaluateTally(tally, config),
    rates: stripCodes(ratesOfTally(tally, config, catalogueSetFor(catalogues, unit.path))),
    postalCatalogue: postalCatalogueSummary(catalogues, unit.path),
    officials: officialResults(acc).map((r) => ({
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
  const { from, to } = checkPeriod(input.period);
  const { units: all, fold } = await areaUnits(deps, unit, from, to);
  const acc = await loadAccumulator(deps, DEFAULT_DOSSIER_CONFIG, input.period, null, fold);
  const { area } = quarterView(
    acc,
    input.period,
    all.map((u) => ({ code: String(u.id) })),
  );
  return {
    unit: { id: unit.id, code: unit.code, name: unit.name },
    period: input.period,
    dossiers: area.dossiers,
    dashboard: dashboard766(area, DEFAULT_DOSSIER_CONFIG),
  };
}

/** The quarterly view as an Excel workbook: units, officials, late dossiers. */
export async function exportQuarterViewXlsx(
  deps: Deps,
  actor: Actor,
  input: { unitId: number; period: string; bands?: string | undefined },
): Promise<{ filename: string; buffer: Buffer }> {
  const view = await getQuarterView(deps, actor, input);
  const wb = new ExcelJS.Workbook();
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
    'Mã hồ sơ',
    'Đơn vị',
    'Thủ tục',
    'Ngày tiếp nhận',
    'Ngày hẹn trả',
    'Ngày có kết quả',
  ]).font = { bold: true };
  for (const d of view.late.items) {
    late.addRow([
      d.code,
      d.unit.name,
      d.procedureName || d.procedureCode,
      d.receivedAt,
      d.dueAt,
      d.finishedAt,
    ]);
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
  return {
    filename: `ket-qua-giai-quyet-tthc-${view.unit.code}-${view.period}.xlsx`,
    buffer: Buffer.from(await wb.xlsx.writeBuffer()),
  };
}

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
 * charts: one GROUP BY per quarter over the units valid in it.
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
  const catalogues = await areaCatalogues(deps.db, area.path);
  const items = [];
  for (const period of periods) {
    const { from, to } = checkPeriod(period);
    const { units: all, fold } = await areaUnits(deps, area, from, to);
    const acc = await loadAccumulator(
      deps,
      DEFAULT_DOSSIER_CONFIG,
      period,
      null,
      fold,
      catalogues.allCodes,
    );
    const view = quarterView(
      acc,
      period,
      all.map((u) => ({ code: String(u.id) })),
      postalCatalogueOf(catalogues, all),
    );
    items.push({ period, dossiers: view.area.dossiers, rates: stripCodes(view.rates) });
  }
  return { unit: { id: area.id, code: area.code, name: area.name }, items };
}

// ---------------------------------------------------------------------------------------------
// Class bands per province

function ancestorIds(path: string): number[] {
  return path
    .split('/')
    .filter((p) => p !== '')
    .map(Number)
    .filter((n) => Number.isSafeInteger(n));
}

/** The bands that apply to a unit: the choice of its nearest ancestor (itself included). */
export async function effectiveBands(
  deps: Deps,
  unit: repo.UnitRef,
): Promise<{ presetId: string | undefined; chosenOn: { id: number; name: string } | null }> {
  const ids = ancestorIds(unit.path);
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
