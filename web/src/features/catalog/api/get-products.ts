import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { apiClient, call, type QueryOf } from '../../../lib/api';

type ListQuery = QueryOf<'/api/products', 'get'>;
export type ProductFilter = Pick<ListQuery, 'q' | 'category' | 'sort' | 'minPrice' | 'maxPrice'>;
export type ProductSort = NonNullable<ListQuery['sort']>;

const PAGE_SIZE = 12;

const getProducts = (filter: ProductFilter, cursor: string | undefined, limit = PAGE_SIZE) =>
  call(apiClient.GET('/api/products', { params: { query: { ...filter, limit, cursor } } }));

/** The storefront grid, a page at a time ("Load more" follows nextCursor); `total` is on every page. */
export function useProducts(filter: ProductFilter) {
  return useInfiniteQuery({
    queryKey: ['products', filter],
    queryFn: ({ pageParam }) => getProducts(filter, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // A new sort or price keeps the old results on screen until the new ones arrive.
    placeholderData: keepPreviousData,
  });
}

/** The first few products of a sort, for a home-page section. */
export function useProductSection(sort: ProductSort, limit: number) {
  return useQuery({
    queryKey: ['products', 'section', sort, limit],
    queryFn: () => getProducts({ sort }, undefined, limit),
    staleTime: 60_000,
  });
}
