import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient, call } from '../../../lib/api';
import { usePagedCall } from '../../../lib/paged-query';
import type { LessonChanges, NewLesson } from '../types';
import { academyKey } from './get-academy';
import { questionsKey } from './get-questions';

const editorKey = ['admin', 'academy'] as const;

/** The console's editor: every section with every lesson, published or not. */
export function useAdminSections() {
  return useQuery({
    queryKey: [...editorKey, 'sections'],
    queryFn: () => call(apiClient.GET('/api/admin/academy/sections')),
  });
}

/** Every change re-reads the editor and what readers see. */
function useEditorMutation<I, O>(mutationFn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: editorKey });
      void client.invalidateQueries({ queryKey: academyKey });
      void client.invalidateQueries({ queryKey: questionsKey });
    },
  });
}

export const useCreateSection = () =>
  useEditorMutation((title: string) =>
    call(apiClient.POST('/api/admin/academy/sections', { body: { title } })),
  );

export const useDeleteSection = () =>
  useEditorMutation((id: string) =>
    call(apiClient.DELETE('/api/admin/academy/sections/{id}', { params: { path: { id } } })),
  );

export const useCreateLesson = () =>
  useEditorMutation((body: NewLesson) => call(apiClient.POST('/api/admin/academy/lessons', { body })));

export const useUpdateLesson = () =>
  useEditorMutation(({ id, changes }: { id: string; changes: LessonChanges }) =>
    call(apiClient.PATCH('/api/admin/academy/lessons/{id}', { params: { path: { id } }, body: changes })),
  );

export const useDeleteLesson = () =>
  useEditorMutation((id: string) =>
    call(apiClient.DELETE('/api/admin/academy/lessons/{id}', { params: { path: { id } } })),
  );

/** Q&A to moderate: every question and answer, hidden ones too. */
export function useAdminQuestions() {
  return usePagedCall([...editorKey, 'questions'], (cursor) =>
    call(apiClient.GET('/api/admin/academy/questions', { params: { query: { cursor, limit: 20 } } })),
  );
}

export const useHideQuestion = () =>
  useEditorMutation(({ id, hidden }: { id: string; hidden: boolean }) =>
    call(
      apiClient.PUT('/api/admin/academy/questions/{id}/hidden', {
        params: { path: { id } },
        body: { hidden },
      }),
    ),
  );

export const useHideAnswer = () =>
  useEditorMutation(({ id, hidden }: { id: string; hidden: boolean }) =>
    call(
      apiClient.PUT('/api/admin/academy/answers/{id}/hidden', { params: { path: { id } }, body: { hidden } }),
    ),
  );
