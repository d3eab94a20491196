import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';
import { usePagedCall } from '../../../lib/paged-query';
import type { MallItemChanges, NewMallItem } from '../types';

export const adminMallKey = ['admin', 'points-mall'] as const;

export function useAdminMallItems() {
  return usePagedCall([...adminMallKey, 'items'], (cursor) =>
    call(apiClient.GET('/api/admin/points-mall/items', { params: { query: { cursor, limit: 50 } } })),
  );
}

function useItemMutation<I, O>(mutationFn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => client.invalidateQueries({ queryKey: adminMallKey }),
  });
}

export const useCreateMallItem = () =>
  useItemMutation((body: NewMallItem) => call(apiClient.POST('/api/admin/points-mall/items', { body })));

export const useUpdateMallItem = () =>
  useItemMutation(({ itemId, changes }: { itemId: string; changes: MallItemChanges }) =>
    call(
      apiClient.PATCH('/api/admin/points-mall/items/{itemId}', {
        params: { path: { itemId } },
        body: changes,
      }),
    ),
  );

export const useSetMallItemActive = () =>
  useItemMutation(({ itemId, active }: { itemId: string; active: boolean }) =>
    active
      ? call(
          apiClient.POST('/api/admin/points-mall/items/{itemId}/activate', { params: { path: { itemId } } }),
        )
      : call(
          apiClient.POST('/api/admin/points-mall/items/{itemId}/deactivate', {
            params: { path: { itemId } },
          }),
        ),
  );
