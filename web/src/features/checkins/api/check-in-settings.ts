import { useQuery } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';

export const settingsKey = ['admin', 'check-in-settings'] as const;

/** The operator's streak bonus table and make-up cards. */
export function useCheckInSettings() {
  return useQuery({
    queryKey: settingsKey,
    queryFn: () => call(apiClient.GET('/api/admin/check-ins/settings')),
  });
}
