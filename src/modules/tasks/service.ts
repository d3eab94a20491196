import { dayIn, startOfDay } from '../../platform/calendar.js';
import type { Clock } from '../../platform/clock.js';
import type { Database, Tx } from '../../platform/db.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { DomainEvents, EventBus } from '../../platform/events.js';
import { decodeCursor, toPage } from '../../platform/http/pagination.js';
import { newId } from '../../platform/ids.js';
import type { Policy } from '../../platform/policy.js';
import { type AuditContext, record } from '../audit/index.js';
import type { CouponsService } from '../coupons/index.js';
import type { OrdersService } from '../orders/index.js';
import type { PointsService } from '../points/index.js';
import * as q from './queries.js';
import {
  afterEvent,
  type CountedEvent,
  definitionProblems,
  nextPeriodStart,
  OCCURRENCES,
  type Occurrence,
  POLICY_RULE_OF_KIND,
  periodKey,
  rewardRef,
  shownProgress,
} from './rules.js';
import type { MyTask, Task, TaskInput } from './schemas.js';

export interface TasksContext {
  db: Database;
  clock: Clock;
  /** The platform's time zone (config.timeZone): days and ISO weeks are this zone's. */
  timeZone: string;
  points: Pick<PointsService, 'earn'>;
  coupons: Pick<CouponsService, 'grant' | 'getTemplate'>;
  orders: Pick<OrdersService, 'hasPaidBefore'>;
  events: Pick<EventBus, 'publish'>;
  /** The market policy profile: a kind of task it forbids is not created and rewards no one. */
  policy?: Pick<Policy, 'allows' | 'assertAllowed'>;
}

