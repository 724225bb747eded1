/** What the demo loader reads and moves beyond the features' own repositories. */
import type { Queryable } from '../infra/db.ts';

/** The old communes of a district move from under the province to under the district. */
export async function moveCommunesUnder(
  tx: Queryable,
  districtId: number,
  provinceId: number,
  communeCodes: readonly string[],
  validTo: string,
): Promise<void> {
  await tx.query(
    `UPDATE units SET parent_id = $1 WHERE code = ANY($2::text[]) AND valid_to = $3 AND parent_id = $4`,
    [districtId, communeCodes, validTo, provinceId],
  );
}

/** A user's id by username (case ignored), or null. */
export async function findUserId(tx: Queryable, username: string): Promise<number | null> {
  const [row] = await tx.query<{ id: number }>(
    'SELECT id FROM users WHERE lower(username) = lower($1)',
    [username],
  );
  return row?.id ?? null;
}

/** The first criteria set loaded from a bundled set (`bundled:<id>`). */
export async function findSetByOrigin(
  tx: Queryable,
  origin: string,
): Promise<{ id: number; name: string } | undefined> {
  const [row] = await tx.query<{ id: number; name: string }>(
    'SELECT id, name FROM criteria_sets WHERE origin = $1 ORDER BY id LIMIT 1',
    [origin],
  );
  return row;
}

/** The first campaign of a year in which the unit of this code took part. */
export async function findCampaignOfUnitCode(
  tx: Queryable,
  year: number,
  unitCode: string,
): Promise<{ id: number; name: string; year: number } | undefined> {
  const [row] = await tx.query<{ id: number; name: string; year: number }>(
    `SELECT c.id, c.name, c.year FROM campaigns c
     JOIN campaign_participants p ON p.campaign_id = c.id JOIN units u ON u.id = p.unit_id
     WHERE c.year = $1 AND u.code = $2 ORDER BY c.id LIMIT 1`,
    [year, unitCode],
  );
  return row;
}

/** The first PAR campaign of a name. */
export async function findCampaignByName(
  tx: Queryable,
  name: string,
): Promise<{ id: number } | undefined> {
  const [row] = await tx.query<{ id: number }>(
    'SELECT id FROM campaigns WHERE name = $1 ORDER BY id LIMIT 1',
    [name],
  );
  return row;
}

/** The first unit of a code, current (no end date) or ended. */
export async function findUnitByCode(
  tx: Queryable,
  code: string,
  current: boolean,
): Promise<{ id: number; name: string } | undefined> {
  const [row] = await tx.query<{ id: number; name: string }>(
    'SELECT id, name FROM units WHERE code = $1 AND (valid_to IS NULL) = $2 ORDER BY id LIMIT 1',
    [code, current],
  );
  return row;
}

/** A unit's stored result in a campaign. */
export async function findStoredResult<T extends object>(
  tx: Queryable,
  campaignId: number,
  unitId: number,
): Promise<T | undefined> {
  const [row] = await tx.query<T>(
    'SELECT * FROM campaign_results WHERE campaign_id = $1 AND unit_id = $2',
    [campaignId, unitId],
  );
  return row;
}

/** A demo campaign's id by its name and year (null when the demo has none of that name). */
export async function findCampaignId(
  db: Queryable,
  name: string,
  year: number,
): Promise<number | null> {
  const [row] = await db.query<{ id: number }>(
    'SELECT id FROM campaigns WHERE name = $1 AND year = $2',
    [name, year],
  );
  return row?.id ?? null;
}
