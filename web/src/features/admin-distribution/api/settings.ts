import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { DistributionSettings } from '../types';

const settingsKey = ['admin-distribution-settings'] as const;
const path = '/api/admin/distribution/settings';

export function useDistributionSettings() {
  return useQuery({ queryKey: settingsKey, queryFn: () => api.get<DistributionSettings>(path) });
}

export function useSaveDistributionSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (settings: DistributionSettings) => api.put<DistributionSettings>(path, settings),
    onSuccess: (saved) => {
      client.setQueryData(settingsKey, saved);
      // The public config carries levels and rates, which the promoter centre explains.
      void client.invalidateQueries({ queryKey: ['config'] });
    },
  });
}
