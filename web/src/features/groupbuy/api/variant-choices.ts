import { useQuery } from '@tanstack/react-query';
import { api, type Page, withQuery } from '../../../lib/api-client';

interface AdminProduct {
  id: string;
  title: string;
  variants: { id: string; sku: string; title: string; price: number }[];
}

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
      const page = await api.get<Page<AdminProduct>>(withQuery('/api/admin/products', { q, limit: 20 }));
      return page.items.flatMap((p) =>
        p.variants.map((v) => ({ id: v.id, label: `${p.title} — ${v.title || v.sku}`, price: v.price })),
      );
    },
  });
}
