import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { usePagedQuery } from '../../../lib/paged-query';
import type { AdminCampaign, Campaign, NewCampaign } from '../types';

const key = ['admin-group-buys'] as const;

export const useAdminCampaigns = () => usePagedQuery<AdminCampaign>(key, '/api/admin/group-buys');

export function useCreateCampaign() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (campaign: NewCampaign) => api.post<Campaign>('/api/admin/group-buys', campaign),
    onSuccess: () => void client.invalidateQueries({ queryKey: key }),
  });
}

export function useCloseCampaign() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<Campaign>(`/api/admin/group-buys/${encodeURIComponent(id)}/close`),
    onSuccess: () => void client.invalidateQueries({ queryKey: key }),
  });
}
