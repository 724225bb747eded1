/**
 * Turns schema validation failures into located, translated problems: which field, what is wrong.
 * A schema may also fail with a catalogue key as its message (`refine(…, { message: 'unit_validity' })`).
 */
import type { FastifySchemaValidationError } from 'fastify';
import { AppError, type ErrorDetail } from '../errors.ts';
import { catalogues, type MessageKey } from '../i18n/messages.ts';
import { idText, MAX_INT } from './schemas.ts';

function fieldName(context: string | undefined, instancePath: string): string {
  const path = instancePath.replace(/^\//, '').replace(/\//g, '.');
  if (path) return path;
  return context === 'querystring' ? 'query' : (context ?? 'body');
}

/** Maps the validation errors of one request to error details. */
export function validationDetails(
  errors: FastifySchemaValidationError[],
  context: string | undefined,
): ErrorDetail[] {
  return errors.map((e): ErrorDetail => {
    const field = fieldName(context, e.instancePath);
    const p = e.params as Record<string, unknown>;
    if (e.message && e.message in catalogues.vi)
      return { field, key: e.message as MessageKey, params: { field } };
    switch (e.keyword) {
      case 'invalid_type': {
        if (p.input === undefined) return { field, key: 'field_required', params: { field } };
        const expected = String(p.expected ?? 'string');
        const typeKey =
          (`type_${expected === 'int' ? 'integer' : expected}` as MessageKey) in catalogues.vi
            ? `@type_${expected === 'int' ? 'integer' : expected}`
            : expected;
        return { field, key: 'field_type', params: { field, expected: typeKey } };
      }
      case 'too_small':
        return p.origin === 'string'
          ? { field, key: 'field_too_short', params: { field, min: Number(p.minimum) } }
          : { field, key: 'field_too_small', params: { field, min: Number(p.minimum) } };
      case 'too_big':
        return p.origin === 'string'
          ? { field, key: 'field_too_long', params: { field, max: Number(p.maximum) } }
          : { field, key: 'field_too_big', params: { field, max: Number(p.maximum) } };
      case 'invalid_format':
        return { field, key: 'field_format', params: { field } };
      case 'invalid_value':
        return {
          field,
          key: 'field_enum',
          params: { field, options: Array.isArray(p.values) ? p.values.join(', ') : '' },
        };
      case 'unrecognized_keys': {
        const keys = Array.isArray(p.keys) ? p.keys.join(', ') : field;
        return { field: keys, key: 'field_unknown', params: { field: keys } };
      }
      default:
        return { field, key: 'field_invalid', params: { field } };
    }
  });
}

/**
 * An id sent as a multipart form field (beside an uploaded file, so outside the route's schema):
 * null when the field is absent or empty, a 400 naming the field when it is not an id the
 * database's integer columns hold.
 */
export function formFieldId(value: string | undefined, field: string): number | null {
  if (value === undefined || value.trim() === '') return null;
  const parsed = idText.safeParse(value);
  if (parsed.success) return parsed.data;
  const n = Number(value);
  const detail: ErrorDetail = !Number.isInteger(n)
    ? { field, key: 'field_type', params: { field, expected: '@type_integer' } }
    : n < 1
      ? { field, key: 'field_too_small', params: { field, min: 1 } }
      : { field, key: 'field_too_big', params: { field, max: MAX_INT } };
  throw new AppError('invalid', 'validation_failed', {}, [detail]);
}
