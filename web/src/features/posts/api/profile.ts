import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';
import { postsKey } from './feed';

export function useProfile(userId: string, viewerId: string | undefined) {
  return useQuery({
    queryKey: [...postsKey, 'profile', userId, viewerId ?? 'anonymous'],
    queryFn: () => call(apiClient.GET('/api/users/{id}/profile', { params: { path: { id: userId } } })),
  });
}

export function useFollow(userId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (follow: boolean) => {
      const params = { params: { path: { id: userId } } };
      return call(
        follow
          ? apiClient.POST('/api/users/{id}/followers', params)
          : apiClient.DELETE('/api/users/{id}/followers', params),
      );
    },
    onSuccess: () => client.invalidateQueries({ queryKey: postsKey }),
  });
}
