import { apiClient, call } from '../../../lib/api';
import { usePagedCall } from '../../../lib/paged-query';
import type { QuestionsFilter } from '../types';

export const questionsKey = ['academy-questions'] as const;

/** The board, newest first, or only the unanswered questions. */
export function useQuestions(filter: QuestionsFilter, viewerId: string | undefined) {
  return usePagedCall([...questionsKey, 'list', filter, viewerId ?? 'anonymous'], (cursor) =>
    call(apiClient.GET('/api/academy/questions', { params: { query: { filter, cursor, limit: 20 } } })),
  );
}
