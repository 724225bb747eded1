/**
 * Calls of the campaign set-up page: the campaign with its survey source and bands, saving the
 * form, a criteria set's default bands, survey points per unit and from a SIPAS survey, score files
 * (preview, then import).
 */
import type { ClassBand } from '@domain/scoring/index.ts';
import { api, apiUpload } from '../../../lib/api-client.ts';
import type {
  CampaignDetail,
  CampaignUpdateInput,
  ImportSummary,
  ScoreFileRow,
  ScorePreview,
  SurveyFromSipas,
  SurveyFromSipasInput,
  SurveyPoints,
  SurveyPointsInput,
  SurveyRow,
  SurveySource,
} from '@shared/contract/campaigns.ts';

// The set-up page reads the campaign detail and saves the campaign's form (the server's shapes).
export type {
  CampaignDetail,
  CampaignUpdateInput,
  ImportSummary,
  ScoreFileRow,
  ScorePreview,
  SurveyRow,
  SurveySource,
};

const fileForm = (file: File) => {
  const form = new FormData();
  form.append('file', file);
  return form;
};

export const setupApi = {
  get: (id: number, signal?: AbortSignal) =>
    api.get<CampaignDetail>(`/campaigns/${id}`, undefined, signal),
  save: (id: number, input: CampaignUpdateInput) =>
    api.put<CampaignDetail>(`/campaigns/${id}`, input),
  setBands: (setId: number, signal?: AbortSignal) =>
    api
      .get<{ set: { bands: ClassBand[] } }>(`/criteria-sets/${setId}`, undefined, signal)
      .then((r) => r.set.bands),
  survey: (id: number, signal?: AbortSignal) =>
    api.get<SurveyPoints>(`/campaigns/${id}/survey`, undefined, signal),
  saveSurvey: (id: number, unitId: number, body: SurveyPointsInput) =>
    api.put<{ unitId: number; pointsHundredths: number }>(
      `/campaigns/${id}/units/${unitId}/survey`,
      body,
    ),
  sipasCampaigns: (signal?: AbortSignal) =>
    api.get<{ items: Array<{ id: number; name: string }> }>('/sipas/campaigns', undefined, signal),
  fromSipas: (id: number, body: SurveyFromSipasInput) =>
    api.post<SurveyFromSipas>(`/campaigns/${id}/survey/from-sipas`, body),
  // The wizard enrols the file's units not yet taking part; its preview shows how many first.
  preview: (id: number, file: File) =>
    apiUpload<ScorePreview>(`/campaigns/${id}/scores/preview?enrol=1`, fileForm(file)),
  importScores: (id: number, file: File) =>
    apiUpload<ImportSummary>(`/campaigns/${id}/scores/import?enrol=1`, fileForm(file)),
};
