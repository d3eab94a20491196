import { useInfiniteQuery } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';
import type { OrderStatus } from '../types';

const getMyOrders = (status: OrderStatus | undefined, cursor: string | undefined) =>
  call(apiClient.GET('/api/me/orders', { params: { query: { status, cursor, limit: 10 } } }));

export function useMyOrders(status: OrderStatus | undefined) {
  return useInfiniteQuery({
    queryKey: ['my-orders', status],
    queryFn: ({ pageParam }) => getMyOrders(status, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
