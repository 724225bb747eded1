/** Schemas shared by several features: ids, paging, dates, the error body. */
import { z } from 'zod';

/** The largest value of the database's `integer` columns: ids, versions. */
export const MAX_INT = 2_147_483_647;

/**
 * An id or a version in a JSON body: a positive whole number the database's integer columns hold,
 * so 2^31 or 2^63 is a 400 naming the field, not a database error.
 */
export const idNumber = z.number().int().positive().max(MAX_INT);

/** The same in a path parameter, a query string or a form field, read from its text. */
export const idText = z.coerce.number().int().positive().max(MAX_INT);

export const idParam = z.object({ id: idText });

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

/**
 * The successful answer of a file download, for the OpenAPI document: a binary body of one of the
 * given media types (Fastify sends a file's bytes or stream as they are; nothing is serialised).
 */
export function fileAnswer(description: string, ...mediaTypes: [string, ...string[]]) {
  const schema = z.any().meta({ type: 'string', format: 'binary' });
  return {
    description,
    content: Object.fromEntries(mediaTypes.map((type) => [type, { schema }])),
  };
}
