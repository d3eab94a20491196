import { useQuery } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';

/** The operator's levels, lowest first: a handful, so one page of the largest size holds them. */
export function useAllLevels() {
  return useQuery({
    queryKey: ['levels'],
    queryFn: () => call(apiClient.GET('/api/levels', { params: { query: { limit: 100 } } })),
  });
}
