/**
 * What the sociological survey's respondent list answers (ADR 35, 45): a page of the survey's
 * saved respondents, each with whether they answered and how many personal links were made for
 * them and used — never a link's token, which is not stored. Served through these schemas, read by
 * the web as types.
 */
import { z } from 'zod';
import { ROLES } from '../../domain/access.ts';
import { idNumber, isoDate } from './fields.ts';

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

/*
 * The survey itself (ADR 35): its questionnaire per unit kind and the bodies that set it up, the
 * respondents, the answers typed or sent through a personal link, the links, progress and results.
 */
const code = z.string().trim().min(1).max(32);
const text = z.string().trim().min(1).max(1000);

export const designBody = z
  .object({
    method: z.enum(['favourable', 'mean']),
    scale: z
      .object({
        levels: z
          .array(
            z
              .object({ code, label: text, valueHundredths: z.number().int().min(0).max(10000) })
              .strict(),
          )
          .max(20),
        excluded: z.array(z.object({ code, label: text }).strict()).max(10),
        favourable: z.array(code).max(20),
      })
      .strict(),
    nodes: z
      .array(
        z
          .object({
            code,
            title: text,
            maxHundredths: z.number().int().min(0).max(100_000),
            source: z.enum(['questions', 'sipas']),
          })
          .strict(),
      )
      .max(50),
    groups: z
      .array(
        z.object({ code, name: text, weight: z.number().int().min(1).max(1_000_000) }).strict(),
      )
      .max(30),
    questions: z
      .array(
        z
          .object({
            code,
            text,
            nodes: z.array(code).max(50),
            groups: z.array(code).max(30),
          })
          .strict(),
      )
      .max(200),
    rules: z
      .array(
        z
          .object({
            group: code,
            raterKind: z.string().trim().max(32),
            scope: z.enum(['same_parent', 'province']),
            sampleSize: z.number().int().min(0).max(100_000),
          })
          .strict(),
      )
      .max(30),
  })
  .strict();

export const createBody = z.object({ sipasCampaignId: idNumber.nullable().optional() }).strict();
export const questionnaireBody = z
  .object({ design: designBody, version: idNumber.nullable() })
  .strict();

export const respondentsBody = z
  .object({
    respondents: z
      .array(
        z
          .object({
            code,
            group: code,
            fullName: text,
            unitCode: z.string().trim().max(32).nullable().optional(),
            email: z.string().trim().email().max(254).nullable().optional(),
          })
          .strict(),
      )
      .min(1)
      .max(20_000),
  })
  .strict();

const answersRecord = z.record(code, z.string().trim().max(32));

export const responsesBody = z
  .object({
    responses: z
      .array(
        z
          .object({
            group: code,
            ratedUnitCode: code,
            raterUnitCode: z.string().trim().max(32).nullable().optional(),
            respondentCode: z.string().trim().max(100).nullable().optional(),
            answers: answersRecord,
          })
          .strict(),
      )
      .min(1)
      .max(5_000),
  })
  .strict();

/** Respondents drawn from the product's accounts (ADR 45). */
export const fromAccountsBody = z
  .object({
    group: code,
    roles: z.array(z.enum(ROLES)).min(1).max(ROLES.length),
    unitKind: z.string().trim().min(1).max(32).optional(),
  })
  .strict();

export const respondentsAdded = z.object({ added: z.number(), kept: z.number() });

/** A questionnaire saved or imported for a unit kind, with its new version. */
export const questionnaireSaved = z.object({ unitKind: z.string(), version: z.number() });

/** The survey opened or closed, and how many units' points it set. */
export const statusChanged = z.object({ status: z.string(), unitsWithPoints: z.number() });

/** Questionnaires typed or imported, and the units they rate. */
export const responsesSaved = z.object({ saved: z.number(), units: z.number() });

/** A personal link's questionnaire answered. */
export const linkAnswered = z.object({ unitName: z.string(), answered: z.number() });

/**
 * Making the personal links: optionally e-mailed, with the deadline the mail states. No body at
 * all (null to the validator) is the route's first form: links made, none mailed.
 */
export const invitationsBody = z
  .object({ sendEmail: z.boolean().optional(), deadline: isoDate.optional() })
  .strict()
  .nullish();

export const remindBody = z.object({ deadline: isoDate.optional() }).strict().nullish();

export const remindResponse = z.object({
  reissued: z.number(),
  emailed: z.number(),
  withoutEmail: z.number(),
});

export const linkAnswerBody = z.object({ answers: answersRecord }).strict();

const option = z.object({ code: z.string(), label: z.string() });

export const surveyResponse = z.object({
  id: z.number(),
  campaignId: z.number(),
  campaignName: z.string(),
  status: z.enum(['draft', 'open', 'closed']),
  sipasCampaignId: z.number().nullable(),
  closedAt: z.string().nullable(),
  unitKinds: z.array(
    z.object({
      unitKind: z.string(),
      criteriaSetId: z.number(),
      criteriaSetName: z.string(),
      surveyMaxHundredths: z.number().nullable(),
      questionnaire: z.object({ version: z.number(), design: designBody }).nullable(),
    }),
  ),
});

