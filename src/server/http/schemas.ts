/** Schemas shared by several features: ids, paging, dates, the error body. */
import { z } from 'zod';
import { errorBody } from '../../shared/contract/errors.ts';
import { MAX_INT, idNumber, idText, isoDate } from '../../shared/contract/fields.ts';

// Ids, versions, dates and the error body are declared with the contract the web app reads.
export { MAX_INT, errorBody, idNumber, idText, isoDate };

export const idParam = z.object({ id: idText });

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
