import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';
import type { LevelInput } from '../types';

const adminKey = ['admin-levels'] as const;

export function useAdminLevels() {
  return useQuery({
    queryKey: adminKey,
    queryFn: () => call(apiClient.GET('/api/admin/levels', { params: { query: { limit: 100 } } })),
  });
}

/** Adds a level, or replaces the one at `editing` (its rank). */
export function useSaveLevel() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ editing, input }: { editing?: number; input: LevelInput }) => {
      if (editing === undefined) return call(apiClient.POST('/api/admin/levels', { body: input }));
      const { rank: _, ...body } = input;
      return call(apiClient.PUT('/api/admin/levels/{rank}', { params: { path: { rank: editing } }, body }));
    },
    onSuccess: () => void client.invalidateQueries({ queryKey: adminKey }),
  });
}

export function useDeleteLevel() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (rank: number) =>
      call(apiClient.DELETE('/api/admin/levels/{rank}', { params: { path: { rank } } })),
    onSuccess: () => void client.invalidateQueries({ queryKey: adminKey }),
  });
}