export const groupFigure = z.object({
  group: z.string(),
  weight: z.number(),
  answers: z.number(),
  excluded: z.number(),
  valid: z.number(),
  favourable: z.number(),
  valueSumHundredths: z.number(),
  shareHundredths: z.number().nullable(),
  formula: z.string().nullable(),
});

export const resultsResponse = z.object({
  status: z.enum(['draft', 'open', 'closed']),
  provisional: z.boolean(),
  units: z.array(
    z.object({
      unitId: z.number(),
      unitCode: z.string(),
      unitName: z.string(),
      unitKind: z.string(),
      pointsHundredths: z.number().nullable(),
      maxHundredths: z.number().nullable(),
      nodes: z.array(
        z.object({
          code: z.string(),
          title: z.string(),
          source: z.enum(['questions', 'sipas']),
          maxHundredths: z.number(),
          questions: z.array(z.string()),
          shareHundredths: z.number().nullable(),
          pointsHundredths: z.number().nullable(),
          formula: z.string().nullable(),
        }),
      ),
      questions: z.array(
        z.object({
          question: z.string(),
          groups: z.array(groupFigure),
          shareHundredths: z.number().nullable(),
          formula: z.string().nullable(),
        }),
      ),
    }),
  ),
});

export const progressResponse = z.object({
  status: z.enum(['draft', 'open', 'closed']),
  units: z.array(
    z.object({
      unitId: z.number(),
      unitCode: z.string(),
      unitName: z.string(),
      unitKind: z.string(),
      /** Personal links made to rate this unit, all groups. */
      invited: z.number().optional(),
      /** Of those, links already used to answer. */
      linksUsed: z.number().optional(),
      groups: z.array(
        z.object({
          group: z.string(),
          name: z.string(),
          responses: z.number(),
          invited: z.number(),
          linksUsed: z.number(),
          sampleSize: z.number(),
        }),
      ),
    }),
  ),
});

export const invitationsResponse = z.object({
  created: z.number(),
  /** New links e-mailed (sent, or kept in the outbox without SMTP); only when asked. */
  emailed: z.number().optional(),
  /** New links whose respondent has no e-mail address; only when e-mailing was asked. */
  withoutEmail: z.number().optional(),
  links: z.array(
    z.object({
      respondentCode: z.string(),
      fullName: z.string(),
      unitCode: z.string(),
      unitName: z.string(),
      token: z.string(),
    }),
  ),
});

export const linkFormResponse = z.object({
  unitName: z.string(),
  respondentName: z.string(),
  questions: z.array(z.object({ code: z.string(), text: z.string() })),
  levels: z.array(option),
  excluded: z.array(option),
});

/** One questionnaire from the offline field app (ADR 46). */
export const fieldResponseBody = z
  .object({
    campaignId: idNumber,
    clientId: z.string().trim().min(1).max(64),
    unitId: idNumber,
    group: code,
    answers: answersRecord,
  })
  .strict();

export type SurveyDesign = z.infer<typeof designBody>;
export type ScaleLevel = SurveyDesign['scale']['levels'][number];
export type Survey = z.infer<typeof surveyResponse>;
export type SurveyStatus = Survey['status'];
export type SurveyKind = Survey['unitKinds'][number];
export type RespondentInput = z.input<typeof respondentsBody>['respondents'][number];
export type ResponseInput = z.input<typeof responsesBody>['responses'][number];
export type FromAccountsInput = z.input<typeof fromAccountsBody>;
export type SurveyCreateInput = z.input<typeof createBody>;
export type SurveyQuestionnaireInput = z.input<typeof questionnaireBody>;
export type RespondentsInput = z.input<typeof respondentsBody>;
export type ResponsesInput = z.input<typeof responsesBody>;
export type InvitationsInput = z.input<typeof invitationsBody>;
export type RemindInput = z.input<typeof remindBody>;
export type RespondentsAdded = z.infer<typeof respondentsAdded>;
export type QuestionnaireSaved = z.infer<typeof questionnaireSaved>;
export type StatusChanged = z.infer<typeof statusChanged>;
export type ResponsesSaved = z.infer<typeof responsesSaved>;
export type RemindResult = z.infer<typeof remindResponse>;
export type InvitationsResult = z.infer<typeof invitationsResponse>;
export type InvitationLink = InvitationsResult['links'][number];
export type SurveyProgress = z.infer<typeof progressResponse>;
export type ProgressUnit = SurveyProgress['units'][number];
export type SurveyResults = z.infer<typeof resultsResponse>;
export type ResultUnit = SurveyResults['units'][number];
export type LinkForm = z.infer<typeof linkFormResponse>;
