import { useQuery } from '@tanstack/react-query';
import { api, type Page, withQuery } from '../../../lib/api-client';
import type { PublicCampaign } from '../types';

/** A product's running group deals, each with the open groups one can join. */
export function useProductGroupBuys(productId: string) {
  return useQuery({
    queryKey: ['group-buys', productId],
    queryFn: () => api.get<Page<PublicCampaign>>(withQuery('/api/group-buys', { productId })),
    refetchInterval: 15_000,
  });
}
