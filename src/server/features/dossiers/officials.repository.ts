/** SQL of the officials a unit names by their one-stop code (table dossier_officials). */
import type { DossierOfficial } from '../../../domain/dossiers/officials.ts';
import type { Queryable } from '../../infra/db.ts';

/** A unit's officials, by code. */
export async function officialsOf(db: Queryable, unitId: number): Promise<DossierOfficial[]> {
  const rows = await db.query<{ official_code: string; full_name: string }>(
    `SELECT official_code, full_name FROM dossier_officials WHERE unit_id = $1
      ORDER BY official_code`,
    [unitId],
  );
  return rows.map((r) => ({ code: r.official_code, fullName: r.full_name }));
}

/** The name recorded for one code of a unit, if any. */
export async function officialName(
  db: Queryable,
  unitId: number,
  code: string,
): Promise<string | null> {
  const rows = await db.query<{ full_name: string }>(
    'SELECT full_name FROM dossier_officials WHERE unit_id = $1 AND official_code = $2',
    [unitId, code],
  );
  return rows[0]?.full_name ?? null;
}

/**
 * Officials' codes of the unit's own dossiers that have no name yet, at most `limit` of them
 * (read through the unit's index on dossiers).
 */
export async function unnamedCodes(db: Queryable, unitId: number, limit: number) {
  const rows = await db.query<{ official_code: string }>(
    `SELECT DISTINCT d.official_code FROM dossiers d
      WHERE d.unit_id = $1 AND d.official_code IS NOT NULL AND d.official_code <> ''
        AND NOT EXISTS (SELECT 1 FROM dossier_officials o
                         WHERE o.unit_id = d.unit_id AND o.official_code = d.official_code)
      ORDER BY d.official_code LIMIT $2`,
    [unitId, limit],
  );
  return rows.map((r) => r.official_code);
}

/** Adds one official of a unit; false when the unit already has that code. */
export async function insertOfficial(
  db: Queryable,
  unitId: number,
  official: DossierOfficial,
): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO dossier_officials (unit_id, official_code, full_name) VALUES ($1, $2, $3)
     ON CONFLICT (unit_id, official_code) DO NOTHING RETURNING official_code`,
    [unitId, official.code, official.fullName],
  );
  return rows.length > 0;
}

/**
 * Renames one official of a unit; returns the name it had, or null when there is no such code.
 * Run in a transaction: the row is locked before it is read.
 */
export async function renameOfficial(
  db: Queryable,
  unitId: number,
  official: DossierOfficial,
): Promise<string | null> {
  const before = await db.query<{ full_name: string }>(
    `SELECT full_name FROM dossier_officials WHERE unit_id = $1 AND official_code = $2
        FOR UPDATE`,
    [unitId, official.code],
  );
  if (before[0] === undefined) return null;
  await db.query(
    'UPDATE dossier_officials SET full_name = $3 WHERE unit_id = $1 AND official_code = $2',
    [unitId, official.code, official.fullName],
  );
  return before[0].full_name;
}

/** Adds or renames several officials of a unit in one statement. */
export async function upsertOfficials(
  db: Queryable,
  unitId: number,
  officials: readonly DossierOfficial[],
): Promise<void> {
  if (officials.length === 0) return;
  await db.query(
    `INSERT INTO dossier_officials (unit_id, official_code, full_name)
     SELECT $1, code, name FROM unnest($2::text[], $3::text[]) AS t(code, name)
     ON CONFLICT (unit_id, official_code) DO UPDATE SET full_name = EXCLUDED.full_name`,
    [unitId, officials.map((o) => o.code), officials.map((o) => o.fullName)],
  );
}

/** Removes one official of a unit; returns the name it had, or null when there was none. */
export async function deleteOfficial(
  db: Queryable,
  unitId: number,
  code: string,
): Promise<string | null> {
  const rows = await db.query<{ full_name: string }>(
    `DELETE FROM dossier_officials WHERE unit_id = $1 AND official_code = $2
     RETURNING full_name`,
    [unitId, code],
  );
  return rows[0]?.full_name ?? null;
}
