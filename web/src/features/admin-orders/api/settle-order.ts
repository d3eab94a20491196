import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { AdminOrder } from '../types';
import { adminOrderKey } from './get-admin-order';

export type OrderAction = 'complete' | 'refund';

const settleOrder = ({ id, action }: { id: string; action: OrderAction }) =>
  api.post<AdminOrder>(`/api/admin/orders/${encodeURIComponent(id)}/${action}`);

/** Complete (delivered) or refund; the answer is the order in its new state. */
export function useSettleOrder() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: settleOrder,
    onSuccess: (order) => {
      client.setQueryData(adminOrderKey(order.id), order);
      void client.invalidateQueries({ queryKey: ['admin-orders'] });
    },
  });
}
