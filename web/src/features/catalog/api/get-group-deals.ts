import { useQuery } from '@tanstack/react-query';
import { apiClient, call, type ResponseOf } from '../../../lib/api';

export type GroupDeal = ResponseOf<'/api/group-buys', 'get'>['items'][number];

/**
 * Running group-buy campaigns, for the home page's group deals and the "Group ¥39" badges on cards.
 * Composed here, on the web side, from the public group-buys API and matched to cards by product id:
 * the server's catalog module knows nothing of group buys. One page of 100 covers any shop's running
 * campaigns in practice; a product beyond it simply shows no badge.
 */
export function useGroupDeals() {
  return useQuery({
    queryKey: ['group-buys', 'running'],
    queryFn: () => call(apiClient.GET('/api/group-buys', { params: { query: { limit: 100 } } })),
    staleTime: 60_000,
    select: (page) => page.items,
  });
}

/** The lowest group price of each product with a running campaign. */
export function lowestGroupPrices(deals: readonly GroupDeal[]): Map<string, number> {
  const prices = new Map<string, number>();
  for (const deal of deals) {
    if (!deal.running) continue;
    const known = prices.get(deal.productId);
    if (known === undefined || deal.price < known) prices.set(deal.productId, deal.price);
  }
  return prices;
}

/** A product's lowest running group price, or undefined. */
export function useGroupPrice(productId: string): number | undefined {
  const deals = useGroupDeals();
  return deals.data ? lowestGroupPrices(deals.data).get(productId) : undefined;
}
