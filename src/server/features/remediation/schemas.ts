/** Request shapes of remediation plans, their tasks, and People's Council supervisions. */
import { z } from 'zod';
import { FINDING_GROUPS } from '../../../domain/remediation/supervision.ts';
import { MEASURED_METRICS, TASK_STATUSES } from '../../../domain/remediation/plan.ts';
import { idNumber, idText, isoDate } from '../../http/schemas.ts';

const line = z.string().trim().min(1).max(2000);
const lines = z.array(line).max(50);
const shortText = z.string().trim().max(300);
const percent = z.number().int().min(0).max(10_000);
const points = z.number().int().min(0).max(100_000);

/** The text of the plan as an official document (seed 001): everything but its items and tasks. */
export const planDocument = z
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
export type PlanDocument = z.infer<typeof planDocument>;

export const createPlanBody = z
  .object({
    year: z.number().int().min(2000).max(2100),
    title: z.string().trim().min(1).max(1000).optional(),
    campaignId: idNumber,
    /** The unit scored in the campaign when it is a predecessor of the plan's unit. */
    sourceUnitId: idNumber.optional(),
    document: planDocument.optional(),
  })
  .strict();

export const updatePlanBody = z
  .object({
    version: idNumber,
    title: z.string().trim().min(1).max(1000),
    document: planDocument,
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
const member = z
  .object({
    name: z.string().trim().min(1).max(200),
    position: z.string().trim().max(300).default(''),
    role: z.string().trim().min(1).max(200),
  })
  .strict();

const recommendation = z
  .object({ audience: z.enum(['leadership', 'officers']), text: line })
  .strict();

/** The notice's text besides the findings and recommendations (seed 002). */
export const supervisionDocument = z
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
export type SupervisionDocument = z.infer<typeof supervisionDocument>;

const supervisionFields = {
  planNumber: z.string().trim().min(1).max(200),
  planDate: isoDate.nullable().default(null),
  periodFrom: isoDate,
  periodTo: isoDate,
  periodLabel: shortText.default(''),
  members: z.array(member).min(1).max(50),
  campaignId: idNumber.nullable().default(null),
  sourceUnitId: idNumber.nullable().default(null),
  recommendations: z.array(recommendation).max(100).default([]),
  document: supervisionDocument.default(supervisionDocument.parse({})),
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

export const listQuery = z.object({ unitId: idText.optional() });
