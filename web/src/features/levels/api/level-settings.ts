import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';
import type { LevelSettingsInput } from '../types';

const settingsKey = ['admin-level-settings'] as const;

export function useLevelSettings() {
  return useQuery({
    queryKey: settingsKey,
    queryFn: () => call(apiClient.GET('/api/admin/levels/settings')),
  });
}

export function useSaveLevelSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: LevelSettingsInput) => call(apiClient.PUT('/api/admin/levels/settings', { body })),
    onSuccess: (saved) => client.setQueryData(settingsKey, saved),
  });
}
