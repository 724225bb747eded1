/**
 * Calls of official documents: draft one (a background job), follow the job, and the Word
 * templates a province may replace.
 */
import type { DocumentType } from '@domain/documents/templates.ts';
// The answers' and the draft body's shapes are the server's own (src/shared/contract/documents.ts).
import type {
  DocumentJob,
  DocumentJobState,
  DraftRequest,
  TemplateInfo,
  TemplatesView,
} from '@shared/contract/documents.ts';
import { api, apiRequest } from '../../lib/api-client.ts';

export type { DocumentJob, DocumentJobState, DraftRequest, TemplateInfo, TemplatesView };

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
