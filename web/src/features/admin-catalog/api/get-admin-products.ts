import { useInfiniteQuery } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';

export interface AdminProductFilter {
  q?: string;
  includeArchived: boolean;
}

const getAdminProducts = (filter: AdminProductFilter, cursor: string | undefined) =>
  call(apiClient.GET('/api/admin/products', { params: { query: { ...filter, cursor, limit: 20 } } }));

export function useAdminProducts(filter: AdminProductFilter) {
  return useInfiniteQuery({
    queryKey: ['admin-products', filter],
    queryFn: ({ pageParam }) => getAdminProducts(filter, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
