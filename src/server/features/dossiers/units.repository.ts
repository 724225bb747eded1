/**
 * SQL of the units as the dossiers see them: their references (code, name, path, validity), where
 * a unit's dossiers are counted after mergers (folding into an area, successors), and the names
 * of the officials a unit recorded.
 */
import type { Queryable } from '../../infra/db.ts';

export interface UnitRef {
  id: number;
  code: string;
  name: string;
  kind?: string;
  path: string;
  valid_from: string | null;
  valid_to: string | null;
}

/** Every unit's id, code, path and validity (codes repeat across validity periods). */
export async function listUnitRefs(db: Queryable): Promise<UnitRef[]> {
  return db.query<UnitRef>('SELECT id, code, name, path, valid_from, valid_to FROM units');
}

/** A unit whose dossiers count toward `target` in an area's views, with the unit's validity. */
export interface FoldPair {
  unit_id: number;
  target: number;
  path: string;
  valid_from: string | null;
  valid_to: string | null;
}

// Units that went whole into exactly one successor of their province (unit_lineage, 'full'); a
// link to another province carries no dossiers (ADR 19).
const SINGLE_SUCCESSOR = `SELECT predecessor_id, min(successor_id) AS successor_id FROM unit_lineage_in_province
  GROUP BY predecessor_id HAVING count(*) = 1 AND bool_and(merge_type = 'full')`;

/**
 * Where each unit's dossiers are counted in the views of the area at `path` (a unit's subtree): a
 * unit that went whole into exactly one successor counts toward it, transitively, as far as the
 * chain stays in the area; every other unit of the area counts toward itself. Units outside the
 * area that merged into it are included (e.g. xã Quy Kỳ, before 1 July 2025, toward today's xã
 * Kim Phượng). A unit split among several successors keeps its own dossiers.
 */
export async function foldIntoArea(db: Queryable, path: string): Promise<FoldPair[]> {
  return db.query<FoldPair>(
    `WITH RECURSIVE single AS (${SINGLE_SUCCESSOR}),
     area AS (SELECT id FROM units WHERE path LIKE $1),
     back(unit_id) AS (
       SELECT id FROM area
       UNION
       SELECT s.predecessor_id FROM single s JOIN back b ON s.successor_id = b.unit_id
     ),
     fwd(unit_id, target, step) AS (
       SELECT unit_id, unit_id, 0 FROM back
       UNION ALL
       SELECT f.unit_id, s.successor_id, f.step + 1
       FROM fwd f JOIN single s ON s.predecessor_id = f.target WHERE f.step < 20
     )
     SELECT DISTINCT ON (f.unit_id) f.unit_id, f.target, u.path, u.valid_from, u.valid_to
     FROM fwd f JOIN area a ON a.id = f.target JOIN units u ON u.id = f.unit_id
     ORDER BY f.unit_id, f.step DESC`,
    [`${path}%`],
  );
}

/** The paths of the units a unit went whole into, one after the other (nearest first). */
export async function successorPaths(db: Queryable, unitId: number): Promise<string[]> {
  const rows = await db.query<{ path: string }>(
    `WITH RECURSIVE single AS (${SINGLE_SUCCESSOR}),
     fwd(unit_id, step) AS (
       SELECT $1::int, 0
       UNION ALL
       SELECT s.successor_id, f.step + 1 FROM fwd f JOIN single s ON s.predecessor_id = f.unit_id
       WHERE f.step < 20
     )
     SELECT u.path FROM fwd f JOIN units u ON u.id = f.unit_id WHERE f.step > 0 ORDER BY f.step`,
    [unitId],
  );
  return rows.map((r) => r.path);
}

/** For every unit that merged whole into another: the paths of its successors, nearest first. */
export async function allSuccessorPaths(db: Queryable): Promise<Map<number, string[]>> {
  const rows = await db.query<{ unit_id: number; path: string }>(
    `WITH RECURSIVE single AS (${SINGLE_SUCCESSOR}),
     fwd(unit_id, target, step) AS (
       SELECT predecessor_id, successor_id, 1 FROM single
       UNION ALL
       SELECT f.unit_id, s.successor_id, f.step + 1 FROM fwd f JOIN single s ON s.predecessor_id = f.target
       WHERE f.step < 20
     )
     SELECT f.unit_id, u.path FROM fwd f JOIN units u ON u.id = f.target ORDER BY f.unit_id, f.step`,
  );
  const map = new Map<number, string[]>();
  for (const r of rows) {
    const list = map.get(r.unit_id);
    if (list === undefined) map.set(r.unit_id, [r.path]);
    else list.push(r.path);
  }
  return map;
}

/** Units by id (id, code, name, kind, path, validity), in tree order. */
export async function unitRefsByIds(db: Queryable, ids: readonly number[]): Promise<UnitRef[]> {
  if (ids.length === 0) return [];
  return db.query<UnitRef>(
    `SELECT id, code, name, kind, path, valid_from, valid_to FROM units WHERE id = ANY($1::int[])
     ORDER BY path`,
    [ids],
  );
}

/** Units in a subtree (the unit itself included) whose validity overlaps [from, to]. */
export async function unitsUnder(
  db: Queryable,
  path: string,
  from: string,
  to: string,
): Promise<UnitRef[]> {
  return db.query<UnitRef>(
    `SELECT id, code, name, kind, path, valid_from, valid_to FROM units
     WHERE path LIKE $1 AND (valid_from IS NULL OR valid_from <= $3) AND (valid_to IS NULL OR valid_to >= $2)
     ORDER BY path`,
    [`${path}%`, from, to],
  );
}

export async function findUnitRef(db: Queryable, id: number): Promise<UnitRef | undefined> {
  const rows = await db.query<UnitRef>(
    'SELECT id, code, name, path, valid_from, valid_to FROM units WHERE id = $1',
    [id],
  );
  return rows[0];
}

/** The names of officials by unit and one-stop code ("unitId\u0000code" → full name). */
export async function officialNames(
  db: Queryable,
  unitIds: readonly number[],
): Promise<Map<string, string>> {
  if (unitIds.length === 0) return new Map();
  const rows = await db.query<{ unit_id: number; official_code: string; full_name: string }>(
    `SELECT unit_id, official_code, full_name FROM dossier_officials
      WHERE unit_id = ANY($1::int[])`,
    [unitIds],
  );
  return new Map(rows.map((r) => [`${r.unit_id}\u0000${r.official_code}`, r.full_name]));
}

/** Records the name of an official of a unit by their one-stop code. */
export async function saveOfficialName(
  db: Queryable,
  input: { unitId: number; officialCode: string; fullName: string },
): Promise<void> {
  await db.query(
    `INSERT INTO dossier_officials (unit_id, official_code, full_name) VALUES ($1, $2, $3)
     ON CONFLICT (unit_id, official_code) DO UPDATE SET full_name = EXCLUDED.full_name`,
    [input.unitId, input.officialCode, input.fullName],
  );
}
