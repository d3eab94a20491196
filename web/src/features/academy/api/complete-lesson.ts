import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';
import { academyKey } from './get-academy';

/** Marks a lesson finished (again is harmless); the overview's ticks and progress re-read. */
export function useCompleteLesson() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      call(apiClient.POST('/api/me/academy/lessons/{id}/completion', { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: academyKey }),
  });
}
