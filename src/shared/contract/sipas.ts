/**
 * What the SIPAS routes answer about a questionnaire: the domain's versioned questionnaire
 * (src/domain/sipas/questionnaire.ts) as forms, the entry screen and the questionnaire list show
 * it, and a response's answers and profile; the campaigns, their indexes with the formulas, the
 * answers, paper entry and imports, and the bodies the staff screens and the public form send.
 * Served through these schemas, read by the web as types.
 */
import { z } from 'zod';
import {
  NO_ANSWER,
  type Questionnaire as QuestionnaireDocument,
} from '../../domain/sipas/questionnaire.ts';
import { idNumber, idText, isoDate } from './fields.ts';
import { jsonValue } from './json.ts';

const elementId = z.enum(['access', 'procedure', 'civil-servant', 'result', 'feedback']);
const profileKey = z.enum(['respondentType', 'ageGroup', 'gender', 'channel']);

/** A question answered on the five-level scale. */
export const scaleQuestion = z.object({
  id: z.string(),
  text: z.string(),
  required: z.boolean(),
  allowNoAnswer: z.boolean(),
});

/** A versioned SIPAS questionnaire: its elements, overall question, profile and suggestion. */
export const questionnaire = z.object({
  formatVersion: z.literal(1),
  id: z.string(),
  version: z.string(),
  name: z.string(),
  basis: z.string(),
  elements: z
    .array(
      z.object({
        id: elementId,
        name: z.string(),
        questions: z.array(scaleQuestion).readonly(),
      }),
    )
    .readonly(),
  overallQuestion: scaleQuestion,
  profile: z
    .array(
      z.object({
        key: profileKey,
        text: z.string(),
        required: z.boolean(),
        options: z.array(z.object({ value: z.string(), label: z.string() })).readonly(),
      }),
    )
    .readonly(),
  suggestion: z.object({ prompt: z.string(), maxLength: z.number() }),
  toConfirm: z.array(z.string()).readonly(),
});

/** A questionnaire document sent to be saved: any JSON object, checked by the domain's validator. */
export const questionnaireDocument = z.record(z.string(), jsonValue);

/** One answer: a level 1–5, or "no answer". */
export const answerValue = z.union([
  z.literal(1),
  z.literal(2),
  z.literal(3),
  z.literal(4),
  z.literal(5),
  z.literal(NO_ANSWER),
]);

/** Channels a campaign may accept answers through. */
export const CHANNELS = [
  'web',
  'qr',
  'dossier_link',
  'paper',
  'kiosk',
  'offline',
  'import',
] as const;

const answers = z.record(z.string().max(64), z.unknown());
const profile = z.record(z.string().max(64), z.unknown());

/** The fields every channel sends for one filled-in form. */
const submissionFields = {
  clientId: z.string().min(1).max(64),
  unitId: idText,
  fieldId: z.string().min(1).max(64),
  answers,
  profile,
  suggestion: z.string().max(20_000).nullish(),
  dossierCode: z.string().max(100).nullish(),
};

export const publicSubmissionBody = z.object({
  ...submissionFields,
  campaignId: idNumber,
  questionnaireId: z.string().min(1).max(64),
  questionnaireVersion: z.string().min(1).max(64),
  formToken: z.string().min(1).max(300),
  channel: z.enum(['web', 'qr', 'kiosk', 'dossier_link']).default('web'),
  /** The honeypot: must stay empty. */
  website: z.string().max(1000).optional(),
  linkToken: z.string().max(200).optional(),
});

export const paperBody = z.object({
  ...submissionFields,
  clientId: z.string().min(1).max(64).optional(),
  paperSerial: z.string().min(1).max(64),
});

export const batchBody = z.object({
  items: z
    .array(
      z.object({
        ...submissionFields,
        campaignId: idNumber,
        questionnaireId: z.string().min(1).max(64),
        questionnaireVersion: z.string().min(1).max(64),
        paperSerial: z.string().max(64).nullish(),
      }),
    )
    .min(1)
    .max(500),
});

export const acknowledgement = z.object({
  receipt: z.string(),
  receivedAt: z.string(),
  message: z.string(),
});

export const paperAck = acknowledgement.extend({ duplicate: z.boolean() });

export const batchResult = z.object({
  accepted: z.number(),
  duplicates: z.number(),
  rejected: z.number(),
  items: z.array(
    z.object({
      clientId: z.string(),
      status: z.enum(['accepted', 'duplicate', 'rejected']),
      receivedAt: z.string().optional(),
      code: z.string().optional(),
      message: z.string().optional(),
      problems: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    }),
  ),
});

export const publicForm = z.object({
  campaignId: z.number(),
  campaignName: z.string(),
  periodEnd: z.string(),
  questionnaire: questionnaire,
  units: z.array(z.object({ id: z.number(), name: z.string() })),
  fields: z.array(z.object({ id: z.string(), name: z.string() })),
  formToken: z.string(),
  honeypot: z.literal('website'),
  minFillSeconds: z.number(),
  dossier: z.object({ code: z.string(), unitId: z.number(), fieldId: z.string() }).optional(),
});

