import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';
import { usePagedCall } from '../../../lib/paged-query';
import type { CampaignPatch, GroupStatus, NewCampaign } from '../types';

const key = ['admin-group-buys'] as const;

const getCampaigns = (cursor: string | undefined) =>
  call(apiClient.GET('/api/admin/group-buys', { params: { query: { cursor, limit: 20 } } }));

export const useAdminCampaigns = () => usePagedCall(key, getCampaigns);

export function useCreateCampaign() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (campaign: NewCampaign) => call(apiClient.POST('/api/admin/group-buys', { body: campaign })),
    onSuccess: () => void client.invalidateQueries({ queryKey: key }),
  });
}

export function useCloseCampaign() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      call(apiClient.POST('/api/admin/group-buys/{id}/close', { params: { path: { id } } })),
    onSuccess: () => void client.invalidateQueries({ queryKey: key }),
  });
}

export function useAdminCampaign(id: string) {
  return useQuery({
    queryKey: [...key, id],
    queryFn: () => call(apiClient.GET('/api/admin/group-buys/{id}', { params: { path: { id } } })),
  });
}

const groupsKey = (id: string, status: GroupStatus | undefined) => [...key, id, 'groups', status ?? 'all'];

export const useCampaignGroups = (id: string, status: GroupStatus | undefined) =>
  usePagedCall(groupsKey(id, status), (cursor) =>
    call(
      apiClient.GET('/api/admin/group-buys/{id}/groups', {
        params: { path: { id }, query: { cursor, limit: 20, ...(status ? { status } : {}) } },
      }),
    ),
  );

export function useUpdateCampaign(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: CampaignPatch) =>
      call(apiClient.PATCH('/api/admin/group-buys/{id}', { params: { path: { id } }, body: patch })),
    onSuccess: () => void client.invalidateQueries({ queryKey: key }),
  });
}

export function useCompleteGroup() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (groupId: string) =>
      call(
        apiClient.POST('/api/admin/group-buys/groups/{groupId}/complete', { params: { path: { groupId } } }),
      ),
    onSuccess: () => void client.invalidateQueries({ queryKey: key }),
  });
}
