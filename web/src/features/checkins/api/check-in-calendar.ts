import { useQuery } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';

export const checkInsKey = ['me', 'check-ins'] as const;

/** The person's check-in month (the current one when `month` is absent), with the streak and cards. */
export function useCheckInCalendar(month?: string) {
  return useQuery({
    queryKey: [...checkInsKey, month ?? 'current'],
    queryFn: () => call(apiClient.GET('/api/me/check-ins', { params: { query: month ? { month } : {} } })),
  });
}
