/** Pure rules of tasks: periods, which events count, progress and completion. No I/O. */
import { addDays, weekStart } from '../../platform/calendar.js';
import type { DomainEvents } from '../../platform/events.js';
import type { PolicyFeature } from '../../platform/policy.js';

export const TASK_KINDS = [
  'check_in',
  'first_order',
  'share_products',
  'invite_friend',
  'write_review',
  'finish_lesson',
  'sell_through_links',
] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

/**
 * The market policy rule a kind of task would break where it is forbidden: a reward for sharing
 * itself is paid sharing; a reward for inviting friends is pay for recruiting.
 */
export const POLICY_RULE_OF_KIND: Partial<Record<TaskKind, PolicyFeature>> = {
  share_products: 'paidSharing',
  invite_friend: 'recruitmentRewards',
};

export const TASK_PERIODS = ['daily', 'weekly', 'once'] as const;
export type TaskPeriod = (typeof TASK_PERIODS)[number];

/** The key of the period `day` (YYYY-MM-DD in the platform's time zone) falls in. */
export function periodKey(period: TaskPeriod, day: string): string {
  switch (period) {
    case 'daily':
      return day;
    case 'weekly':
      return weekStart(day);
    case 'once':
      return 'once';
  }
}

/** The first day of the next period (when progress starts again from zero); null for a one-off task. */
export function nextPeriodStart(period: TaskPeriod, day: string): string | null {
  switch (period) {
    case 'daily':
      return addDays(day, 1);
    case 'weekly':
      return addDays(weekStart(day), 7);
    case 'once':
      return null;
  }
}

/**
 * One domain event as a task sees it: whose progress it is, which kind of task it counts for, and
 * the reference that makes it count once (a second share of the same product, a job run twice).
 */
export interface Occurrence {
  kind: TaskKind;
  userId: string;
  ref: string;
  /** The day it happened on, when the event says (a check-in); else the day it is counted. */
  day?: string;
}

/** Progress of one person on one task in one period, as stored. */
export interface TaskState {
  progress: number;
  completed: boolean;
}

/**
 * The state after an event: a new event (`isNew`, one not counted before in this period) moves
 * progress one step, never past the target; reaching the target completes the task, once.
 */
export function afterEvent(
  state: TaskState,
  target: number,
  isNew: boolean,
): TaskState & { completedNow: boolean } {
  if (state.completed || !isNew) return { ...state, completedNow: false };
  const progress = Math.min(target, state.progress + 1);
  const completed = progress >= target;
  return { progress, completed, completedNow: completed };
}

/** What a person sees: progress capped at the target (a target lowered mid-period), and the status. */
export function shownProgress(counted: number, target: number, completed: boolean) {
  return {
    progress: completed ? target : Math.min(counted, target),
    status: completed ? ('completed' as const) : ('in_progress' as const),
  };
}

/** The operator's choices that do not fit together, as field errors (path, rule). */
export function definitionProblems(d: {
  kind: TaskKind;
  period: TaskPeriod;
  target: number;
  rewardPoints: number;
  couponTemplateId: string | null;
}): { path: string; rule: string; message: string }[] {
  const problems: { path: string; rule: string; message: string }[] = [];
  // A person pays a first order once in their life: as a daily task it could never come again.
  if (d.kind === 'first_order' && d.period !== 'once')
    problems.push({ path: '/period', rule: 'onlyOnce', message: 'a first order is a one-off task' });
  if (d.kind === 'first_order' && d.target !== 1)
    problems.push({ path: '/target', rule: 'onlyOne', message: 'a first order happens once' });
  if (d.kind === 'check_in' && d.period === 'daily' && d.target !== 1)
    problems.push({ path: '/target', rule: 'onlyOne', message: 'one check-in a day is possible' });
  if (d.rewardPoints === 0 && d.couponTemplateId === null)
    problems.push({ path: '/rewardPoints', rule: 'required', message: 'a task rewards points or a coupon' });
  return problems;
}

/** The points posting of a completion: one per task, person and period, whatever runs twice. */
export const rewardRef = (taskId: string, userId: string, key: string) => `task:${taskId}:${userId}:${key}`;

type CountedEvents = Pick<
  DomainEvents,
  | 'checkin.made'
  | 'order.paid'
  | 'share.created'
  | 'share.reshared'
  | 'invitation.converted'
  | 'review.created'
  | 'lesson.completed'
  | 'commission.earned'
>;
export type CountedEvent = keyof CountedEvents;

/** A share of a product, counted once per product in a period however often it is shared again. */
const sharedProduct = (e: DomainEvents['share.created']): Occurrence | null =>
  e.targetType === 'product'
    ? { kind: 'share_products', userId: e.userId, ref: `product:${e.targetId}` }
    : null;

/**
 * Which task kind each event counts for, and its reference. Sharing counts distinct products (a
 * link to a store or group is not a product); selling counts orders through the person's links or
 * store as the level-1 commission they earn on them (one per order); `order.paid` counts only a
 * buyer's first paid order, which the service asks the orders module about first.
 */
export const OCCURRENCES: { [E in CountedEvent]: (e: CountedEvents[E]) => Occurrence | null } = {
  'checkin.made': (e) => ({ kind: 'check_in', userId: e.userId, ref: `checkin:${e.day}`, day: e.day }),
  'order.paid': (e) => ({ kind: 'first_order', userId: e.userId, ref: `order:${e.orderId}` }),
  'share.created': (e) => sharedProduct(e),
  'share.reshared': (e) => sharedProduct(e),
  'invitation.converted': (e) => ({ kind: 'invite_friend', userId: e.userId, ref: `invitee:${e.inviteeId}` }),
  // Reviews are one per order line: reviewing an order counts once, however many lines it has.
  'review.created': (e) => ({ kind: 'write_review', userId: e.userId, ref: `review:order:${e.orderId}` }),
  'lesson.completed': (e) => ({ kind: 'finish_lesson', userId: e.userId, ref: `lesson:${e.lessonId}` }),
  'commission.earned': (e) =>
    e.level === 1 ? { kind: 'sell_through_links', userId: e.userId, ref: `order:${e.orderId}` } : null,
};
