import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { usePagedQuery } from '../../../lib/paged-query';
import type { HeldCommission, PromoterSummary } from '../types';

export const usePromoters = (flaggedOnly: boolean) =>
  usePagedQuery<PromoterSummary>(['admin-promoters'], '/api/admin/promoters', {
    flagged: flaggedOnly || undefined,
  });

export const useHeldCommissions = () =>
  usePagedQuery<HeldCommission>(['admin-held-commissions'], '/api/admin/commissions', { held: true });

export const useSignalledCommissions = () =>
  usePagedQuery<HeldCommission>(['admin-signalled-commissions'], '/api/admin/commissions', {
    signal: 'shared_ip',
  });

/**
 * Clears a fraud hold after review: the commission then settles like any other. Through the review
 * endpoint, so the decision and the operator are recorded like those taken on the flags list.
 */
export function useReleaseCommission() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api.post(`/api/admin/commissions/${encodeURIComponent(id)}/review`, { decision: 'release' }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['admin-held-commissions'] });
      void client.invalidateQueries({ queryKey: ['admin-promoters'] });
      void client.invalidateQueries({ queryKey: ['admin-commission-flags'] });
    },
  });
}
