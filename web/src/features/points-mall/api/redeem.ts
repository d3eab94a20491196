import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';
import type { RedeemBody } from '../types';
import { mallKey } from './mall-items';

/** Redeems one unit; the mall, my balance, my redemptions and (for a coupon) my coupons re-read. */
export function useRedeem() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ itemId, body }: { itemId: string; body: RedeemBody }) =>
      call(apiClient.POST('/api/points-mall/{itemId}/redemptions', { params: { path: { itemId } }, body })),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: mallKey });
      void client.invalidateQueries({ queryKey: ['my-points'] });
      void client.invalidateQueries({ queryKey: ['my-coupons'] });
      void client.invalidateQueries({ queryKey: ['my-orders'] });
    },
  });
}
