/** SQL for criteria sets, their nodes and the year-to-year mappings. */
import type { NodeEvidenceRequirement } from '../../../domain/documents/findings.ts';
import type { ClassBand } from '../../../domain/scoring/index.ts';
import type { ScoringRule, NotApplicablePolicy } from '../../../domain/scoring/rules.ts';
import type { NodeKind } from '../../../domain/scoring/tree.ts';
import type { Queryable } from '../../infra/db.ts';
import { insertColumns, setColumns, sqlParams, type Columns } from '../../infra/sql.ts';

export interface SetRow {
  id: number;
  name: string;
  year: number;
  unit_kind: string;
  description: string;
  survey_max_hundredths: number | null;
  bands: ClassBand[];
  status: 'draft' | 'frozen';
  based_on_id: number | null;
  origin: string | null;
  owner_unit_id: number | null;
  owner_unit_name?: string | null;
  owner_unit_path?: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
  frozen_at: Date | null;
  node_count?: number;
  max_hundredths?: number | null;
}

export interface NodeRow {
  id: number;
  set_id: number;
  parent_id: number | null;
  position: number;
  code: string;
  title: string;
  max_hundredths: number;
  rule: ScoringRule | null;
  not_applicable: NotApplicablePolicy | null;
  kind: NodeKind | null;
  guidance: string | null;
  evidence: string | null;
  agency: string | null;
  source: string | null;
  to_be_confirmed: boolean;
  copied_from_id: number | null;
  evidence_requirement: NodeEvidenceRequirement | null;
}

const SET_COLUMNS = `s.id, s.name, s.year, s.unit_kind, s.description, s.survey_max_hundredths, s.bands, s.status,
  s.based_on_id, s.origin, s.owner_unit_id, s.version, s.created_at, s.updated_at, s.frozen_at,
  ou.name AS owner_unit_name, ou.path AS owner_unit_path`;

/** Sets with their node count and the total of their top-level criteria. */
export async function listSets(
  db: Queryable,
  f: { year?: number | undefined; unitKind?: string | undefined },
): Promise<SetRow[]> {
  const where: string[] = [];
  const { values: params, p } = sqlParams();
  if (f.year !== undefined) where.push(`s.year = ${p(f.year)}`);
  if (f.unitKind) where.push(`s.unit_kind = ${p(f.unitKind)}`);
  return db.query<SetRow>(
    `SELECT ${SET_COLUMNS},
       (SELECT count(*)::int FROM criteria_nodes n WHERE n.set_id = s.id) AS node_count,
       (SELECT sum(n.max_hundredths)::int FROM criteria_nodes n WHERE n.set_id = s.id AND n.parent_id IS NULL AND coalesce(n.kind, 'normal') = 'normal') AS max_hundredths
     FROM criteria_sets s LEFT JOIN units ou ON ou.id = s.owner_unit_id
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY s.year DESC, s.unit_kind, s.name, s.id`,
    params,
  );
}

/** One set. */
export async function findSet(db: Queryable, id: number): Promise<SetRow | undefined> {
  return (
    await db.query<SetRow>(
      `SELECT ${SET_COLUMNS} FROM criteria_sets s LEFT JOIN units ou ON ou.id = s.owner_unit_id WHERE s.id = $1`,
      [id],
    )
  )[0];
}

/** The nodes of a set, parents before children, in position order. */
export async function findNodes(db: Queryable, setId: number): Promise<NodeRow[]> {
  return db.query<NodeRow>(
    'SELECT * FROM criteria_nodes WHERE set_id = $1 ORDER BY parent_id NULLS FIRST, position, id',
    [setId],
  );
}

export interface NewSet {
  name: string;
  year: number;
  unitKind: string;
  description: string;
  surveyMaxHundredths: number | null;
  bands: ClassBand[];
  basedOnId: number | null;
  origin: string | null;
  ownerUnitId: number | null;
  createdBy: number | null;
}

