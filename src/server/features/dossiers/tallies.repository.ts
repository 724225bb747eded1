/**
 * SQL of the aggregation (art. 15 Circular 01): the counts of the domain's DossierTally by GROUP
 * BY, per unit and official, with the dossiers folded toward the units they count for, and the
 * per-procedure counts of the postal rates.
 */
import type { Queryable } from '../../infra/db.ts';

/**
 * Room for the hash aggregates of a quarter's sums per unit and official, which would otherwise
 * spill to disk on a national view (ADR 10); for the rest of the transaction only.
 */
export async function allowAggregateMemory(tx: Queryable): Promise<void> {
  await tx.query(`SET LOCAL work_mem = '64MB'`);
}

export interface TallyRow {
  unit_id: number;
  official_code: string | null;
  dossiers: number;
  evaluated: number;
  s1: number;
  s2: number;
  s3: number;
  s4: number;
  s5: number;
  s6: number;
  s7: number;
  s8: number;
  s9: number;
  n1: number;
  n2: number;
  n3: number;
  n4: number;
  n5: number;
  n6: number;
  n7: number;
  n8: number;
  n9: number;
  early: number;
  on_time: number;
  late: number;
  pending: number;
  no_due_date: number;
  counter: number;
  online_full: number;
  online_partial: number;
  received_by_post: number;
  returned_by_post: number;
  postal: number;
  payment_applicable: number;
  paid_online: number;
  handling_seconds: number;
  handled: number;
  citizen_points: number;
  citizen_ratings: number;
}

const TALLY_SELECT = `count(*)::int AS dossiers,
  count(*) FILTER (WHERE num_nonnulls(p1, p2, p3, p4, p5, p6, p7, p8, p9) > 0)::int AS evaluated,
  ${[1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => `coalesce(sum(p${i}), 0)::bigint AS s${i}, count(p${i})::int AS n${i}`).join(',\n  ')},
  count(*) FILTER (WHERE timeliness = 'early')::int AS early,
  count(*) FILTER (WHERE timeliness = 'on-time')::int AS on_time,
  count(*) FILTER (WHERE timeliness = 'late')::int AS late,
  count(*) FILTER (WHERE timeliness = 'pending')::int AS pending,
  count(*) FILTER (WHERE timeliness = 'no-due-date')::int AS no_due_date,
  count(*) FILTER (WHERE channel = 'counter')::int AS counter,
  count(*) FILTER (WHERE channel = 'online-full')::int AS online_full,
  count(*) FILTER (WHERE channel = 'online-partial')::int AS online_partial,
  count(*) FILTER (WHERE channel = 'postal')::int AS received_by_post,
  count(*) FILTER (WHERE returned_by_post)::int AS returned_by_post,
  count(*) FILTER (WHERE channel = 'postal' OR returned_by_post)::int AS postal,
  count(online_payment)::int AS payment_applicable,
  count(*) FILTER (WHERE online_payment)::int AS paid_online,
  coalesce(sum(handling_seconds), 0)::bigint AS handling_seconds,
  count(finished_at)::int AS handled,
  coalesce(sum(citizen_points), 0)::bigint AS citizen_points,
  coalesce(sum(citizen_count), 0)::bigint AS citizen_ratings`;

/** Tallies per unit (officials = false) or per unit and official, for one period. */
export async function tallies(
  db: Queryable,
  period: string,
  unitIds: readonly number[] | null,
  byOfficial: boolean,
): Promise<TallyRow[]> {
  const params: unknown[] = [period];
  let unitFilter = '';
  if (unitIds !== null) {
    params.push(unitIds);
    unitFilter = 'AND unit_id = ANY($2::int[])';
  }
  return db.query<TallyRow>(
    `SELECT unit_id, ${byOfficial ? 'official_code' : 'NULL::text AS official_code'}, ${TALLY_SELECT}
     FROM dossiers WHERE period = $1 ${unitFilter} ${byOfficial ? 'AND official_code IS NOT NULL' : ''}
     GROUP BY unit_id${byOfficial ? ', official_code' : ''}`,
    params,
  );
}

/** A tally row of foldedTallies: per target unit (official null, byUnit) or per official. */
export interface FoldedTallyRow extends TallyRow {
  by_unit: boolean;
}

