/** The signed-in person's to-do list, computed by the server from the data and their grants. */
import { useQuery } from '@tanstack/react-query';
import type { MyTasks, TaskItem, TaskKind } from '@shared/contract/home.ts';
import { api } from '../../lib/api-client.ts';

export type { MyTasks, TaskItem, TaskKind };

export function useMyTasks() {
  return useQuery({
    queryKey: ['me', 'tasks'],
    queryFn: ({ signal }) => api.get<MyTasks>('/me/tasks', undefined, signal),
    refetchOnWindowFocus: true,
  });
}
