import { useQuery } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';
import { competitionsKey } from './list-competitions';

/** How often a running competition's leaderboard is fetched again. */
export const LIVE_REFRESH_MS = 10_000;

/** A competition with its leaderboard and the viewer's standing; refreshed while it runs. */
export function useCompetition(id: string, viewerId: string | undefined) {
  return useQuery({
    queryKey: [...competitionsKey, 'detail', id, viewerId ?? 'anonymous'],
    queryFn: () =>
      call(apiClient.GET('/api/competitions/{id}', { params: { path: { id }, query: { top: 50 } } })),
    refetchInterval: (query) => (query.state.data?.phase === 'running' ? LIVE_REFRESH_MS : false),
  });
}
