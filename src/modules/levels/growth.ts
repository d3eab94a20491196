import type { Database, Tx } from '../../platform/db.js';
import type { DomainEvents } from '../../platform/events.js';
import { newId } from '../../platform/ids.js';
import type { LevelsContext } from './context.js';
import * as q from './queries.js';
import { growthForPaid, growthTakenBack, type Level, levelAfterGrowth, levelAt } from './rules.js';

/** Growth reasons, as codes the web translates. */
export type GrowthReason = 'order' | 'refund' | 'checkin' | 'review' | 'lesson';

interface Posting {
  userId: string;
  delta: number;
  reason: GrowthReason;
  ref: string;
  orderId?: string;
  /** When the growth counts (a take-back: when what it takes back was earned); now by default. */
  earnedAt?: Date;
}

const orderRef = (orderId: string) => `order:${orderId}`;
/** Reviewing an order earns growth once, however many reviews (one per line) it gets. */
const reviewRef = (orderId: string) => `review:order:${orderId}`;

/** The currency's minor digits (CNY 2, JPY 0), for growth per major unit. */
export const minorDigitsOf = (currency: string) =>
  new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;

/**
 * Posts growth and moves the person up at once when it crosses a threshold (never down: that
 * waits for the yearly re-evaluation). Serialized per person. False when `ref` was posted before.
 */
export async function postGrowth(ctx: LevelsContext, tx: Tx, p: Posting): Promise<boolean> {
  await q.lockPerson(tx, p.userId);
  const now = ctx.clock.now();
  const posted = await q.insertPosting(tx, {
    id: newId(),
    user_id: p.userId,
    delta: p.delta,
    reason: p.reason,
    ref: p.ref,
    order_id: p.orderId ?? null,
    earned_at: p.earnedAt ?? now,
    created_at: now,
  });
  if (!posted) return false;
  await raiseRank(ctx, tx, p.userId);
  return true;
}

/**
 * Moves the person up to the highest level their growth reaches, never down (that waits for the
 * yearly re-evaluation), and tells them. Everyone who ever earned growth gets a standing: the monthly
 * coupon goes to these members. The caller holds the person's lock (`q.lockPerson`).
 */
export async function raiseRank(ctx: LevelsContext, tx: Tx, userId: string): Promise<void> {
  const now = ctx.clock.now();
  const storedRank = await q.rankOf(tx, userId);
  const levels = await q.allLevels(tx);
  const { growth_since } = await q.loadSettings(tx);
  const growth = await q.growthOf(tx, userId, growth_since);
  const from = levelAt(levels, storedRank ?? 1);
  const to = levelAfterGrowth(levels, from.rank, growth);
  if (storedRank === undefined || to.rank !== from.rank) await q.saveRank(tx, userId, to.rank, now);
  if (to.rank > from.rank) await announceChange(ctx, tx, userId, { from, to, cause: 'growth' });
}

/** How many members one transaction of the sweep raises: short transactions, few locks held. */
const SWEEP_BATCH = 200;

/**
 * The sweep the operator's change of the ladder queues (a lowered threshold, a new level): everyone
 * whose growth already reaches a higher level goes up, as if their growth had just crossed it. In
 * batches by user id, each person under their own lock, so it runs beside their own postings;
 * idempotent, so a retried or doubled sweep changes nothing more.
 */
export async function raiseRanks(ctx: LevelsContext, db: Database): Promise<void> {
  let after = '';
  for (;;) {
    const batch = await q.standingsAfter(db, after, SWEEP_BATCH);
    if (batch.length === 0) return;
    await db.transaction(async (tx) => {
      for (const { user_id } of batch) {
        await q.lockPerson(tx, user_id);
        await raiseRank(ctx, tx, user_id);
      }
    });
    after = batch.at(-1)?.user_id ?? after;
  }
}

export type ChangeCause = NonNullable<DomainEvents['level.changed']['cause']>;

export async function announceChange(
  ctx: LevelsContext,
  tx: Tx,
  userId: string,
  change: { from: Level; to: Level; cause: ChangeCause },
) {
  const { from, to, cause } = change;
  await ctx.events.publish(tx, 'level.changed', {
    userId,
    fromLevel: from.rank,
    toLevel: to.rank,
    name: to.name,
    direction: to.rank > from.rank ? 'up' : 'down',
    changedAt: ctx.clock.now().toISOString(),
    cause,
  });
}

