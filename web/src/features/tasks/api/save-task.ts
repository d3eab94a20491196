import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';
import type { TaskInput } from '../types';
import { adminTasksKey } from './admin-tasks';

/** Creates a task, or replaces one when `id` is given. */
export function useSaveTask() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: TaskInput }) =>
      id
        ? call(apiClient.PUT('/api/admin/tasks/{id}', { params: { path: { id } }, body: input }))
        : call(apiClient.POST('/api/admin/tasks', { body: input })),
    onSuccess: () => void client.invalidateQueries({ queryKey: adminTasksKey }),
  });
}
