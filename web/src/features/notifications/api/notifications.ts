import {
  type InfiniteData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';
import type { Inbox } from '../types';

export const notificationsKey = ['notifications'] as const;
const POLL_MS = 30_000;

const getInbox = (query: { cursor?: string; limit: number }) =>
  call(apiClient.GET('/api/me/notifications', { params: { query } }));

/** The person's notifications, newest first, page after page; `unread` comes with every page. */
export function useNotifications() {
  return useInfiniteQuery({
    queryKey: [...notificationsKey, 'list'],
    queryFn: ({ pageParam }) => getInbox({ ...(pageParam ? { cursor: pageParam } : {}), limit: 20 }),
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
    queryFn: async () => (await getInbox({ limit: 1 })).unread,
    refetchInterval: POLL_MS,
    refetchOnWindowFocus: true,
  });
}

/** Marks the given notifications read, or all of them without ids. */
export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (ids?: string[]) =>
      call(apiClient.POST('/api/me/notifications/read', { body: ids ? { ids } : {} })),
    onSuccess: ({ unread }) => {
      client.setQueryData([...notificationsKey, 'unread'], unread);
      void client.invalidateQueries({ queryKey: [...notificationsKey, 'list'] });
    },
  });
}
