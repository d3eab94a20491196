import { useInfiniteQuery } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';

/** My points: balance and what expires come with every page; the history loads page by page. */
export const useMyPointsStatement = () =>
  useInfiniteQuery({
    queryKey: ['my-points', 'statement'],
    queryFn: ({ pageParam }) =>
      call(
        apiClient.GET('/api/me/points', {
          params: { query: { limit: 20, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
