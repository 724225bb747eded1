/**
 * Application errors: services throw an `AppError` with a stable code, an HTTP-free kind and the
 * parameters of its message; `presentError` turns it into the one JSON shape every client reads.
 */
import type { Locale, MessageKey, MessageParams } from './i18n/messages.ts';
import { translate } from './i18n/messages.ts';

export type ErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'locked'
  | 'rate_limited'
  | 'too_large'
  | 'unsupported'
  | 'unavailable';

/** One located problem: a field of a form, or a row and column of a file. */
export interface ErrorDetail {
  field?: string;
  row?: number;
  column?: string;
  sheet?: string;
  key: MessageKey;
  params?: MessageParams;
}

/** An expected failure of a use-case, shown to the user in their language. */
export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: MessageKey,
    readonly params: MessageParams = {},
    readonly details: ErrorDetail[] = [],
  ) {
    super(translate('vi', code, params));
    this.name = 'AppError';
  }
}

export const statusOfKind: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  locked: 423,
  too_large: 413,
  unsupported: 415,
  rate_limited: 429,
  unavailable: 503,
};

export interface ErrorBody {
  error: {
    code: string;
    message: string;
    details?: Array<{
      field?: string;
      row?: number;
      column?: string;
      sheet?: string;
      message: string;
    }>;
  };
}

/** Renders an AppError as the API's error body in the given language. */
export function presentError(error: AppError, locale: Locale): ErrorBody {
  const body: ErrorBody = {
    error: { code: error.code, message: translate(locale, error.code, error.params) },
  };
  if (error.details.length > 0) {
    body.error.details = error.details.map((d) => ({
      ...(d.field !== undefined ? { field: d.field } : {}),
      ...(d.row !== undefined ? { row: d.row } : {}),
      ...(d.column !== undefined ? { column: d.column } : {}),
      ...(d.sheet !== undefined ? { sheet: d.sheet } : {}),
      message: translate(locale, d.key, d.params),
    }));
  }
  return body;
}

/** Shorthand for a 404 naming what was looked for (a catalogue key such as 'entity_unit'). */
export function notFound(what: MessageKey): AppError {
  return new AppError('not_found', 'not_found', { what: `@${what}` });
}
