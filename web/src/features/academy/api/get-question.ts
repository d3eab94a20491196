import { useQuery } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';
import { questionsKey } from './get-questions';

export const questionKey = (id: string) => [...questionsKey, 'one', id] as const;

export function useQuestion(id: string, viewerId: string | undefined) {
  return useQuery({
    queryKey: [...questionKey(id), viewerId ?? 'anonymous'],
    queryFn: () => call(apiClient.GET('/api/academy/questions/{id}', { params: { path: { id } } })),
  });
}
