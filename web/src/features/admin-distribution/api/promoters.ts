import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';
import { usePagedCall } from '../../../lib/paged-query';
import { reviewCommission } from './flags';

const getPromoters = (flagged: boolean, cursor: string | undefined) =>
  call(
    apiClient.GET('/api/admin/promoters', {
      params: { query: { flagged: flagged || undefined, cursor, limit: 20 } },
    }),
  );

export const usePromoters = (flaggedOnly: boolean) =>
  usePagedCall(['admin-promoters', { flaggedOnly }], (cursor) => getPromoters(flaggedOnly, cursor));

type CommissionFilter = { held: true } | { signal: 'shared_ip' };

const getCommissions = (filter: CommissionFilter, cursor: string | undefined) =>
  call(apiClient.GET('/api/admin/commissions', { params: { query: { ...filter, cursor, limit: 20 } } }));

export const useHeldCommissions = () =>
  usePagedCall(['admin-held-commissions'], (cursor) => getCommissions({ held: true }, cursor));

export const useSignalledCommissions = () =>
  usePagedCall(['admin-signalled-commissions'], (cursor) => getCommissions({ signal: 'shared_ip' }, cursor));

/**
 * Clears a fraud hold after review: the commission then settles like any other. Through the review
 * endpoint, so the decision and the operator are recorded like those taken on the flags list.
 */
export function useReleaseCommission() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => reviewCommission({ id, decision: 'release' }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['admin-held-commissions'] });
      void client.invalidateQueries({ queryKey: ['admin-promoters'] });
      void client.invalidateQueries({ queryKey: ['admin-commission-flags'] });
    },
  });
}
