/** Query and path shapes of the unit tree; its bodies and answers are in the shared contract. */
import { z } from 'zod';
import { idText, paging } from '../../http/schemas.ts';

export const unitListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  parentId: z.union([z.literal('root'), idText]).optional(),
  kind: z.string().max(40).optional(),
  current: z.enum(['true', 'false']).optional(),
  ...paging,
});

/** A merger link named in the path: predecessor, then successor. */
export const lineageParams = z.object({
  predecessorId: idText,
  successorId: idText,
});
