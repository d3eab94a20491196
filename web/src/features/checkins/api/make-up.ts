import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';
import { checkInsKey } from './check-in-calendar';

/** Fills a missed day of this month with a make-up card. */
export function useMakeUp() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (day: string) => call(apiClient.POST('/api/me/check-ins/make-up', { body: { day } })),
    onSettled: () => client.invalidateQueries({ queryKey: checkInsKey }),
  });
}
