/**
 * What the remediation plan and People's Council supervision routes answer: result sources, a
 * plan with its items, tasks, follow-up and current standing, the what-if projection, overdue
 * tasks, a supervision with its findings, the unit's results and plan; and the bodies they take:
 * a plan and its text, a task and its progress, a supervision with its notice, a finding. Served
 * and validated through these schemas and read by the web app as types.
 */
import { z } from 'zod';
import { MEASURED_METRICS, TASK_STATUSES } from '../../domain/remediation/plan.ts';
import { FINDING_GROUPS } from '../../domain/remediation/supervision.ts';
import { idNumber, isoDate } from './fields.ts';

const unitRef = z.object({ id: z.number(), code: z.string(), name: z.string() });

export const taskStatus = z.enum(TASK_STATUSES);
export const measuredMetric = z.enum(MEASURED_METRICS);
export const findingGroup = z.enum(FINDING_GROUPS);

/** The unit's appraised standing when the plan was made (or the supervision's results now). */
export const baseline = z.object({
  campaignName: z.string(),
  campaignYear: z.number(),
  sourceUnitName: z.string(),
  appraisedHundredths: z.number(),
  maxAppraisedHundredths: z.number(),
  surveyHundredths: z.number().nullable(),
  maxSurveyHundredths: z.number().nullable(),
  indexHundredths: z.number().nullable(),
  classLabel: z.string().nullable(),
  rank: z.number().nullable(),
  unitsRanked: z.number(),
});

export const resultSources = z.object({
  unit: unitRef,
  sources: z.array(
    z.object({
      campaignId: z.number(),
      campaignName: z.string(),
      year: z.number(),
      unitId: z.number(),
      unitName: z.string(),
      status: z.string(),
      /** The unit scored is one that merged into this unit. */
      predecessor: z.boolean(),
    }),
  ),
});

export const planSummary = z.object({
  id: z.number(),
  unitId: z.number(),
  unitName: z.string(),
  year: z.number(),
  title: z.string(),
  tasks: z.number(),
  done: z.number(),
  baseline: baseline.nullable(),
  updatedAt: z.string(),
});
export const planList = z.object({ items: z.array(planSummary) });

/** The plan's text as an official document, besides its items and tasks. */
export const planDocument = z.object({
  number: z.string(),
  place: z.string(),
  issuedOn: z.string().nullable(),
  bases: z.array(z.string()),
  purposes: z.array(z.string()),
  requirements: z.array(z.string()),
  goals: z.array(z.string()),
  organisation: z.array(z.string()),
  recipients: z.array(z.string()),
  signerTitle: z.string(),
  signerName: z.string(),
});

export const planItem = z.object({
  id: z.number(),
  code: z.string(),
  title: z.string(),
  maxHundredths: z.number(),
  selfHundredths: z.number().nullable(),
  appraisedHundredths: z.number(),
  lostHundredths: z.number(),
  reason: z.string().nullable(),
  round1Reason: z.string().nullable(),
  pointsText: z.string().nullable(),
});

export const planTask = z.object({
  id: z.number(),
  itemId: z.number().nullable(),
  findingId: z.number().nullable(),
  content: z.string(),
  output: z.string(),
  responsibleUserId: z.number().nullable(),
  responsibleName: z.string().nullable(),
  responsibleLabel: z.string(),
  deadline: z.string().nullable(),
  status: taskStatus,
  overdue: z.boolean(),
  progressNote: z.string(),
  evidence: z.array(z.number()),
  target: z
    .object({
      metric: measuredMetric.nullable(),
      targetPercent: z.number(),
      currentPercent: z.number().nullable(),
      measuredFrom: z.string().nullable(),
      progressTenths: z.number().nullable(),
      met: z.boolean().nullable(),
    })
    .nullable(),
  completedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number(),
  mine: z.boolean(),
  canReport: z.boolean(),
});

