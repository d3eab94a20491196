import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';
import { preferenceKey } from './get-leaderboard-preference';
import { competitionsKey } from './list-competitions';

/** Opts in to or out of every leaderboard; the boards are fetched again to show the change. */
export function useSetLeaderboardPreference() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (listed: boolean) => call(apiClient.PUT('/api/me/leaderboard', { body: { listed } })),
    onSuccess: (data) => {
      client.setQueryData(preferenceKey, data);
      void client.invalidateQueries({ queryKey: competitionsKey });
    },
  });
}
