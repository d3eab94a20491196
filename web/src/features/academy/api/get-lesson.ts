import { useQuery } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';
import { academyKey } from './get-academy';

export function useLesson(id: string, viewerId: string | undefined) {
  return useQuery({
    queryKey: [...academyKey, 'lesson', id, viewerId ?? 'anonymous'],
    queryFn: () => call(apiClient.GET('/api/academy/lessons/{id}', { params: { path: { id } } })),
  });
}
