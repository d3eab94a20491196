import { useInfiniteQuery } from '@tanstack/react-query';
import { apiClient, call, type QueryOf } from '../../../lib/api';

export type AdminOrderFilter = Pick<QueryOf<'/api/admin/orders', 'get'>, 'status' | 'q'>;

const getAdminOrders = (filter: AdminOrderFilter, cursor: string | undefined) =>
  call(apiClient.GET('/api/admin/orders', { params: { query: { ...filter, cursor, limit: 20 } } }));

export function useAdminOrders(filter: AdminOrderFilter) {
  return useInfiniteQuery({
    queryKey: ['admin-orders', filter],
    queryFn: ({ pageParam }) => getAdminOrders(filter, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
