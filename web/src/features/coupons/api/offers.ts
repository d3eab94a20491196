import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { usePagedQuery } from '../../../lib/paged-query';
import type { HeldCoupon, Offer } from '../types';

export const offersKey = ['coupon-offers'] as const;

/** The coupon centre: coupons open for claiming now, with what the viewer already holds. */
export function useOffers(viewerId: string | undefined) {
  return usePagedQuery<Offer>([...offersKey, viewerId ?? 'anonymous'], '/api/coupons');
}

export function useClaimCoupon() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (templateId: string) =>
      api.post<HeldCoupon>(`/api/coupons/${encodeURIComponent(templateId)}/claim`),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: offersKey });
      void client.invalidateQueries({ queryKey: ['my-coupons'] });
    },
  });
}

/** How many different people have opened the viewer's share links, against what unlocks the coupon. */
export function useShareProgress(templateId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['coupon-progress', templateId],
    queryFn: () =>
      api.get<{ required: number; reached: number }>(
        `/api/coupons/${encodeURIComponent(templateId)}/progress`,
      ),
    enabled,
  });
}