/** Counts of one group of tasks (the whole plan, a criterion, an official). */
export const progressCount = z.object({
  key: z.string(),
  total: z.number(),
  done: z.number(),
  inProgress: z.number(),
  overdue: z.number(),
  doneTenths: z.number().nullable(),
});

export const plan = z.object({
  id: z.number(),
  unit: unitRef,
  year: z.number(),
  title: z.string(),
  sourceCampaignId: z.number().nullable(),
  sourceUnitId: z.number().nullable(),
  baseline: baseline.nullable(),
  /** The source unit's result now; null when the reader does not see an appraised result. */
  current: z
    .object({
      indexHundredths: z.number().nullable(),
      classLabel: z.string().nullable(),
      rank: z.number().nullable(),
      unitsRanked: z.number().nullable(),
      provisional: z.boolean(),
      totalHundredths: z.number(),
      maxTotalHundredths: z.number(),
    })
    .nullable(),
  document: planDocument,
  version: z.number(),
  today: z.string(),
  items: z.array(planItem),
  tasks: z.array(planTask),
  progress: z.object({
    overall: progressCount,
    byCriterion: z.array(progressCount.extend({ title: z.string().nullable() })),
    byOfficial: z.array(progressCount.extend({ name: z.string().nullable() })),
  }),
  officials: z.array(z.object({ id: z.number(), fullName: z.string(), role: z.string() })),
  permissions: z.object({ manage: z.boolean(), report: z.boolean(), userId: z.number() }),
});

export const taskCreated = z.object({ id: z.number(), plan });

const standing = z.object({
  appraised: z.number(),
  indexHundredths: z.number(),
  classLabel: z.string().nullable(),
  rank: z.number(),
  unitsRanked: z.number(),
});

export const whatIf = z.object({
  campaign: z.object({ id: z.number(), name: z.string(), year: z.number() }),
  comparedWith: z.number(),
  current: standing,
  projected: standing,
  gained: z.number(),
  indexGained: z.number(),
  perItem: z.array(
    z.object({
      code: z.string(),
      gained: z.number(),
      indexGained: z.number(),
      classLabel: z.string().nullable(),
      rank: z.number(),
    }),
  ),
});

export const overdueTasks = z.object({
  today: z.string(),
  items: z.array(
    z.object({
      taskId: z.number(),
      planId: z.number(),
      planTitle: z.string(),
      unitName: z.string(),
      content: z.string(),
      deadline: z.string().nullable(),
      responsibleName: z.string().nullable(),
    }),
  ),
});

export const supervisionSummary = z.object({
  id: z.number(),
  unitId: z.number(),
  unitName: z.string(),
  planNumber: z.string(),
  planDate: z.string().nullable(),
  periodFrom: z.string(),
  periodTo: z.string(),
  periodLabel: z.string(),
  findings: z.number(),
});
export const supervisionList = z.object({ items: z.array(supervisionSummary) });

export const member = z.object({
  name: z.string(),
  position: z.string().optional(),
  role: z.string(),
});

export const recommendation = z.object({
  audience: z.enum(['leadership', 'officers']),
  text: z.string(),
});

/** The notice's text besides the findings and recommendations. */
export const supervisionDocument = z.object({
  body: z.string(),
  noticeNumber: z.string(),
  noticeDate: z.string().nullable(),
  place: z.string(),
  title: z.string(),
  meetingDate: z.string().nullable(),
  reports: z.array(z.string()),
  background: z.array(z.string()),
  strengths: z.array(z.string()),
  limitations: z.array(z.string()),
  recipients: z.array(z.string()),
  signerTitle: z.string(),
  signerName: z.string(),
});

export const finding = z.object({
  id: z.number(),
  group: findingGroup,
  code: z.string(),
  title: z.string(),
  maxHundredths: z.number().nullable(),
  selfHundredths: z.number().nullable(),
  appraisedHundredths: z.number().nullable(),
  missingHundredths: z.number().nullable(),
  reason: z.string(),
  reference: z.string(),
  pointsText: z.string().nullable(),
  text: z.string(),
  criterion: z.string(),
  tasks: z.array(z.object({ id: z.number(), planId: z.number(), status: z.string() })),
});

