/**
 * Calls of the campaign screens: set-up, a unit's sheet and its entries at each step, workflow
 * actions, the appraiser's queue, the chair's progress, results and scorecards, the public page,
 * and the unit's evidence library (upload, list, one document).
 */
import type { AssessmentEventType } from '@domain/campaign/workflow.ts';
import type { CriteriaSetList } from '@shared/contract/criteria.ts';
import type {
  EvidenceDocumentDetail,
  EvidenceDocumentList,
  EvidenceUpdateInput,
  EvidenceUploadResult,
} from '@shared/contract/evidence.ts';
import { api, apiUpload } from '../../lib/api-client.ts';

import type {
  AcceptSelfScoresInput,
  AssignmentsInput,
  BulkOutcome as BulkResult,
  BulkRequest,
  Campaign,
  CampaignDetail,
  CampaignInput,
  CampaignUpdateInput,
  Coverage,
  ExplanationInput,
  InputValue,
  Participant,
  ParticipantsInput,
  PublicResults,
  PublishAllInput,
  QueuePage,
  Results,
  Round1Input,
  Round1Progress,
  Round2Input,
  Scorecard,
  SelfEntryInput,
  SelfSaved,
  Sheet,
  UnitActionInput,
} from '@shared/contract/campaigns.ts';

export type {
  AcceptSelfScoresInput,
  AssignmentsInput,
  ExplanationInput,
  ParticipantsInput,
  PublishAllInput,
  Round1Input,
  Round2Input,
  SelfEntryInput,
  UnitActionInput,
} from '@shared/contract/campaigns.ts';
export type {
  Assignment,
  BulkAction,
  BulkOutcome as BulkResult,
  BulkRequest,
  Campaign,
  CampaignDetail,
  CampaignInput,
  CampaignUpdateInput,
  CampaignPhase,
  ClassSummary,
  Coverage,
  Deadlines,
  Disposition,
  Entry,
  EntryProblem,
  InputValue,
  Participant,
  ParticipantState,
  PreviousResult,
  PublicResults,
  PublishedWithoutSurvey,
  QueueItem,
  QueuePage,
  ReopenNote,
  Results,
  Round1Progress,
  Scorecard,
  SelfSaved,
  Sheet,
  SheetNode,
  UnitResult,
} from '@shared/contract/campaigns.ts';

export type { ClassBand, CriteriaSetSummary } from '@shared/contract/criteria.ts';
export type { EvidenceDocument } from '@shared/contract/evidence.ts';

export type Inputs = Record<string, InputValue | undefined>;

/** Counts and shares of each class among one unit kind's results (shares add up to 100 %). */
export interface ScoreMax {
  score: number;
  max: number;
}

export interface SignedPoints {
  points: number;
  text: string;
}

/** The event names of the workflow and the path of their endpoint. */
export const ACTION_PATHS: Partial<Record<AssessmentEventType, string>> = {
  submit: 'submit',
  withdraw: 'withdraw',
  reopen: 'reopen',
  closeRound1: 'close-round1',
  lockExplanations: 'lock-explanations',
  approve: 'approve',
  reopenResult: 'reopen-result',
  publish: 'publish',
};

const unitPath = (id: number, unitId: number) => `/campaigns/${id}/units/${unitId}`;

