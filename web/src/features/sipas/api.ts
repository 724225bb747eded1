/**
 * Calls of the SIPAS staff screens: survey campaigns, questionnaires, indexes with their formulas,
 * answers and suggestions, paper entry, the import of answer files, and PAR survey points.
 */
import type { Questionnaire } from '@domain/sipas/questionnaire.ts';
import type {
  EntryForm,
  ImportResult,
  IndexesView,
  IndexResult,
  LevelRow,
  OverallMethod,
  PaperAck,
  PaperInput,
  Progress,
  QuestionIndex,
  QuestionnaireInput,
  QuestionnaireList,
  QuestionnaireView,
  Ratio,
  ResponseItem,
  ResponsePage,
  ScopeIndexes,
  ServiceField,
  SipasCampaign,
  SipasCampaignInput,
  SipasCampaignList,
  SipasCampaignSummary,
  SipasCampaignUpdate,
  SipasChannel,
  SipasImportPreview as ImportPreview,
  SipasStatus,
  SurveyPointsView,
  Tally,
} from '@shared/contract/sipas.ts';
import { api, apiUpload, type QueryValue } from '../../lib/api-client.ts';

// The answers and bodies are the server's own shapes (src/shared/contract/sipas.ts).
export type {
  EntryForm,
  ImportPreview,
  IndexesView,
  IndexResult,
  LevelRow,
  OverallMethod,
  PaperAck,
  PaperInput,
  Progress,
  QuestionIndex,
  QuestionnaireView,
  Ratio,
  ResponseItem,
  ScopeIndexes,
  ServiceField,
  SipasCampaign,
  SipasCampaignSummary,
  SipasChannel,
  SipasStatus,
  SurveyPointsView,
  Tally,
};
export type { SipasCampaignInput as CampaignInput };

/** Collection channels a campaign may enable (the server's list, in the order the form shows). */
export const SIPAS_CHANNELS = [
  'web',
  'qr',
  'dossier_link',
  'paper',
  'kiosk',
  'offline',
  'import',
] as const satisfies readonly SipasChannel[];

const base = (id: number) => `/sipas/campaigns/${id}`;

/** Query of the index and answer screens: a unit, a field. */
export interface ScopeFilter {
  unit?: number | undefined;
  field?: string | undefined;
}

function scopeQuery(filter: ScopeFilter): Record<string, QueryValue> {
  return { unit: filter.unit, field: filter.field };
}

export const sipasApi = {
  list: (signal?: AbortSignal) => api.get<SipasCampaignList>('/sipas/campaigns', undefined, signal),
  get: (id: number, signal?: AbortSignal) => api.get<SipasCampaign>(base(id), undefined, signal),
  create: (input: SipasCampaignInput) => api.post<SipasCampaign>('/sipas/campaigns', input),
  update: (id: number, input: SipasCampaignUpdate) => api.put<SipasCampaign>(base(id), input),
  remove: (id: number) => api.delete<void>(base(id)),
  indexes: (id: number, filter: ScopeFilter, signal?: AbortSignal) =>
    api.get<IndexesView>(`${base(id)}/indexes`, scopeQuery(filter), signal),
  responses: (
    id: number,
    query: ScopeFilter & { q?: string; suggestions?: boolean; limit: number; offset: number },
    signal?: AbortSignal,
  ) =>
    api.get<ResponsePage>(
      `${base(id)}/responses`,
      {
        ...scopeQuery(query),
        q: query.q,
        suggestions: query.suggestions ? 'true' : undefined,
        limit: query.limit,
        offset: query.offset,
      },
      signal,
    ),
  entryForm: (id: number, signal?: AbortSignal) =>
    api.get<EntryForm>(`${base(id)}/entry-form`, undefined, signal),
  enterPaper: (id: number, input: PaperInput) =>
    api.post<PaperAck>(`${base(id)}/responses/paper`, input),
  previewImport: (id: number, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return apiUpload<ImportPreview>(`${base(id)}/import/preview`, form);
  },
  checkImport: (id: number, file: File, mapping: Record<string, string | null>) => {
    const form = new FormData();
    form.append('mapping', JSON.stringify(mapping));
    form.append('file', file);
    return apiUpload<ImportPreview>(`${base(id)}/import/check`, form);
  },
  importFile: (id: number, file: File, mapping: Record<string, string | null>) => {
    const form = new FormData();
    // The server reads the mapping before the file.
    form.append('mapping', JSON.stringify(mapping));
    form.append('file', file);
    return apiUpload<ImportResult>(`${base(id)}/import`, form);
  },
  surveyPoints: (id: number, surveyMax: number, signal?: AbortSignal) =>
    api.get<SurveyPointsView>(`${base(id)}/survey-points`, { surveyMax }, signal),
  questionnaires: (signal?: AbortSignal) =>
    api.get<QuestionnaireList>('/sipas/questionnaires', undefined, signal),
  questionnaire: (id: number, signal?: AbortSignal) =>
    api.get<QuestionnaireView>(`/sipas/questionnaires/${id}`, undefined, signal),
  createQuestionnaire: (document: Questionnaire) =>
    api.post<QuestionnaireView>('/sipas/questionnaires', {
      document,
    } satisfies QuestionnaireInput),
  updateQuestionnaire: (id: number, document: Questionnaire) =>
    api.put<QuestionnaireView>(`/sipas/questionnaires/${id}`, {
      document,
    } satisfies QuestionnaireInput),
  importQuestionnaire: (file: File) => {
    const form = new FormData();
    form.append('file', file);
    return apiUpload<QuestionnaireView>('/sipas/questionnaires/import', form);
  },
};

/** Address of the Excel export of the indexes. */
export const indexesXlsxUrl = (id: number, filter: ScopeFilter = {}): string => {
  const params = new URLSearchParams();
  if (filter.unit) params.set('unit', String(filter.unit));
  if (filter.field) params.set('field', filter.field);
  const q = params.toString();
  return `/api/v1/sipas/campaigns/${id}/indexes.xlsx${q ? `?${q}` : ''}`;
};

/** Address of a questionnaire's Excel export (one row per question). */
export const questionnaireXlsxUrl = (id: number): string =>
  `/api/v1/sipas/questionnaires/${id}/export.xlsx`;

/** Address of a questionnaire's JSON export. */
export const questionnaireJsonUrl = (id: number): string =>
  `/api/v1/sipas/questionnaires/${id}/export`;
