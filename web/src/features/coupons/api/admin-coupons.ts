import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { usePagedQuery } from '../../../lib/paged-query';
import type { CouponTemplate, TemplateInput } from '../types';

const adminKey = ['admin-coupons'] as const;
const pathOf = (id: string) => `/api/admin/coupons/${encodeURIComponent(id)}`;

export function useAdminCoupons() {
  return usePagedQuery<CouponTemplate>(adminKey, '/api/admin/coupons');
}

export function useAdminCoupon(id: string | undefined) {
  return useQuery({
    queryKey: [...adminKey, id],
    queryFn: () => api.get<CouponTemplate>(pathOf(id ?? '')),
    enabled: id !== undefined,
  });
}

/** Creates a template, or edits one when `id` is given. */
export function useSaveCoupon() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: TemplateInput }) =>
      id
        ? api.patch<CouponTemplate>(pathOf(id), input)
        : api.post<CouponTemplate>('/api/admin/coupons', input),
    onSuccess: () => void client.invalidateQueries({ queryKey: adminKey }),
  });
}

export function useSetCouponStatus() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: 'disable' | 'enable' }) =>
      api.post<CouponTemplate>(`${pathOf(id)}/${action}`),
    onSuccess: () => void client.invalidateQueries({ queryKey: adminKey }),
  });
}
