import { useQuery } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';

const getEarnings = (days: number) =>
  call(apiClient.GET('/api/me/earnings', { params: { query: { days } } }));

export function useEarnings(days: number) {
  return useQuery({ queryKey: ['my-earnings', days], queryFn: () => getEarnings(days) });
}
