import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';
import { usePagedCall } from '../../../lib/paged-query';
import { postsKey } from './feed';

const commentsKey = (postId: string) => [...postsKey, 'comments', postId] as const;

export function useComments(postId: string, viewerId: string | undefined) {
  return usePagedCall([...commentsKey(postId), viewerId ?? 'anonymous'], (cursor) =>
    call(
      apiClient.GET('/api/posts/{id}/comments', {
        params: { path: { id: postId }, query: { cursor, limit: 20 } },
      }),
    ),
  );
}

export function useAddComment(postId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { body: string; parentId?: string }) =>
      call(apiClient.POST('/api/posts/{id}/comments', { params: { path: { id: postId } }, body })),
    onSuccess: () => client.invalidateQueries({ queryKey: postsKey }),
  });
}

export function useDeleteComment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(apiClient.DELETE('/api/comments/{id}', { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: postsKey }),
  });
}
