import type { Tx } from './db.js';
import type { JobRunner } from './jobs.js';

/**
 * In-process domain events with two kinds of subscriber.
 *
 * `subscribe`: runs inside the publisher's transaction. Only for reactions that must be atomic
 * with the change because money or seats depend on it (a refund and the reversal of its
 * commissions commit or roll back together). A failure here aborts the change itself.
 *
 * `defer`: everything else (rewards, coupon return, notifications). `publish` enqueues one job per
 * deferred handler, with the event as its payload, in the publisher's transaction: the reaction
 * is as durable as the change, but its failure cannot abort it. The job runs the handler in its
 * own transaction and is retried with backoff, so deferred handlers must be idempotent.
 *
 * Why not an outbox table read by a dispatcher: the job table already is one, claimed with
 * SKIP LOCKED by any process, with retries and leases.
 *
 * Every event names the person it concerns (`userId`) so that notifications can address them.
 */
export interface DomainEvents {
  'order.paid': { orderId: string; userId: string };
  /**
   * An order paid in points alone (a points-mall product, total 0) reached `paid`. It is not a sale:
   * nothing reacts as to `order.paid` (no points, growth, commission, first-order task or invitation reward).
   */
  'order.redeemed': { orderId: string; userId: string };
  /** Handed to a carrier (fulfilment). */
  'order.shipped': { orderId: string; userId: string };
  'order.completed': { orderId: string; userId: string };
  /** Refunded in full: the order's status is now `refunded`. */
  'order.refunded': { orderId: string; userId: string };
  /**
   * Part of a paid order went back to the buyer and the order keeps its status. `refundedAmount`
   * is the order's refunded total after this refund (cumulative); `total` the order's paid total.
   */
  'order.partially_refunded': {
    orderId: string;
    userId: string;
    refundId: string;
    amount: number;
    refundedAmount: number;
    total: number;
  };
  'order.cancelled': { orderId: string; userId: string };
  /** The buyer disputed the charge at the provider: commissions are held until it closes. */
  'order.disputed': { orderId: string; userId: string };
  /** `won`: the shop kept the money; `lost`: the provider took it back from the shop. */
  'order.dispute_closed': { orderId: string; userId: string; outcome: 'won' | 'lost' };
  /** An operator decided an after-sales request; `userId` is the buyer. */
  'after_sale.decided': {
    afterSaleId: string;
    orderId: string;
    userId: string;
    status: 'refunded' | 'rejected';
    amount: number;
  };
  /** A promoter (`userId`) earned a commission on an order. */
  'commission.earned': {
    commissionId: string;
    orderId: string;
    userId: string;
    amount: number;
    level: number;
  };
  /** A promoter's (`userId`) commission became available to withdraw. */
  'commission.settled': { commissionId: string; orderId: string; userId: string; amount: number };
  /** `orderIds`: the paid members' orders (pickup codes are issued on this). */
  'group.succeeded': { groupId: string; campaignId: string; memberIds: string[]; orderIds: string[] };
  'group.failed': { groupId: string; campaignId: string; memberIds: string[] };
  /** A share link was made (not when an existing one was returned again). */
  'share.created': { userId: string; code: string; targetType: string; targetId: string };
  /** A person shared a target again through the link they already had (a weekly share task counts it). */
  'share.reshared': { userId: string; code: string; targetType: string; targetId: string };
  /** A person (`userId`) invited `inviteeId`, whose first paid order is `orderId`. */
  'invitation.converted': { userId: string; inviteeId: string; orderId: string };
  /** A daily check-in; `day` is the calendar day in the platform's time zone (YYYY-MM-DD). */
  'checkin.made': { userId: string; day: string; streak: number; points: number };
  /** A verified purchase review was written (published by the content module once it exists). */
  'review.created': { userId: string; reviewId: string; productId: string; orderId: string };
  /** An academy lesson was finished for the first time. */
  'lesson.completed': { userId: string; lessonId: string };
  /** A person's membership level changed (up at once, down at a re-evaluation). */
  'level.changed': {
    userId: string;
    fromLevel: number;
    toLevel: number;
    name: string;
    direction: 'up' | 'down';
    /** When it changed (ISO): tells a later change between the same levels from this one. */
    changedAt?: string;
    /** Why: growth reached a level, the yearly review, or the operator removed the person's level. */
    cause?: 'growth' | 'review' | 'level_removed';
  };
  /**
   * The yearly re-evaluation on `reviewDay` (YYYY-MM-DD) is coming: told to each member it would move down,
   * 30 days ahead, with the growth of the counted 12 months so far and what keeps their `level`.
   */
  'level.review_announced': {
    userId: string;
    reviewDay: string;
    level: number;
    name: string;
    growth: number;
    keepGrowth: number;
  };
  /** A badge (or a higher tier of it) was granted. */
  'badge.granted': { userId: string; badge: string; tier: 'bronze' | 'silver' | 'gold' };
  /** Points of a person's that expire within a week (`expiresAt`), told once per lot. */
  'points.expiring': { userId: string; lotId: string; points: number; expiresAt: string };
  /** A task was finished and its reward given. */
  'task.completed': {
    userId: string;
    taskId: string;
    title: string;
    rewardPoints: number;
    /** The period completed (a day, an ISO week's Monday, or `once`): one notification per period. */
    periodKey: string;
  };
  /** A competition ended and this person placed (`rank`, 1-based) among the prize winners. */
  'competition.placed': { userId: string; competitionId: string; title: string; rank: number };
  /**
   * A paid pickup order still waits at its community's pickup point a day before `collectBy`, when
   * it is refunded or returned to the platform (the communities module's uncollected-orders job).
   */
  'pickup.reminder': { userId: string; orderId: string; communityId: string; collectBy: string };
  /** A gift was claimed by its recipient; `userId` is its sender (who is told; never the address). */
  'gift.claimed': { orderId: string; userId: string };
  /** Nobody claimed a gift in time and its order is being refunded; `userId` is its sender. */
  'gift.refunded': { orderId: string; userId: string };
  /** An operator approved or rejected a promoter's (`userId`) withdrawal. */
  'withdrawal.decided': {
    withdrawalId: string;
    userId: string;
    amount: number;
    status: 'approved' | 'rejected';
  };
}

