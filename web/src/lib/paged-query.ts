import { type InfiniteData, useInfiniteQuery } from '@tanstack/react-query';
import { api, type Page, withQuery } from './api-client';

type Query = Parameters<typeof withQuery>[1];

/**
 * A cursor-paginated list endpoint as an infinite query: every list in the API has the same
 * `{ items, nextCursor }` shape, so "load more" works the same everywhere.
 */
export function usePagedQuery<T>(queryKey: readonly unknown[], path: string, query: Query = {}, limit = 20) {
  return useInfiniteQuery({
    queryKey: [...queryKey, query],
    queryFn: ({ pageParam }) => api.get<Page<T>>(withQuery(path, { ...query, cursor: pageParam, limit })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** The items of every page loaded so far, in order. */
export const allItems = <T>(data: InfiniteData<Page<T>> | undefined): T[] =>
  data?.pages.flatMap((page) => page.items) ?? [];

/**
 * The same over a typed call (`apiClient`): `fetchPage(cursor)` asks for one page, so the path,
 * its query and the items' type come from the generated API types.
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
