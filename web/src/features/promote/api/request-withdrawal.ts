import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';
import { walletKey } from './get-wallet';

/** The same key with the same amount answers the first request: a double click withdraws once. */
const requestWithdrawal = ({ amount, idempotencyKey }: { amount: number; idempotencyKey: string }) =>
  call(
    apiClient.POST('/api/me/withdrawals', {
      body: { amount },
      params: { header: { 'idempotency-key': idempotencyKey } },
    }),
  );

export function useRequestWithdrawal() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: requestWithdrawal,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: walletKey });
      void client.invalidateQueries({ queryKey: ['my-withdrawals'] });
    },
  });
}
