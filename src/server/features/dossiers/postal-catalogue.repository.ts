/**
 * SQL of the postal-service catalogue per unit (tables dossier_postal_catalogues and
 * dossier_postal_procedures): which catalogues apply where, their procedures, replacing one.
 */
import type { PostalProcedure } from '../../../domain/dossiers/postal-catalogue.ts';
import type { Queryable } from '../../infra/db.ts';

export interface CatalogueOwnerRow {
  unit_id: number;
  unit_name: string;
  path: string;
  updated_at: Date;
  procedures: number;
}

/**
 * The catalogues that can apply to units of the subtree at `path`: those set on the subtree's
 * units and on its ancestors (`ancestorIds`, the unit itself included).
 */
export async function ownersFor(
  db: Queryable,
  path: string,
  ancestorIds: readonly number[],
): Promise<CatalogueOwnerRow[]> {
  return db.query<CatalogueOwnerRow>(
    `SELECT c.unit_id, u.name AS unit_name, u.path, c.updated_at,
       (SELECT count(*)::int FROM dossier_postal_procedures p WHERE p.unit_id = c.unit_id) AS procedures
     FROM dossier_postal_catalogues c JOIN units u ON u.id = c.unit_id
     WHERE u.path LIKE $1 OR c.unit_id = ANY($2::int[])
     ORDER BY u.path`,
    [`${path}%`, ancestorIds],
  );
}

/** The procedures of the given catalogues, by code. */
export async function proceduresOf(
  db: Queryable,
  ownerIds: readonly number[],
): Promise<Array<{ unit_id: number; procedure_code: string; procedure_name: string | null }>> {
  if (ownerIds.length === 0) return [];
  return db.query(
    `SELECT unit_id, procedure_code, procedure_name FROM dossier_postal_procedures
     WHERE unit_id = ANY($1::int[]) ORDER BY unit_id, procedure_code`,
    [ownerIds],
  );
}

/** Replaces a unit's catalogue with these procedures; returns the codes it had before. */
export async function replaceCatalogue(
  db: Queryable,
  input: { unitId: number; procedures: readonly PostalProcedure[]; userId: number | null },
  now: Date,
): Promise<string[] | null> {
  const before = await db.query<{ procedure_code: string | null }>(
    `SELECT p.procedure_code FROM dossier_postal_catalogues c
     LEFT JOIN dossier_postal_procedures p ON p.unit_id = c.unit_id
     WHERE c.unit_id = $1 ORDER BY p.procedure_code`,
    [input.unitId],
  );
  await db.query(
    `INSERT INTO dossier_postal_catalogues (unit_id, updated_by, updated_at) VALUES ($1, $2, $3)
     ON CONFLICT (unit_id) DO UPDATE SET updated_by = EXCLUDED.updated_by,
       updated_at = EXCLUDED.updated_at`,
    [input.unitId, input.userId, now],
  );
  await db.query('DELETE FROM dossier_postal_procedures WHERE unit_id = $1', [input.unitId]);
  if (input.procedures.length > 0) {
    await db.query(
      `INSERT INTO dossier_postal_procedures (unit_id, procedure_code, procedure_name)
       SELECT $1, code, name FROM unnest($2::text[], $3::text[]) AS t(code, name)`,
      [input.unitId, input.procedures.map((p) => p.code), input.procedures.map((p) => p.name)],
    );
  }
  if (before.length === 0) return null;
  return before.flatMap((r) => (r.procedure_code === null ? [] : [r.procedure_code]));
}

/** Removes a unit's own catalogue (its units then use an ancestor's); returns its codes. */
export async function deleteCatalogue(db: Queryable, unitId: number): Promise<string[] | null> {
  const before = await db.query<{ procedure_code: string | null }>(
    `SELECT p.procedure_code FROM dossier_postal_catalogues c
     LEFT JOIN dossier_postal_procedures p ON p.unit_id = c.unit_id
     WHERE c.unit_id = $1 ORDER BY p.procedure_code`,
    [unitId],
  );
  if (before.length === 0) return null;
  await db.query('DELETE FROM dossier_postal_catalogues WHERE unit_id = $1', [unitId]);
  return before.flatMap((r) => (r.procedure_code === null ? [] : [r.procedure_code]));
}
