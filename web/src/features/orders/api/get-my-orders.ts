import { useInfiniteQuery } from '@tanstack/react-query';
import { api, type Page, withQuery } from '../../../lib/api-client';
import type { Order, OrderStatus } from '../types';

const getMyOrders = (status: OrderStatus | undefined, cursor: string | undefined) =>
  api.get<Page<Order>>(withQuery('/api/me/orders', { status, cursor, limit: 10 }));

export function useMyOrders(status: OrderStatus | undefined) {
  return useInfiniteQuery({
    queryKey: ['my-orders', status],
    queryFn: ({ pageParam }) => getMyOrders(status, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
