import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';
import type { SettingsPatch } from '../types';

export const settingsKey = ['admin-distribution-settings'] as const;

const getSettings = () => call(apiClient.GET('/api/admin/distribution/settings'));
/** Only the fields sent change. */
export const saveSettings = (body: SettingsPatch) =>
  call(apiClient.PUT('/api/admin/distribution/settings', { body }));

export function useDistributionSettings() {
  return useQuery({ queryKey: settingsKey, queryFn: getSettings });
}

export function useSaveDistributionSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: saveSettings,
    onSuccess: (saved) => {
      client.setQueryData(settingsKey, saved);
      // The public config carries levels and rates, which the promoter centre explains.
      void client.invalidateQueries({ queryKey: ['config'] });
    },
  });
}
