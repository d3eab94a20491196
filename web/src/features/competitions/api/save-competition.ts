import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';
import type { CompetitionInput } from '../types';
import { adminCompetitionsKey } from './admin-competitions';

/** Creates a competition, or replaces one when `id` is given. */
export function useSaveCompetition() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: CompetitionInput }) =>
      id
        ? call(apiClient.PUT('/api/admin/competitions/{id}', { params: { path: { id } }, body: input }))
        : call(apiClient.POST('/api/admin/competitions', { body: input })),
    onSuccess: () => void client.invalidateQueries({ queryKey: adminCompetitionsKey }),
  });
}
