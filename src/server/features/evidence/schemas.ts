/**
 * Path and query shapes of the evidence library and the answers the contract does not hold; the
 * upload form's fields and the document's edit are declared in src/shared/contract/evidence.ts.
 */
import { z } from 'zod';
import * as evidenceContract from '../../../shared/contract/evidence.ts';
import { DOCUMENT_TYPES } from '../../../shared/contract/evidence.ts';
import { idText, paging } from '../../http/schemas.ts';

// The kinds of documents belong to the contract the web app reads.
export { DOCUMENT_TYPES, type DocumentType } from '../../../shared/contract/evidence.ts';

export const unitIdParam = z.object({ unitId: idText });

export const listQuery = z.object({
  q: z.string().trim().max(100).optional(),
  type: z.enum(DOCUMENT_TYPES).optional(),
  ...paging,
});

export const downloadQuery = z.object({
  version: idText.optional(),
  inline: z.enum(['1', '0', 'true', 'false']).optional(),
});

/** What a sub-criterion needs of its evidence, to compute findings against (all optional). */
export const checkQuery = z.object({
  version: idText.optional(),
  kind: z.enum(DOCUMENT_TYPES).exclude(['photo']).optional(),
  signed: z.enum(['1', '0', 'true', 'false']).optional(),
  deadline: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'field_format')
    .optional(),
  year: z.coerce.number().int().min(2000).max(2200).optional(),
  // A campaign and sub-criterion code: the requirement configured on that node, in the campaign's year.
  campaign: idText.optional(),
  node: z
    .string()
    .regex(/^[0-9A-Za-z]+(\.[0-9A-Za-z]+)*$/, 'field_format')
    .max(40)
    .optional(),
});

export const riskParams = z.object({
  campaignId: idText,
  unitId: idText,
});

const finding = z.object({
  code: z.string(),
  severity: z.enum(['problem', 'warning']),
  message: z.string(),
});

/** The pre-submission check of a unit's self-assessment (src/server/features/evidence/check.service.ts). */
export const riskReport = z.object({
  campaignId: z.number(),
  unitId: z.number(),
  year: z.number(),
  pending: z.number(),
  checked: z.number(),
  pointsAtRisk: z.number(),
  risks: z.array(
    z.object({
      nodeCode: z.string(),
      nodeTitle: z.string(),
      pointsAtRisk: z.number(),
      claimedHundredths: z.number(),
      documentId: z.number().nullable(),
      documentTitle: z.string().nullable(),
      documentNumber: z.string().nullable(),
      status: z.enum(['pending', 'done', 'unreadable']).nullable(),
      error: z.string().nullable(),
      errorMessage: z.string().nullable(),
      findings: z.array(finding),
    }),
  ),
});

export const checkResult = evidenceContract.checkResult;

/** A batch re-check of a unit's evidence library and how far it has gone. */
export const recheckProgress = z.object({
  id: z.number(),
  unitId: z.number(),
  createdAt: z.string(),
  total: z.number(),
  checked: z.number(),
  unreadable: z.number(),
  done: z.boolean(),
});
