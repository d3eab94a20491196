import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';
import type { Post, PostInput } from '../types';
import { postsKey } from './feed';

export const postKey = (id: string) => [...postsKey, 'one', id] as const;

export function usePost(id: string, viewerId: string | undefined) {
  return useQuery({
    queryKey: [...postKey(id), viewerId ?? 'anonymous'],
    queryFn: () => call(apiClient.GET('/api/posts/{id}', { params: { path: { id } } })),
  });
}

export function usePostStats(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...postKey(id), 'stats'],
    queryFn: () => call(apiClient.GET('/api/posts/{id}/stats', { params: { path: { id } } })),
    enabled,
  });
}

export function useCreatePost() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PostInput) => call(apiClient.POST('/api/posts', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: postsKey }),
  });
}

export function usePublishPost(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () =>
      call(apiClient.PATCH('/api/posts/{id}', { params: { path: { id } }, body: { draft: false } })),
    onSuccess: () => client.invalidateQueries({ queryKey: postsKey }),
  });
}

export function useDeletePost(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call(apiClient.DELETE('/api/posts/{id}', { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: postsKey }),
  });
}

/** Likes or withdraws the like; the post on screen takes the answer's count at once. */
export function useLike(post: Post) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (like: boolean) => {
      const params = { params: { path: { id: post.id } } };
      return call(
        like
          ? apiClient.POST('/api/posts/{id}/likes', params)
          : apiClient.DELETE('/api/posts/{id}/likes', params),
      );
    },
    onSuccess: () => client.invalidateQueries({ queryKey: postsKey }),
  });
}

/** Counts a tap on a tagged product; the product page opens whatever the answer. */
export const countProductClick = (postId: string, productId: string) =>
  apiClient.POST('/api/posts/{id}/clicks', { params: { path: { id: postId } }, body: { productId } });
