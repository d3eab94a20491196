import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';
import { usePagedCall } from '../../../lib/paged-query';
import type { WithdrawalStatus } from '../types';

export type WithdrawalDecision = 'approve' | 'reject';

const getWithdrawals = (status: WithdrawalStatus | undefined, cursor: string | undefined) =>
  call(apiClient.GET('/api/admin/withdrawals', { params: { query: { status, cursor, limit: 20 } } }));

export const useAdminWithdrawals = (status: WithdrawalStatus | undefined) =>
  usePagedCall(['admin-withdrawals', { status }], (cursor) => getWithdrawals(status, cursor));

const decide = ({ id, decision, note }: { id: string; decision: WithdrawalDecision; note: string }) => {
  const request = { params: { path: { id } }, body: note.trim() ? { note: note.trim() } : {} };
  return call(
    decision === 'approve'
      ? apiClient.POST('/api/admin/withdrawals/{id}/approve', request)
      : apiClient.POST('/api/admin/withdrawals/{id}/reject', request),
  );
};

/** Approve (the payout is recorded) or reject (the reserved money returns to the promoter). */
export function useDecideWithdrawal() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: decide,
    onSuccess: () => void client.invalidateQueries({ queryKey: ['admin-withdrawals'] }),
  });
}
