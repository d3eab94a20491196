import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Withdrawal } from '../types';
import { walletKey } from './get-wallet';

/** The same key with the same amount answers the first request: a double click withdraws once. */
const requestWithdrawal = ({ amount, idempotencyKey }: { amount: number; idempotencyKey: string }) =>
  api.post<Withdrawal>('/api/me/withdrawals', { amount }, { headers: { 'idempotency-key': idempotencyKey } });

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
