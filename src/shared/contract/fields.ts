/**
 * Field schemas the request bodies of several features share, here so a body the web sends can be
 * declared once in the contract: ids and versions, calendar dates. src/server/http/schemas.ts
 * serves the same objects to the routes.
 */
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

/** A calendar date, YYYY-MM-DD. */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'field_format');
