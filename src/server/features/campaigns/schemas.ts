/**
 * Request shapes of campaigns: participants and assignments, entries at each step, workflow
 * actions, queries. The campaign's form and the action on several units are declared in
 * src/shared/contract/campaigns.ts.
 */
import { z } from 'zod';
import { decisionFields } from '../../../shared/contract/campaigns.ts';
import { idNumber, idText, paging } from '../../http/schemas.ts';

export const participantsBody = z
  .object({
    unitIds: z.array(idNumber).max(10_000).optional(),
    unitCodes: z.array(z.string().trim().min(1).max(32)).max(10_000).optional(),
  })
  .strict();

export const assignmentsBody = z
  .object({
    assignments: z
      .array(
        z
          .object({
            userId: idNumber.optional(),
            username: z.string().trim().min(1).max(100).optional(),
            nodeCodes: z.array(z.string().trim().max(40)).min(1).max(500),
            unitKind: z.string().trim().max(40).nullable().optional(),
          })
          .strict(),
      )
      .max(500),
  })
  .strict();

export const campaignUnitParams = z.object({
  id: idText,
  unitId: idText,
});
export const entryParams = campaignUnitParams.extend({ code: z.string().trim().min(1).max(40) });

const inputValue = z.union([
  z.number(),
  z.boolean(),
  z.string().max(40),
  z.null(),
  z.object({ numerator: z.number().int().min(0), denominator: z.number().int().min(0) }).strict(),
]);

const evidenceIds = z.array(idNumber).max(100).default([]);

export const selfEntryBody = z
  .object({
    version: z.number().int().min(0),
    inputs: z.record(z.string().max(40), inputValue),
    explanation: z.string().max(20_000).nullable().optional(),
    evidence: evidenceIds,
  })
  .strict();

export const round1Body = z
  .object({
    version: z.number().int().min(0),
    scoreHundredths: z.number().int().min(0).max(10_000_000).nullable(),
    notApplicable: z.boolean().optional(),
    reason: z.string().max(20_000).nullable().optional(),
    needsExplanation: z.boolean().optional(),
  })
  .strict();

export const explanationBody = z
  .object({ version: z.number().int().min(0), text: z.string().max(20_000), evidence: evidenceIds })
  .strict();

export const round2Body = z
  .object({
    version: z.number().int().min(0),
    disposition: z.enum(['addressed', 'defended', 'still_open']),
    scoreHundredths: z.number().int().min(0).max(10_000_000).nullable().optional(),
    reason: z.string().max(20_000),
  })
  .strict();

export const actionBody = z
  .object({
    reason: z.string().max(5000).optional(),
    until: z.string().max(40).nullable().optional(),
    version: idNumber.optional(),
    ...decisionFields,
  })
  .strict()
  .default({});

/** Publishing every approved result at once, by one decision. */
export const publishAllBody = z.object(decisionFields).strict().default({});

export const surveyBody = z
  .object({ pointsHundredths: z.number().int().min(0).max(10_000_000) })
  .strict();

export const queueQuery = z.object({
  ...paging,
  round: z.coerce.number().int().min(1).max(2).default(1),
  unitId: idText.optional(),
  onlyOpen: z.enum(['true', 'false']).optional(),
});

export const resultsQuery = z.object({
  unitKind: z.string().max(40).optional(),
  classLabel: z.string().max(60).optional(),
  q: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(10_000).optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
  cursor: z.string().max(20).optional(),
});

/** The council chair accepts the self score of sub-criteria no appraiser is assigned to. */
export const acceptSelfScoresBody = z
  .object({
    codes: z.array(z.string().trim().min(1).max(50)).min(1).max(500),
    reason: z.string().max(5000),
  })
  .strict();
