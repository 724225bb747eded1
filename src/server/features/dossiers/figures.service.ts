/**
 * What the quarterly results are computed from: a unit's configuration (bands and method
 * settings), the domain's accumulator filled from the database's GROUP BY sums (folded toward the
 * units the dossiers count for, shared between readers until dossiers are written), and an area's
 * figures in a quarter.
 */
import {
  createDossierAccumulator,
  emptyTally,
  type DossierAccumulator,
  type DossierTally,
  type RateMember,
  type UnitGroup,
} from '../../../domain/dossiers/aggregate.ts';
import type { DossierEvaluationConfig } from '../../../domain/dossiers/config.ts';
import type { Deps } from '../../deps.ts';
import type { Queryable } from '../../infra/db.ts';
import { areaCatalogues, type AreaCatalogues } from './postal-catalogue.service.ts';
import * as repo from './repository.ts';
import {
  effectiveBands,
  effectiveMethod,
  presentMethod,
  type MethodView,
} from './settings.service.ts';
import { checkPeriod, configWithBands } from './shared.ts';
import { sharedSums } from './sums-cache.ts';

/** The configuration of a unit's results: its bands (or those asked for) and its method settings. */
export async function configFor(
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
export async function areaFigures(
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
export function withoutCatalogue(members: readonly RateMember[]): number {
  return members.filter((m) => m.catalogue === null && m.tally.dossiers > 0).length;
}
