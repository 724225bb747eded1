/**
 * Calls of official documents: draft one (a background job), follow the job, and the Word
 * templates a province may replace.
 */
import type { DocumentType, Placeholder } from '@domain/documents/templates.ts';
import { api, apiRequest } from '../../lib/api-client.ts';

/** What a document is about; the server checks the user may read all of it. */
export type DraftRequest =
  | { type: 'self_assessment_report'; campaignId: number; unitId: number }
  | { type: 'campaign_report'; campaignId: number }
  | { type: 'dossier_quarter_report'; unitId: number; period: string; bands?: string }
  | { type: 'remediation_plan'; planId: number }
  | { type: 'supervision_notice'; supervisionId: number };

export interface DocumentJob {
  id: number;
  type: DocumentType;
  status: 'queued' | 'running' | 'succeeded' | 'failed' | 'interrupted';
  progress: number;
  step: string | null;
  fileName: string | null;
  docxReady: boolean;
  pdfStatus: 'none' | 'running' | 'ready' | 'failed' | 'unavailable';
  errorMessage: string | null;
}

export interface TemplateInfo {
  id: number;
  unitId: number | null;
  unitName: string | null;
  fileName: string;
  sizeBytes: number;
  uploadedBy: string | null;
  uploadedAt: string;
}

export interface TemplatesView {
  unitId: number | null;
  pdfAvailable: boolean;
  types: { type: DocumentType; placeholders: Placeholder[]; own: TemplateInfo | null }[];
}

export const documentsApi = {
  start: (request: DraftRequest) => api.post<DocumentJob>('/documents', request),
  job: (id: number) => api.get<DocumentJob>(`/documents/jobs/${id}`),
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
