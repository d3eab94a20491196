import { useQuery } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';
import { adminCompetitionsKey } from './admin-competitions';

/** One competition with its full results and the prizes paid, for the console. */
export function useAdminCompetition(id: string | undefined) {
  return useQuery({
    queryKey: [...adminCompetitionsKey, id],
    queryFn: () =>
      call(apiClient.GET('/api/admin/competitions/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: id !== undefined,
  });
}