/** A sub-criterion that lost points, as the unit's results show it. */
export const lostItem = z.object({
  code: z.string(),
  title: z.string(),
  max: z.number(),
  self: z.number().nullable(),
  appraised: z.number(),
  lost: z.number(),
  reason: z.string().nullable(),
  round1Reason: z.string().nullable(),
});

export const supervision = z.object({
  id: z.number(),
  unit: unitRef,
  planNumber: z.string(),
  planDate: z.string().nullable(),
  periodFrom: z.string(),
  periodTo: z.string(),
  periodLabel: z.string(),
  members: z.array(member),
  campaignId: z.number().nullable(),
  sourceUnitId: z.number().nullable(),
  recommendations: z.array(recommendation),
  document: supervisionDocument,
  version: z.number(),
  findings: z.array(finding),
  results: z.object({ baseline, lost: z.array(lostItem) }).nullable(),
  plan: plan.nullable(),
  permissions: z.object({ manage: z.boolean() }),
});

export const created = z.object({ id: z.number() });

export type Baseline = z.infer<typeof baseline>;
export type PlanSummary = z.infer<typeof planSummary>;
export type PlanItem = z.infer<typeof planItem>;
export type PlanTask = z.infer<typeof planTask>;
export type ProgressCount = z.infer<typeof progressCount>;
export type Plan = z.infer<typeof plan>;
export type WhatIf = z.infer<typeof whatIf>;
export type Standing = WhatIf['current'];
export type ResultSource = z.infer<typeof resultSources>['sources'][number];
export type SupervisionSummary = z.infer<typeof supervisionSummary>;
export type Finding = z.infer<typeof finding>;
export type Member = z.infer<typeof member>;
export type Recommendation = z.infer<typeof recommendation>;
export type Supervision = z.infer<typeof supervision>;

// The bodies.

const line = z.string().trim().min(1).max(2000);
const lines = z.array(line).max(50);
const shortText = z.string().trim().max(300);
const percent = z.number().int().min(0).max(10_000);
const points = z.number().int().min(0).max(100_000);

/** The text of the plan as an official document (seed 001): everything but its items and tasks. */
export const planDocumentInput = z
  .object({
    number: shortText.default(''),
    place: shortText.default(''),
    issuedOn: isoDate.nullable().default(null),
    /** Căn cứ: the documents the plan rests on. */
    bases: lines.default([]),
    purposes: lines.default([]),
    requirements: lines.default([]),
    /** General targets ("chỉ số hài lòng đạt từ 85 % trở lên", "xếp loại Tốt"). */
    goals: lines.default([]),
    organisation: lines.default([]),
    recipients: lines.default([]),
    signerTitle: shortText.default(''),
    signerName: shortText.default(''),
  })
  .strict();

export const createPlanBody = z
  .object({
    year: z.number().int().min(2000).max(2100),
    title: z.string().trim().min(1).max(1000).optional(),
    campaignId: idNumber,
    /** The unit scored in the campaign when it is a predecessor of the plan's unit. */
    sourceUnitId: idNumber.optional(),
    document: planDocumentInput.optional(),
  })
  .strict();

export const updatePlanBody = z
  .object({
    version: idNumber,
    title: z.string().trim().min(1).max(1000),
    document: planDocumentInput,
  })
  .strict();

const taskTarget = {
  targetMetric: z.enum(MEASURED_METRICS).nullable().default(null),
  targetPercent: percent.nullable().default(null),
};

export const createTaskBody = z
  .object({
    itemId: idNumber.nullable().default(null),
    findingId: idNumber.nullable().default(null),
    content: z.string().trim().min(1).max(4000),
    output: z.string().trim().max(2000).default(''),
    responsibleUserId: idNumber.nullable().default(null),
    responsibleLabel: shortText.default(''),
    deadline: isoDate.nullable().default(null),
    ...taskTarget,
  })
  .strict();

