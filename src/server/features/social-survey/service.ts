/**
 * Use-cases of a campaign's sociological survey (điều tra xã hội học): set it up, design each unit
 * kind's questionnaire against the campaign's criteria set, list respondents, make their personal
 * single-use links from the rating rules, take answers (link, paper, file: all or nothing, every
 * refusal by row and column), show progress, and compute every unit's survey points, which flow
 * into the campaign's stored results (provisional until the survey closes).
 */

export * from './setup.service.ts';
export * from './points.service.ts';
export * from './respondents.service.ts';
export * from './answers.service.ts';
export * from './report.service.ts';
export { hashToken, requireStatus, type Loaded } from './shared.ts';
