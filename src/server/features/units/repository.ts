/** SQL for units, their kinds and their lineage. The only place that knows the units tables. */
import type { Queryable } from '../../infra/db.ts';
import { sqlParams } from '../../infra/sql.ts';

export interface UnitRow {
  id: number;
  code: string;
  name: string;
  kind: string;
  parent_id: number | null;
  path: string;
  depth: number;
  valid_from: string | null;
  valid_to: string | null;
  version: number;
  parent_name?: string | null;
  child_count?: number;
}

export interface UnitKindRow {
  code: string;
  name_vi: string;
  name_en: string;
  sort_order: number;
}

const COLUMNS =
  'u.id, u.code, u.name, u.kind, u.parent_id, u.path, u.depth, u.valid_from, u.valid_to, u.version';

/** Unit kinds in display order. */
export async function listKinds(db: Queryable): Promise<UnitKindRow[]> {
  return db.query<UnitKindRow>(
    'SELECT code, name_vi, name_en, sort_order FROM unit_kinds ORDER BY sort_order, code',
  );
}

/** One unit by id. */
export async function findUnit(db: Queryable, id: number): Promise<UnitRow | undefined> {
  const rows = await db.query<UnitRow>(
    `SELECT ${COLUMNS}, p.name AS parent_name,
            (SELECT count(*)::int FROM units c WHERE c.parent_id = u.id) AS child_count
     FROM units u LEFT JOIN units p ON p.id = u.parent_id WHERE u.id = $1`,
    [id],
  );
  return rows[0];
}

/** Units by ids (ancestors of a path, for breadcrumbs). */
export async function findUnits(db: Queryable, ids: number[]): Promise<UnitRow[]> {
  if (ids.length === 0) return [];
  return db.query<UnitRow>(`SELECT ${COLUMNS} FROM units u WHERE u.id = ANY($1::int[])`, [ids]);
}

export interface UnitSearch {
  q?: string | undefined; // already folded with searchKey
  parentId?: number | null | undefined; // null: roots
  kind?: string | undefined;
  /** Only units in force on this date (ISO); undefined: past units too. */
  activeOn?: string | undefined;
  limit: number;
  offset: number;
}