export const updateTaskBody = z
  .object({
    version: idNumber,
    content: z.string().trim().min(1).max(4000),
    output: z.string().trim().max(2000),
    responsibleUserId: idNumber.nullable(),
    responsibleLabel: shortText,
    deadline: isoDate.nullable(),
    targetMetric: z.enum(MEASURED_METRICS).nullable(),
    targetPercent: percent.nullable(),
  })
  .strict();

/** What the responsible official reports. */
export const progressBody = z
  .object({
    version: idNumber,
    status: z.enum(TASK_STATUSES),
    progressNote: z.string().trim().max(4000).default(''),
    currentPercent: percent.nullable().default(null),
    evidence: z.array(idNumber).max(50).default([]),
  })
  .strict();

export const whatIfBody = z
  .object({ codes: z.array(z.string().trim().min(1).max(40)).max(500) })
  .strict();

/** A member of the supervision team: name, post ("Chủ tịch HĐND xã") and role in the team. */
const memberInput = z
  .object({
    name: z.string().trim().min(1).max(200),
    position: z.string().trim().max(300).default(''),
    role: z.string().trim().min(1).max(200),
  })
  .strict();

const recommendationInput = z
  .object({ audience: z.enum(['leadership', 'officers']), text: line })
  .strict();

/** The notice's text besides the findings and recommendations (seed 002). */
export const supervisionDocumentInput = z
  .object({
    body: shortText.default(''),
    noticeNumber: shortText.default(''),
    noticeDate: isoDate.nullable().default(null),
    place: shortText.default(''),
    title: z.string().trim().max(1000).default(''),
    meetingDate: isoDate.nullable().default(null),
    /** The unit's reports examined ("Báo cáo số 111/BC-UBND ngày 29/8/2023"). */
    reports: lines.default([]),
    background: lines.default([]),
    strengths: lines.default([]),
    limitations: lines.default([]),
    recipients: lines.default([]),
    signerTitle: shortText.default(''),
    signerName: shortText.default(''),
  })
  .strict();

const supervisionFields = {
  planNumber: z.string().trim().min(1).max(200),
  planDate: isoDate.nullable().default(null),
  periodFrom: isoDate,
  periodTo: isoDate,
  periodLabel: shortText.default(''),
  members: z.array(memberInput).min(1).max(50),
  campaignId: idNumber.nullable().default(null),
  sourceUnitId: idNumber.nullable().default(null),
  recommendations: z.array(recommendationInput).max(100).default([]),
  document: supervisionDocumentInput.default(supervisionDocumentInput.parse({})),
};

export const createSupervisionBody = z.object({ unitId: idNumber, ...supervisionFields }).strict();

export const updateSupervisionBody = z.object({ version: idNumber, ...supervisionFields }).strict();

export const findingBody = z
  .object({
    group: z.enum(FINDING_GROUPS),
    code: z.string().trim().min(1).max(40),
    title: z.string().trim().min(1).max(1000),
    maxHundredths: points.nullable().default(null),
    selfHundredths: points.nullable().default(null),
    appraisedHundredths: points.nullable().default(null),
    reason: z.string().trim().max(4000).default(''),
    reference: shortText.default(''),
  })
  .strict();

export type PlanInput = z.input<typeof createPlanBody>;
export type PlanUpdateInput = z.input<typeof updatePlanBody>;
export type ProgressInput = z.input<typeof progressBody>;
export type WhatIfInput = z.input<typeof whatIfBody>;
export type TaskInput = z.input<typeof createTaskBody>;
export type TaskUpdateInput = z.input<typeof updateTaskBody>;
export type SupervisionInput = z.input<typeof createSupervisionBody>;
export type SupervisionUpdateInput = z.input<typeof updateSupervisionBody>;
export type FindingInput = z.input<typeof findingBody>;
