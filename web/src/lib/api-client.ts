/**
 * The one way the web app talks to the API: same-origin fetch with the session cookie, the
 * anti-forgery header on state-changing calls, the chosen language as Accept-Language, and every
 * failure turned into an `ApiError` carrying the server's (already translated) message and the
 * problems of each field.
 */
import type { ErrorBody, ErrorDetail as ApiErrorDetail } from '@shared/contract/errors.ts';
import { currentLanguage, i18n } from '../i18n/i18n.ts';

const API_BASE = '/api/v1';

/** One located problem, as the server reports it. */
export type { ApiErrorDetail };

/** A failed call: HTTP status (0 when the server could not be reached), stable code, message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: readonly ApiErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The message about one form field, if the server sent one. */
  fieldMessage(field: string): string | undefined {
    return this.details.find((d) => d.field === field)?.message;
  }

  /** Problems not tied to any of the given fields (to show above a form). */
  otherDetails(fields: readonly string[]): ApiErrorDetail[] {
    return this.details.filter((d) => d.field === undefined || !fields.includes(d.field));
  }
}

let csrfToken: string | null = null;

/** Remembers the anti-forgery token of the current session (null after sign-out). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export type QueryValue = string | number | boolean | null | undefined;

function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return `${API_BASE}${path}${search ? `?${search}` : ''}`;
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { message?: unknown }).message === 'string' &&
    typeof (error as { code?: unknown }).code === 'string'
  );
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** Calls the API and returns the parsed JSON answer (undefined for 204). */
export async function apiRequest<T>(
  method: Method,
  path: string,
  options: { query?: Record<string, QueryValue>; body?: unknown; signal?: AbortSignal } = {},
): Promise<T> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': currentLanguage(),
  };
  const isForm = options.body instanceof FormData;
  // A multipart body sets its own content type, boundary included.
  if (options.body !== undefined && !isForm) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body:
        options.body === undefined
          ? null
          : isForm
            ? (options.body as FormData)
            : JSON.stringify(options.body),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network_error', i18n.t('errors.network'));
  }

  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (response.ok) return body as T;
  if (isErrorBody(body)) {
    throw new ApiError(
      response.status,
      body.error.code,
      body.error.message,
      body.error.details ?? [],
    );
  }
  throw new ApiError(
    response.status,
    'unexpected_response',
    i18n.t('errors.unexpected', { status: response.status }),
  );
}

/** Sends a file (multipart form) and returns the parsed JSON answer. */
export function apiUpload<T>(path: string, form: FormData): Promise<T> {
  return apiRequest<T>('POST', path, { body: form });
}

export const api = {
  get: <T>(path: string, query?: Record<string, QueryValue>, signal?: AbortSignal) =>
    apiRequest<T>('GET', path, { ...(query ? { query } : {}), ...(signal ? { signal } : {}) }),
  post: <T>(path: string, body?: unknown) => apiRequest<T>('POST', path, { body: body ?? {} }),
  put: <T>(path: string, body: unknown) => apiRequest<T>('PUT', path, { body }),
  delete: <T>(path: string) => apiRequest<T>('DELETE', path),
};
