import { useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../../lib/api-client';
import type { EarningDay } from '../types';

const getEarnings = (days: number) =>
  api.get<{ items: EarningDay[] }>(withQuery('/api/me/earnings', { days }));

export function useEarnings(days: number) {
  return useQuery({ queryKey: ['my-earnings', days], queryFn: () => getEarnings(days) });
}
