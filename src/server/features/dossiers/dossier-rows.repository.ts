/**
 * SQL of the dossiers themselves: one dossier with its rating form, the derived points and the
 * rating a form records, the lists with their filters (scope, figure members, rates, the late
 * list a page at a time), the dossiers' revision, and the procedures behind the postal figures.
 */
import type { RateKey } from '../../../domain/dossiers/config.ts';
import type { Queryable } from '../../infra/db.ts';
import { sqlParams } from '../../infra/sql.ts';

export interface DossierDbRow {
  code: string;
  unit_id: number;
  unit_code: string;
  unit_name: string;
  unit_path: string;
  official_code: string | null;
  procedure_code: string;
  procedure_name: string;
  field: string;
  received_at: Date;
  due_at: Date | null;
  finished_at: Date | null;
  returned_at: Date | null;
  completion_requests: number | null;
  agencies_involved: number | null;
  channel: string;
  online_payment: boolean | null;
  returned_by_post: boolean | null;
  status: string;
  citizen_ratings: (number | null)[] | null;
  self_ratings: (number | null)[] | null;
  period: string;
  timeliness: string;
  p1: number | null;
  p2: number | null;
  p3: number | null;
  p4: number | null;
  p5: number | null;
  p6: number | null;
  p7: number | null;
  p8: number | null;
  p9: number | null;
  form_ratings: (number | null)[] | null;
  form_channel: string | null;
}

const DOSSIER_SELECT = `SELECT d.*, u.name AS unit_name, u.path AS unit_path,
    r.ratings AS form_ratings, r.channel AS form_channel
  FROM dossiers d JOIN units u ON u.id = d.unit_id
  LEFT JOIN dossier_ratings r ON r.dossier_code = d.code`;

export async function findDossier(db: Queryable, code: string): Promise<DossierDbRow | undefined> {
  const rows = await db.query<DossierDbRow>(`${DOSSIER_SELECT} WHERE d.code = $1`, [code]);
  return rows[0];
}

/** Staged dossiers that carry a rating form (their points need the form); forms are few. */
export async function dossiersWithFormsInStaging(
  db: Queryable,
  table: string,
): Promise<DossierDbRow[]> {
  return db.query<DossierDbRow>(
    `${DOSSIER_SELECT} WHERE r.dossier_code IS NOT NULL
       AND r.dossier_code IN (SELECT s.code FROM ${table} s)`,
  );
}

/** Rewrites the derived columns of one dossier after its ratings changed. */
export async function updateDerived(
  db: Queryable,
  code: string,
  d: {
    period: string;
    timeliness: string;
    citizenPoints: number;
    citizenCount: number;
    points: readonly (number | null)[];
  },
  now: Date,
): Promise<void> {
  await db.query(
    `UPDATE dossiers SET period = $2, timeliness = $3, citizen_points = $4, citizen_count = $5,
       p1 = $6, p2 = $7, p3 = $8, p4 = $9, p5 = $10, p6 = $11, p7 = $12, p8 = $13, p9 = $14,
       updated_at = $15
     WHERE code = $1`,
    [code, d.period, d.timeliness, d.citizenPoints, d.citizenCount, ...d.points, now.toISOString()],
  );
}

