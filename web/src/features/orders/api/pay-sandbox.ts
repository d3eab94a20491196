import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Order } from '../types';
import { orderKey } from './get-order';

export type SandboxOutcome = 'succeed' | 'fail';

const paySandbox = ({ orderId, outcome }: { orderId: string; outcome: SandboxOutcome }) =>
  api.post<Order>(`/api/payments/sandbox/${encodeURIComponent(orderId)}/${outcome}`);

export function usePaySandbox() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: paySandbox,
    onSuccess: (order) => {
      client.setQueryData(orderKey(order.id), order);
      void client.invalidateQueries({ queryKey: ['my-orders'] });
    },
  });
}
