/**
 * SQL for campaigns, one module per concern; callers import this one (`import * as repo`):
 * - campaign.repository.ts: the campaign rows and their set-up (criteria sets, appraiser
 *   assignments, the accounts and units they name);
 * - participants.repository.ts: the units taking part, their states, reopenings and publication;
 * - entries.repository.ts: the assessments and scores (entries, the appraisers' queue and progress,
 *   evidence, survey points, accepted self scores);
 * - results.repository.ts: the stored results, the ranking's reads and year over year's inputs.
 * SQL pieces they share are in shared.repository.ts.
 */
export * from './campaign.repository.ts';
export * from './participants.repository.ts';
export * from './entries.repository.ts';
export * from './results.repository.ts';
