import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';
import { usePagedCall } from '../../../lib/paged-query';
import type { TemplateInput } from '../types';

const adminKey = ['admin-coupons'] as const;
const byId = (id: string) => ({ params: { path: { id } } });

const getCoupons = (cursor: string | undefined) =>
  call(apiClient.GET('/api/admin/coupons', { params: { query: { cursor, limit: 20 } } }));

export function useAdminCoupons() {
  return usePagedCall(adminKey, getCoupons);
}

export function useAdminCoupon(id: string | undefined) {
  return useQuery({
    queryKey: [...adminKey, id],
    queryFn: () => call(apiClient.GET('/api/admin/coupons/{id}', byId(id ?? ''))),
    enabled: id !== undefined,
  });
}

/** Creates a template, or edits one when `id` is given. */
export function useSaveCoupon() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: TemplateInput }) =>
      id
        ? call(apiClient.PATCH('/api/admin/coupons/{id}', { ...byId(id), body: input }))
        : call(apiClient.POST('/api/admin/coupons', { body: input })),
    onSuccess: () => void client.invalidateQueries({ queryKey: adminKey }),
  });
}

export function useSetCouponStatus() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: 'disable' | 'enable' }) =>
      action === 'disable'
        ? call(apiClient.POST('/api/admin/coupons/{id}/disable', byId(id)))
        : call(apiClient.POST('/api/admin/coupons/{id}/enable', byId(id))),
    onSuccess: () => void client.invalidateQueries({ queryKey: adminKey }),
  });
}
