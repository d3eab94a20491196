import { useQuery } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';

/** Someone's earned badges (public): a store owner's on their store page. */
export function useUserBadges(userId: string) {
  return useQuery({
    queryKey: ['user-badges', userId],
    queryFn: () => call(apiClient.GET('/api/users/{id}/badges', { params: { path: { id: userId } } })),
    enabled: userId !== '',
  });
}
