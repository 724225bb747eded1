/** Schemas shared by several features: ids, paging, dates, the error body. */
import { z } from 'zod';

export const idParam = z.object({ id: z.coerce.number().int().positive() });

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'field_format');

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

export const paging = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
};

/** Error responses every authenticated route may give. */
export const commonErrors = {
  400: errorBody,
  401: errorBody,
  403: errorBody,
  404: errorBody,
  409: errorBody,
};
