import { useQuery } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';

export const myBadgesKey = ['me', 'badges'] as const;

/** Every badge with the signed-in person's tier, count and the next tier's threshold. */
export function useMyBadges() {
  return useQuery({ queryKey: myBadgesKey, queryFn: () => call(apiClient.GET('/api/me/badges')) });
}
