import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';
import { adminCompetitionsKey } from './admin-competitions';

/** Cancels a competition that has not started. */
export function useCancelCompetition() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      call(apiClient.POST('/api/admin/competitions/{id}/cancel', { params: { path: { id } } })),
    onSuccess: () => void client.invalidateQueries({ queryKey: adminCompetitionsKey }),
  });
}
