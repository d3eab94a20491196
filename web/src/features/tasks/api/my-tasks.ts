import { useQuery } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';

/** The person's tasks with this period's progress: a handful, one page. */
export function useMyTasks() {
  return useQuery({
    queryKey: ['my-tasks'],
    queryFn: () => call(apiClient.GET('/api/me/tasks')),
  });
}