export async function insertRating(
  db: Queryable,
  r: {
    code: string;
    channel: 'counter-form' | 'online';
    ratings: readonly (number | null)[];
    comment: string | null;
    userId: number | null;
  },
  now: Date,
): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO dossier_ratings (dossier_code, channel, ratings, comment, entered_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (dossier_code) DO NOTHING RETURNING dossier_code`,
    [r.code, r.channel, JSON.stringify(r.ratings), r.comment, r.userId, now.toISOString()],
  );
  return rows.length > 0;
}

export interface DossierFilter {
  /** Units by path prefix (a unit and its subtree); null = everywhere. */
  scopePaths: string[] | null;
  /** Units outside the scope paths whose dossiers count inside them (merged into them). */
  scopeUnitIds?: readonly number[] | undefined;
  /**
   * The dossiers a figure counts: those of these units, each with the unit owning the postal
   * catalogue that applies to the member it counts toward (null: none, so no postal rate counts it).
   */
  members?:
    | { unitIds: readonly number[]; catalogueOwners?: readonly (number | null)[] | undefined }
    | undefined;
  period?: string | undefined;
  officialCode?: string | undefined;
  q?: string | undefined;
  rate?: { key: RateKey; part: 'numerator' | 'denominator' } | undefined;
  timeliness?: string | undefined;
  /** Late dossiers as the late list shows them: finished late, or unfinished and past due. */
  overdue?: { asOf: Date; dueWithoutTime: 'end-of-day' | 'start-of-day' } | undefined;
}

// The dossier's procedure is in the catalogue that applies to its member (m.owner, see members).
const IN_POSTAL_CATALOGUE = `EXISTS (SELECT 1 FROM dossier_postal_procedures pp
  WHERE pp.unit_id = m.owner AND pp.procedure_code = d.procedure_code)`;

/** The SQL condition that puts a dossier in a rate's numerator or denominator (as rateMembership). */
function rateCondition(key: RateKey, part: 'numerator' | 'denominator'): string {
  const decided = `d.timeliness IN ('early', 'on-time', 'late')`;
  const byPost = `(d.channel = 'postal' OR d.returned_by_post IS TRUE)`;
  switch (key) {
    case 'on-time-or-early':
      return part === 'numerator' ? `d.timeliness IN ('early', 'on-time')` : decided;
    case 'late':
      return part === 'numerator' ? `d.timeliness = 'late'` : decided;
    case 'online-full':
      return part === 'numerator' ? `d.channel = 'online-full'` : 'TRUE';
    case 'online-partial':
      return part === 'numerator' ? `d.channel = 'online-partial'` : 'TRUE';
    case 'online-payment':
      return part === 'numerator' ? 'd.online_payment IS TRUE' : 'd.online_payment IS NOT NULL';
    case 'postal-dossiers':
    case 'postal-procedures':
      // The dossiers of the catalogue's procedures; those by post make their procedure count.
      return part === 'numerator' ? `${IN_POSTAL_CATALOGUE} AND ${byPost}` : IN_POSTAL_CATALOGUE;
  }
}

/**
 * Finished late, or without a result and past its due moment at $asOf; a due date without a time
 * lasts its whole day when so read (ADR 27). The first arm and `finished_at IS NULL` match the
 * partial index `dossiers_overdue_idx`.
 */
function overdueCondition(p: (v: unknown) => string, o: NonNullable<DossierFilter['overdue']>) {
  return `(d.timeliness = 'late' OR (d.finished_at IS NULL AND ${pastDue(p, o)}))`;
}

/** Past its due moment at $asOf (see overdueCondition). */
function pastDue(p: (v: unknown) => string, o: NonNullable<DossierFilter['overdue']>) {
  const dateOnly = `mod(extract(epoch FROM d.due_at) + 25200, 86400) = 0`;
  const grace =
    o.dueWithoutTime === 'end-of-day'
      ? `CASE WHEN ${dateOnly} THEN interval '1 day' - interval '1 millisecond' ELSE interval '0' END`
      : `interval '0'`;
  return `d.due_at + ${grace} < ${p(o.asOf.toISOString())}::timestamptz`;
}

/** Lists dossiers, newest receipt first, with the total. */
export async function listDossiers(
  db: Queryable,
  f: DossierFilter,
  limit: number,
  offset: number,
  /**
   * Where the total of a list filtered by its scope (and quarter) alone may come from: given the
   * count, gives it or a count kept for the dossiers' current revision (ADR 55).
   */
  shareCount?: (key: unknown, count: () => Promise<number>) => Promise<number>,
): Promise<{ items: DossierDbRow[]; total: number }> {
  const where: string[] = [];
  const { values: params, p } = sqlParams();
  let members = '';
  if (f.members !== undefined) {
    if (f.members.unitIds.length === 0) return { items: [], total: 0 };
    const ids = p(f.members.unitIds);
    if (f.members.catalogueOwners !== undefined) {
      members = `JOIN unnest(${ids}::int[], ${p(f.members.catalogueOwners)}::int[]) AS m(unit_id, owner)
      ON m.unit_id = d.unit_id`;
    }
    where.push(`d.unit_id = ANY(${ids}::int[])`);
  } else if (f.scopePaths !== null) {
    if (f.scopePaths.length === 0) return { items: [], total: 0 };
    const merged = f.scopeUnitIds?.length ? [`d.unit_id = ANY(${p(f.scopeUnitIds)}::int[])`] : [];
    where.push(
      `(${[...f.scopePaths.map((s) => `u.path LIKE ${p(`${s}%`)}`), ...merged].join(' OR ')})`,
    );
  }
  if (f.period) where.push(`d.period = ${p(f.period)}`);
  if (f.officialCode) where.push(`d.official_code = ${p(f.officialCode)}`);
  if (f.timeliness) where.push(`d.timeliness = ${p(f.timeliness)}`);
  if (f.overdue) where.push(overdueCondition(p, f.overdue));
  if (f.q) where.push(`d.code LIKE ${p(`${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)}`);
  if (f.rate) {
    if (f.members?.catalogueOwners === undefined) {
      throw new Error('A rate lists the dossiers of its members, with their catalogues');
    }
    where.push(rateCondition(f.rate.key, f.rate.part));
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const from = `FROM dossiers d JOIN units u ON u.id = d.unit_id ${members}`;
  const onlyScope =
    f.officialCode === undefined &&
    f.q === undefined &&
    f.timeliness === undefined &&
    f.overdue === undefined &&
    f.rate === undefined &&
    f.members?.catalogueOwners === undefined;
  const count = async (): Promise<number> => {
    const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n ${from} ${clause}`, [
      ...params,
    ]);
    return row?.n ?? 0;
  };
  if (onlyScope) {
    const key = ['list-total', f.scopePaths, f.scopeUnitIds, f.members?.unitIds, f.period];
    const [items, total] = await Promise.all([
      newestOfUnits(db, f, limit, offset),
      shareCount ? shareCount(key, count) : count(),
    ]);
    return { items, total };
  }
  const total = await count();
  const items = await db.query<DossierDbRow>(
    `SELECT d.*, u.name AS unit_name, u.path AS unit_path,
       r.ratings AS form_ratings, r.channel AS form_channel
     ${from} LEFT JOIN dossier_ratings r ON r.dossier_code = d.code
     ${clause} ORDER BY d.received_at DESC, d.code LIMIT ${p(limit)} OFFSET ${p(offset)}`,
    params,
  );
  return { items, total };
}

/**
 * A page of the dossiers of a scope (and period), newest receipt first, read without sorting the
 * scope's dossiers (ADR 55): each unit's newest `offset + limit` receipts come from the index on
 * (period, unit_id, received_at DESC), the oldest receipt among the scope's newest `offset + limit`
 * is the page's lower bound, and only the dossiers at or after it are read and ordered. A province
 * of 100 000 dossiers in a quarter reads about a thousand rows instead of all of them.
 */
async function newestOfUnits(
  db: Queryable,
  f: DossierFilter,
  limit: number,
  offset: number,
): Promise<DossierDbRow[]> {
  const { values: params, p } = sqlParams();
  let ids: string;
  if (f.members !== undefined) {
    ids = `${p(f.members.unitIds)}::int[]`;
  } else if (f.scopePaths !== null) {
    const paths = f.scopePaths.map((s) => `path LIKE ${p(`${s}%`)}`);
    if (f.scopeUnitIds?.length) paths.push(`id = ANY(${p(f.scopeUnitIds)}::int[])`);
    ids = `(SELECT array_agg(id) FROM units WHERE ${paths.join(' OR ')})`;
  } else {
    ids = `(SELECT array_agg(id) FROM units)`;
  }
  const period = f.period === undefined ? '' : `d.period = ${p(f.period)} AND`;
  const reach = p(offset + limit);
  return db.query<DossierDbRow>(
    `WITH scope AS MATERIALIZED (SELECT ${ids} AS ids),
     newest AS (
       SELECT k.received_at FROM (SELECT DISTINCT unnest((SELECT ids FROM scope)) AS id) AS s
       CROSS JOIN LATERAL (
         SELECT d.received_at FROM dossiers d WHERE ${period} d.unit_id = s.id
         ORDER BY d.received_at DESC LIMIT ${reach}) k
       ORDER BY k.received_at DESC LIMIT ${reach})
     SELECT d.*, u.name AS unit_name, u.path AS unit_path,
       r.ratings AS form_ratings, r.channel AS form_channel
     FROM dossiers d JOIN units u ON u.id = d.unit_id
     LEFT JOIN dossier_ratings r ON r.dossier_code = d.code
     WHERE ${period} d.unit_id = ANY((SELECT ids FROM scope)::int[])
       AND d.received_at >= (SELECT min(received_at) FROM newest)
     ORDER BY d.received_at DESC, d.code LIMIT ${p(limit)} OFFSET ${p(offset)}`,
    params,
  );
}

/** Where a page of the late list starts: after this dossier (receipt in microseconds, code). */
export interface LateCursor {
  receivedMicros: string;
  code: string;
}

/**
 * One page of the late list of the dossiers of `unitIds` (null: every unit) in a period: finished
 * late, or unfinished and past due at `overdue.asOf`; newest receipt first, then code (descending),
 * after `after` when given. Read through `dossiers_late_page_idx` in that order, so a page stops
 * after its rows.
 */
export async function lateDossierPage(
  db: Queryable,
  f: {
    unitIds: readonly number[] | null;
    period: string;
    overdue: NonNullable<DossierFilter['overdue']>;
    after?: LateCursor | undefined;
  },
  limit: number,
): Promise<Array<DossierDbRow & { received_micros: string }>> {
  if (f.unitIds !== null && f.unitIds.length === 0) return [];
  const { values: params, p } = sqlParams();
  const where = [`d.period = ${p(f.period)}`, overdueCondition(p, f.overdue)];
  if (f.unitIds !== null) where.push(`d.unit_id = ANY(${p(f.unitIds)}::int[])`);
  if (f.after !== undefined) {
    where.push(
      `(d.received_at, d.code) < (timestamptz 'epoch' + ${p(f.after.receivedMicros)}::bigint * interval '1 microsecond', ${p(f.after.code)})`,
    );
  }
  return db.query<DossierDbRow & { received_micros: string }>(
    `SELECT d.*, u.name AS unit_name, u.path AS unit_path,
       r.ratings AS form_ratings, r.channel AS form_channel,
       ((extract(epoch FROM d.received_at) * 1000000)::bigint)::text AS received_micros
     FROM (SELECT d.code FROM dossiers d WHERE ${where.join(' AND ')}
           ORDER BY d.received_at DESC, d.code DESC LIMIT ${p(limit)}) l
     JOIN dossiers d ON d.code = l.code JOIN units u ON u.id = d.unit_id
     LEFT JOIN dossier_ratings r ON r.dossier_code = d.code
     ORDER BY d.received_at DESC, d.code DESC`,
    params,
  );
}

/**
 * How many of the late list are finished late (timeliness 'late'): fixed until dossiers are
 * written, whatever the moment the list is read at.
 */
export async function lateFinishedCount(
  db: Queryable,
  period: string,
  unitIds: readonly number[] | null,
): Promise<number> {
  if (unitIds !== null && unitIds.length === 0) return 0;
  const rows = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM dossiers d WHERE d.period = $1 AND d.timeliness = 'late'
     ${unitIds === null ? '' : 'AND d.unit_id = ANY($2::int[])'}`,
    unitIds === null ? [period] : [period, unitIds],
  );
  return rows[0]?.n ?? 0;
}

/**
 * The due moments (ms since 1970, the whole due day when a due date without a time is so read) of
 * the unfinished dossiers not marked late of `unitIds` (null: every unit) in a period, in
 * ascending order: those before a moment are the rest of the late list at that moment.
 */
export async function openDueMoments(
  db: Queryable,
  period: string,
  unitIds: readonly number[] | null,
  dueWithoutTime: 'end-of-day' | 'start-of-day',
): Promise<number[]> {
  if (unitIds !== null && unitIds.length === 0) return [];
  const dateOnly = `mod(extract(epoch FROM d.due_at) + 25200, 86400) = 0`;
  const grace =
    dueWithoutTime === 'end-of-day'
      ? `CASE WHEN ${dateOnly} THEN interval '1 day' - interval '1 millisecond' ELSE interval '0' END`
      : `interval '0'`;
  const rows = await db.query<{ due: number[] | null }>(
    `SELECT array_agg(m ORDER BY m) AS due FROM (
       SELECT (extract(epoch FROM d.due_at + ${grace}) * 1000)::float8 AS m FROM dossiers d
       WHERE d.period = $1 AND d.finished_at IS NULL AND d.timeliness <> 'late' AND d.due_at IS NOT NULL
       ${unitIds === null ? '' : 'AND d.unit_id = ANY($2::int[])'}) x`,
    unitIds === null ? [period] : [period, unitIds],
  );
  return rows[0]?.due ?? [];
}

/**
 * The revision of the dossiers (migration 0041): raised by every statement writing them (or units,
 * or their lineage), from a
 * sequence, so a value is never seen again once any writer's transaction has moved on.
 */
export async function dossierRevision(db: Queryable): Promise<string> {
  const rows = await db.query<{ revision: string }>(
    'SELECT revision::text AS revision FROM dossier_revision',
  );
  return rows[0]?.revision ?? '0';
}

/**
 * The procedures behind a postal-procedures figure: for each catalogue that applies to the members
 * (`owners`, the catalogue owner of each member unit; null: none), its procedures with the
 * members' dossiers and postal dossiers of the period; `withPostal` keeps those with a postal one.
 */
export async function postalProcedureRows(
  db: Queryable,
  f: {
    period: string;
    unitIds: readonly number[];
    owners: readonly (number | null)[];
    officialCode?: string | undefined;
    withPostal: boolean;
  },
  limit: number,
  offset: number,
): Promise<{
  items: Array<{
    owner_id: number;
    code: string;
    name: string | null;
    dossiers: number;
    postal: number;
  }>;
  total: number;
}> {
  const params: unknown[] = [f.period, f.unitIds, f.owners, f.officialCode ?? null];
  const base = `WITH m AS (SELECT * FROM unnest($2::int[], $3::int[]) AS m(unit_id, owner)
       WHERE owner IS NOT NULL),
     counts AS (
       SELECT m.owner, d.procedure_code, count(*)::int AS dossiers,
         count(*) FILTER (WHERE d.channel = 'postal' OR d.returned_by_post)::int AS postal
       FROM dossiers d JOIN m ON m.unit_id = d.unit_id
       WHERE d.period = $1 AND d.unit_id = ANY($2::int[])
         AND ($4::text IS NULL OR d.official_code = $4)
       GROUP BY m.owner, d.procedure_code),
     rows AS (
       SELECT pp.unit_id AS owner_id, pp.procedure_code AS code, pp.procedure_name AS name,
         coalesce(c.dossiers, 0) AS dossiers, coalesce(c.postal, 0) AS postal
       FROM dossier_postal_procedures pp
       LEFT JOIN counts c ON c.owner = pp.unit_id AND c.procedure_code = pp.procedure_code
       WHERE pp.unit_id IN (SELECT owner FROM m)
         ${f.withPostal ? 'AND coalesce(c.postal, 0) > 0' : ''})`;
  const [count] = await db.query<{ n: number }>(
    `${base} SELECT count(*)::int AS n FROM rows`,
    params,
  );
  const items = await db.query<{
    owner_id: number;
    code: string;
    name: string | null;
    dossiers: number;
    postal: number;
  }>(`${base} SELECT * FROM rows ORDER BY code, owner_id LIMIT $5 OFFSET $6`, [
    ...params,
    limit,
    offset,
  ]);
  return { items, total: count?.n ?? 0 };
}
