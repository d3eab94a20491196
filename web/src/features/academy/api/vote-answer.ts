import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';
import { questionKey } from './get-question';

/** Votes an answer up, or withdraws the vote; the question re-reads (the order follows the votes). */
export function useVoteAnswer(questionId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ answerId, up }: { answerId: string; up: boolean }) => {
      const params = { params: { path: { id: answerId } } };
      return call(
        up
          ? apiClient.PUT('/api/academy/answers/{id}/vote', params)
          : apiClient.DELETE('/api/academy/answers/{id}/vote', params),
      );
    },
    onSuccess: () => client.invalidateQueries({ queryKey: questionKey(questionId) }),
  });
}
