import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, type BodyOf, call } from '../../../lib/api';
import { settingsKey } from './check-in-settings';

export type CheckInSettings = BodyOf<'/api/admin/check-ins/settings', 'put'>;

export function useSaveCheckInSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CheckInSettings) => call(apiClient.PUT('/api/admin/check-ins/settings', { body })),
    onSuccess: (saved) => client.setQueryData(settingsKey, saved),
  });
}
