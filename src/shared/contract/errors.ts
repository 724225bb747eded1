/**
 * What every route answers when it refuses: a stable code, the message in the caller's language
 * and, for bad input, each problem located (field, row, column, sheet). Served through this schema,
 * read by the web app's API client as types.
 */
import { z } from 'zod';

export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z
      .array(
        z.object({
          field: z.string().optional(),
          row: z.number().optional(),
          column: z.string().optional(),
          sheet: z.string().optional(),
          message: z.string(),
        }),
      )
      .optional(),
  }),
});

export type ErrorBody = z.infer<typeof errorBody>;
export type ErrorDetail = NonNullable<ErrorBody['error']['details']>[number];
