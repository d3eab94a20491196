import { useInfiniteQuery } from '@tanstack/react-query';
import { api, type Page, withQuery } from '../../../lib/api-client';
import type { Product } from '../../catalog';

export interface AdminProductFilter {
  q?: string;
  includeArchived: boolean;
}

const getAdminProducts = (filter: AdminProductFilter, cursor: string | undefined) =>
  api.get<Page<Product>>(withQuery('/api/admin/products', { ...filter, cursor, limit: 20 }));

export function useAdminProducts(filter: AdminProductFilter) {
  return useInfiniteQuery({
    queryKey: ['admin-products', filter],
    queryFn: ({ pageParam }) => getAdminProducts(filter, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
