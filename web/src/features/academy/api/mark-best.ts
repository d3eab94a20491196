import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';
import { questionsKey } from './get-questions';

export function useMarkBest(questionId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (answerId: string | null) =>
      call(
        apiClient.POST('/api/academy/questions/{id}/best-answer', {
          params: { path: { id: questionId } },
          body: { answerId },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: questionsKey }),
  });
}
