import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';
import { usePagedCall } from '../../../lib/paged-query';
import type { NewFlashSale } from '../types';

/** Live, sold-out and upcoming sales; refreshed often, since what is left moves fast. */
export function useFlashSales() {
  return useQuery({
    queryKey: ['flash-sales'],
    queryFn: () => call(apiClient.GET('/api/flash-sales')),
    refetchInterval: 10_000,
  });
}

const adminKey = ['admin-flash-sales'] as const;

export const useAdminFlashSales = () =>
  usePagedCall(adminKey, (cursor) =>
    call(apiClient.GET('/api/admin/flash-sales', { params: { query: { cursor, limit: 20 } } })),
  );

export function useCreateFlashSale() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (sale: NewFlashSale) => call(apiClient.POST('/api/admin/flash-sales', { body: sale })),
    onSuccess: () => void client.invalidateQueries({ queryKey: adminKey }),
  });
}

export function useCloseFlashSale() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      call(apiClient.POST('/api/admin/flash-sales/{id}/close', { params: { path: { id } } })),
    onSuccess: () => void client.invalidateQueries({ queryKey: adminKey }),
  });
}
