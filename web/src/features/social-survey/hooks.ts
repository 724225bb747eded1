/** Queries and mutations of the sociological survey page; a change refreshes everything of it. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useLanguage } from '../../lib/use-language.ts';
import { surveyApi, type RespondentFilter } from './api.ts';

export const surveyKeys = {
  all: (id: number) => ['social-survey', id] as const,
  survey: (id: number, language: string) => ['social-survey', id, 'survey', language] as const,
  progress: (id: number) => ['social-survey', id, 'progress'] as const,
  respondents: (id: number, filter: RespondentFilter) =>
    ['social-survey', id, 'respondents', filter] as const,
  results: (id: number, language: string) => ['social-survey', id, 'results', language] as const,
};

/** The campaign's survey (404 while none was created; 403 for who may not manage the campaign). */
export function useSurvey(id: number) {
  const language = useLanguage();
  return useQuery({
    queryKey: surveyKeys.survey(id, language),
    queryFn: ({ signal }) => surveyApi.get(id, signal),
    enabled: id > 0,
    retry: false,
  });
}

export function useProgress(id: number, enabled: boolean) {
  return useQuery({
    queryKey: surveyKeys.progress(id),
    queryFn: ({ signal }) => surveyApi.progress(id, signal),
    enabled,
  });
}

/** A page of the saved respondents, of one group and unit when chosen. */
export function useRespondents(id: number, filter: RespondentFilter) {
  return useQuery({
    queryKey: surveyKeys.respondents(id, filter),
    queryFn: ({ signal }) => surveyApi.respondents(id, filter, signal),
    placeholderData: (previous) => previous,
  });
}

export function useResults(id: number, enabled: boolean) {
  const language = useLanguage();
  return useQuery({
    queryKey: surveyKeys.results(id, language),
    queryFn: ({ signal }) => surveyApi.results(id, signal),
    enabled,
  });
}

export function useSipasCampaigns(enabled: boolean) {
  return useQuery({
    queryKey: ['sipas', 'campaigns', 'names'],
    queryFn: ({ signal }) => surveyApi.sipasCampaigns(signal),
    enabled,
  });
}

/** A change of the survey; on success everything of the page (and the campaign's points) reloads. */
export function useSurveyMutation<I, O>(id: number, fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: surveyKeys.all(id) }),
        client.invalidateQueries({ queryKey: ['campaigns'] }),
        client.invalidateQueries({ queryKey: ['me', 'tasks'] }),
      ]);
    },
  });
}
