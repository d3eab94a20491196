import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';
import { usePagedQuery } from '../../../lib/paged-query';
import type { AdminCampaign, NewCampaign } from '../types';

const key = ['admin-group-buys'] as const;

export const useAdminCampaigns = () => usePagedQuery<AdminCampaign>(key, '/api/admin/group-buys');

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