const present = (r: q.TaskRow): Task => ({
  id: r.id,
  title: r.title,
  kind: r.kind,
  target: r.target,
  rewardPoints: r.reward_points,
  couponTemplateId: r.coupon_template_id,
  period: r.period,
  active: r.active,
  position: r.position,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

/**
 * Tasks: the operator defines them; each person's progress comes from domain events, counted by
 * deferred reactions (src/reactions.ts), once per event, task and period. Reaching the target pays
 * the reward in the same transaction, once per period (the completion's primary key and the points
 * posting's ref), and tells the person (`task.completed`).
 */
export function createTasksService(ctx: TasksContext) {
  const { db, clock } = ctx;
  const today = () => dayIn(ctx.timeZone, clock.now());

  /** Whether the market policy lets a task of this kind reward anyone (POLICY_RULE_OF_KIND). */
  const kindAllowed = (kind: q.TaskColumns['kind']) => {
    const rule = POLICY_RULE_OF_KIND[kind];
    return !rule || !ctx.policy || ctx.policy.allows(rule);
  };

  async function columnsOf(input: TaskInput): Promise<q.TaskColumns> {
    const rule = POLICY_RULE_OF_KIND[input.kind];
    if (rule) ctx.policy?.assertAllowed(rule);
    const columns: q.TaskColumns = {
      title: input.title.trim(),
      kind: input.kind,
      target: input.target,
      reward_points: input.rewardPoints,
      coupon_template_id: input.couponTemplateId ?? null,
      period: input.period,
      active: input.active ?? true,
      position: input.position ?? 0,
    };
    const problems = definitionProblems({
      kind: columns.kind,
      period: columns.period,
      target: columns.target,
      rewardPoints: columns.reward_points,
      couponTemplateId: columns.coupon_template_id,
    });
    if (columns.coupon_template_id !== null) {
      const known = await ctx.coupons.getTemplate(columns.coupon_template_id).then(
        () => true,
        () => false,
      );
      if (!known) problems.push({ path: '/couponTemplateId', rule: 'unknown', message: 'is not a coupon' });
    }
    if (problems.length > 0)
      throw new AppError(
        'invalid_input',
        'The request is invalid',
        problems.map((p) => ({ path: p.path, message: p.message, rule: p.rule })),
      );
    return columns;
  }

  async function create(input: TaskInput, by?: AuditContext): Promise<Task> {
    const columns = await columnsOf(input);
    return db.transaction(async (tx) => {
      const at = clock.now();
      const task = present(await q.insertTask(tx, newId(), columns, at));
      await record(tx, {
        by,
        at,
        action: 'task.create',
        target: { type: 'task', id: task.id },
        before: null,
        after: task,
      });
      return task;
    });
  }

  async function update(id: string, input: TaskInput, by?: AuditContext): Promise<Task> {
    if (!(await q.findTask(db, id))) throw notFound('Task');
    const columns = await columnsOf(input);
    return db.transaction(async (tx) => {
      const was = await q.findTask(tx, id);
      const at = clock.now();
      const row = await q.updateTask(tx, id, columns, at);
      if (!row || !was) throw notFound('Task');
      const task = present(row);
      const target = { type: 'task', id };
      await record(tx, { by, at, action: 'task.update', target, before: present(was), after: task });
      return task;
    });
  }

  async function deactivate(id: string, by?: AuditContext): Promise<Task> {
    return db.transaction(async (tx) => {
      const was = await q.findTask(tx, id);
      const at = clock.now();
      const row = await q.deactivate(tx, id, at);
      if (!row || !was) throw notFound('Task');
      const task = present(row);
      const target = { type: 'task', id };
      await record(tx, { by, at, action: 'task.deactivate', target, before: present(was), after: task });
      return task;
    });
  }

  async function get(id: string): Promise<Task> {
    const row = await q.findTask(db, id);
    if (!row) throw notFound('Task');
    return present(row);
  }

  async function list(page: { limit?: number; cursor?: string }) {
    const limit = page.limit ?? 20;
    const key = decodeCursor(page.cursor);
    const [position, createdAt, id] = key ?? [];
    const after =
      key && typeof position === 'number' && typeof createdAt === 'string' && typeof id === 'string'
        ? { position, createdAt, id }
        : undefined;
    const rows = await q.listTasks(db, { limit, after });
    return toPage(rows, limit, (r) => [r.position, r.created_at.toISOString(), r.id], present);
  }

  /**
   * Pays a completion's reward: the coupon if any, then points by a ref per task, person and period.
   * In that order because the points mall and competition awards take the coupon template's lock
   * before the person's points lock; the same order here means they cannot deadlock.
   */
  async function reward(tx: Tx, task: q.TaskRow, userId: string, key: string) {
    if (task.coupon_template_id) {
      // A disabled or used-up template gives nothing; the points are still paid.
      const coupon = await ctx.coupons.grant(tx, task.coupon_template_id, userId, 'task');
      if (coupon) await q.setCompletionCoupon(tx, { taskId: task.id, userId, key, couponId: coupon.id });
    }
    if (task.reward_points > 0)
      await ctx.points.earn(tx, {
        userId,
        points: task.reward_points,
        reason: 'task',
        ref: rewardRef(task.id, userId, key),
      });
    await ctx.events.publish(tx, 'task.completed', {
      userId,
      taskId: task.id,
      title: task.title,
      rewardPoints: task.reward_points,
      periodKey: key,
    });
  }

  /** Counts one occurrence for every active task of its kind, in the reaction's transaction. */
  async function count(tx: Tx, o: Occurrence) {
    const day = o.day ?? today();
    const now = clock.now();
    // A task the policy now forbids keeps its progress but counts nothing more until it is allowed again.
    if (!kindAllowed(o.kind)) return;
    for (const task of await q.activeTasksOfKind(tx, o.kind)) {
      const key = periodKey(task.period, day);
      await q.lockProgress(tx, task.id, o.userId, key);
      if (await q.isCompleted(tx, task.id, o.userId, key)) continue;
      const counted = await q.countedEvents(tx, task.id, o.userId, key);
      const isNew = await q.insertProgressEvent(tx, {
        taskId: task.id,
        userId: o.userId,
        key,
        ref: o.ref,
        now,
      });
      const next = afterEvent({ progress: counted, completed: false }, task.target, isNew);
      if (!next.completedNow) continue;
      const recorded = await q.insertCompletion(tx, {
        taskId: task.id,
        userId: o.userId,
        key,
        points: task.reward_points,
        now,
      });
      if (recorded) await reward(tx, task, o.userId, key);
    }
  }

  function reaction<E extends CountedEvent>(name: E) {
    const occurrenceOf = OCCURRENCES[name] as (e: DomainEvents[E]) => Occurrence | null;
    return async (tx: Tx, event: DomainEvents[E]) => {
      const o = occurrenceOf(event);
      if (o) await count(tx, o);
    };
  }

  /**
   * Wired in src/reactions.ts as deferred reactions; each may run twice for one event and counts
   * it once (the progress table's primary key). A first order is a paid order with none paid before it.
   */
  const reactions = {
    onCheckIn: reaction('checkin.made'),
    onPaid: async (tx: Tx, e: DomainEvents['order.paid']) => {
      if (!(await ctx.orders.hasPaidBefore(tx, e.userId, e.orderId))) await reaction('order.paid')(tx, e);
    },
    onShare: reaction('share.created'),
    onReshare: reaction('share.reshared'),
    onInvitation: reaction('invitation.converted'),
    onReview: reaction('review.created'),
    onLesson: reaction('lesson.completed'),
    onCommission: reaction('commission.earned'),
  };

  async function couponTitles(ids: string[]) {
    const titles = new Map<string, string>();
    for (const id of new Set(ids)) {
      const template = await ctx.coupons.getTemplate(id).catch(() => null);
      if (template) titles.set(id, template.title);
    }
    return titles;
  }

  /** Every active task with this person's progress in the current period. */
  async function mine(userId: string): Promise<{ items: MyTask[]; nextCursor: null }> {
    const day = today();
    const tasks = await q.activeTasks(db);
    const keyOf = (t: q.TaskRow) => periodKey(t.period, day);
    const { counted, completed } = await q.progressOf(
      db,
      userId,
      tasks.map((t) => ({ taskId: t.id, key: keyOf(t) })),
    );
    const titles = await couponTitles(
      tasks.flatMap((t) => (t.coupon_template_id ? [t.coupon_template_id] : [])),
    );
    const items = tasks.map((t): MyTask => {
      const pair = `${t.id}|${keyOf(t)}`;
      const next = nextPeriodStart(t.period, day);
      return {
        id: t.id,
        title: t.title,
        kind: t.kind,
        ...shownProgress(counted.get(pair) ?? 0, t.target, completed.has(pair)),
        target: t.target,
        reward: {
          points: t.reward_points,
          couponTitle: t.coupon_template_id ? (titles.get(t.coupon_template_id) ?? null) : null,
        },
        period: t.period,
        resetsAt: next ? startOfDay(ctx.timeZone, next).toISOString() : null,
      };
    });
    return { items, nextCursor: null };
  }

  return { create, update, deactivate, get, list, mine, reactions };
}

export type TasksService = ReturnType<typeof createTasksService>;
