import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';
import { orderKey } from './get-order';

const cancelOrder = (id: string) =>
  call(apiClient.POST('/api/orders/{id}/cancel', { params: { path: { id } } }));

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
