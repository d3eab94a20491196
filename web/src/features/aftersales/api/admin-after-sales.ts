import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { usePagedQuery } from '../../../lib/paged-query';
import type { AfterSale, AfterSaleStatus } from '../types';

const key = ['admin-after-sales'] as const;

export const useAdminAfterSales = (status: AfterSaleStatus | undefined) =>
  usePagedQuery<AfterSale>(key, '/api/admin/after-sales', { status });

export type Decision = { id: string; action: 'approve' } | { id: string; action: 'reject'; note: string };

export function useDecideAfterSale() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (d: Decision) =>
      api.post<AfterSale>(
        `/api/admin/after-sales/${encodeURIComponent(d.id)}/${d.action}`,
        d.action === 'reject' ? { note: d.note } : {},
      ),
    onSuccess: () => void client.invalidateQueries({ queryKey: key }),
  });
}
