import { useInfiniteQuery } from '@tanstack/react-query';
import { api, type Page, withQuery } from '../../../lib/api-client';
import type { OrderStatus } from '../../orders';
import type { AdminOrder } from '../types';

export interface AdminOrderFilter {
  status?: OrderStatus;
  q?: string;
}

const getAdminOrders = (filter: AdminOrderFilter, cursor: string | undefined) =>
  api.get<Page<AdminOrder>>(withQuery('/api/admin/orders', { ...filter, cursor, limit: 20 }));

export function useAdminOrders(filter: AdminOrderFilter) {
  return useInfiniteQuery({
    queryKey: ['admin-orders', filter],
    queryFn: ({ pageParam }) => getAdminOrders(filter, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
