import { useQuery } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';

/**
 * The coupon centre's first offers, for the home page. Keyed under the coupon centre's own key
 * (`coupon-offers`) so a claim there refreshes these too; claiming itself happens in the centre.
 */
export function useCouponOffers(userId: string | undefined, limit: number) {
  return useQuery({
    queryKey: ['coupon-offers', 'home', userId ?? null, limit],
    queryFn: () => call(apiClient.GET('/api/coupons', { params: { query: { limit } } })),
    staleTime: 60_000,
    select: (page) => page.items,
  });
}
