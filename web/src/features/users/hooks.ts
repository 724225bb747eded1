/** Queries and mutations of the user screens. */
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import {
  addGrant,
  createUser,
  fetchUser,
  fetchUsers,
  removeGrant,
  resetPassword,
  updateUser,
  type GrantInput,
  type User,
} from './api.ts';

const PAGE_SIZE = 50;

export const userKeys = {
  all: ['users'] as const,
  list: (q: string) => ['users', 'list', q] as const,
  detail: (id: number) => ['users', 'detail', id] as const,
};

/** Users matching `q`, 50 at a time. */
export function useUserList(q: string) {
  return useInfiniteQuery({
    queryKey: userKeys.list(q),
    queryFn: ({ pageParam, signal }) =>
      fetchUsers({ q: q || undefined, limit: PAGE_SIZE, offset: pageParam }, signal),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((n, p) => n + p.items.length, 0);
      return loaded < last.total && last.items.length > 0 ? loaded : undefined;
    },
    placeholderData: keepPreviousData,
  });
}

/** One user. */
export function useUser(id: number) {
  return useQuery({
    queryKey: userKeys.detail(id),
    queryFn: ({ signal }) => fetchUser(id, signal),
    enabled: id > 0,
  });
}

/** After a change: the answer is the fresh user; lists are re-read. */
function useUserUpdated() {
  const client = useQueryClient();
  return (user: User) => {
    client.setQueryData(userKeys.detail(user.id), user);
    void client.invalidateQueries({ queryKey: ['users', 'list'] });
  };
}

/** Creates a user. */
export function useCreateUser() {
  const updated = useUserUpdated();
  return useMutation({ mutationFn: createUser, onSuccess: (result) => updated(result.user) });
}

/** Edits a user (name, e-mail, disabled). */
export function useUpdateUser(id: number) {
  const updated = useUserUpdated();
  return useMutation({
    mutationFn: (input: Parameters<typeof updateUser>[1]) => updateUser(id, input),
    onSuccess: updated,
  });
}

/** Resets a user's password to a temporary one. */
export function useResetPassword(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => resetPassword(id),
    onSuccess: () => client.invalidateQueries({ queryKey: userKeys.all }),
  });
}

/** Grants a role. */
export function useAddGrant(id: number) {
  const updated = useUserUpdated();
  return useMutation({
    mutationFn: (input: GrantInput) => addGrant(id, input),
    onSuccess: updated,
  });
}

/** Withdraws a grant. */
export function useRemoveGrant(id: number) {
  const updated = useUserUpdated();
  return useMutation({
    mutationFn: (grantId: number) => removeGrant(id, grantId),
    onSuccess: updated,
  });
}
