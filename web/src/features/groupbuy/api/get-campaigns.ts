import { useQuery } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';

/** A product's running group deals, each with the open groups one can join. */
export function useProductGroupBuys(productId: string) {
  return useQuery({
    queryKey: ['group-buys', productId],
    queryFn: () => call(apiClient.GET('/api/group-buys', { params: { query: { productId } } })),
    refetchInterval: 15_000,
  });
}

/** A community's own running group deals (those limited to its members), with their open groups. */
export function useCommunityGroupBuys(communityId: string) {
  return useQuery({
    queryKey: ['group-buys', 'community', communityId],
    queryFn: () => call(apiClient.GET('/api/group-buys', { params: { query: { communityId } } })),
    refetchInterval: 15_000,
  });
}
