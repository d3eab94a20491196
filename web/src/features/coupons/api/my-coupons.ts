import { useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../../lib/api-client';
import { usePagedQuery } from '../../../lib/paged-query';
import type { CouponChoice, HeldCoupon, HeldCouponStatus } from '../types';

export function useMyCoupons(status: HeldCouponStatus) {
  return usePagedQuery<HeldCoupon>(['my-coupons'], '/api/me/coupons', { status });
}

/** The buyer's coupons priced by the server against these lines; best discount first. */
export function useCouponChoices(lines: readonly { variantId: string; quantity: number }[]) {
  const items = lines.map((l) => `${l.variantId}:${l.quantity}`).join(',');
  return useQuery({
    queryKey: ['my-coupons', 'applicable', items],
    queryFn: () => api.get<{ items: CouponChoice[] }>(withQuery('/api/me/coupons/applicable', { items })),
    enabled: lines.length > 0,
  });
}
