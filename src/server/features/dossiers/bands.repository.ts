/** SQL of the class-band choice per province or district (table dossier_band_choices). */
import type { Queryable } from '../../infra/db.ts';

export interface BandChoiceRow {
  unit_id: number;
  unit_name: string;
  preset_id: string;
  updated_at: Date;
}

/** The choices made on any of these units (a unit and its ancestors). */
export async function choicesOn(
  db: Queryable,
  unitIds: readonly number[],
): Promise<BandChoiceRow[]> {
  if (unitIds.length === 0) return [];
  return db.query<BandChoiceRow>(
    `SELECT c.unit_id, u.name AS unit_name, c.preset_id, c.updated_at
     FROM dossier_band_choices c JOIN units u ON u.id = c.unit_id
     WHERE c.unit_id = ANY($1::int[])`,
    [unitIds],
  );
}

/** Records (or replaces) a unit's choice; returns the previous preset, if any. */
export async function saveChoice(
  db: Queryable,
  input: { unitId: number; presetId: string; userId: number | null },
  now: Date,
): Promise<string | null> {
  const before = await db.query<{ preset_id: string }>(
    'SELECT preset_id FROM dossier_band_choices WHERE unit_id = $1',
    [input.unitId],
  );
  await db.query(
    `INSERT INTO dossier_band_choices (unit_id, preset_id, updated_by, updated_at)
     VALUES ($1, $2, $3, $4)
     ON CONFLICT (unit_id) DO UPDATE SET preset_id = EXCLUDED.preset_id,
       updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`,
    [input.unitId, input.presetId, input.userId, now],
  );
  return before[0]?.preset_id ?? null;
}