export const campaignApi = {
  list: (signal?: AbortSignal) =>
    api.get<{ items: Array<Campaign & { participants: number }> }>('/campaigns', undefined, signal),
  get: (id: number, signal?: AbortSignal) =>
    api.get<CampaignDetail>(`/campaigns/${id}`, undefined, signal),
  create: (input: CampaignInput) => api.post<CampaignDetail>('/campaigns', input),
  update: (id: number, input: CampaignUpdateInput) =>
    api.put<CampaignDetail>(`/campaigns/${id}`, input),
  addParticipants: (id: number, body: ParticipantsInput) =>
    api.post<{ added: number }>(`/campaigns/${id}/participants`, body),
  removeParticipant: (id: number, unitId: number) =>
    api.delete<void>(`/campaigns/${id}/participants/${unitId}`),
  assign: (id: number, body: AssignmentsInput) =>
    api.put<CampaignDetail>(`/campaigns/${id}/assignments`, body),
  open: (id: number) => api.post<CampaignDetail>(`/campaigns/${id}/open`),
  close: (id: number) => api.post<CampaignDetail>(`/campaigns/${id}/close`),
  coverage: (id: number, signal?: AbortSignal) =>
    api.get<Coverage>(`/campaigns/${id}/coverage`, undefined, signal),
  acceptSelfScores: (id: number, body: AcceptSelfScoresInput) =>
    api.post<Coverage>(`/campaigns/${id}/self-score-acceptances`, body),
  closeRound1All: (id: number) =>
    api.post<{ done: number; refused: Array<{ unitName: string; message: string }> }>(
      `/campaigns/${id}/round1/close`,
    ),
  bulk: (id: number, body: BulkRequest) =>
    api.post<BulkResult>(`/campaigns/${id}/participants/bulk`, body),
  publishAll: (id: number, decision: PublishAllInput = {}) =>
    api.post<{ done: number; refused: Array<{ unitName: string; message: string }> }>(
      `/campaigns/${id}/publish`,
      decision,
    ),
  criteriaSets: (signal?: AbortSignal) =>
    api.get<CriteriaSetList>('/criteria-sets', undefined, signal),

  sheet: (id: number, unitId: number, signal?: AbortSignal) =>
    api.get<Sheet>(`${unitPath(id, unitId)}/sheet`, undefined, signal),
  saveSelf: (id: number, unitId: number, code: string, body: SelfEntryInput) =>
    api.put<SelfSaved>(`${unitPath(id, unitId)}/entries/${encodeURIComponent(code)}/self`, body),
  saveRound1: (id: number, unitId: number, code: string, body: Round1Input) =>
    api.put<{ version: number }>(
      `${unitPath(id, unitId)}/entries/${encodeURIComponent(code)}/round1`,
      body,
    ),
  saveExplanation: (id: number, unitId: number, code: string, body: ExplanationInput) =>
    api.put<{ version: number }>(
      `${unitPath(id, unitId)}/entries/${encodeURIComponent(code)}/explanation`,
      body,
    ),
  saveRound2: (id: number, unitId: number, code: string, body: Round2Input) =>
    api.put<{ version: number }>(
      `${unitPath(id, unitId)}/entries/${encodeURIComponent(code)}/round2`,
      body,
    ),
  act: (id: number, unitId: number, path: string, body: UnitActionInput = {}) =>
    api.post<{ participant: Participant }>(`${unitPath(id, unitId)}/${path}`, body),

  queue: (
    id: number,
    q: { round: 1 | 2; limit: number; offset: number; onlyOpen: boolean },
    signal?: AbortSignal,
  ) =>
    api.get<QueuePage>(
      `/campaigns/${id}/queue`,
      {
        round: q.round,
        limit: q.limit,
        offset: q.offset,
        onlyOpen: q.onlyOpen ? 'true' : undefined,
      },
      signal,
    ),
  progress: (id: number, signal?: AbortSignal) =>
    api.get<Round1Progress>(`/campaigns/${id}/round1/progress`, undefined, signal),

  results: (
    id: number,
    filter: {
      unitKind?: string | undefined;
      classLabel?: string | undefined;
      q?: string | undefined;
    },
    signal?: AbortSignal,
  ) => api.get<Results>(`/campaigns/${id}/results`, filter, signal),
  scorecard: (id: number, unitId: number, signal?: AbortSignal) =>
    api.get<Scorecard>(`${unitPath(id, unitId)}/scorecard`, undefined, signal),
  publicResults: (id: number, signal?: AbortSignal) =>
    api.get<PublicResults>(`/public/campaigns/${id}/results`, undefined, signal),

  evidenceList: (unitId: number, q: string, signal?: AbortSignal) =>
    api.get<EvidenceDocumentList>(`/units/${unitId}/evidence`, { q, limit: 50 }, signal),
  evidence: (id: number, signal?: AbortSignal) =>
    api.get<EvidenceDocumentDetail>(`/evidence/${id}`, undefined, signal),
  /** Edits a document's fields, at the version read (409 when someone saved in between). */
  updateEvidence: (id: number, body: EvidenceUpdateInput) =>
    api.put<EvidenceDocumentDetail>(`/evidence/${id}`, body),
  uploadEvidence: (unitId: number, file: File, summary: string) => {
    const form = new FormData();
    form.set('summary', summary);
    form.set('file', file);
    return apiUpload<EvidenceUploadResult>(`/units/${unitId}/evidence`, form);
  },
};

/** Export links (plain downloads through the session cookie). */
export const exportUrl = (id: number, format: 'csv' | 'xlsx') =>
  `/api/v1/campaigns/${id}/results.${format}`;