/** Searches units by name (diacritics ignored) or code prefix; current units first. */
export async function searchUnits(
  db: Queryable,
  s: UnitSearch,
): Promise<{ items: UnitRow[]; total: number }> {
  const where: string[] = [];
  const { values: params, p } = sqlParams();
  if (s.q) {
    const words = s.q.split(' ').filter(Boolean).slice(0, 8);
    const byName = words.map((w) => `u.search_key LIKE ${p(`%${escapeLike(w)}%`)}`).join(' AND ');
    where.push(`((${byName}) OR lower(u.code) LIKE ${p(`${escapeLike(s.q)}%`)})`);
  }
  if (s.parentId === null) where.push('u.parent_id IS NULL');
  else if (s.parentId !== undefined) where.push(`u.parent_id = ${p(s.parentId)}`);
  if (s.kind) where.push(`u.kind = ${p(s.kind)}`);
  if (s.activeOn) {
    const d = p(s.activeOn);
    where.push(
      `(u.valid_from IS NULL OR u.valid_from <= ${d}::date) AND (u.valid_to IS NULL OR u.valid_to >= ${d}::date)`,
    );
  }
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const [{ total } = { total: 0 }] = await db.query<{ total: number }>(
    `SELECT count(*)::int AS total FROM units u ${whereSql}`,
    params,
  );
  // Exact name matches first, then current units, then shallow before deep.
  const exact = s.q
    ? `(u.search_key = ${p(s.q)} OR u.search_key LIKE ${p(`% ${escapeLike(s.q)}`)}) DESC,`
    : '';
  const items = await db.query<UnitRow>(
    `SELECT ${COLUMNS}, pu.name AS parent_name,
            (SELECT count(*)::int FROM units c WHERE c.parent_id = u.id) AS child_count
     FROM units u LEFT JOIN units pu ON pu.id = u.parent_id
     ${whereSql}
     ORDER BY ${exact} (u.valid_to IS NULL) DESC, u.depth, u.search_key, u.id
     LIMIT ${p(s.limit)} OFFSET ${p(s.offset)}`,
    params,
  );
  return { items, total };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Units with this code whose validity overlaps [from, to]; `exceptId` leaves one out. */
export async function findOverlappingCode(
  db: Queryable,
  code: string,
  from: string | null,
  to: string | null,
  exceptId: number | null,
): Promise<UnitRow | undefined> {
  const rows = await db.query<UnitRow>(
    `SELECT ${COLUMNS} FROM units u
     WHERE u.code = $1 AND ($4::int IS NULL OR u.id <> $4)
       AND (u.valid_to IS NULL OR $2::date IS NULL OR u.valid_to >= $2::date)
       AND (u.valid_from IS NULL OR $3::date IS NULL OR u.valid_from <= $3::date)
     LIMIT 1`,
    [code, from, to, exceptId],
  );
  return rows[0];
}

export interface NewUnit {
  code: string;
  name: string;
  kind: string;
  parentId: number | null;
  validFrom: string | null;
  validTo: string | null;
  searchKey: string;
}

/** Inserts a unit and sets its path from its parent's. */
export async function insertUnit(db: Queryable, u: NewUnit, now: Date): Promise<UnitRow> {
  const [row] = await db.query<UnitRow>(
    `WITH parent AS (SELECT path, depth FROM units WHERE id = $4)
     INSERT INTO units (code, name, kind, parent_id, path, depth, valid_from, valid_to, search_key, created_at, updated_at)
     VALUES ($1, $2, $3, $4, '', coalesce((SELECT depth + 1 FROM parent), 0), $5, $6, $7, $8, $8)
     RETURNING id`,
    [u.code, u.name, u.kind, u.parentId, u.validFrom, u.validTo, u.searchKey, now.toISOString()],
  );
  await db.query(
    `UPDATE units SET path = coalesce((SELECT path FROM units WHERE id = $2), '/') || id || '/' WHERE id = $1`,
    [row!.id, u.parentId],
  );
  return (await findUnit(db, row!.id))!;
}

/** Inserts many units at once (imports); paths are set afterwards by `rebuildPaths`. */
export async function insertUnitsBulk(
  db: Queryable,
  units: Array<Omit<NewUnit, 'parentId'> & { parentId: number | null }>,
  now: Date,
): Promise<number[]> {
  const ids: number[] = [];
  const batch = 500;
  for (let i = 0; i < units.length; i += batch) {
    const slice = units.slice(i, i + batch);
    const params: unknown[] = [now.toISOString()];
    const values = slice.map((u) => {
      params.push(u.code, u.name, u.kind, u.parentId, u.validFrom, u.validTo, u.searchKey);
      const n = params.length;
      return `($${n - 6}, $${n - 5}, $${n - 4}, $${n - 3}::int, '', 0, $${n - 2}::date, $${n - 1}::date, $${n}, $1::timestamptz, $1::timestamptz)`;
    });
    const rows = await db.query<{ id: number }>(
      `INSERT INTO units (code, name, kind, parent_id, path, depth, valid_from, valid_to, search_key, created_at, updated_at)
       VALUES ${values.join(', ')} RETURNING id`,
      params,
    );
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}

/** Recomputes path and depth of every unit whose stored ones are stale. */
export async function rebuildPaths(db: Queryable): Promise<void> {
  await db.query(
    `WITH RECURSIVE t AS (
       SELECT id, '/' || id || '/' AS path, 0 AS depth FROM units WHERE parent_id IS NULL
       UNION ALL
       SELECT u.id, t.path || u.id || '/', t.depth + 1 FROM units u JOIN t ON u.parent_id = t.id
     )
     UPDATE units SET path = t.path, depth = t.depth FROM t
     WHERE units.id = t.id AND (units.path <> t.path OR units.depth <> t.depth)`,
  );
}

/** Updates a unit's own fields with an optimistic version check; returns false on a stale version. */
export async function updateUnit(
  db: Queryable,
  id: number,
  version: number,
  f: {
    code: string;
    name: string;
    kind: string;
    parentId: number | null;
    validFrom: string | null;
    validTo: string | null;
    searchKey: string;
  },
  now: Date,
): Promise<boolean> {
  const rows = await db.query<{ id: number }>(
    `UPDATE units SET code = $3, name = $4, kind = $5, parent_id = $6, valid_from = $7, valid_to = $8,
       search_key = $9, updated_at = $10, version = version + 1
     WHERE id = $1 AND version = $2 RETURNING id`,
    [
      id,
      version,
      f.code,
      f.name,
      f.kind,
      f.parentId,
      f.validFrom,
      f.validTo,
      f.searchKey,
      now.toISOString(),
    ],
  );
  return rows.length === 1;
}

/** Moves a subtree: rewrites the path prefix and depth of the unit and all its descendants. */
export async function moveSubtree(
  db: Queryable,
  oldPath: string,
  newPath: string,
  depthDelta: number,
): Promise<void> {
  await db.query(
    `UPDATE units SET path = $2 || substr(path, length($1) + 1), depth = depth + $3
     WHERE path LIKE $4`,
    [oldPath, newPath, depthDelta, `${oldPath}%`],
  );
}

export interface LineageRow {
  predecessor_id: number;
  successor_id: number;
  merge_type: 'full' | 'partial';
  effective_date: string | null;
}

/** Records that `predecessor` went (fully or partly) into `successor`. */
export async function insertLineage(db: Queryable, l: LineageRow): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO unit_lineage (predecessor_id, successor_id, merge_type, effective_date)
     VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING predecessor_id`,
    [l.predecessor_id, l.successor_id, l.merge_type, l.effective_date],
  );
  return rows.length === 1;
}

/** One merger link, locked for the transaction when `lock`. */
export async function findLineageLink(
  db: Queryable,
  predecessorId: number,
  successorId: number,
  lock = false,
): Promise<LineageRow | undefined> {
  const [row] = await db.query<LineageRow>(
    `SELECT predecessor_id, successor_id, merge_type, effective_date::text AS effective_date
     FROM unit_lineage WHERE predecessor_id = $1 AND successor_id = $2${lock ? ' FOR UPDATE' : ''}`,
    [predecessorId, successorId],
  );
  return row;
}

/** Sets a link's merge type and date. */
export async function updateLineage(db: Queryable, l: LineageRow): Promise<void> {
  await db.query(
    `UPDATE unit_lineage SET merge_type = $3, effective_date = $4
     WHERE predecessor_id = $1 AND successor_id = $2`,
    [l.predecessor_id, l.successor_id, l.merge_type, l.effective_date],
  );
}

/** Removes a link. */
export async function deleteLineage(
  db: Queryable,
  predecessorId: number,
  successorId: number,
): Promise<void> {
  await db.query('DELETE FROM unit_lineage WHERE predecessor_id = $1 AND successor_id = $2', [
    predecessorId,
    successorId,
  ]);
}

/** Inserts many lineage links at once. */
export async function insertLineageBulk(db: Queryable, links: LineageRow[]): Promise<void> {
  const batch = 1000;
  for (let i = 0; i < links.length; i += batch) {
    const params: unknown[] = [];
    const values = links.slice(i, i + batch).map((l) => {
      params.push(l.predecessor_id, l.successor_id, l.merge_type, l.effective_date);
      const n = params.length;
      return `($${n - 3}::int, $${n - 2}::int, $${n - 1}, $${n}::date)`;
    });
    await db.query(
      `INSERT INTO unit_lineage (predecessor_id, successor_id, merge_type, effective_date) VALUES ${values.join(', ')}
       ON CONFLICT DO NOTHING`,
      params,
    );
  }
}

export interface LineageStep extends UnitRow {
  merge_type: 'full' | 'partial';
  effective_date: string | null;
  generation: number;
  via_id: number;
}

/**
 * Every predecessor (generation 1 = merged directly into this unit, 2 = into one of those, …) or
 * every successor, following links transitively.
 */
export async function findLineage(
  db: Queryable,
  id: number,
  direction: 'predecessors' | 'successors',
): Promise<LineageStep[]> {
  const [from, to] =
    direction === 'predecessors'
      ? ['successor_id', 'predecessor_id']
      : ['predecessor_id', 'successor_id'];
  return db.query<LineageStep>(
    `WITH RECURSIVE chain AS (
       SELECT l.${to} AS unit_id, l.${from} AS via_id, l.merge_type, l.effective_date, 1 AS generation
       FROM unit_lineage l WHERE l.${from} = $1
       UNION
       SELECT l.${to}, l.${from}, l.merge_type, l.effective_date, c.generation + 1
       FROM unit_lineage l JOIN chain c ON l.${from} = c.unit_id WHERE c.generation < 10
     )
     SELECT ${COLUMNS}, p.name AS parent_name, c.merge_type, c.effective_date, c.generation, c.via_id
     FROM chain c JOIN units u ON u.id = c.unit_id LEFT JOIN units p ON p.id = u.parent_id
     ORDER BY c.generation, u.search_key`,
    [id],
  );
}

/** Map of code → current unit (valid_to null), falling back to the latest one with that code. */
export async function findUnitsByCodes(
  db: Queryable,
  codes: string[],
): Promise<Map<string, UnitRow>> {
  if (codes.length === 0) return new Map();
  const rows = await db.query<UnitRow>(
    `SELECT ${COLUMNS} FROM units u WHERE u.code = ANY($1::text[])
     ORDER BY u.code, (u.valid_to IS NULL) DESC, u.valid_to DESC NULLS FIRST, u.id DESC`,
    [codes],
  );
  const map = new Map<string, UnitRow>();
  for (const r of rows) if (!map.has(r.code)) map.set(r.code, r);
  return map;
}

/** Number of units, to know whether the official list still has to be loaded. */
export async function countUnits(db: Queryable): Promise<number> {
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM units');
  return row?.n ?? 0;
}
