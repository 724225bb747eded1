/** Queries and mutations of the campaign set-up page. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { campaignKeys } from '../hooks.ts';
import { setupApi, type CampaignUpdateInput } from './api.ts';

export const setupKeys = {
  detail: (id: number) => ['campaigns', 'setup', id] as const,
  survey: (id: number) => ['campaigns', 'survey', id] as const,
  setBands: (setId: number) => ['campaigns', 'set-bands', setId] as const,
};

export function useSetup(id: number) {
  return useQuery({
    queryKey: setupKeys.detail(id),
    queryFn: ({ signal }) => setupApi.get(id, signal),
    enabled: id > 0,
  });
}

/** Saves the campaign form; every campaign query is refreshed (version, deadlines, names). */
export function useSaveSetup(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CampaignUpdateInput) => setupApi.save(id, input),
    onSuccess: () => client.invalidateQueries({ queryKey: campaignKeys.all }),
  });
}

export function useSurvey(id: number) {
  return useQuery({
    queryKey: setupKeys.survey(id),
    queryFn: ({ signal }) => setupApi.survey(id, signal),
  });
}

/** A mutation after which the campaign's data (units, survey points, results) is read again. */
export function useSetupMutation<TInput, TOutput>(fn: (input: TInput) => Promise<TOutput>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => client.invalidateQueries({ queryKey: campaignKeys.all }),
  });
}
