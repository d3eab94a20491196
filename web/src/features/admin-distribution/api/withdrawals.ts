import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { usePagedQuery } from '../../../lib/paged-query';
import type { AdminWithdrawal } from '../types';

export type WithdrawalDecision = 'approve' | 'reject';

export const useAdminWithdrawals = (status: AdminWithdrawal['status'] | undefined) =>
  usePagedQuery<AdminWithdrawal>(['admin-withdrawals'], '/api/admin/withdrawals', { status });

const decide = ({ id, decision, note }: { id: string; decision: WithdrawalDecision; note: string }) =>
  api.post<AdminWithdrawal>(
    `/api/admin/withdrawals/${encodeURIComponent(id)}/${decision}`,
    note.trim() ? { note: note.trim() } : {},
  );

/** Approve (the payout is recorded) or reject (the reserved money returns to the promoter). */
export function useDecideWithdrawal() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: decide,
    onSuccess: () => void client.invalidateQueries({ queryKey: ['admin-withdrawals'] }),
  });
}
