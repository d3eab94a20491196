import { useQuery } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';
import { usePagedCall } from '../../../lib/paged-query';

export const adminTasksKey = ['admin-tasks'] as const;
const byId = (id: string) => ({ params: { path: { id } } });

export function useAdminTasks() {
  return usePagedCall(adminTasksKey, (cursor) =>
    call(apiClient.GET('/api/admin/tasks', { params: { query: { cursor, limit: 50 } } })),
  );
}

export function useAdminTask(id: string | undefined) {
  return useQuery({
    queryKey: [...adminTasksKey, id],
    queryFn: () => call(apiClient.GET('/api/admin/tasks/{id}', byId(id ?? ''))),
    enabled: id !== undefined,
  });
}
