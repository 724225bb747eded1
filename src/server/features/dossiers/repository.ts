/**
 * SQL for dossiers, one module per concern; callers import this one (`import * as repo`):
 * - units.repository.ts: the units as the dossiers see them, where a unit's dossiers count after
 *   mergers, and the officials' names;
 * - import-jobs.repository.ts: import sources and import jobs;
 * - import-staging.repository.ts: the staging tables an import loads through, and the load;
 * - dossier-rows.repository.ts: the dossiers, their rating forms, lists and late list;
 * - tallies.repository.ts: the sums per unit and official the quarterly results are computed from.
 * The class bands, method settings, officials and postal catalogues have their own repositories.
 */
export * from './units.repository.ts';
export * from './import-jobs.repository.ts';
export * from './import-staging.repository.ts';
export * from './dossier-rows.repository.ts';
export * from './tallies.repository.ts';
