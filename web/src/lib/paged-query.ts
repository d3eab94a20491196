import { type InfiniteData, useInfiniteQuery } from '@tanstack/react-query';

/** Every list endpoint answers this shape (API.md). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** The items of every page loaded so far, in order. */
export const allItems = <T>(data: InfiniteData<Page<T>> | undefined): T[] =>
  data?.pages.flatMap((page) => page.items) ?? [];

/**
 * A cursor-paginated list as an infinite query over a typed call (`apiClient`): `fetchPage(cursor)`
 * asks for one page, so the path, its query and the items' type come from the generated API types,
 * and "load more" works the same everywhere.
 */
export function usePagedCall<T>(
  queryKey: readonly unknown[],
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
) {
  return useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
