import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';
import type { AfterSaleStatus } from '../types';

const key = ['admin-after-sales'] as const;

export const useAdminAfterSales = (status: AfterSaleStatus | undefined) =>
  useInfiniteQuery({
    queryKey: [...key, { status }],
    queryFn: ({ pageParam }) =>
      call(
        apiClient.GET('/api/admin/after-sales', {
          params: {
            query: { limit: 20, ...(status ? { status } : {}), ...(pageParam ? { cursor: pageParam } : {}) },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export type Decision =
  | { id: string; action: 'approve'; includeShipping?: boolean }
  | { id: string; action: 'reject'; note: string };

export function useDecideAfterSale() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (d: Decision) => {
      const params = { path: { id: d.id } };
      return d.action === 'reject'
        ? call(apiClient.POST('/api/admin/after-sales/{id}/reject', { params, body: { note: d.note } }))
        : call(
            apiClient.POST('/api/admin/after-sales/{id}/approve', {
              params,
              body: d.includeShipping ? { includeShipping: true } : {},
            }),
          );
    },
    onSuccess: () => void client.invalidateQueries({ queryKey: key }),
  });
}
