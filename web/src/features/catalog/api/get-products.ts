import { useInfiniteQuery } from '@tanstack/react-query';
import { api, type Page, withQuery } from '../../../lib/api-client';
import type { Product } from '../types';

export interface ProductFilter {
  q?: string;
  category?: string;
}

const PAGE_SIZE = 12;

const getProducts = (filter: ProductFilter, cursor: string | undefined) =>
  api.get<Page<Product>>(withQuery('/api/products', { ...filter, limit: PAGE_SIZE, cursor }));

/** The storefront grid, a page at a time ("Load more" follows nextCursor). */
export function useProducts(filter: ProductFilter) {
  return useInfiniteQuery({
    queryKey: ['products', filter],
    queryFn: ({ pageParam }) => getProducts(filter, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
