import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';
import { checkInsKey } from './check-in-calendar';

/** Today's check-in. The calendar and the points balance are read again, whatever the answer. */
export function useCheckIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call(apiClient.POST('/api/me/check-ins')),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: checkInsKey });
      void client.invalidateQueries({ queryKey: ['my-points'] });
    },
  });
}
