/**
 * Calls of the dossier screens: import (preview, job, sources), the dossier list and one dossier,
 * ratings (staff entry of the paper form, the public online form), the quarterly view, rates over
 * quarters, the Decision 766 dashboard, the class bands chosen per province and the province's
 * catalogue of procedures offered through the public postal service, the one-stop officials' names.
 */
import { api, apiUpload, type QueryValue } from '../../lib/api-client.ts';
// The answers' shapes are the server's own (src/shared/contract/dossiers.ts).
import type {
  BandSettings,
  BandsInput,
  CounterRatingInput,
  Dashboard766,
  Dossier,
  DossierOfficials,
  Evaluation,
  ImportJob,
  ImportPreview as Preview,
  IndicatorScore,
  ImportSource,
  MethodInput,
  MethodSettings,
  MethodValues,
  MethodView,
  OfficialInput,
  OnlineRatingInput,
  PostalCatalogue,
  PostalCatalogueInput,
  QuarterView,
  Rate,
  Rates,
  RateKey,
  RatesHistory,
  RatingReceipt,
  RowProblem,
  UnitResult,
} from '@shared/contract/dossiers.ts';

export type {
  BandSettings,
  Dashboard766,
  Dossier,
  DossierOfficials,
  Evaluation,
  ImportJob,
  Preview,
  IndicatorScore,
  ImportSource,
  MethodSettings,
  MethodValues,
  MethodView,
  PostalCatalogue,
  QuarterView,
  Rate,
  Rates,
  RatesHistory,
  RatingReceipt,
  RowProblem,
  UnitResult,
};

export const RATE_KEYS = [
  'on-time-or-early',
  'late',
  'online-full',
  'online-partial',
  'online-payment',
  'postal-procedures',
  'postal-dossiers',
] as const satisfies readonly RateKey[];
export type { RateKey };
export type { ClassBand as Band } from '@shared/contract/criteria.ts';

export interface ImportColumn {
  column: string;
  label: string;
  required: boolean;
}

export type ColumnMapping = Record<string, string>;

export interface DossierFilter {
  unitId?: number | undefined;
  period?: string | undefined;
  officialCode?: string | undefined;
  q?: string | undefined;
  timeliness?: string | undefined;
  rate?: RateKey | undefined;
  part?: 'numerator' | 'denominator' | undefined;
  /** The area whose view showed the figure (its unit's subtree is counted there). */
  within?: number | undefined;
  /** `own`: a unit's own desk, as its unit result counts it. */
  scope?: 'subtree' | 'own' | undefined;
}

function importForm(file: File, source: string, mapping: ColumnMapping | null): FormData {
  const form = new FormData();
  form.set('source', source);
  if (mapping) form.set('mapping', JSON.stringify(mapping));
  // The file goes last: the server reads the fields before streaming it.
  form.set('file', file);
  return form;
}

/** The address of the quarterly workbook (a plain link downloads it with the session cookie). */
export function quarterXlsxUrl(unitId: number, period: string): string {
  return `/api/v1/dossiers/quarter-view.xlsx?unitId=${unitId}&period=${encodeURIComponent(period)}`;
}

/** Late dossiers per page of the quarterly view's late list. */
export const LATE_PAGE = 10;

