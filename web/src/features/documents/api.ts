/**
 * Calls of official documents: draft one (a background job), follow the job, and the Word
 * templates a province may replace.
 */
import type { DocumentType } from '@domain/documents/templates.ts';
// The answers' shapes are the server's own (src/shared/contract/documents.ts).
import type {
  DocumentJob,
  DocumentJobState,
  TemplateInfo,
  TemplatesView,
} from '@shared/contract/documents.ts';
import { api, apiRequest } from '../../lib/api-client.ts';

/** What a document is about; the server checks the user may read all of it. */
export type DraftRequest =
  | { type: 'self_assessment_report'; campaignId: number; unitId: number }
  | { type: 'campaign_report'; campaignId: number }
  | { type: 'dossier_quarter_report'; unitId: number; period: string; bands?: string }
  | { type: 'remediation_plan'; planId: number }
  | { type: 'supervision_notice'; supervisionId: number };
export type { DocumentJob, DocumentJobState, TemplateInfo, TemplatesView };

export const documentsApi = {
  start: (request: DraftRequest) => api.post<DocumentJob>('/documents', request),
  job: (id: number) => api.get<DocumentJobState>(`/documents/jobs/${id}`),
  /** Drafts an interrupted job's document again: a new job. */
  retry: (id: number) => api.post<DocumentJob>(`/documents/jobs/${id}/retry`, {}),
  fileUrl: (id: number, kind: 'docx' | 'pdf') => `/api/v1/documents/jobs/${id}/${kind}`,
  templates: (unitId: number | null) =>
    api.get<TemplatesView>('/documents/templates', unitId ? { unitId } : undefined),
  templateUrl: (type: DocumentType, unitId: number | null, shipped: boolean) =>
    `/api/v1/documents/templates/${type}/file?${new URLSearchParams({
      ...(unitId ? { unitId: String(unitId) } : {}),
      ...(shipped ? { shipped: '1' } : {}),
    }).toString()}`,
  upload: (type: DocumentType, unitId: number | null, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return apiRequest<TemplatesView>('PUT', `/documents/templates/${type}`, {
      body: form,
      query: { unitId },
    });
  },
  reset: (type: DocumentType, unitId: number | null) =>
    apiRequest<TemplatesView>('DELETE', `/documents/templates/${type}`, { query: { unitId } }),
};
