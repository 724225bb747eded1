/**
 * Calls of the campaign set-up page: the campaign with its survey source and bands, saving the
 * form, a criteria set's default bands, survey points per unit and from a SIPAS survey, score files
 * (preview, then import).
 */
import type { ClassBand } from '@domain/scoring/index.ts';
import { api, apiUpload } from '../../../lib/api-client.ts';
import type { CampaignDetail, Deadlines } from '../api.ts';

export type SurveySource = 'entered' | 'imported' | 'sipas';

/** The campaign detail with what the set-up page edits besides the common fields. */
export type SetupDetail = CampaignDetail & {
  campaign: CampaignDetail['campaign'] & { surveySource: SurveySource; bands: ClassBand[] | null };
};

export interface SetupInput {
  name: string;
  year: number;
  deadlines: Deadlines;
  surveySource: SurveySource;
  bands: ClassBand[] | null;
  version: number;
  /** Sent only while in set-up (absent: unchanged). */
  appraisingUnitId?: number | null;
  criteriaSets?: Array<{
    unitKind: string;
    criteriaSetId: number;
    surveyMaxHundredths: number | null;
  }>;
}

export interface SurveyRow {
  unitId: number;
  unitCode: string;
  unitName: string;
  unitKind: string;
  surveyMaxHundredths: number | null;
  pointsHundredths: number | null;
  source: SurveySource | null;
}

export interface ScoreFileRow {
  row: number;
  unit_code: string;
  node_code: string;
  self: string;
  round1: string;
  round2: string;
  reason: string;
}

export interface ImportSummary {
  rows: number;
  scores: number;
  survey: number;
  unitsAdded: number;
  units: number;
}

export interface ScorePreview {
  totalRows: number;
  rows: ScoreFileRow[];
  problems: Array<{ row?: number; column?: string; message: string }>;
  summary: ImportSummary | null;
}

const fileForm = (file: File) => {
  const form = new FormData();
  form.append('file', file);
  return form;
};

export const setupApi = {
  get: (id: number, signal?: AbortSignal) =>
    api.get<SetupDetail>(`/campaigns/${id}`, undefined, signal),
  save: (id: number, input: SetupInput) => api.put<SetupDetail>(`/campaigns/${id}`, input),
  setBands: (setId: number, signal?: AbortSignal) =>
    api
      .get<{ set: { bands: ClassBand[] } }>(`/criteria-sets/${setId}`, undefined, signal)
      .then((r) => r.set.bands),
  survey: (id: number, signal?: AbortSignal) =>
    api.get<{ surveySource: SurveySource; items: SurveyRow[] }>(
      `/campaigns/${id}/survey`,
      undefined,
      signal,
    ),
  saveSurvey: (id: number, unitId: number, pointsHundredths: number) =>
    api.put<{ unitId: number; pointsHundredths: number }>(
      `/campaigns/${id}/units/${unitId}/survey`,
      { pointsHundredths },
    ),
  sipasCampaigns: (signal?: AbortSignal) =>
    api.get<{ items: Array<{ id: number; name: string }> }>('/sipas/campaigns', undefined, signal),
  fromSipas: (id: number, sipasCampaignId: number) =>
    api.post<{ applied: number; withoutAnswers: Array<{ unitId: number; unitName: string }> }>(
      `/campaigns/${id}/survey/from-sipas`,
      { sipasCampaignId },
    ),
  // The wizard enrols the file's units not yet taking part; its preview shows how many first.
  preview: (id: number, file: File) =>
    apiUpload<ScorePreview>(`/campaigns/${id}/scores/preview?enrol=1`, fileForm(file)),
  importScores: (id: number, file: File) =>
    apiUpload<ImportSummary>(`/campaigns/${id}/scores/import?enrol=1`, fileForm(file)),
};