/** Creates an empty draft set. */
export async function insertSet(db: Queryable, s: NewSet, now: Date): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO criteria_sets (name, year, unit_kind, description, survey_max_hundredths, bands, based_on_id, origin, owner_unit_id, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING id`,
    [
      s.name,
      s.year,
      s.unitKind,
      s.description,
      s.surveyMaxHundredths,
      JSON.stringify(s.bands),
      s.basedOnId,
      s.origin,
      s.ownerUnitId,
      s.createdBy,
      now.toISOString(),
    ],
  );
  return row!.id;
}

/** Updates a set's own fields with a version check; false when stale. */
export async function updateSet(
  db: Queryable,
  id: number,
  version: number,
  f: {
    name: string;
    year: number;
    unitKind: string;
    description: string;
    surveyMaxHundredths: number | null;
    bands: ClassBand[];
  },
  now: Date,
): Promise<boolean> {
  const rows = await db.query(
    `UPDATE criteria_sets SET name = $3, year = $4, unit_kind = $5, description = $6, survey_max_hundredths = $7, bands = $8,
       updated_at = $9, version = version + 1
     WHERE id = $1 AND version = $2 RETURNING id`,
    [
      id,
      version,
      f.name,
      f.year,
      f.unitKind,
      f.description,
      f.surveyMaxHundredths,
      JSON.stringify(f.bands),
      now.toISOString(),
    ],
  );
  return rows.length === 1;
}

/** Bumps the version of a set whose tree changed; false when the version is stale. */
export async function bumpVersion(
  db: Queryable,
  id: number,
  version: number,
  now: Date,
): Promise<boolean> {
  const rows = await db.query(
    'UPDATE criteria_sets SET version = version + 1, updated_at = $3 WHERE id = $1 AND version = $2 RETURNING id',
    [id, version, now.toISOString()],
  );
  return rows.length === 1;
}

/** Freezes a set. */
export async function freezeSet(db: Queryable, id: number, now: Date): Promise<void> {
  await db.query(
    "UPDATE criteria_sets SET status = 'frozen', frozen_at = $2, version = version + 1, updated_at = $2 WHERE id = $1",
    [id, now.toISOString()],
  );
}

/** Deletes a set with its nodes. */
export async function deleteSet(db: Queryable, id: number): Promise<void> {
  await db.query('DELETE FROM criteria_mappings WHERE from_set_id = $1 OR to_set_id = $1', [id]);
  await db.query('UPDATE criteria_sets SET based_on_id = NULL WHERE based_on_id = $1', [id]);
  await db.query('DELETE FROM criteria_sets WHERE id = $1', [id]);
}

export interface NodeValues {
  parentId: number | null;
  position: number;
  code: string;
  title: string;
  maxHundredths: number;
  rule: ScoringRule | null;
  notApplicable: NotApplicablePolicy | null;
  kind: NodeKind | null;
  guidance: string | null;
  evidence: string | null;
  agency: string | null;
  source: string | null;
  toBeConfirmed: boolean;
  copiedFromId: number | null;
  evidenceRequirement: NodeEvidenceRequirement | null;
}

/** The columns of a node that an insert and an update both write. */
const nodeColumns = (v: NodeValues): Columns => ({
  parent_id: v.parentId,
  position: v.position,
  code: v.code,
  title: v.title,
  max_hundredths: v.maxHundredths,
  rule: v.rule === null ? null : JSON.stringify(v.rule),
  not_applicable: v.notApplicable,
  kind: v.kind,
  guidance: v.guidance,
  evidence: v.evidence,
  agency: v.agency,
  source: v.source,
  to_be_confirmed: v.toBeConfirmed,
  copied_from_id: v.copiedFromId,
  evidence_requirement:
    v.evidenceRequirement === null ? null : JSON.stringify(v.evidenceRequirement),
});

/** Inserts a node. */
export async function insertNode(db: Queryable, setId: number, v: NodeValues): Promise<number> {
  const params = sqlParams();
  const { names, placeholders } = insertColumns({ set_id: setId, ...nodeColumns(v) }, params);
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO criteria_nodes ${names} VALUES ${placeholders} RETURNING id`,
    params.values,
  );
  return row!.id;
}

/** Updates a node of a set. */
export async function updateNode(
  db: Queryable,
  setId: number,
  id: number,
  v: NodeValues,
): Promise<void> {
  const params = sqlParams([setId, id]);
  await db.query(
    `UPDATE criteria_nodes SET ${setColumns(nodeColumns(v), params)} WHERE set_id = $1 AND id = $2`,
    params.values,
  );
}

/** Deletes nodes of a set by id (children go with their parent). */
export async function deleteNodes(db: Queryable, setId: number, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await db.query('DELETE FROM criteria_nodes WHERE set_id = $1 AND id = ANY($2::int[])', [
    setId,
    ids,
  ]);
}

export interface MappingEntry {
  kind: 'kept' | 'renamed' | 'merged' | 'split' | 'removed' | 'added';
  from: string[];
  to: string[];
}

/** The stored mapping between two sets, if any. */
export async function findMapping(
  db: Queryable,
  fromSetId: number,
  toSetId: number,
): Promise<MappingEntry[] | null> {
  const rows = await db.query<{ entries: MappingEntry[] }>(
    'SELECT entries FROM criteria_mappings WHERE from_set_id = $1 AND to_set_id = $2',
    [fromSetId, toSetId],
  );
  return rows[0]?.entries ?? null;
}

/** Saves the mapping between two sets. */
export async function saveMapping(
  db: Queryable,
  fromSetId: number,
  toSetId: number,
  entries: MappingEntry[],
  now: Date,
): Promise<void> {
  await db.query(
    `INSERT INTO criteria_mappings (from_set_id, to_set_id, entries, updated_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (from_set_id, to_set_id) DO UPDATE SET entries = EXCLUDED.entries, updated_at = EXCLUDED.updated_at`,
    [fromSetId, toSetId, JSON.stringify(entries), now.toISOString()],
  );
}

/** The node a node was copied from (a set copied for a new year), or null. */
export async function findNodeCopiedFrom(db: Queryable, id: number): Promise<number | null> {
  const [row] = await db.query<{ copied_from_id: number | null }>(
    'SELECT copied_from_id FROM criteria_nodes WHERE id = $1',
    [id],
  );
  return row?.copied_from_id ?? null;
}

/** Makes every node of a set a root, before the tree is written again. */
export async function detachNodes(db: Queryable, setId: number): Promise<void> {
  await db.query('UPDATE criteria_nodes SET parent_id = NULL WHERE set_id = $1', [setId]);
}
