import { useInfiniteQuery } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';

export const useMyAfterSales = () =>
  useInfiniteQuery({
    queryKey: ['my-after-sales'],
    queryFn: ({ pageParam }) =>
      call(
        apiClient.GET('/api/me/after-sales', {
          params: { query: { limit: 20, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
