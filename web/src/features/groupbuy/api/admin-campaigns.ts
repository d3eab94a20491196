import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';
import { usePagedCall } from '../../../lib/paged-query';
import type { NewCampaign } from '../types';

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
