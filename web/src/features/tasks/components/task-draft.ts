import type { Task, TaskInput, TaskKind, TaskPeriod } from '../types';

/** The console's task form as typed: numbers as text until saved. */
export interface TaskDraft {
  title: string;
  kind: TaskKind;
  period: TaskPeriod;
  target: string;
  rewardPoints: string;
  couponTemplateId: string;
  position: string;
  active: boolean;
}

export type DraftProblem = 'required' | 'whole';

export const draftOf = (task?: Task): TaskDraft => ({
  title: task?.title ?? '',
  kind: task?.kind ?? 'check_in',
  period: task?.period ?? 'daily',
  target: String(task?.target ?? 1),
  rewardPoints: String(task?.rewardPoints ?? 10),
  couponTemplateId: task?.couponTemplateId ?? '',
  position: String(task?.position ?? 0),
  active: task?.active ?? true,
});

const whole = (text: string, min: number): number | null => {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const n = Number(trimmed);
  return n >= min ? n : null;
};

/** The body to send, or the fields to fix first (by JSON pointer, as the server names them). */
export function toTaskInput(draft: TaskDraft): {
  input: TaskInput | null;
  errors: { path: string; problem: DraftProblem }[];
} {
  const errors: { path: string; problem: DraftProblem }[] = [];
  if (draft.title.trim() === '') errors.push({ path: '/title', problem: 'required' });
  const target = whole(draft.target, 1);
  if (target === null) errors.push({ path: '/target', problem: 'whole' });
  const rewardPoints = whole(draft.rewardPoints, 0);
  if (rewardPoints === null) errors.push({ path: '/rewardPoints', problem: 'whole' });
  const position = draft.position.trim() === '' ? 0 : whole(draft.position, 0);
  if (position === null) errors.push({ path: '/position', problem: 'whole' });
  if (errors.length > 0 || target === null || rewardPoints === null || position === null)
    return { input: null, errors };
  return {
    input: {
      title: draft.title.trim(),
      kind: draft.kind,
      period: draft.period,
      target,
      rewardPoints,
      couponTemplateId: draft.couponTemplateId || null,
      position,
      active: draft.active,
    },
    errors,
  };
}