export const questionnaireView = z.object({
  id: z.number(),
  code: z.string(),
  version: z.string(),
  name: z.string(),
  inUse: z.boolean(),
  document: questionnaire,
  updatedAt: z.string(),
});

/** A questionnaire sent to be saved: checked by the domain validator, which locates every problem. */
export const questionnaireList = z.object({ items: z.array(questionnaireView) });

/** What the paper-entry screen needs: the questionnaire, the fields and the units one may enter. */
export const entryForm = z.object({
  campaignId: z.number(),
  campaignName: z.string(),
  status: z.string(),
  channels: z.array(z.string()),
  questionnaire: questionnaire,
  fields: z.array(z.object({ id: z.string(), name: z.string() })),
  units: z.array(z.object({ id: z.number(), name: z.string() })),
});

export const questionnaireBody = z.object({ document: questionnaireDocument });

export const campaignBody = z.object({
  name: z.string().trim().min(1).max(300),
  periodStart: isoDate,
  periodEnd: isoDate,
  status: z.enum(['setup', 'open', 'closed']).default('open'),
  ownerUnitId: idNumber.nullable(),
  questionnaireId: idNumber,
  fields: z.array(z.object({ id: z.string().max(64), name: z.string().max(300) })).max(100),
  channels: z.array(z.enum(CHANNELS)).max(CHANNELS.length),
  satisfiedLevels: z.array(z.number().int()).max(5).default([4, 5]),
  overallMethod: z.enum(['element-mean', 'overall-question']).default('element-mean'),
  marginOfError: z.number().int().default(500),
  units: z
    .array(
      z.object({
        unitId: idNumber,
        transactions: z.record(z.string(), z.number().int()).default({}),
      }),
    )
    .max(5000),
});

export const campaignUpdateBody = campaignBody.extend({ version: idNumber });

export const campaignView = z.object({
  id: z.number(),
  name: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  status: z.enum(['setup', 'open', 'closed']),
  ownerUnitId: z.number().nullable(),
  ownerName: z.string().nullable(),
  questionnaireId: z.number(),
  questionnaireCode: z.string(),
  questionnaireVersion: z.string(),
  fields: z.array(z.object({ id: z.string(), name: z.string() })),
  channels: z.array(z.string()),
  satisfiedLevels: z.array(z.number()),
  satisfiedLabel: z.string(),
  overallMethod: z.string(),
  overallMethodLabel: z.string(),
  marginOfError: z.number(),
  units: z.array(
    z.object({
      unitId: z.number(),
      code: z.string(),
      name: z.string(),
      transactions: z.record(z.string(), z.number()),
    }),
  ),
  responses: z.number(),
  version: z.number(),
});

export const campaignList = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      periodStart: z.string(),
      periodEnd: z.string(),
      status: z.string(),
      ownerName: z.string().nullable(),
      canManage: z.boolean(),
    }),
  ),
});

export const ratio = z.object({ num: z.number(), den: z.number() }).nullable();
export const indexResult = z.object({
  ratio,
  hundredths: z.number().nullable(),
  text: z.string(),
  formula: z.string(),
});
export const tally = z.object({ counts: z.record(z.string(), z.number()), noAnswer: z.number() });
export const scopeIndexes = z.object({
  responses: z.number(),
  elements: z.array(
    z.object({ elementId: z.string(), name: z.string(), tally, index: indexResult }),
  ),
  questions: z.array(
    z.object({
      questionId: z.string(),
      elementId: z.string().nullable(),
      text: z.string(),
      tally,
      index: indexResult,
    }),
  ),
  overallQuestion: z.object({
    questionId: z.string(),
    elementId: z.string().nullable(),
    text: z.string(),
    tally,
    index: indexResult,
  }),
  elementMean: indexResult,
  overallShare: indexResult,
  published: z.object({ method: z.string(), methodLabel: z.string(), index: indexResult }),
});
export const levelRow = z.object({
  key: z.string(),
  label: z.string(),
  valid: z.number(),
  noAnswer: z.number(),
  cells: z.array(
    z.object({
      level: z.union([z.number(), z.string()]),
      count: z.number(),
      percent: z.number().nullable(),
      text: z.string(),
      formula: z.string(),
    }),
  ),
  satisfied: z.number(),
  index: indexResult,
  summary: z.string(),
});

