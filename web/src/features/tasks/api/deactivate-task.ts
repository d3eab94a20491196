import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';
import { adminTasksKey } from './admin-tasks';

export function useDeactivateTask() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      call(apiClient.POST('/api/admin/tasks/{id}/deactivate', { params: { path: { id } } })),
    onSuccess: () => void client.invalidateQueries({ queryKey: adminTasksKey }),
  });
}
