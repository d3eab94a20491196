import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';
import { usePagedCall } from '../../../lib/paged-query';
import { adminMallKey } from './admin-items';

export type RedemptionStatusFilter = 'pending' | 'done' | undefined;

export function useAdminRedemptions(status: RedemptionStatusFilter) {
  return usePagedCall([...adminMallKey, 'redemptions', status ?? 'all'], (cursor) =>
    call(
      apiClient.GET('/api/admin/points-mall/redemptions', {
        params: { query: { cursor, limit: 50, status } },
      }),
    ),
  );
}

export function useMarkPerkDone() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (redemptionId: string) =>
      call(
        apiClient.POST('/api/admin/points-mall/redemptions/{redemptionId}/done', {
          params: { path: { redemptionId } },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: [...adminMallKey, 'redemptions'] }),
  });
}
