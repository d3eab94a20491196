import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';
import type { PayoutDetailsInput } from '../types';

export const payoutDetailsKey = ['my-payout-details'] as const;

const getPayoutDetails = () => call(apiClient.GET('/api/me/payout-details'));
const savePayoutDetails = (body: PayoutDetailsInput) =>
  call(apiClient.PUT('/api/me/payout-details', { body }));

/** Where my withdrawals are paid to, masked; `details` is null until saved. */
export function usePayoutDetails() {
  return useQuery({ queryKey: payoutDetailsKey, queryFn: getPayoutDetails });
}

export function useSavePayoutDetails() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: savePayoutDetails,
    onSuccess: (saved) => client.setQueryData(payoutDetailsKey, saved),
  });
}
