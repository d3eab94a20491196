import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';
import { usePagedCall } from '../../../lib/paged-query';

export const offersKey = ['coupon-offers'] as const;

/** The coupon centre: coupons open for claiming now, with what the viewer already holds. */
export function useOffers(viewerId: string | undefined) {
  return usePagedCall([...offersKey, viewerId ?? 'anonymous'], (cursor) =>
    call(apiClient.GET('/api/coupons', { params: { query: { cursor, limit: 20 } } })),
  );
}

export function useClaimCoupon() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (templateId: string) =>
      call(apiClient.POST('/api/coupons/{id}/claim', { params: { path: { id: templateId } } })),
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
      call(apiClient.GET('/api/coupons/{id}/progress', { params: { path: { id: templateId } } })),
    enabled,
  });
}
