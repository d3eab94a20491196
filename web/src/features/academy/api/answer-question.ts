import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';
import { questionsKey } from './get-questions';

/** Answers the question; the answer's question (and the board's counts) re-read. */
export function useAnswerQuestion(questionId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: string) =>
      call(
        apiClient.POST('/api/academy/questions/{id}/answers', {
          params: { path: { id: questionId } },
          body: { body },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: questionsKey }),
  });
}
