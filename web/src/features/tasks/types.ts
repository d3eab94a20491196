import type { BodyOf, ResponseOf } from '../../lib/api';

/** Tasks as the API shows them: derived from the generated API types, never copied. */
export type MyTask = ResponseOf<'/api/me/tasks', 'get'>['items'][number];
export type Task = ResponseOf<'/api/admin/tasks/{id}', 'get'>;
export type TaskInput = BodyOf<'/api/admin/tasks', 'post'>;
export type TaskKind = Task['kind'];
export type TaskPeriod = Task['period'];

export const TASK_KINDS: readonly TaskKind[] = [
  'check_in',
  'first_order',
  'share_products',
  'invite_friend',
  'write_review',
  'finish_lesson',
  'sell_through_links',
];
export const TASK_PERIODS: readonly TaskPeriod[] = ['daily', 'weekly', 'once'];
