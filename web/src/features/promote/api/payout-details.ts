import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { PayoutDetails, PayoutDetailsInput } from '../types';

type Saved = { details: (PayoutDetails & { updatedAt: string }) | null };

export const payoutDetailsKey = ['my-payout-details'] as const;
const path = '/api/me/payout-details';

/** Where my withdrawals are paid to, masked; `details` is null until saved. */
export function usePayoutDetails() {
  return useQuery({ queryKey: payoutDetailsKey, queryFn: () => api.get<Saved>(path) });
}

export function useSavePayoutDetails() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: PayoutDetailsInput) => api.put<Saved>(path, input),
    onSuccess: (saved) => client.setQueryData(payoutDetailsKey, saved),
  });
}
