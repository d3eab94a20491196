import { useInfiniteQuery } from '@tanstack/react-query';
import { apiClient, call, type QueryOf } from '../../../lib/api';

export type ProductFilter = Pick<QueryOf<'/api/products', 'get'>, 'q' | 'category'>;

const PAGE_SIZE = 12;

const getProducts = (filter: ProductFilter, cursor: string | undefined) =>
  call(apiClient.GET('/api/products', { params: { query: { ...filter, limit: PAGE_SIZE, cursor } } }));

/** The storefront grid, a page at a time ("Load more" follows nextCursor). */
export function useProducts(filter: ProductFilter) {
  return useInfiniteQuery({
    queryKey: ['products', filter],
    queryFn: ({ pageParam }) => getProducts(filter, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
