/** Queries and mutations of the SIPAS staff screens. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { sipasApi, type ScopeFilter } from './api.ts';

export const sipasKeys = {
  all: ['sipas'] as const,
  list: ['sipas', 'list'] as const,
  detail: (id: number) => ['sipas', 'detail', id] as const,
  indexes: (id: number, filter: ScopeFilter) => ['sipas', 'indexes', id, filter] as const,
  responses: (id: number, q: object) => ['sipas', 'responses', id, q] as const,
  questionnaires: ['sipas', 'questionnaires'] as const,
  points: (id: number, max: number) => ['sipas', 'points', id, max] as const,
};

export function useSipasCampaigns() {
  return useQuery({
    queryKey: sipasKeys.list,
    queryFn: ({ signal }) => sipasApi.list(signal),
  });
}

export function useSipasCampaign(id: number) {
  return useQuery({
    queryKey: sipasKeys.detail(id),
    queryFn: ({ signal }) => sipasApi.get(id, signal),
    enabled: id > 0,
  });
}

export function useEntryForm(id: number) {
  return useQuery({
    queryKey: ['sipas', 'entry-form', id],
    queryFn: ({ signal }) => sipasApi.entryForm(id, signal),
    enabled: id > 0,
  });
}

export function useSipasIndexes(id: number, filter: ScopeFilter) {
  return useQuery({
    queryKey: sipasKeys.indexes(id, filter),
    queryFn: ({ signal }) => sipasApi.indexes(id, filter, signal),
    enabled: id > 0,
    placeholderData: keepPreviousData,
  });
}

export function useSipasResponses(
  id: number,
  query: ScopeFilter & { q?: string; suggestions?: boolean; limit: number; offset: number },
) {
  return useQuery({
    queryKey: sipasKeys.responses(id, query),
    queryFn: ({ signal }) => sipasApi.responses(id, query, signal),
    enabled: id > 0,
    placeholderData: keepPreviousData,
  });
}

export function useQuestionnaires() {
  return useQuery({
    queryKey: sipasKeys.questionnaires,
    queryFn: ({ signal }) => sipasApi.questionnaires(signal),
  });
}

export function useSurveyPoints(id: number, surveyMax: number | null) {
  return useQuery({
    queryKey: sipasKeys.points(id, surveyMax ?? 0),
    queryFn: ({ signal }) => sipasApi.surveyPoints(id, surveyMax ?? 0, signal),
    enabled: id > 0 && surveyMax !== null,
  });
}

/** Any change to SIPAS data: refreshes everything shown about it afterwards. */
export function useSipasMutation<TInput, TOutput>(fn: (input: TInput) => Promise<TOutput>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => client.invalidateQueries({ queryKey: sipasKeys.all }),
  });
}
