import { apiClient, call } from '../../../lib/api';
import { usePagedCall } from '../../../lib/paged-query';

export const postsKey = ['posts'] as const;

/** The feed: followed people's posts newest first, then popular ones; one cursor across both. */
export function useFeed(viewerId: string | undefined) {
  return usePagedCall([...postsKey, 'feed', viewerId ?? 'anonymous'], (cursor) =>
    call(apiClient.GET('/api/feed', { params: { query: { cursor, limit: 20 } } })),
  );
}

/** Someone's posts, newest first. */
export function useUserPosts(userId: string, viewerId: string | undefined) {
  return usePagedCall([...postsKey, 'user', userId, viewerId ?? 'anonymous'], (cursor) =>
    call(
      apiClient.GET('/api/users/{id}/posts', {
        params: { path: { id: userId }, query: { cursor, limit: 20 } },
      }),
    ),
  );
}

/** The signed-in author's posts with their figures. */
export function useMyPosts() {
  return usePagedCall([...postsKey, 'mine'], (cursor) =>
    call(apiClient.GET('/api/me/posts', { params: { query: { cursor, limit: 20 } } })),
  );
}

/** Every published post with its figures, for the console (staff). */
export function useAllPosts() {
  return usePagedCall([...postsKey, 'all'], (cursor) =>
    call(apiClient.GET('/api/admin/posts', { params: { query: { cursor, limit: 20 } } })),
  );
}
