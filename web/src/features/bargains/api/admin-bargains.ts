import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';
import { usePagedCall } from '../../../lib/paged-query';
import type { NewCampaign } from '../types';

const campaignsKey = ['admin-bargains'] as const;

/** Every campaign with its figures (started, at the floor, bought, flagged helps). */
export const useAdminCampaigns = () =>
  usePagedCall(campaignsKey, (cursor) =>
    call(apiClient.GET('/api/admin/bargains', { params: { query: { cursor, limit: 20 } } })),
  );

export const useFlaggedHelps = () =>
  usePagedCall(['admin-bargain-flagged'], (cursor) =>
    call(apiClient.GET('/api/admin/bargain-helps/flagged', { params: { query: { cursor, limit: 20 } } })),
  );

export function useCreateCampaign() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (campaign: NewCampaign) => call(apiClient.POST('/api/admin/bargains', { body: campaign })),
    onSuccess: () => void client.invalidateQueries({ queryKey: campaignsKey }),
  });
}

export function useCloseCampaign() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      call(apiClient.POST('/api/admin/bargains/{id}/close', { params: { path: { id } } })),
    onSuccess: () => void client.invalidateQueries({ queryKey: campaignsKey }),
  });
}
