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

/**
 * What the offline field app downloads of the sociological surveys (ADR 46): each open survey the
 * signed-in enumerator may collect for, its questionnaire per unit kind (groups, questions with the
 * groups asked, the scale and the "don't know / no answer" levels) and the units they may enter
 * answers about.
 */
const codeLabel = z.object({ code: z.string(), label: z.string() });

export const fieldSurveyQuestionnaire = z.object({
  unitKind: z.string(),
  version: z.number(),
  groups: z.array(z.object({ code: z.string(), name: z.string() })),
  questions: z.array(z.object({ code: z.string(), text: z.string(), groups: z.array(z.string()) })),
  levels: z.array(codeLabel),
  excluded: z.array(codeLabel),
});

export const fieldSurveyForm = z.object({
  campaignId: z.number(),
  campaignName: z.string(),
  questionnaires: z.array(fieldSurveyQuestionnaire),
  units: z.array(z.object({ id: z.number(), name: z.string(), unitKind: z.string() })),
});

export const fieldSurveyForms = z.object({ items: z.array(fieldSurveyForm) });

/** The receipt of one questionnaire from the field app; the same whenever its client id comes again. */
export const fieldSurveyReceipt = z.object({
  clientId: z.string(),
  /** The stored questionnaire's number. */
  receipt: z.number(),
  campaignId: z.number(),
  unitId: z.number(),
  unitName: z.string(),
  group: z.string(),
  /** Questions answered (on the scale or "don't know"). */
  answers: z.number(),
  receivedAt: z.string(),
});

export type FieldSurveyQuestionnaire = z.infer<typeof fieldSurveyQuestionnaire>;
export type FieldSurveyForm = z.infer<typeof fieldSurveyForm>;
export type FieldSurveyForms = z.infer<typeof fieldSurveyForms>;
export type FieldSurveyReceipt = z.infer<typeof fieldSurveyReceipt>;
