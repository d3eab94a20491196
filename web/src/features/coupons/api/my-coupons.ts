import { useQuery } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';
import { usePagedCall } from '../../../lib/paged-query';
import type { HeldCouponStatus } from '../types';

export function useMyCoupons(status: HeldCouponStatus) {
  return usePagedCall(['my-coupons', { status }], (cursor) =>
    call(apiClient.GET('/api/me/coupons', { params: { query: { status, cursor, limit: 20 } } })),
  );
}

/**
 * The buyer's coupons priced by the server against these lines; best discount first. A group
 * order names its group, so the server prices it at the group price it will charge.
 */
export function useCouponChoices(
  lines: readonly { variantId: string; quantity: number }[],
  groupBuy?: { campaignId: string; groupId?: string },
) {
  const items = lines.map((l) => `${l.variantId}:${l.quantity}`).join(',');
  const query = {
    items,
    ...(groupBuy ? { campaignId: groupBuy.campaignId } : {}),
    ...(groupBuy?.groupId ? { groupId: groupBuy.groupId } : {}),
  };
  return useQuery({
    queryKey: ['my-coupons', 'applicable', query],
    queryFn: () => call(apiClient.GET('/api/me/coupons/applicable', { params: { query } })),
    enabled: lines.length > 0,
  });
}
