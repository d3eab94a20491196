import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Group } from '../types';

const LIVE_MS = 4000;

/** A group page stays live: members join from other phones while it is open. */
export function useGroup(groupId: string) {
  return useQuery({
    queryKey: ['group', groupId],
    queryFn: () => api.get<Group>(`/api/group-buys/${encodeURIComponent(groupId)}`),
    refetchInterval: (query) => (query.state.data?.status === 'open' ? LIVE_MS : false),
  });
}
