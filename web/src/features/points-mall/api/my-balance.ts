import { useQuery } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';

/** My points balance, shown at the top of the mall (the same query key as the points pages use). */
export function useMyBalance(enabled: boolean) {
  return useQuery({
    queryKey: ['my-points'],
    queryFn: () => call(apiClient.GET('/api/me/points')),
    enabled,
    select: (statement) => statement.balance,
  });
}
