/**
 * What the sociological survey's respondent list answers (ADR 35, 45): a page of the survey's
 * saved respondents, each with whether they answered and how many personal links were made for
 * them and used — never a link's token, which is not stored. Served through these schemas, read by
 * the web as types.
 */
import { z } from 'zod';

export const surveyRespondent = z.object({
  id: z.number(),
  code: z.string(),
  fullName: z.string(),
  group: z.string(),
  /** The group's name in the questionnaires (its code when no questionnaire names it any more). */
  groupName: z.string(),
  unitId: z.number().nullable(),
  unitCode: z.string().nullable(),
  unitName: z.string().nullable(),
  email: z.string().nullable(),
  /** Drawn from an account of the product (ADR 45) rather than typed or imported. */
  fromAccount: z.boolean(),
  /** Personal links made for this respondent (one per unit they rate). */
  links: z.number(),
  /** Of those, links already used to answer. */
  linksUsed: z.number(),
  /** Filled questionnaires of this respondent, whatever the channel (link, paper, file). */
  responses: z.number(),
  /** No answer yet and the survey not closed: the respondent may be removed. */
  removable: z.boolean(),
});

export const surveyRespondentList = z.object({
  /** Respondents matching the filter, all pages. */
  total: z.number(),
  limit: z.number(),
  offset: z.number(),
  items: z.array(surveyRespondent),
  /** Every group and unit the survey's respondents belong to, for the filters. */
  groups: z.array(z.object({ code: z.string(), name: z.string(), count: z.number() })),
  units: z.array(z.object({ id: z.number(), code: z.string(), name: z.string() })),
});

export const surveyRespondentRemoved = z.object({ removed: z.literal(true), links: z.number() });

export type SurveyRespondent = z.infer<typeof surveyRespondent>;
export type SurveyRespondentList = z.infer<typeof surveyRespondentList>;
export type SurveyRespondentRemoved = z.infer<typeof surveyRespondentRemoved>;
