import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';
import type { NewQuestion } from '../types';
import { questionsKey } from './get-questions';

export function useAskQuestion() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewQuestion) => call(apiClient.POST('/api/academy/questions', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: questionsKey }),
  });
}
