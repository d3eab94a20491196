import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient, call, type QueryOf } from '../../../lib/api';
import { usePagedCall } from '../../../lib/paged-query';

export type PeopleFilter = Omit<NonNullable<QueryOf<'/api/admin/users', 'get'>>, 'cursor' | 'limit'>;

const key = ['admin-people'] as const;

/** The console's people list, newest sign-up first, with the filters in the page's address. */
export const usePeople = (filter: PeopleFilter) =>
  usePagedCall([...key, 'list', filter], (cursor) =>
    call(apiClient.GET('/api/admin/users', { params: { query: { ...filter, cursor, limit: 20 } } })),
  );

export const usePerson = (id: string) =>
  useQuery({
    queryKey: [...key, 'person', id],
    queryFn: () => call(apiClient.GET('/api/admin/users/{id}', { params: { path: { id } } })),
  });

type Action =
  | { kind: 'disable' | 'enable' }
  | { kind: 'grant' | 'revoke'; role: 'admin' | 'operator' | 'shopkeeper' | 'leader' };

/** Disable, re-enable, grant or revoke a role: each refreshes the list and the person's page. */
export function usePersonAction(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (action: Action) => {
      const path = { params: { path: { id } } };
      switch (action.kind) {
        case 'disable':
          return call(apiClient.POST('/api/admin/users/{id}/disable', path));
        case 'enable':
          return call(apiClient.POST('/api/admin/users/{id}/enable', path));
        case 'grant':
          return call(
            apiClient.PUT('/api/admin/users/{id}/roles/{role}', {
              params: { path: { id, role: action.role } },
            }),
          );
        case 'revoke':
          return call(
            apiClient.DELETE('/api/admin/users/{id}/roles/{role}', {
              params: { path: { id, role: action.role } },
            }),
          );
      }
    },
    onSuccess: () => void client.invalidateQueries({ queryKey: key }),
  });
}
