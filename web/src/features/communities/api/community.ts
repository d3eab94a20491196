import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';

export const communityKey = (id: string) => ['community', id] as const;
export const myCommunityKey = ['my-community'] as const;

export function useCommunity(id: string) {
  return useQuery({
    queryKey: communityKey(id),
    queryFn: () => call(apiClient.GET('/api/communities/{id}', { params: { path: { id } } })),
  });
}

/** The community the signed-in person belongs to, or null. */
export function useMyCommunity(enabled = true) {
  return useQuery({
    queryKey: myCommunityKey,
    queryFn: async () => (await call(apiClient.GET('/api/me/community'))).community,
    enabled,
  });
}

export function useCommunities(q: string) {
  return useQuery({
    queryKey: ['communities', q],
    queryFn: () =>
      call(apiClient.GET('/api/communities', { params: { query: { ...(q ? { q } : {}), limit: 50 } } })),
  });
}

/** Joining or leaving; either way the community and "my community" are read again. */
export function useMembership(id: string) {
  const client = useQueryClient();
  const refresh = () =>
    Promise.all([
      client.invalidateQueries({ queryKey: communityKey(id) }),
      client.invalidateQueries({ queryKey: myCommunityKey }),
    ]);
  const join = useMutation({
    mutationFn: () =>
      call(apiClient.POST('/api/communities/{id}/members', { params: { path: { id } }, body: {} })),
    onSuccess: refresh,
  });
  const leave = useMutation({
    mutationFn: () => call(apiClient.DELETE('/api/communities/{id}/members', { params: { path: { id } } })),
    onSuccess: refresh,
  });
  return { join, leave };
}
