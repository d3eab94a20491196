import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';
import { orderKey } from './get-order';

const confirmReceipt = (id: string) =>
  call(apiClient.POST('/api/orders/{id}/receipt', { params: { path: { id } } }));

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
