/**
 * Calls of the SIPAS staff screens: survey campaigns, questionnaires, indexes with their formulas,
 * answers and suggestions, paper entry, the import of answer files, and PAR survey points.
 */
import type { Questionnaire } from '@domain/sipas/questionnaire.ts';
import { api, apiUpload, type QueryValue } from '../../lib/api-client.ts';

export type SipasStatus = 'setup' | 'open' | 'closed';
export type OverallMethod = 'element-mean' | 'overall-question';

/** Collection channels a campaign may enable (the server's list). */
export const SIPAS_CHANNELS = [
  'web',
  'qr',
  'dossier_link',
  'paper',
  'kiosk',
  'offline',
  'import',
] as const;
export type SipasChannel = (typeof SIPAS_CHANNELS)[number];

export interface SipasCampaignSummary {
  id: number;
  name: string;
  periodStart: string;
  periodEnd: string;
  status: string;
  ownerName: string | null;
  canManage: boolean;
}

export interface ServiceField {
  id: string;
  name: string;
}

export interface SipasCampaign {
  id: number;
  name: string;
  periodStart: string;
  periodEnd: string;
  status: SipasStatus;
  ownerUnitId: number | null;
  ownerName: string | null;
  questionnaireId: number;
  questionnaireCode: string;
  questionnaireVersion: string;
  fields: ServiceField[];
  channels: string[];
  satisfiedLevels: number[];
  satisfiedLabel: string;
  overallMethod: OverallMethod;
  overallMethodLabel: string;
  /** Hundredths of a percent: 500 = 5 %. */
  marginOfError: number;
  units: Array<{
    unitId: number;
    code: string;
    name: string;
    transactions: Record<string, number>;
  }>;
  responses: number;
  version: number;
}

export interface CampaignInput {
  name: string;
  periodStart: string;
  periodEnd: string;
  status: SipasStatus;
  ownerUnitId: number | null;
  questionnaireId: number;
  fields: ServiceField[];
  channels: SipasChannel[];
  satisfiedLevels: number[];
  overallMethod: OverallMethod;
  marginOfError: number;
  units: Array<{ unitId: number; transactions: Record<string, number> }>;
}

export interface Ratio {
  num: number;
  den: number;
}

export interface IndexResult {
  ratio: Ratio | null;
  hundredths: number | null;
  text: string;
  formula: string;
}

export interface Tally {
  counts: Record<string, number>;
  noAnswer: number;
}

export interface QuestionIndex {
  questionId: string;
  elementId: string | null;
  text: string;
  tally: Tally;
  index: IndexResult;
}

export interface ScopeIndexes {
  responses: number;
  elements: Array<{ elementId: string; name: string; tally: Tally; index: IndexResult }>;
  questions: QuestionIndex[];
  overallQuestion: QuestionIndex;
  elementMean: IndexResult;
  overallShare: IndexResult;
  published: { method: string; methodLabel: string; index: IndexResult };
}

export interface LevelRow {
  key: string;
  label: string;
  valid: number;
  noAnswer: number;
  cells: Array<{
    level: number | string;
    count: number;
    percent: number | null;
    text: string;
    formula: string;
  }>;
  satisfied: number;
  index: IndexResult;
  summary: string;
}

export interface Progress {
  unitId: number;
  fieldId: string;
  collected: number;
  target: number;
  remaining: number;
  reached: boolean;
  ratio: Ratio | null;
  formula: string;
  transactions: number;
  sampleFormula: string;
}

export interface IndexesView {
  campaignId: number;
  unitId: number | null;
  fieldId: string | null;
  satisfiedLevels: number[];
  satisfiedLabel: string;
  overallMethod: string;
  overallMethodLabel: string;
  all: ScopeIndexes;
  byUnit: Array<{ unitId: number; name: string; indexes: ScopeIndexes }>;
  byField: Array<{ fieldId: string; name: string; indexes: ScopeIndexes }>;
  byUnitField: Array<{ unitId: number; fieldId: string; indexes: ScopeIndexes }>;
  table: {
    columns: Array<{ level: number; label: string }>;
    rows: LevelRow[];
    totals: LevelRow;
    satisfiedLabel: string;
    rounding: string;
    note: string;
  };
  alternatives: Array<{
    satisfiedLevels: number[];
    satisfiedLabel: string;
    overallShare: IndexResult;
    elementMean: IndexResult;
    published: IndexResult;
  }>;
  progress: Progress[];
}

