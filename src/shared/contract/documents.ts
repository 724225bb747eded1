/**
 * What the official document routes answer and take: a document to draft, a drafting job and its
 * progress, the document types with their placeholders and the Word template in use for a unit.
 * Served through these schemas and read by the web app as types.
 */
import { z } from 'zod';
import { DOCUMENT_TYPES, type Placeholder } from '../../domain/documents/templates.ts';
import { idNumber } from './fields.ts';

export const documentType = z.enum(DOCUMENT_TYPES);

const PERIOD = /^\d{4}-Q[1-4]$/;

/**
 * What a document is about, and whether a PDF is made too (default yes); the server checks the
 * user may read all of it.
 */
export const draftBody = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('self_assessment_report'),
    campaignId: idNumber,
    unitId: idNumber,
    pdf: z.boolean().default(true),
  }),
  z.object({
    type: z.literal('campaign_report'),
    campaignId: idNumber,
    pdf: z.boolean().default(true),
  }),
  z.object({
    type: z.literal('remediation_plan'),
    planId: idNumber,
    pdf: z.boolean().default(true),
  }),
  z.object({
    type: z.literal('supervision_notice'),
    supervisionId: idNumber,
    pdf: z.boolean().default(true),
  }),
  z.object({
    type: z.literal('dossier_quarter_report'),
    unitId: idNumber,
    period: z.string().regex(PERIOD, 'field_format'),
    bands: z.string().max(100).optional(),
    pdf: z.boolean().default(true),
  }),
]);

/** What a document is about, as it was asked for. */
export const documentParams = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('self_assessment_report'),
    campaignId: z.number(),
    unitId: z.number(),
  }),
  z.object({ type: z.literal('campaign_report'), campaignId: z.number() }),
  z.object({
    type: z.literal('dossier_quarter_report'),
    unitId: z.number(),
    period: z.string(),
    bands: z.string().optional(),
  }),
  z.object({ type: z.literal('remediation_plan'), planId: z.number() }),
  z.object({ type: z.literal('supervision_notice'), supervisionId: z.number() }),
]);

/** A drafting job as it starts or is retried. */
export const documentJob = z.object({
  id: z.number(),
  type: z.string(),
  params: documentParams,
  status: z.enum(['queued', 'running', 'succeeded', 'failed', 'interrupted']),
  progress: z.number(),
  step: z.string().nullable(),
  fileName: z.string().nullable(),
  docxReady: z.boolean(),
  pdfStatus: z.enum(['none', 'running', 'ready', 'failed', 'unavailable']),
  error: z.object({ code: z.string(), params: z.record(z.string(), z.string()) }).nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  retriedBy: z.number().nullable(),
});

/** A job as it is followed: its error in the reader's language. */
export const documentJobState = documentJob.extend({ errorMessage: z.string().nullable() });

/** A name a template may use; a list or a condition names the ones used inside it. */
export const placeholder: z.ZodType<Placeholder> = z
  .lazy(() =>
    z.object({
      name: z.string(),
      kind: z.enum(['text', 'list', 'flag']),
      children: z.array(placeholder).readonly().optional(),
    }),
  )
  .meta({ id: 'DocumentPlaceholder' });

export const templateInfo = z.object({
  id: z.number(),
  unitId: z.number().nullable(),
  unitName: z.string().nullable(),
  fileName: z.string(),
  sizeBytes: z.number(),
  uploadedBy: z.string().nullable(),
  uploadedAt: z.string(),
});

export const templatesView = z.object({
  unitId: z.number().nullable(),
  pdfAvailable: z.boolean(),
  /** The units whose templates the reader manages (null: the national default), or all. */
  manages: z.union([z.array(z.number().nullable()), z.literal('all')]),
  types: z.array(
    z.object({
      type: documentType,
      placeholders: z.array(placeholder).readonly(),
      own: templateInfo.nullable(),
    }),
  ),
});

export type DraftRequest = z.input<typeof draftBody>;
export type DocumentJob = z.infer<typeof documentJob>;
export type DocumentJobState = z.infer<typeof documentJobState>;
export type TemplateInfo = z.infer<typeof templateInfo>;
export type TemplatesView = z.infer<typeof templatesView>;
