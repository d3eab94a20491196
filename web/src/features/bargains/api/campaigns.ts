import { useMutation, useQuery } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';

/** The campaigns a bargain can be started on (empty where the policy forbids bargains). */
export function useCampaigns() {
  return useQuery({
    queryKey: ['bargain-campaigns'],
    queryFn: () => call(apiClient.GET('/api/bargain-campaigns', { params: { query: { limit: 20 } } })),
  });
}

export function useStartBargain() {
  return useMutation({
    mutationFn: (campaignId: string) => call(apiClient.POST('/api/bargains', { body: { campaignId } })),
  });
}
