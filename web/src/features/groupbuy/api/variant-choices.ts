import { useQuery } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';

export interface VariantChoice {
  id: string;
  label: string;
  price: number;
}

/** Variants an operator can put on a group deal, found by product title or SKU. */
export function useVariantChoices(q: string) {
  return useQuery({
    queryKey: ['group-buy-variants', q],
    queryFn: async (): Promise<VariantChoice[]> => {
      const page = await call(apiClient.GET('/api/admin/products', { params: { query: { q, limit: 20 } } }));
      return page.items.flatMap((p) =>
        p.variants.map((v) => ({ id: v.id, label: `${p.title} — ${v.title || v.sku}`, price: v.price })),
      );
    },
  });
}
