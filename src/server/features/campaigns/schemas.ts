/**
 * Path and query shapes of campaigns: a unit of a campaign and its entry, the appraiser's queue,
 * the results. Every body is declared in src/shared/contract/campaigns.ts.
 */
import { z } from 'zod';
import { idText, paging } from '../../http/schemas.ts';

export const campaignUnitParams = z.object({
  id: idText,
  unitId: idText,
});
export const entryParams = campaignUnitParams.extend({ code: z.string().trim().min(1).max(40) });

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
