import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';

export function useAdminCommunities(q: string) {
  return useQuery({
    queryKey: ['admin-communities', q],
    queryFn: () =>
      call(
        apiClient.GET('/api/admin/communities', { params: { query: { ...(q ? { q } : {}), limit: 100 } } }),
      ),
  });
}

const applicationsKey = ['admin-leader-applications'] as const;

export function useLeaderApplications() {
  return useQuery({
    queryKey: applicationsKey,
    queryFn: () =>
      call(apiClient.GET('/api/admin/leaders', { params: { query: { status: 'pending', limit: 100 } } })),
  });
}

export function useDecideLeader() {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: applicationsKey });
  const approve = useMutation({
    mutationFn: (userId: string) =>
      call(apiClient.POST('/api/admin/leaders/{userId}/approve', { params: { path: { userId } } })),
    onSuccess: refresh,
  });
  const reject = useMutation({
    mutationFn: (userId: string) =>
      call(apiClient.POST('/api/admin/leaders/{userId}/reject', { params: { path: { userId } }, body: {} })),
    onSuccess: refresh,
  });
  return { approve, reject };
}