export const dossierApi = {
  columns: (signal?: AbortSignal) =>
    api.get<{ items: ImportColumn[] }>('/dossiers/columns', undefined, signal),
  sources: (signal?: AbortSignal) =>
    api.get<{ items: ImportSource[] }>('/dossiers/sources', undefined, signal),
  preview: (file: File, source: string, mapping: ColumnMapping | null) =>
    apiUpload<Preview>('/dossiers/import/preview', importForm(file, source, mapping)),
  startImport: (file: File, source: string, mapping: ColumnMapping | null) =>
    apiUpload<{ jobId: number }>('/dossiers/import', importForm(file, source, mapping)),
  job: (id: number, signal?: AbortSignal) =>
    api.get<ImportJob>(`/dossiers/jobs/${id}`, undefined, signal),
  retryJob: (id: number) => api.post<{ jobId: number }>(`/dossiers/jobs/${id}/retry`, {}),
  list: (filter: DossierFilter, limit: number, offset: number, signal?: AbortSignal) => {
    const { rate, part, within, scope, ...rest } = filter;
    const query: Record<string, QueryValue> = { ...rest, limit, offset };
    if (rate) {
      return api.get<{ items: Dossier[]; total: number }>(
        `/dossiers/rates/${rate}/dossiers`,
        {
          unitId: rest.unitId,
          period: rest.period,
          officialCode: rest.officialCode,
          within,
          scope,
          part,
          limit,
          offset,
        },
        signal,
      );
    }
    return api.get<{ items: Dossier[]; total: number }>('/dossiers', query, signal);
  },
  dossier: (code: string, signal?: AbortSignal) =>
    api.get<Dossier>(`/dossiers/by-code/${encodeURIComponent(code)}`, undefined, signal),
  enterRating: (code: string, ratings: (number | null)[], comment: string | null) =>
    api.post<Dossier>(`/dossiers/by-code/${encodeURIComponent(code)}/rating`, {
      ratings,
      comment,
    } satisfies CounterRatingInput),
  publicRating: (
    code: string,
    secret: string,
    ratings: (number | null)[],
    comment: string | null,
  ) =>
    api.post<{ code: string }>('/public/dossier-ratings', {
      code,
      secret,
      ratings,
      comment,
    } satisfies OnlineRatingInput),
  ratingReceipt: (code: string, signal?: AbortSignal) =>
    api.get<RatingReceipt>(
      `/dossiers/by-code/${encodeURIComponent(code)}/rating-receipt`,
      undefined,
      signal,
    ),
  /** The quarterly view, its late list's first page of LATE_PAGE dossiers. */
  quarter: (unitId: number, period: string, signal?: AbortSignal) =>
    api.get<QuarterView>(
      '/dossiers/quarter-view',
      { unitId, period, lateLimit: LATE_PAGE },
      signal,
    ),
  /** The view again for the late list's next page (after `cursor`, a page's nextCursor). */
  quarterLatePage: (unitId: number, period: string, cursor: string, signal?: AbortSignal) =>
    api.get<QuarterView>(
      '/dossiers/quarter-view',
      { unitId, period, lateLimit: LATE_PAGE, lateCursor: cursor },
      signal,
    ),
  history: (unitId: number, period: string, quarters: number, signal?: AbortSignal) =>
    api.get<RatesHistory>('/dossiers/rates-history', { unitId, period, quarters }, signal),
  dashboard: (unitId: number, period: string, signal?: AbortSignal) =>
    api.get<Dashboard766>('/dossiers/dashboard-766', { unitId, period }, signal),
  bands: (unitId: number, signal?: AbortSignal) =>
    api.get<BandSettings>('/dossiers/bands', { unitId }, signal),
  chooseBands: (unitId: number, presetId: string) =>
    api.put<BandSettings>('/dossiers/bands', { unitId, presetId } satisfies BandsInput),
  method: (unitId: number, signal?: AbortSignal) =>
    api.get<MethodSettings>('/dossiers/method', { unitId }, signal),
  saveMethod: (unitId: number, values: MethodValues) =>
    api.put<MethodSettings>('/dossiers/method', { unitId, ...values } satisfies MethodInput),
  postalCatalogue: (unitId: number, signal?: AbortSignal) =>
    api.get<PostalCatalogue>('/dossiers/postal-catalogue', { unitId }, signal),
  replacePostalCatalogue: (unitId: number, text: string) =>
    api.put<PostalCatalogue>('/dossiers/postal-catalogue', {
      unitId,
      text,
    } satisfies PostalCatalogueInput),
  uploadPostalCatalogue: (unitId: number, file: File) => {
    const form = new FormData();
    form.append('unitId', String(unitId));
    form.append('file', file);
    return apiUpload<PostalCatalogue>('/dossiers/postal-catalogue/file', form);
  },
  deletePostalCatalogue: (unitId: number) =>
    api.delete<PostalCatalogue>(`/dossiers/postal-catalogue?unitId=${unitId}`),
  officials: (unitId: number, signal?: AbortSignal) =>
    api.get<DossierOfficials>('/dossiers/officials', { unitId }, signal),
  addOfficial: (unitId: number, code: string, fullName: string) =>
    api.post<DossierOfficials>('/dossiers/officials', {
      unitId,
      code,
      fullName,
    } satisfies OfficialInput),
  renameOfficial: (unitId: number, code: string, fullName: string) =>
    api.put<DossierOfficials>('/dossiers/officials', {
      unitId,
      code,
      fullName,
    } satisfies OfficialInput),
  removeOfficial: (unitId: number, code: string) =>
    api.delete<DossierOfficials>(
      `/dossiers/officials?${new URLSearchParams({ unitId: String(unitId), code }).toString()}`,
    ),
  uploadOfficials: (unitId: number, file: File) => {
    const form = new FormData();
    form.append('unitId', String(unitId));
    form.append('file', file);
    return apiUpload<DossierOfficials & { imported: number }>('/dossiers/officials/file', form);
  },
};
