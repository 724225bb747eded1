/**
 * Request shapes of criteria sets: copying a set and the list query. The other bodies (a set's
 * fields, its tree, the mapping) are declared in src/shared/contract/criteria.ts.
 */
import { z } from 'zod';

export const copyBody = z
  .object({ year: z.number().int().min(2000).max(2100), name: z.string().trim().min(1).max(300) })
  .strict();

export const listQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  unitKind: z.string().max(40).optional(),
});
