import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';
import type { QuestionChanges } from '../types';
import { questionsKey } from './get-questions';

/** The author's own edits and deletions; the question (and the board's counts) re-read after each. */
function useBoardMutation<T>(mutationFn: (input: T) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => client.invalidateQueries({ queryKey: questionsKey }) });
}

export const useEditQuestion = (id: string) =>
  useBoardMutation((body: QuestionChanges) =>
    call(apiClient.PATCH('/api/academy/questions/{id}', { params: { path: { id } }, body })),
  );

export const useDeleteQuestion = (id: string) =>
  useBoardMutation(() => call(apiClient.DELETE('/api/academy/questions/{id}', { params: { path: { id } } })));

export const useEditAnswer = () =>
  useBoardMutation(({ id, body }: { id: string; body: string }) =>
    call(apiClient.PATCH('/api/academy/answers/{id}', { params: { path: { id } }, body: { body } })),
  );

export const useDeleteAnswer = () =>
  useBoardMutation((id: string) =>
    call(apiClient.DELETE('/api/academy/answers/{id}', { params: { path: { id } } })),
  );
