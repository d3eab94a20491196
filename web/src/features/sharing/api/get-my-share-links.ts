import { useInfiniteQuery } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';

const PAGE_SIZE = 20;

/** The signed-in person's links, newest first, a page at a time ("load more"). */
export const useMyShareLinks = () =>
  useInfiniteQuery({
    queryKey: ['my-share-links'],
    queryFn: ({ pageParam }) =>
      call(
        apiClient.GET('/api/me/share-links', {
          params: { query: { limit: PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