export const indexesView = z.object({
  campaignId: z.number(),
  unitId: z.number().nullable(),
  fieldId: z.string().nullable(),
  satisfiedLevels: z.array(z.number()),
  satisfiedLabel: z.string(),
  overallMethod: z.string(),
  overallMethodLabel: z.string(),
  all: scopeIndexes,
  byUnit: z.array(z.object({ unitId: z.number(), name: z.string(), indexes: scopeIndexes })),
  byField: z.array(z.object({ fieldId: z.string(), name: z.string(), indexes: scopeIndexes })),
  byUnitField: z.array(
    z.object({ unitId: z.number(), fieldId: z.string(), indexes: scopeIndexes }),
  ),
  table: z.object({
    columns: z.array(z.object({ level: z.number(), label: z.string() })),
    rows: z.array(levelRow),
    totals: levelRow,
    satisfiedLabel: z.string(),
    rounding: z.string(),
    note: z.string(),
  }),
  alternatives: z.array(
    z.object({
      satisfiedLevels: z.array(z.number()),
      satisfiedLabel: z.string(),
      overallShare: indexResult,
      elementMean: indexResult,
      published: indexResult,
    }),
  ),
  progress: z.array(
    z.object({
      unitId: z.number(),
      fieldId: z.string(),
      collected: z.number(),
      target: z.number(),
      remaining: z.number(),
      reached: z.boolean(),
      ratio,
      formula: z.string(),
      transactions: z.number(),
      sampleFormula: z.string(),
    }),
  ),
});

export const responseList = z.object({
  total: z.number(),
  items: z.array(
    z.object({
      id: z.number(),
      unitId: z.number(),
      unitName: z.string(),
      fieldId: z.string(),
      channel: z.string(),
      answers: z.record(z.string(), answerValue),
      profile: z.record(z.string(), z.string()),
      suggestion: z.string().nullable(),
      clientId: z.string(),
      dossierCode: z.string().nullable(),
      paperSerial: z.string().nullable(),
      receivedAt: z.string(),
    }),
  ),
});

export const linksBody = z.object({
  unitId: idNumber,
  fieldId: z.string().min(1).max(64),
  dossierCodes: z.array(z.string().trim().min(1).max(100)).min(1).max(1000),
});

export const linksResult = z.object({
  items: z.array(
    z.object({ dossierCode: z.string(), created: z.boolean(), token: z.string().nullable() }),
  ),
});

export const surveyPointsView = z.object({
  surveyMaxHundredths: z.number(),
  items: z.array(
    z.object({
      unitId: z.number(),
      name: z.string(),
      index: indexResult,
      points: z.object({ points: z.number(), text: z.string(), formula: z.string() }).nullable(),
    }),
  ),
});

export const importPreview = z.object({
  totalRows: z.number(),
  columns: z.array(
    z.object({ index: z.number(), header: z.string(), samples: z.array(z.string()) }),
  ),
  targets: z.array(z.object({ key: z.string(), label: z.string(), required: z.boolean() })),
  proposedMapping: z.record(z.string(), z.string().nullable()),
  rows: z.array(
    z.object({
      row: z.number(),
      values: z.record(z.string(), z.string()),
      problems: z.array(z.object({ column: z.string(), message: z.string() })),
    }),
  ),
});

export const importResult = z.object({ imported: z.number() });

export type Questionnaire = z.infer<typeof questionnaire>;
export type SipasChannel = (typeof CHANNELS)[number];
export type SipasCampaignList = z.infer<typeof campaignList>;
export type SipasCampaignSummary = SipasCampaignList['items'][number];
export type SipasCampaign = z.infer<typeof campaignView>;
export type SipasStatus = SipasCampaign['status'];
export type ServiceField = SipasCampaign['fields'][number];
export type SipasCampaignInput = z.input<typeof campaignBody>;
export type OverallMethod = NonNullable<SipasCampaignInput['overallMethod']>;
export type SipasCampaignUpdate = z.input<typeof campaignUpdateBody>;
export type Ratio = z.infer<typeof ratio>;
export type IndexResult = z.infer<typeof indexResult>;
export type Tally = z.infer<typeof tally>;
export type ScopeIndexes = z.infer<typeof scopeIndexes>;
export type QuestionIndex = ScopeIndexes['overallQuestion'];
export type LevelRow = z.infer<typeof levelRow>;
export type IndexesView = z.infer<typeof indexesView>;
export type Progress = IndexesView['progress'][number];
export type ResponsePage = z.infer<typeof responseList>;
export type ResponseItem = ResponsePage['items'][number];
export type QuestionnaireView = z.infer<typeof questionnaireView>;
export type QuestionnaireList = z.infer<typeof questionnaireList>;
export type EntryForm = z.infer<typeof entryForm>;
export type PaperInput = z.input<typeof paperBody>;
/**
 * A questionnaire sent to be saved: the domain's questionnaire (the schema takes any JSON object and
 * leaves the checking to the domain's validator, which names each problem).
 */
export type QuestionnaireInput = { document: QuestionnaireDocument };
export type PaperAck = z.infer<typeof paperAck>;
export type SipasImportPreview = z.infer<typeof importPreview>;
export type ImportResult = z.infer<typeof importResult>;
export type SurveyPointsView = z.infer<typeof surveyPointsView>;
export type LinksResult = z.infer<typeof linksResult>;
export type PublicForm = z.infer<typeof publicForm>;
