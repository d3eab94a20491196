import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';
import { usePagedCall } from '../../../lib/paged-query';
import type { RingSignal } from '../types';
import { saveSettings, settingsKey } from './settings';

const flagsKey = ['admin-commission-flags'] as const;

type FlagFilter = { orderId: string } | { promoterId: string };

const getFlags = (filter: FlagFilter, cursor: string | undefined) =>
  call(apiClient.GET('/api/admin/commission-flags', { params: { query: { ...filter, cursor, limit: 20 } } }));

/** An order's commissions with their flags, or a promoter's flagged commissions. */
export const useCommissionFlags = (filter: FlagFilter) =>
  usePagedCall([...flagsKey, filter], (cursor) => getFlags(filter, cursor));

/** Release (it settles as usual) or reverse (taken back, the buyer keeps the order) a held commission. */
export const reviewCommission = (input: { id: string; decision: 'release' | 'reverse'; note?: string }) =>
  call(
    apiClient.POST('/api/admin/commissions/{id}/review', {
      params: { path: { id: input.id } },
      body: { decision: input.decision, ...(input.note?.trim() ? { note: input.note.trim() } : {}) },
    }),
  );

export function useReviewCommission() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: reviewCommission,
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
    mutationFn: (holdingSignals: RingSignal[]) => saveSettings({ holdingSignals }),
    onSuccess: (saved) => client.setQueryData(settingsKey, saved),
  });
}
