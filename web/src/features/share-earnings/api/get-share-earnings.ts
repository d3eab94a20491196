import { useQuery } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';
import { useUser } from '../../auth';
import type { ShareEarning } from '../types';

/** The server takes up to 50 product ids a request. */
const CHUNK = 50;

/** What a share of each of these products earns the signed-in person; nothing for guests. */
export function useShareEarnings(productIds: readonly string[]) {
  const { user } = useUser();
  const ids = [...new Set(productIds)].sort();
  return useQuery({
    queryKey: ['share-earnings', user?.id, ids],
    enabled: Boolean(user) && ids.length > 0,
    queryFn: async () => {
      const chunks = Array.from({ length: Math.ceil(ids.length / CHUNK) }, (_, i) =>
        ids.slice(i * CHUNK, (i + 1) * CHUNK),
      );
      const pages = await Promise.all(
        chunks.map((chunk) =>
          call(
            apiClient.GET('/api/me/share-earnings', { params: { query: { productIds: chunk.join(',') } } }),
          ),
        ),
      );
      return pages.flatMap((p) => p.items);
    },
    staleTime: 60_000,
  });
}

/** A share of one product: at this variant's price, or at this group-buy campaign's price. */
export function useShareEarning(
  productId: string | undefined,
  at: { variantId?: string; campaignId?: string },
): number | undefined {
  const earnings = useShareEarnings(productId ? [productId] : []);
  const item = earnings.data?.find((e) => e.productId === productId);
  if (!item) return undefined;
  if (at.campaignId) return item.groupBuys.find((g) => g.campaignId === at.campaignId)?.earn;
  return item.variants.find((v) => v.variantId === at.variantId)?.earn;
}

/** The least a share of each product earns (at its cheapest variant), for product cards. */
export function leastEarnings(items: readonly ShareEarning[] | undefined): Map<string, number> {
  return new Map(
    (items ?? []).flatMap((i) =>
      i.variants.length ? [[i.productId, Math.min(...i.variants.map((v) => v.earn))] as const] : [],
    ),
  );
}
