/** Request and response schemas of the SIPAS routes (validation, types and OpenAPI). */
import { z } from 'zod';
import { idNumber, idText, isoDate, paging } from '../../http/schemas.ts';
import * as contract from '../../../shared/contract/sipas.ts';
import { CHANNELS } from './service.ts';

export const campaignIdParam = z.object({ campaignId: idText });
export const tokenParam = z.object({ token: z.string().min(10).max(200) });

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

export const formQuery = z.object({
  unit: idText.optional(),
  field: z.string().max(64).optional(),
});

/** The questionnaire document: checked by the domain validator, which locates every problem. */
const questionnaireDocument = contract.questionnaireDocument;

export const publicForm = z.object({
  campaignId: z.number(),
  campaignName: z.string(),
  periodEnd: z.string(),
  questionnaire: contract.questionnaire,
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
  document: contract.questionnaire,
  updatedAt: z.string(),
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

const ratio = z.object({ num: z.number(), den: z.number() }).nullable();
const indexResult = z.object({
  ratio,
  hundredths: z.number().nullable(),
  text: z.string(),
  formula: z.string(),
});
const tally = z.object({ counts: z.record(z.string(), z.number()), noAnswer: z.number() });
const scopeIndexes = z.object({
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
const levelRow = z.object({
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

export const indexesQuery = z.object({
  unit: idText.optional(),
  field: z.string().max(64).optional(),
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

export const responsesQuery = z.object({
  unit: idText.optional(),
  field: z.string().max(64).optional(),
  suggestions: z.enum(['true', 'false']).default('false'),
  q: z.string().max(200).optional(),
  ...paging,
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
      answers: z.record(z.string(), contract.answerValue),
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

export const surveyPointsQuery = z.object({
  surveyMax: z.coerce.number().int().min(0).max(100_000),
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
