import {
  type InfiniteData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api, withQuery } from '../../../lib/api-client';
import type { Inbox } from '../types';

export const notificationsKey = ['notifications'] as const;
const POLL_MS = 30_000;

/** The person's notifications, newest first, page after page; `unread` comes with every page. */
export function useNotifications() {
  return useInfiniteQuery({
    queryKey: [...notificationsKey, 'list'],
    queryFn: ({ pageParam }) =>
      api.get<Inbox>(withQuery('/api/me/notifications', { cursor: pageParam, limit: 20 })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export const allNotifications = (data: InfiniteData<Inbox> | undefined) =>
  data?.pages.flatMap((page) => page.items) ?? [];

/** The unread count for the bell: asked again every 30 s and whenever the window gets focus. */
export function useUnreadCount() {
  return useQuery({
    queryKey: [...notificationsKey, 'unread'],
    queryFn: async () => (await api.get<Inbox>('/api/me/notifications?limit=1')).unread,
    refetchInterval: POLL_MS,
    refetchOnWindowFocus: true,
  });
}

/** Marks the given notifications read, or all of them without ids. */
export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (ids?: string[]) =>
      api.post<{ unread: number }>('/api/me/notifications/read', ids ? { ids } : {}),
    onSuccess: ({ unread }) => {
      client.setQueryData([...notificationsKey, 'unread'], unread);
      void client.invalidateQueries({ queryKey: [...notificationsKey, 'list'] });
    },
  });
}
