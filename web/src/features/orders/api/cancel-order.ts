import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Order } from '../types';
import { orderKey } from './get-order';

const cancelOrder = (orderId: string) => api.post<Order>(`/api/orders/${encodeURIComponent(orderId)}/cancel`);

/** The buyer cancels an unpaid order; its items go back on sale. */
export function useCancelOrder() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: cancelOrder,
    onSuccess: (order) => {
      client.setQueryData(orderKey(order.id), order);
      void client.invalidateQueries({ queryKey: ['my-orders'] });
    },
  });
}
