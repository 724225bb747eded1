/**
 * SQL pieces the campaign repositories share (not part of repository.ts's exports): a campaign's
 * columns and joins, and path prefixes as LIKE patterns.
 */
export const CAMPAIGN_COLUMNS = `c.id, c.year, c.name, c.status, c.deadline_self_assessment, c.deadline_round1,
  c.deadline_explanations, c.deadline_round2, c.deadline_publication, c.survey_source, c.bands,
  c.owner_unit_id, c.appraising_unit_id, c.version, c.created_at, c.updated_at, c.opened_at,
  c.results_computed_at, ou.name AS owner_unit_name, ou.path AS owner_unit_path,
  au.name AS appraising_unit_name, au.code AS appraising_unit_code`;
export const CAMPAIGN_FROM = `campaigns c LEFT JOIN units ou ON ou.id = c.owner_unit_id
  LEFT JOIN units au ON au.id = c.appraising_unit_id`;

/** Path prefixes as LIKE patterns (null stays null: no limit). */
export function likePrefixes(scope: string[] | null): string[] | null {
  return scope === null ? null : scope.map((s) => `${s.replace(/[\\%_]/g, '\\$&')}%`);
}
