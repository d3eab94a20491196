import { useQuery } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';

const LIVE_MS = 4000;

/** A group page stays live: members join from other phones while it is open. */
export function useGroup(groupId: string) {
  return useQuery({
    queryKey: ['group', groupId],
    queryFn: () => call(apiClient.GET('/api/group-buys/{groupId}', { params: { path: { groupId } } })),
    refetchInterval: (query) => (query.state.data?.status === 'open' ? LIVE_MS : false),
  });
}
