/** Calls to the API from the public pages: JSON, the page's language, a time limit for weak networks. */
import type { Questionnaire } from '@domain/sipas/questionnaire.ts';
import type { PublicLocale } from './texts.ts';

/** The form of a campaign as GET /api/v1/public/sipas/forms/:id (or a dossier link) returns it. */
export interface PublicForm {
  campaignId: number;
  campaignName: string;
  periodEnd: string;
  questionnaire: Questionnaire;
  units: { id: number; name: string }[];
  fields: { id: string; name: string }[];
  formToken: string;
  honeypot: 'website';
  minFillSeconds: number;
  dossier?: { code: string; unitId: number; fieldId: string };
}

/** The acknowledgement of a stored answer. */
export interface Acknowledgement {
  receipt: string;
  receivedAt: string;
  message: string;
}

/** An answer from the API: its status (0 = no network), body, and error code and message if any. */
export interface ApiResult<T> {
  status: number;
  data: T | null;
  code: string | null;
  message: string | null;
  /** The problems of a refused request, by field, when the API names them. */
  details?: { field?: string; message: string }[];
}

const TIME_LIMIT_MS = 30_000;

/** Sends a request; never throws (a network failure is status 0). */
export async function call<T>(
  method: 'GET' | 'POST',
  url: string,
  locale: PublicLocale,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<ApiResult<T>> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), TIME_LIMIT_MS);
  try {
    const response = await fetch(url, {
      method,
      credentials: 'same-origin',
      signal: abort.signal,
      headers: {
        accept: 'application/json',
        'accept-language': locale,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? null : JSON.stringify(body),
    });
    const json: unknown = await response.json().catch(() => null);
    if (response.ok) return { status: response.status, data: json as T, code: null, message: null };
    const error = (
      json as {
        error?: { code?: string; message?: string; details?: ApiResult<T>['details'] };
      } | null
    )?.error;
    return {
      status: response.status,
      data: null,
      code: error?.code ?? null,
      message: error?.message ?? null,
      ...(error?.details ? { details: error.details } : {}),
    };
  } catch {
    return { status: 0, data: null, code: null, message: null };
  } finally {
    clearTimeout(timer);
  }
}
