import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';
import { orderKey } from './get-order';

export type SandboxOutcome = 'succeed' | 'fail';

const paySandbox = ({ orderId, outcome }: { orderId: string; outcome: SandboxOutcome }) => {
  const params = { params: { path: { orderId } } };
  return call(
    outcome === 'succeed'
      ? apiClient.POST('/api/payments/sandbox/{orderId}/succeed', params)
      : apiClient.POST('/api/payments/sandbox/{orderId}/fail', params),
  );
};

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
