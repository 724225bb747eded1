/** The field app's calls to the API, signed in as the enumerator. */
import type { Questionnaire } from '@domain/sipas/questionnaire.ts';
import { call, type ApiResult } from '../public-form/api.ts';
import type { PublicLocale } from '../public-form/texts.ts';
import type { FieldSurveyForm, FieldSurveyReceipt } from '@shared/contract/social-survey.ts';
import type { PendingAnswer, PendingSurveyAnswer } from './store.ts';

export type { FieldSurveyForm };

/** A campaign as the field app keeps it (GET /api/v1/sipas/collection-forms). */
export interface CollectionForm {
  campaignId: number;
  campaignName: string;
  periodEnd: string;
  questionnaire: Questionnaire;
  units: { id: number; name: string }[];
  fields: { id: string; name: string }[];
}

/** One item of the batch upload's answer. */
export interface BatchItemResult {
  clientId: string;
  status: 'accepted' | 'duplicate' | 'rejected';
  message?: string;
  problems?: { field: string; message: string }[];
}

/** The largest batch the server takes. */
export const MAX_BATCH = 500;

let csrfToken: string | null = null;

/** Who is signed in (and the anti-forgery token for uploads); status 401 when no one. */
export async function whoAmI(
  locale: PublicLocale,
): Promise<ApiResult<{ user: { fullName: string } }>> {
  const result = await call<{ user: { fullName: string }; csrfToken: string }>(
    'GET',
    '/api/v1/auth/me',
    locale,
  );
  if (result.data) csrfToken = result.data.csrfToken;
  return result;
}

/** The forms to collect offline. */
export function fetchForms(locale: PublicLocale): Promise<ApiResult<{ items: CollectionForm[] }>> {
  return call('GET', '/api/v1/sipas/collection-forms', locale);
}

/** Uploads answers; each is stored once by its client id, whatever happened to earlier uploads. */
export async function uploadBatch(
  locale: PublicLocale,
  items: PendingAnswer[],
): Promise<ApiResult<{ items: BatchItemResult[] }>> {
  if (csrfToken === null) {
    const me = await whoAmI(locale);
    if (!me.data) return { status: me.status, data: null, code: me.code, message: me.message };
  }
  const body = {
    items: items.map(({ savedAt: _savedAt, ...item }) => item),
  };
  const post = () =>
    call<{ items: BatchItemResult[] }>('POST', '/api/v1/sipas/responses/batch', locale, body, {
      'x-csrf-token': csrfToken ?? '',
    });
  const result = await post();
  if (result.code !== 'csrf_invalid') return result;
  // A new session since the token was read (signed in again in another tab): read it again.
  const me = await whoAmI(locale);
  return me.data ? post() : result;
}

/** The open sociological surveys to collect offline (ADR 46). */
export function fetchSurveyForms(
  locale: PublicLocale,
): Promise<ApiResult<{ items: FieldSurveyForm[] }>> {
  return call('GET', '/api/v1/social-survey/collection-forms', locale);
}

/** Sends one sociological-survey questionnaire; its client id makes a repeat count once. */
export async function uploadSurveyAnswer(
  locale: PublicLocale,
  item: PendingSurveyAnswer,
): Promise<ApiResult<FieldSurveyReceipt>> {
  if (csrfToken === null) {
    const me = await whoAmI(locale);
    if (!me.data) return { status: me.status, data: null, code: me.code, message: me.message };
  }
  const body = {
    campaignId: item.campaignId,
    clientId: item.clientId,
    unitId: item.unitId,
    group: item.group,
    answers: item.answers,
  };
  const post = () =>
    call<FieldSurveyReceipt>('POST', '/api/v1/social-survey/field-responses', locale, body, {
      'x-csrf-token': csrfToken ?? '',
    });
  const result = await post();
  if (result.code !== 'csrf_invalid') return result;
  const me = await whoAmI(locale);
  return me.data ? post() : result;
}
