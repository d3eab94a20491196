import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { usePagedQuery } from '../../../lib/paged-query';
import type { DistributionSettings, FlaggedCommission } from '../types';

const flagsKey = ['admin-commission-flags'] as const;

/** An order's commissions with their flags, or a promoter's flagged commissions. */
export const useCommissionFlags = (filter: { orderId: string } | { promoterId: string }) =>
  usePagedQuery<FlaggedCommission>(flagsKey, '/api/admin/commission-flags', filter);

/** Release (it settles as usual) or reverse (taken back, the buyer keeps the order) a held commission. */
export function useReviewCommission() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; decision: 'release' | 'reverse'; note: string }) =>
      api.post<FlaggedCommission>(`/api/admin/commissions/${encodeURIComponent(input.id)}/review`, {
        decision: input.decision,
        ...(input.note.trim() ? { note: input.note.trim() } : {}),
      }),
    onSuccess: () => {
      for (const key of [flagsKey, ['admin-held-commissions'], ['admin-promoters']]) {
        void client.invalidateQueries({ queryKey: key });
      }
    },
  });
}

/** Saves only which signals hold a commission for review; the other rules stay as they are. */
export function useSaveHoldingSignals() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (holdingSignals: string[]) =>
      api.put<DistributionSettings>('/api/admin/distribution/settings', { holdingSignals }),
    onSuccess: (saved) => client.setQueryData(['admin-distribution-settings'], saved),
  });
}
