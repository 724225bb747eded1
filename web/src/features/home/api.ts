/** The signed-in person's to-do list, computed by the server from the data and their grants. */
import { useQuery } from '@tanstack/react-query';
import type { Role } from '@domain/access.ts';
import { api } from '../../lib/api-client.ts';

export type TaskKind =
  | 'self_assessment'
  | 'submit'
  | 'explain'
  | 'appraise_round1'
  | 'appraise_round2'
  | 'close_round1'
  | 'approve'
  | 'publish'
  | 'campaign_progress'
  | 'late_units'
  | 'campaign_setup'
  | 'social_survey'
  | 'plan_task'
  | 'plan_tasks_due'
  | 'supervision'
  | 'sipas_collect'
  | 'accounts'
  | 'health'
  | 'outbox';

export interface TaskItem {
  kind: TaskKind;
  role: Role;
  /** A page of this app. */
  link: string;
  /** A campaign, plan, task or survey, by its own name. */
  subject: string;
  unitName: string | null;
  /** ISO date or instant; null: no deadline. */
  due: string | null;
  overdue: boolean;
  figures: Record<string, number>;
}

export interface MyTasks {
  roles: Role[];
  items: TaskItem[];
  fieldApp: { url: string; qrSvg: string } | null;
}

export function useMyTasks() {
  return useQuery({
    queryKey: ['me', 'tasks'],
    queryFn: ({ signal }) => api.get<MyTasks>('/me/tasks', undefined, signal),
    refetchOnWindowFocus: true,
  });
}
