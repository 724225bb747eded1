/**
 * Calls of the sociological survey screens (điều tra xã hội học, ADR 35): the survey and its
 * questionnaires per unit kind, opening and closing, respondents, single-use links, paper entry and
 * file import of answers, progress and results. Every call needs `campaign.manage` on the campaign.
 */
import type { Role } from '@domain/access.ts';
import type { GroupFigure } from '@domain/social-survey/points.ts';
import type {
  SurveyRespondentList,
  SurveyRespondentRemoved,
} from '@shared/contract/social-survey.ts';
import { api, apiUpload } from '../../lib/api-client.ts';

// The saved respondents' list is the server's own shape (src/shared/contract/social-survey.ts).
export type { SurveyRespondent, SurveyRespondentList } from '@shared/contract/social-survey.ts';

export interface RespondentFilter {
  group: string | null;
  unitId: number | null;
  limit: number;
  offset: number;
}

export type SurveyStatus = 'draft' | 'open' | 'closed';

export interface ScaleLevel {
  code: string;
  label: string;
  valueHundredths: number;
}

export interface SurveyDesign {
  method: 'favourable' | 'mean';
  scale: {
    levels: ScaleLevel[];
    excluded: Array<{ code: string; label: string }>;
    favourable: string[];
  };
  nodes: Array<{
    code: string;
    title: string;
    maxHundredths: number;
    source: 'questions' | 'sipas';
  }>;
  groups: Array<{ code: string; name: string; weight: number }>;
  questions: Array<{ code: string; text: string; nodes: string[]; groups: string[] }>;
  rules: Array<{
    group: string;
    raterKind: string;
    scope: 'same_parent' | 'province';
    sampleSize: number;
  }>;
}

export interface SurveyKind {
  unitKind: string;
  criteriaSetId: number;
  criteriaSetName: string;
  surveyMaxHundredths: number | null;
  questionnaire: { version: number; design: SurveyDesign } | null;
}

export interface Survey {
  id: number;
  campaignId: number;
  campaignName: string;
  status: SurveyStatus;
  sipasCampaignId: number | null;
  closedAt: string | null;
  unitKinds: SurveyKind[];
}

export interface RespondentInput {
  code: string;
  group: string;
  fullName: string;
  unitCode?: string | null;
  email?: string | null;
}

export interface ResponseInput {
  group: string;
  ratedUnitCode: string;
  raterUnitCode?: string | null;
  respondentCode?: string | null;
  answers: Record<string, string>;
}

export interface InvitationLink {
  respondentCode: string;
  fullName: string;
  unitCode: string;
  unitName: string;
  token: string;
}

export interface InvitationsResult {
  created: number;
  /** Only when e-mailing was asked. */
  emailed?: number;
  withoutEmail?: number;
  links: InvitationLink[];
}

/** Respondents drawn from the accounts holding one of the roles (ADR 45). */
export interface FromAccountsInput {
  group: string;
  roles: Role[];
  unitKind?: string;
}

export interface ProgressUnit {
  unitId: number;
  unitCode: string;
  unitName: string;
  unitKind: string;
  groups: Array<{
    group: string;
    name: string;
    responses: number;
    invited: number;
    linksUsed: number;
    sampleSize: number;
  }>;
}

/** What one group answered to one question about one unit (the domain's own shape). */
export type { GroupFigure };

export interface ResultUnit {
  unitId: number;
  unitCode: string;
  unitName: string;
  unitKind: string;
  pointsHundredths: number | null;
  maxHundredths: number | null;
  nodes: Array<{
    code: string;
    title: string;
    source: 'questions' | 'sipas';
    maxHundredths: number;
    questions: string[];
    shareHundredths: number | null;
    pointsHundredths: number | null;
    formula: string | null;
  }>;
  questions: Array<{
    question: string;
    groups: GroupFigure[];
    shareHundredths: number | null;
    formula: string | null;
  }>;
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
    api.post<Survey>(base(id), { sipasCampaignId }),
  sipasCampaigns: (signal?: AbortSignal) =>
    api.get<{ items: Array<{ id: number; name: string }> }>('/sipas/campaigns', undefined, signal),
  saveQuestionnaire: (id: number, unitKind: string, design: SurveyDesign, version: number | null) =>
    api.put<{ unitKind: string; version: number }>(
      `${base(id)}/questionnaires/${encodeURIComponent(unitKind)}`,
      { design, version },
    ),
  importQuestionnaire: (id: number, unitKind: string, file: File) =>
    apiUpload<{ unitKind: string; version: number }>(
      `${base(id)}/questionnaires/${encodeURIComponent(unitKind)}/import`,
      fileForm(file),
    ),
  setStatus: (id: number, action: 'open' | 'close') =>
    api.post<{ status: SurveyStatus; unitsWithPoints: number }>(`${base(id)}/${action}`),
  addRespondents: (id: number, respondents: RespondentInput[]) =>
    api.post<{ added: number; kept: number }>(`${base(id)}/respondents`, { respondents }),
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
    api.post<{ added: number; kept: number }>(`${base(id)}/respondents/from-accounts`, body),
  /** Without e-mail the body is empty: the route refuses keys it does not know. */
  invite: (id: number, mail?: { deadline?: string }) =>
    api.post<InvitationsResult>(
      `${base(id)}/invitations`,
      mail ? { sendEmail: true, ...(mail.deadline ? { deadline: mail.deadline } : {}) } : {},
    ),
  remind: (id: number, deadline?: string) =>
    api.post<{ reissued: number; emailed: number; withoutEmail: number }>(
      `${base(id)}/invitations/remind`,
      deadline ? { deadline } : {},
    ),
  enter: (id: number, responses: ResponseInput[]) =>
    api.post<{ saved: number; units: number }>(`${base(id)}/responses`, { responses }),
  importResponses: (id: number, file: File) =>
    apiUpload<{ saved: number; units: number }>(`${base(id)}/responses/import`, fileForm(file)),
  progress: (id: number, signal?: AbortSignal) =>
    api.get<{ status: SurveyStatus; units: ProgressUnit[] }>(
      `${base(id)}/progress`,
      undefined,
      signal,
    ),
  results: (id: number, signal?: AbortSignal) =>
    api.get<{ status: SurveyStatus; provisional: boolean; units: ResultUnit[] }>(
      `${base(id)}/results`,
      undefined,
      signal,
    ),
};

/** Downloads, as plain links (the session cookie goes with them). */
export const questionnaireXlsxUrl = (id: number, unitKind: string) =>
  `/api/v1${base(id)}/questionnaires/${encodeURIComponent(unitKind)}/export.xlsx`;
export const resultsXlsxUrl = (id: number) => `/api/v1${base(id)}/results.xlsx`;
