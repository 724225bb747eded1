/** Queries and mutations of the campaign screens. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useLanguage } from '../../lib/use-language.ts';
import { campaignApi, type CampaignInput } from './api.ts';

export const campaignKeys = {
  all: ['campaigns'] as const,
  list: ['campaigns', 'list'] as const,
  detail: (id: number) => ['campaigns', 'detail', id] as const,
  sheet: (id: number, unitId: number) => ['campaigns', 'sheet', id, unitId] as const,
  queue: (id: number, q: object) => ['campaigns', 'queue', id, q] as const,
  progress: (id: number) => ['campaigns', 'progress', id] as const,
  coverage: (id: number) => ['campaigns', 'coverage', id] as const,
  results: (id: number, filter: object) => ['campaigns', 'results', id, filter] as const,
  scorecard: (id: number, unitId: number) => ['campaigns', 'scorecard', id, unitId] as const,
  evidence: (id: number) => ['evidence', 'document', id] as const,
  library: (unitId: number, q: string) => ['evidence', 'library', unitId, q] as const,
};

/** Every campaign. */
export function useCampaigns() {
  return useQuery({
    queryKey: campaignKeys.list,
    queryFn: ({ signal }) => campaignApi.list(signal),
  });
}

// The campaign and the sheet carry why an action is refused, worded by the server in the language
// asked: the language is part of their keys, so a switch asks again (showing the old words until
// the new ones arrive, for the same campaign or sheet only).

/** One campaign with its sets, assignments and participants. */
export function useCampaign(id: number) {
  const language = useLanguage();
  return useQuery({
    queryKey: [...campaignKeys.detail(id), language],
    queryFn: ({ signal }) => campaignApi.get(id, signal),
    enabled: id > 0,
    placeholderData: (previous, query) => (query?.queryKey[2] === id ? previous : undefined),
  });
}

/** A unit's sheet. */
export function useSheet(id: number, unitId: number) {
  const language = useLanguage();
  return useQuery({
    queryKey: [...campaignKeys.sheet(id, unitId), language],
    queryFn: ({ signal }) => campaignApi.sheet(id, unitId, signal),
    enabled: id > 0 && unitId > 0,
    retry: false,
    placeholderData: (previous, query) =>
      query?.queryKey[2] === id && query.queryKey[3] === unitId ? previous : undefined,
  });
}

/** Creates a campaign. */
export function useCreateCampaign() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CampaignInput) => campaignApi.create(input),
    onSuccess: () => client.invalidateQueries({ queryKey: campaignKeys.all }),
  });
}

/** Any change to a campaign: refreshes everything shown about campaigns afterwards. */
export function useCampaignMutation<TInput, TOutput>(fn: (input: TInput) => Promise<TOutput>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => client.invalidateQueries({ queryKey: campaignKeys.all }),
  });
}

/** The appraiser's queue, one page. */
export function useQueue(
  id: number,
  q: { round: 1 | 2; limit: number; offset: number; onlyOpen: boolean },
) {
  return useQuery({
    queryKey: campaignKeys.queue(id, q),
    queryFn: ({ signal }) => campaignApi.queue(id, q, signal),
    placeholderData: keepPreviousData,
  });
}

/** Round-1 progress per appraiser (staff only). */
export function useRound1Progress(id: number, enabled: boolean) {
  return useQuery({
    queryKey: campaignKeys.progress(id),
    queryFn: ({ signal }) => campaignApi.progress(id, signal),
    enabled,
    retry: false,
  });
}

/** The whole ranking of a campaign (the results page filters it in the browser). */
export function useResults(id: number) {
  return useQuery({
    queryKey: campaignKeys.results(id, {}),
    queryFn: ({ signal }) => campaignApi.results(id, {}, signal),
  });
}

/** A unit's scorecard. */
export function useScorecard(id: number, unitId: number) {
  return useQuery({
    queryKey: campaignKeys.scorecard(id, unitId),
    queryFn: ({ signal }) => campaignApi.scorecard(id, unitId, signal),
    retry: false,
  });
}

/** One evidence document (to name and preview an attached id). */
export function useEvidenceDocument(id: number) {
  return useQuery({
    queryKey: campaignKeys.evidence(id),
    queryFn: ({ signal }) => campaignApi.evidence(id, signal),
    staleTime: 5 * 60_000,
    retry: false,
  });
}

/** The unit's evidence library, searched. */
export function useEvidenceLibrary(unitId: number, q: string, enabled: boolean) {
  return useQuery({
    queryKey: campaignKeys.library(unitId, q),
    queryFn: ({ signal }) => campaignApi.evidenceList(unitId, q, signal),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** Sub-criteria without an appraiser and the self scores the chair accepted for them. */
export function useCoverage(id: number, enabled: boolean) {
  return useQuery({
    queryKey: campaignKeys.coverage(id),
    queryFn: ({ signal }) => campaignApi.coverage(id, signal),
    enabled: enabled && id > 0,
    retry: false,
  });
}
