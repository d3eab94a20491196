import { useQuery } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';

export const preferenceKey = ['leaderboard-preference'] as const;

/** Whether the signed-in person is listed on leaderboards. */
export function useLeaderboardPreference(enabled: boolean) {
  return useQuery({
    queryKey: preferenceKey,
    queryFn: () => call(apiClient.GET('/api/me/leaderboard')),
    enabled,
  });
}
