import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Order } from '../../orders';
import { adminOrderKey } from './get-admin-order';

export type OrderAction = 'complete' | 'refund';

const settleOrder = ({ id, action }: { id: string; action: OrderAction }) =>
  api.post<Order>(`/api/admin/orders/${encodeURIComponent(id)}/${action}`);

/** Complete (delivered) or refund. */
export function useSettleOrder() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: settleOrder,
    // The answer is the buyer-facing order (no `buyer`), so the admin view is fetched again.
    onSuccess: (order) => {
      void client.invalidateQueries({ queryKey: adminOrderKey(order.id) });
      void client.invalidateQueries({ queryKey: ['admin-orders'] });
    },
  });
}
