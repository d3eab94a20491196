import { useQuery } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';

/** The console's table: holders per badge and tier. */
export function useAdminHonours() {
  return useQuery({
    queryKey: ['admin', 'honours'],
    queryFn: () => call(apiClient.GET('/api/admin/honours')),
  });
}