/** The growth an order gives: from what was paid (after every discount), by the operator's rate. */
async function orderGrowth(ctx: LevelsContext, tx: Tx, orderId: string) {
  const facts = await ctx.orders.attributionFacts(tx, orderId);
  if (!facts) return undefined;
  const { growth_per_unit } = await q.loadSettings(tx);
  return {
    buyerId: facts.buyerId,
    total: facts.total,
    growth: growthForPaid(facts.total, minorDigitsOf(ctx.currency), growth_per_unit),
  };
}

/**
 * Refunds take back the refunded share of the order's growth, cumulatively: each refund posts what
 * the total taken back should now be minus what was taken back already, so the sum never exceeds
 * the order's growth whatever order the (deferred, retried) refund jobs run in.
 */
async function takeBack(
  ctx: LevelsContext,
  tx: Tx,
  orderId: string,
  refundedAmount: number | 'all',
  ref: string,
) {
  const order = await orderGrowth(ctx, tx, orderId);
  if (!order) return;
  await q.lockPerson(tx, order.buyerId);
  // What the payment posted, not what today's rate would give: the operator may have changed it
  // since. Before the payment's posting (its job still to run) today's rate, which it will use too.
  const given = (await q.postingOf(tx, orderRef(orderId)))?.delta ?? order.growth;
  if (given <= 0) return;
  const target = refundedAmount === 'all' ? given : growthTakenBack(given, refundedAmount, order.total);
  const due = target - (await q.takenBackFrom(tx, orderId));
  if (due <= 0) return;
  await postGrowth(ctx, tx, {
    userId: order.buyerId,
    delta: -due,
    reason: 'refund',
    ref,
    orderId,
    earnedAt: (await q.postingOf(tx, orderRef(orderId)))?.earnedAt ?? ctx.clock.now(),
  });
}

/** Deferred reactions (src/reactions.ts), each idempotent by its posting's ref. */
export function growthReactions(ctx: LevelsContext) {
  return {
    onPaid: async (tx: Tx, e: DomainEvents['order.paid']) => {
      const order = await orderGrowth(ctx, tx, e.orderId);
      if (!order || order.growth === 0) return;
      await postGrowth(ctx, tx, {
        userId: order.buyerId,
        delta: order.growth,
        reason: 'order',
        ref: orderRef(e.orderId),
        orderId: e.orderId,
      });
    },
    onRefunded: (tx: Tx, e: DomainEvents['order.refunded']) =>
      takeBack(ctx, tx, e.orderId, 'all', `refund:${e.orderId}:all`),
    onPartiallyRefunded: (tx: Tx, e: DomainEvents['order.partially_refunded']) =>
      takeBack(ctx, tx, e.orderId, e.refundedAmount, `refund:${e.orderId}:${e.refundId}`),
    onCheckin: async (tx: Tx, e: DomainEvents['checkin.made']) => {
      const { growth_per_checkin } = await q.loadSettings(tx);
      if (growth_per_checkin > 0)
        await postGrowth(ctx, tx, {
          userId: e.userId,
          delta: growth_per_checkin,
          reason: 'checkin',
          ref: `checkin:${e.userId}:${e.day}`,
        });
    },
    /**
     * Under the person's lock, so it and the take-back below run one after the other: either the
     * take-back sees this posting, or this sees the order refunded (its status commits before the
     * take-back's job is queued) and gives nothing.
     */
    onReview: async (tx: Tx, e: DomainEvents['review.created']) => {
      const { growth_per_review } = await q.loadSettings(tx);
      if (growth_per_review <= 0) return;
      await q.lockPerson(tx, e.userId);
      if ((await ctx.orders.statusHeld(tx, e.orderId)) === 'refunded') return;
      await postGrowth(ctx, tx, {
        userId: e.userId,
        delta: growth_per_review,
        reason: 'review',
        ref: reviewRef(e.orderId),
      });
    },
    /** An order refunded in full takes back the growth its review gave, once, dated as it was earned. */
    onReviewedOrderRefunded: async (tx: Tx, e: DomainEvents['order.refunded']) => {
      await q.lockPerson(tx, e.userId);
      const given = await q.postingOf(tx, reviewRef(e.orderId));
      if (!given || given.delta <= 0) return;
      await postGrowth(ctx, tx, {
        userId: e.userId,
        delta: -given.delta,
        reason: 'refund',
        ref: `refund:${reviewRef(e.orderId)}`,
        earnedAt: given.earnedAt,
      });
    },
    onLesson: async (tx: Tx, e: DomainEvents['lesson.completed']) => {
      const { growth_per_lesson } = await q.loadSettings(tx);
      if (growth_per_lesson > 0)
        await postGrowth(ctx, tx, {
          userId: e.userId,
          delta: growth_per_lesson,
          reason: 'lesson',
          ref: `lesson:${e.userId}:${e.lessonId}`,
        });
    },
  };
}