export type EventName = keyof DomainEvents;
export type EventHandler<E extends EventName> = (tx: Tx, event: DomainEvents[E]) => Promise<void>;

interface Deferred {
  jobName: string;
}

export class EventBus {
  private readonly handlers = new Map<EventName, EventHandler<never>[]>();
  private readonly deferred = new Map<EventName, Deferred[]>();

  /** `jobs` carries deferred reactions; without it (a unit test of the bus) `defer` refuses. */
  constructor(private readonly jobs?: Pick<JobRunner, 'register' | 'enqueue'>) {}

  /** A reaction inside the publisher's transaction, run in subscription order. */
  subscribe<E extends EventName>(name: E, handler: EventHandler<E>): void {
    const list = this.handlers.get(name) ?? [];
    list.push(handler as EventHandler<never>);
    this.handlers.set(name, list);
  }

  /**
   * A reaction run later by the job `jobName`, in a transaction of its own, retried until it
   * succeeds. The handler may run more than once for one event: make it idempotent.
   */
  defer<E extends EventName>(name: E, jobName: string, handler: EventHandler<E>): void {
    if (!this.jobs) throw new Error('EventBus.defer needs a job runner');
    this.jobs.register(jobName, (payload, job) =>
      job.db.transaction((tx) => handler(tx, payload as unknown as DomainEvents[E])),
    );
    const list = this.deferred.get(name) ?? [];
    list.push({ jobName });
    this.deferred.set(name, list);
  }

  async publish<E extends EventName>(tx: Tx, name: E, event: DomainEvents[E]): Promise<void> {
    for (const handler of this.handlers.get(name) ?? []) await (handler as EventHandler<E>)(tx, event);
    for (const { jobName } of this.deferred.get(name) ?? []) {
      await this.jobs?.enqueue(tx, jobName, { ...event });
    }
  }
}