// The columns of TALLY_SELECT, all additive; these are bigint, the others int.
const TALLY_COLUMNS = [
  'dossiers',
  'evaluated',
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap((i) => [`s${i}`, `n${i}`]),
  'early',
  'on_time',
  'late',
  'pending',
  'no_due_date',
  'counter',
  'online_full',
  'online_partial',
  'received_by_post',
  'returned_by_post',
  'postal',
  'payment_applicable',
  'paid_online',
  'handling_seconds',
  'handled',
  'citizen_points',
  'citizen_ratings',
];
const BIGINT_TALLY = new Set([
  's1',
  's2',
  's3',
  's4',
  's5',
  's6',
  's7',
  's8',
  's9',
  'handling_seconds',
  'citizen_points',
  'citizen_ratings',
]);

/**
 * Tallies of one period per target unit and per target unit and official: each dossier counts
 * toward the target its unit folds into (pairs `units[i]` → `targets[i]`). The dossiers are read
 * once, summed per unit and official by a hash aggregate; the fold and the roll-up to units then
 * work on those few thousand sums.
 */
export async function foldedTallies(
  db: Queryable,
  period: string,
  units: readonly number[],
  targets: readonly number[],
): Promise<FoldedTallyRow[]> {
  const sums = TALLY_COLUMNS.map(
    (c) => `sum(t.${c})::${BIGINT_TALLY.has(c) ? 'bigint' : 'int'} AS ${c}`,
  ).join(', ');
  return db.query<FoldedTallyRow>(
    `WITH fine AS (
       SELECT unit_id, official_code, ${TALLY_SELECT}
       FROM dossiers WHERE period = $1 AND unit_id = ANY($2::int[])
       GROUP BY unit_id, official_code)
     SELECT f.target AS unit_id, t.official_code, GROUPING(t.official_code) = 1 AS by_unit, ${sums}
     FROM fine t JOIN unnest($2::int[], $3::int[]) AS f(unit_id, target) ON f.unit_id = t.unit_id
     GROUP BY GROUPING SETS ((f.target), (f.target, t.official_code))`,
    [period, units, targets],
  );
}

/**
 * Dossiers and postal dossiers per target unit and procedure, for one period (see foldedTallies),
 * for the procedures of the postal catalogues only (`codes`).
 */
export async function foldedProcedureCounts(
  db: Queryable,
  period: string,
  units: readonly number[],
  targets: readonly number[],
  codes: readonly string[],
): Promise<
  Array<{
    unit_id: number;
    official_code: string | null;
    by_unit: boolean;
    procedure_code: string;
    dossiers: number;
    postal: number;
  }>
> {
  if (codes.length === 0) return [];
  return db.query(
    `WITH fine AS (
       SELECT unit_id, official_code, procedure_code, count(*)::int AS dossiers,
         count(*) FILTER (WHERE channel = 'postal' OR returned_by_post)::int AS postal
       FROM dossiers WHERE period = $1 AND unit_id = ANY($2::int[]) AND procedure_code = ANY($4::text[])
       GROUP BY unit_id, official_code, procedure_code)
     SELECT f.target AS unit_id, t.official_code, GROUPING(t.official_code) = 1 AS by_unit,
       t.procedure_code, sum(t.dossiers)::int AS dossiers, sum(t.postal)::int AS postal
     FROM fine t JOIN unnest($2::int[], $3::int[]) AS f(unit_id, target) ON f.unit_id = t.unit_id
     GROUP BY GROUPING SETS ((f.target, t.procedure_code), (f.target, t.official_code, t.procedure_code))`,
    [period, units, targets, codes],
  );
}

/** Dossiers and postal dossiers per unit and procedure of `codes`, for one period. */
export async function procedureCounts(
  db: Queryable,
  period: string,
  unitIds: readonly number[],
  codes: readonly string[],
): Promise<Array<{ unit_id: number; procedure_code: string; dossiers: number; postal: number }>> {
  if (codes.length === 0) return [];
  return db.query(
    `SELECT unit_id, procedure_code, count(*)::int AS dossiers,
       count(*) FILTER (WHERE channel = 'postal' OR returned_by_post)::int AS postal
     FROM dossiers WHERE period = $1 AND unit_id = ANY($2::int[]) AND procedure_code = ANY($3::text[])
     GROUP BY unit_id, procedure_code`,
    [period, unitIds, codes],
  );
}
