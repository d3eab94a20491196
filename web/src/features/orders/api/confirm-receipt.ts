import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Order } from '../types';
import { orderKey } from './get-order';

const confirmReceipt = (orderId: string) =>
  api.post<Order>(`/api/orders/${encodeURIComponent(orderId)}/receipt`);

/** The buyer says a shipped order arrived: it is completed and its return window starts. */
export function useConfirmReceipt() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: confirmReceipt,
    onSuccess: (order) => {
      client.setQueryData(orderKey(order.id), order);
      void client.invalidateQueries({ queryKey: ['my-orders'] });
    },
  });
}