export interface ResponseItem {
  id: number;
  unitId: number;
  unitName: string;
  fieldId: string;
  channel: string;
  answers: Record<string, unknown>;
  profile: Record<string, unknown>;
  suggestion: string | null;
  clientId: string;
  dossierCode: string | null;
  paperSerial: string | null;
  receivedAt: string;
}

export interface QuestionnaireView {
  id: number;
  code: string;
  version: string;
  name: string;
  inUse: boolean;
  document: Questionnaire;
  updatedAt: string;
}

export interface PaperInput {
  clientId: string;
  unitId: number;
  fieldId: string;
  paperSerial: string;
  answers: Record<string, number | string>;
  profile: Record<string, string>;
  suggestion: string | null;
}

export interface PaperAck {
  receipt: string;
  receivedAt: string;
  message: string;
  duplicate: boolean;
}

export interface ImportPreview {
  totalRows: number;
  columns: Array<{ index: number; header: string; samples: string[] }>;
  targets: Array<{ key: string; label: string; required: boolean }>;
  proposedMapping: Record<string, string | null>;
  rows: Array<{
    row: number;
    values: Record<string, string>;
    problems: Array<{ column: string; message: string }>;
  }>;
}

/** What the entry screens need: the questionnaire, fields and the units the user may enter. */
export interface EntryForm {
  campaignId: number;
  campaignName: string;
  status: string;
  channels: string[];
  questionnaire: Questionnaire;
  fields: ServiceField[];
  units: Array<{ id: number; name: string }>;
}

export interface SurveyPointsView {
  surveyMaxHundredths: number;
  items: Array<{
    unitId: number;
    name: string;
    index: IndexResult;
    points: { points: number; text: string; formula: string } | null;
  }>;
}

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
  list: (signal?: AbortSignal) =>
    api.get<{ items: SipasCampaignSummary[] }>('/sipas/campaigns', undefined, signal),
  get: (id: number, signal?: AbortSignal) => api.get<SipasCampaign>(base(id), undefined, signal),
  create: (input: CampaignInput) => api.post<SipasCampaign>('/sipas/campaigns', input),
  update: (id: number, input: CampaignInput & { version: number }) =>
    api.put<SipasCampaign>(base(id), input),
  remove: (id: number) => api.delete<void>(base(id)),
  indexes: (id: number, filter: ScopeFilter, signal?: AbortSignal) =>
    api.get<IndexesView>(`${base(id)}/indexes`, scopeQuery(filter), signal),
  responses: (
    id: number,
    query: ScopeFilter & { q?: string; suggestions?: boolean; limit: number; offset: number },
    signal?: AbortSignal,
  ) =>
    api.get<{ total: number; items: ResponseItem[] }>(
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
    return apiUpload<{ imported: number }>(`${base(id)}/import`, form);
  },
  surveyPoints: (id: number, surveyMax: number, signal?: AbortSignal) =>
    api.get<SurveyPointsView>(`${base(id)}/survey-points`, { surveyMax }, signal),
  questionnaires: (signal?: AbortSignal) =>
    api.get<{ items: QuestionnaireView[] }>('/sipas/questionnaires', undefined, signal),
  questionnaire: (id: number, signal?: AbortSignal) =>
    api.get<QuestionnaireView>(`/sipas/questionnaires/${id}`, undefined, signal),
  createQuestionnaire: (document: Questionnaire) =>
    api.post<QuestionnaireView>('/sipas/questionnaires', { document }),
  updateQuestionnaire: (id: number, document: Questionnaire) =>
    api.put<QuestionnaireView>(`/sipas/questionnaires/${id}`, { document }),
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
