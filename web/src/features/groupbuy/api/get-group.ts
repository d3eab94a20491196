import { useQuery } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';

/**
 * Polling, not server-sent events: a group fills over minutes or hours, from 2 to a few dozen
 * seats, so a 4 s poll of one indexed row is cheap, works across every process without
 * LISTEN/NOTIFY, survives proxies that cut idle streams, and stops by itself in a hidden tab
 * (TanStack pauses intervals in the background) and once the group is decided.
 */
const LIVE_MS = 4000;

/**
 * A group page stays live: members join from other phones while it is open. It never renders a
 * cached copy (`gcTime: 0`, refetch on mount): the person who just paid must see themselves in at
 * once, not the group as it was before they paid.
 */
export function useGroup(groupId: string) {
  return useQuery({
    queryKey: ['group', groupId],
    queryFn: () => call(apiClient.GET('/api/group-buys/{groupId}', { params: { path: { groupId } } })),
    gcTime: 0,
    staleTime: 0,
    refetchOnMount: 'always',
    // Back from the share sheet or the payment app: show who joined meanwhile.
    refetchOnWindowFocus: true,
    refetchInterval: (query) => (query.state.data?.status === 'open' ? LIVE_MS : false),
  });
}
