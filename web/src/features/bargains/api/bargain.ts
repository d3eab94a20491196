import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';
import { useUser } from '../../auth';

// `mine`, `helpedByYou` and `orderId` depend on who looks: one cache entry per viewer.
const bargainKey = (id: string) => ['bargain', id] as const;

/** One bargain, refreshed every few seconds while its page is open: friends' helps arrive unannounced. */
export function useBargain(id: string) {
  const viewer = useUser().user?.id ?? null;
  return useQuery({
    queryKey: [...bargainKey(id), viewer],
    queryFn: () => call(apiClient.GET('/api/bargains/{id}', { params: { path: { id } } })),
    refetchInterval: 10_000,
  });
}

/** A friend's help: takes the next cut of the bargain's schedule. */
export function useHelpBargain(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call(apiClient.POST('/api/bargains/{id}/helps', { params: { path: { id } } })),
    onSettled: () => void client.invalidateQueries({ queryKey: bargainKey(id) }),
  });
}
