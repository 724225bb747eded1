/**
 * Calls of the sociological survey screens (điều tra xã hội học, ADR 35): the survey and its
 * questionnaires per unit kind, opening and closing, respondents, single-use links, paper entry and
 * file import of answers, progress and results. Every call needs `campaign.manage` on the campaign.
 */
import type { GroupFigure } from '@domain/social-survey/points.ts';
import type { SipasCampaignList } from '@shared/contract/sipas.ts';
import type {
  FromAccountsInput,
  InvitationLink,
  InvitationsResult,
  ProgressUnit,
  InvitationsInput,
  QuestionnaireSaved,
  RemindInput,
  RemindResult,
  RespondentInput,
  RespondentsAdded,
  RespondentsInput,
  ResponseInput,
  ResponsesInput,
  ResponsesSaved,
  ResultUnit,
  ScaleLevel,
  StatusChanged,
  Survey,
  SurveyCreateInput,
  SurveyDesign,
  SurveyKind,
  SurveyProgress,
  SurveyQuestionnaireInput,
  SurveyResults,
  SurveyRespondentList,
  SurveyRespondentRemoved,
  SurveyStatus,
} from '@shared/contract/social-survey.ts';
import { api, apiUpload } from '../../lib/api-client.ts';

// The answers and bodies are the server's own shapes (src/shared/contract/social-survey.ts).
export type { SurveyRespondent, SurveyRespondentList } from '@shared/contract/social-survey.ts';
export type {
  FromAccountsInput,
  InvitationLink,
  InvitationsResult,
  ProgressUnit,
  RespondentInput,
  ResponseInput,
  ResultUnit,
  ScaleLevel,
  Survey,
  SurveyDesign,
  SurveyKind,
  SurveyStatus,
};

/** What one group answered to one question about one unit (the domain's own shape). */
export type { GroupFigure };

/** The filter of the respondent list (its query string). */
export interface RespondentFilter {
  group: string | null;
  unitId: number | null;
  limit: number;
  offset: number;
}

const base = (id: number) => `/campaigns/${id}/social-survey`;

const fileForm = (file: File) => {
  const form = new FormData();
  form.append('file', file);
  return form;
};

export const surveyApi = {
  get: (id: number, signal?: AbortSignal) => api.get<Survey>(base(id), undefined, signal),
  create: (id: number, sipasCampaignId: number | null) =>
    api.post<Survey>(base(id), { sipasCampaignId } satisfies SurveyCreateInput),
  sipasCampaigns: (signal?: AbortSignal) =>
    api.get<SipasCampaignList>('/sipas/campaigns', undefined, signal),
  saveQuestionnaire: (id: number, unitKind: string, design: SurveyDesign, version: number | null) =>
    api.put<QuestionnaireSaved>(`${base(id)}/questionnaires/${encodeURIComponent(unitKind)}`, {
      design,
      version,
    } satisfies SurveyQuestionnaireInput),
  importQuestionnaire: (id: number, unitKind: string, file: File) =>
    apiUpload<QuestionnaireSaved>(
      `${base(id)}/questionnaires/${encodeURIComponent(unitKind)}/import`,
      fileForm(file),
    ),
  setStatus: (id: number, action: 'open' | 'close') =>
    api.post<StatusChanged>(`${base(id)}/${action}`),
  addRespondents: (id: number, respondents: RespondentInput[]) =>
    api.post<RespondentsAdded>(`${base(id)}/respondents`, {
      respondents,
    } satisfies RespondentsInput),
  respondents: (id: number, filter: RespondentFilter, signal?: AbortSignal) =>
    api.get<SurveyRespondentList>(
      `${base(id)}/respondents`,
      {
        limit: filter.limit,
        offset: filter.offset,
        ...(filter.group ? { group: filter.group } : {}),
        ...(filter.unitId ? { unitId: filter.unitId } : {}),
      },
      signal,
    ),
  removeRespondent: (id: number, respondentId: number) =>
    api.delete<SurveyRespondentRemoved>(`${base(id)}/respondents/${respondentId}`),
  addFromAccounts: (id: number, body: FromAccountsInput) =>
    api.post<RespondentsAdded>(`${base(id)}/respondents/from-accounts`, body),
  /** Without e-mail the body is empty: the route refuses keys it does not know. */
  invite: (id: number, mail?: { deadline?: string }) =>
    api.post<InvitationsResult>(
      `${base(id)}/invitations`,
      (mail
        ? { sendEmail: true, ...(mail.deadline ? { deadline: mail.deadline } : {}) }
        : {}) satisfies InvitationsInput,
    ),
  remind: (id: number, deadline?: string) =>
    api.post<RemindResult>(
      `${base(id)}/invitations/remind`,
      (deadline ? { deadline } : {}) satisfies RemindInput,
    ),
  enter: (id: number, responses: ResponseInput[]) =>
    api.post<ResponsesSaved>(`${base(id)}/responses`, { responses } satisfies ResponsesInput),
  importResponses: (id: number, file: File) =>
    apiUpload<ResponsesSaved>(`${base(id)}/responses/import`, fileForm(file)),
  progress: (id: number, signal?: AbortSignal) =>
    api.get<SurveyProgress>(`${base(id)}/progress`, undefined, signal),
  results: (id: number, signal?: AbortSignal) =>
    api.get<SurveyResults>(`${base(id)}/results`, undefined, signal),
};

/** Downloads, as plain links (the session cookie goes with them). */
export const questionnaireXlsxUrl = (id: number, unitKind: string) =>
  `/api/v1${base(id)}/questionnaires/${encodeURIComponent(unitKind)}/export.xlsx`;
export const resultsXlsxUrl = (id: number) => `/api/v1${base(id)}/results.xlsx`;
