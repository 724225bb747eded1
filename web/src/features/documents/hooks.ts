/** Query hooks of official documents. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DocumentType } from '@domain/documents/templates.ts';
import { documentsApi, type DraftRequest } from './api.ts';

/** Starts drafting a document. */
export function useStartDocument() {
  return useMutation({ mutationFn: (request: DraftRequest) => documentsApi.start(request) });
}

/** A drafting job, polled until it ends. */
export function useDocumentJob(id: number | null) {
  return useQuery({
    queryKey: ['documents', 'job', id],
    queryFn: () => documentsApi.job(id!),
    enabled: id !== null,
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return status === 'succeeded' || status === 'failed' || status === 'interrupted'
        ? false
        : 700;
    },
  });
}

export function useTemplates(unitId: number | null) {
  return useQuery({
    queryKey: ['documents', 'templates', unitId],
    queryFn: () => documentsApi.templates(unitId),
  });
}

export function useUploadTemplate(unitId: number | null) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ type, file }: { type: DocumentType; file: File }) =>
      documentsApi.upload(type, unitId, file),
    onSuccess: (data) => client.setQueryData(['documents', 'templates', unitId], data),
  });
}

export function useResetTemplate(unitId: number | null) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (type: DocumentType) => documentsApi.reset(type, unitId),
    onSuccess: (data) => client.setQueryData(['documents', 'templates', unitId], data),
  });
}
