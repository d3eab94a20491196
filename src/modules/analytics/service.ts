import { createHash } from 'node:crypto';
import type { Clock } from '../../platform/clock.js';
import type { Database, Queryable, Tx } from '../../platform/db.js';
import { readerOf } from '../../platform/db-read.js';
import type { DomainEvents } from '../../platform/events.js';
import type { JobRunner } from '../../platform/jobs.js';
import { EventBuffer } from './event-buffer.js';
import { insertLink } from './insight-queries.js';
import { mondayOf } from './insight-rules.js';
import { createInsights, type InsightPorts, NO_INSIGHT_PORTS } from './insights.js';
import type { BusinessCounts } from './metrics.js';
import * as q from './queries.js';
import * as rq from './rollup-queries.js';
import {
  addDays,
  averageOrderValue,
  CHANNELS,
  channelOf,
  dayOf,
  daysOf,
  FUNNEL_STEPS,
  type OrderOrigin,
  type Period,
  parseDay,
  periodOf,
  ratio,
  weeksOf,
} from './rules.js';

/** What analytics needs to know of a paid order, read in the reaction's transaction (orders, group buys, communities). */
export interface OrderFacts extends OrderOrigin {
  buyerId: string;
  /** Paid for goods (shipping excluded), minor units. */
  total: number;
  deviceId: string | null;
  /** The buyer paid another order before this one. */
  paidBefore: boolean;
  group: { groupId: string; campaignId: string; role: 'leader' | 'member' } | null;
  /** The coupon the order used and what it took off. */
  coupon: { templateId: string; discount: number } | null;
}

export interface AnalyticsDeps {
  db: Database;
  clock: Clock;
  jobs: Pick<JobRunner, 'every'>;
  orderFacts: (conn: Queryable, orderId: string) => Promise<OrderFacts | undefined>;
  onWriteFailed?: (error: unknown, lost: number) => void;
  /** Names, titles and team shapes for the deeper tables (other modules' services); none: ids alone. */
  insights?: InsightPorts;
}

/** The rollup job's interval: dashboard counts of events are at most this far behind. */
export const ROLLUP_INTERVAL_MS = 60_000;
/** Days recounted on every pass, so an event committed late (ids are not commit order) still counts. */
const RECOUNT_DAYS = 2;

export type PeriodQuery = { from?: string; to?: string };

export function createAnalyticsService(deps: AnalyticsDeps) {
  const { db, clock } = deps;
  // The dashboards may be a moment behind: they read the replica when there is one (platform/db-read).
  const reads = readerOf(db);
  // This process's business figures for /metrics (metrics.ts); each counted once, when first recorded.
  const counts: BusinessCounts = {
    ordersPaid: 0,
    gmv: 0,
    refunds: 0,
    commissionsEarned: 0,
    shareRedirects: 0,
  };
  const buffer = new EventBuffer({
    write: (rows) => q.insertEvents(db, rows),
    onWriteFailed: deps.onWriteFailed,
  });

  /** A share link was opened (the redirect's hot path): buffered, never awaited. */
  function recordLinkOpened(open: { code: string; deviceId: string }): void {
    counts.shareRedirects += 1;
    buffer.record({
      kind: 'link_opened',
      occurredAt: clock.now(),
      deviceId: open.deviceId,
      subject: open.code,
      channel: 'share',
    });
  }

  /**
   * Someone signed up: from the device the redirect marked (so the funnel can follow a visitor to
   * sign-up), invited by someone or not. Its channel: `invite`, `link` (the device opened a link
   * before) or `direct`.
   */
  async function recordSignup(p: {
    userId: string;
    invitedBy: string | null;
    deviceId: string | null;
  }): Promise<void> {
    const at = clock.now();
    // Links opened a moment ago may still wait in the buffer.
    await buffer.flush();
    const viaLink = p.deviceId !== null && (await q.deviceOpenedLink(db, p.deviceId, at));
    await db.transaction(async (tx) => {
      await q.insertPerson(tx, {
        userId: p.userId,
        signedUpAt: at,
        deviceId: p.deviceId,
        invitedBy: p.invitedBy,
      });
      await q.insertEvents(tx, [
        {
          kind: 'signup',
          occurredAt: at,
          userId: p.userId,
          deviceId: p.deviceId,
          channel: p.invitedBy ? 'invite' : viaLink ? 'link' : 'direct',
          dedupeKey: `signup:${p.userId}`,
        },
      ]);
    });
  }

  /** Reactions to domain events, deferred (src/reactions.ts): each idempotent by its keys. */
  const reactions = {
    onPaid: async (tx: Tx, e: DomainEvents['order.paid']) => {
      const facts = await deps.orderFacts(tx, e.orderId);
      if (!facts) return;
      const at = clock.now();
      const channel = channelOf(facts);
      const fresh = await q.insertOrder(tx, {
        orderId: e.orderId,
        userId: facts.buyerId,
        paidAt: at,
        total: facts.total,
        channel,
        firstOrder: !facts.paidBefore,
        deviceId: facts.deviceId,
        shareCode: facts.shareCode,
        coupon: facts.coupon,
        groupCampaignId: facts.group?.campaignId ?? null,
      });
      if (!fresh) return;
      counts.ordersPaid += 1;
      counts.gmv += facts.total;
      const rows: q.EventRow[] = [
        {
          kind: facts.paidBefore ? 'repeat_order' : 'first_order',
          occurredAt: at,
          userId: facts.buyerId,
          deviceId: facts.deviceId,
          subject: e.orderId,
          channel,
          amount: facts.total,
          dedupeKey: `order:${e.orderId}`,
        },
      ];
      if (facts.group) {
        rows.push({
          kind: facts.group.role === 'leader' ? 'group_opened' : 'group_joined',
          occurredAt: at,
          userId: facts.buyerId,
          subject: facts.group.groupId,
          channel,
          amount: facts.total,
          dedupeKey: `group-seat:${e.orderId}`,
        });
      }
      await q.insertEvents(tx, rows);
    },
    onRefunded: (tx: Tx, e: DomainEvents['order.refunded']) =>
      refund(tx, e.orderId, 'all', `refund:${e.orderId}:all`),
    onPartiallyRefunded: (tx: Tx, e: DomainEvents['order.partially_refunded']) =>
      refund(tx, e.orderId, e.refundedAmount, `refund:${e.refundId}`),
    onCommissionEarned: async (tx: Tx, e: DomainEvents['commission.earned']) => {
      const at = clock.now();
      const fresh = await q.insertCommission(tx, {
        commissionId: e.commissionId,
        orderId: e.orderId,
        promoterId: e.userId,
        level: e.level,
        amount: e.amount,
        at,
      });
      if (fresh) counts.commissionsEarned += e.amount;
      await q.insertEvents(tx, [
        {
          kind: 'commission_earned',
          occurredAt: at,
          userId: e.userId,
          subject: e.orderId,
          amount: e.amount,
          dedupeKey: `commission:${e.commissionId}`,
        },
      ]);
    },
    onShareCreated: async (tx: Tx, e: DomainEvents['share.created']) => {
      const at = clock.now();
      await insertLink(tx, {
        code: e.code,
        userId: e.userId,
        targetType: e.targetType,
        targetId: e.targetId,
        at,
      });
      await q.insertEvents(tx, [
        {
          kind: 'share_created',
          occurredAt: at,
          userId: e.userId,
          subject: e.code,
          channel: e.targetType,
          dedupeKey: `share:${e.code}`,
        },
      ]);
    },
    onGroupSucceeded: (tx: Tx, e: DomainEvents['group.succeeded']) =>
      q.insertEvents(tx, [
        {
          kind: 'group_succeeded',
          occurredAt: clock.now(),
          subject: e.groupId,
          channel: 'group',
          amount: e.memberIds.length,
          dedupeKey: `group:${e.groupId}`,
        },
      ]),
  };

  /**
   * What the coupons, posts and live modules report on their own paths (their ports): buffered like
   * link openings, never awaited. A coupon given to someone, a counted post view, a viewer opening a
   * live room's stream (once per room and viewer: the key is hashed, so no address is kept).
   */
  const record = {
    couponUnlocked: (c: { userId: string; templateId: string; source: string }) =>
      buffer.record({
        kind: 'coupon_unlocked',
        occurredAt: clock.now(),
        userId: c.userId,
        subject: c.templateId,
        channel: c.source,
      }),
    postViewed: (v: { postId: string; viewerId: string | null }) =>
      buffer.record({
        kind: 'post_viewed',
        occurredAt: clock.now(),
        userId: v.viewerId,
        subject: v.postId,
        channel: 'post',
      }),
    liveJoined: (j: { roomId: string; viewerKey: string }) =>
      buffer.record({
        kind: 'live_joined',
        occurredAt: clock.now(),
        subject: j.roomId,
        channel: 'live',
        dedupeKey: `live:${j.roomId}:${createHash('sha256').update(j.viewerKey).digest('base64url').slice(0, 22)}`,
      }),
  };

  async function refund(tx: Tx, orderId: string, refunded: number | 'all', key: string) {
    const change = await q.setRefunded(tx, orderId, refunded);
    if (!change || change.added <= 0) return;
    counts.refunds += change.added;
    await q.insertEvents(tx, [
      {
        kind: 'refund',
        occurredAt: clock.now(),
        userId: change.user_id,
        subject: orderId,
        channel: change.channel,
        amount: change.added,
        dedupeKey: key,
      },
    ]);
  }

  /**
   * Brings the daily table up to the log: recounts the last days, and any older day an event
   * arrived for since the last pass (a late reaction). Safe to run in several processes at once:
   * the cursor row is locked for the pass.
   */
  async function refreshRollups(): Promise<void> {
    await buffer.flush();
    await db.transaction(async (tx) => {
      const cursor = await q.rollupCursor(tx);
      const since = await q.logSince(tx, cursor);
      const today = parseDay(clock.now().toISOString().slice(0, 10)) as Date;
      let start = addDays(today, -(RECOUNT_DAYS - 1));
      if (since.earliest && since.earliest < start)
        start = parseDay(since.earliest.toISOString().slice(0, 10)) as Date;
      // Orders paid before the recounted days and refunded (or attributed) since: their own days.
      await rq.recountOrderDayList(tx, await rq.changedOrderDays(tx, cursor, start));
      await recount(tx, start, addDays(today, 1), since.last_id ?? cursor);
    });
  }

  /** Whole days [start, end) recounted in every rollup: events, visits, orders. */
  async function recount(tx: Tx, start: Date, end: Date, lastId: number) {
    await rq.recountVisits(tx, start, end);
    await rq.recountOrderDays(tx, start, end);
    await q.recountDays(tx, start, end, lastId);
  }

  deps.jobs.every('analytics.rollup', ROLLUP_INTERVAL_MS, () => refreshRollups());

  async function overview(query: PeriodQuery) {
    const period = periodOf(query, clock.now());
    const [totals, earned, counts, k] = await Promise.all([
      orderTotals(period),
      q.commissionsEarned(reads, period.start, period.end),
      q.eventCounts(reads, period.from, period.to, ['share_created', 'link_opened']),
      q.kFactorParts(reads, period.start, period.end),
    ]);
    const count = (kind: q.EventKind) => Number(counts.find((c) => c.kind === kind)?.events ?? 0);
    return {
      from: period.from,
      to: period.to,
      gmv: totals.gmv,
      orders: totals.orders,
      buyers: totals.buyers,
      newBuyers: totals.new_buyers,
      sharedGmv: totals.shared_gmv,
      sharedOrders: totals.shared_orders,
      shareLinks: count('share_created'),
      shareClicks: count('link_opened'),
      commissionsEarned: earned,
      kFactor: ratio(k.brought, k.referrers),
      averageOrderValue: averageOrderValue(totals.gmv, totals.orders),
    };
  }

  /**
   * The counts the incentive simulator measures a shop's rates from, over [start, end) (read-only):
   * the funnel's visitors and their first orders, buyers and sharers, repeat orders, GMV.
   */
  async function shopActivity(start: Date, end: Date) {
    await buffer.flush();
    const [behaviour, sharerIds, steps, totals] = await Promise.all([
      q.shopBehaviour(reads, start, end),
      q.sharersBetween(reads, start, end),
      q.funnel(reads, start, end),
      q.orderTotals(reads, start, end),
    ]);
    return {
      buyers: Number(behaviour.buyers),
      buyersWhoShared: Number(behaviour.buyers_who_shared),
      sharerIds,
      visitors: Number(steps.visit),
      visitorsWhoOrdered: Number(steps.first_order),
      repeatOrders: Number(behaviour.repeat_orders),
      customerWeeks: Number(behaviour.customer_weeks),
      paidOrders: Number(totals.orders),
      gmv: Number(totals.gmv),
    };
  }

  async function funnel(query: PeriodQuery) {
    const period = periodOf(query, clock.now());
    await buffer.flush();
    const row = await rq.funnelFromRollup(reads, period.start, period.end, liveFrom());
    return {
      from: period.from,
      to: period.to,
      steps: FUNNEL_STEPS.map((step) => ({ step, count: row[step] })),
    };
  }

  /**
   * Fission over time: the K-factor and the cycle time (days from a referrer's first order to the first
   * order of a buyer they brought) per ISO week, clipped to the period; and the funnel after sign-up
   * by generation of the invitation tree.
   */
  async function fission(query: PeriodQuery) {
    const period = periodOf(query, clock.now());
    const byMonday = new Map(
      (await rq.kFactorWeeks(reads, period.start, period.end)).map((w) => [w.monday, w]),
    );
    const weeks = weeksOf(period).map((w) => {
      const k = byMonday.get(dayOf(mondayOf(w.start)));
      const referrers = Number(k?.referrers ?? 0);
      const brought = Number(k?.brought ?? 0);
      const seconds = k?.cycle_seconds ?? null;
      return {
        week: dayOf(w.start),
        referrers,
        brought,
        kFactor: ratio(brought, referrers),
        cycleDays: seconds === null ? null : Math.round((Number(seconds) / 86_400) * 10) / 10,
      };
    });
    const generations = (await q.generations(reads, period.start, period.end)).map((g) => ({
      generation: g.generation,
      signup: g.signup,
      firstOrder: g.first_order,
      repeatOrder: g.repeat_order,
    }));
    return { from: period.from, to: period.to, weeks, generations };
  }

  /** Today's first instant (UTC): days before it are read from the rollups, today from the orders and log. */
  const liveFrom = () => parseDay(dayOf(clock.now())) as Date;

  /**
   * Sales per day and channel (channel null: the day's total): the rolled-up days before today
   * (refreshed by the job every minute, refunds of old orders included), today counted live.
   */
  async function salesByDay(period: Period): Promise<q.DayChannelRow[]> {
    const live = liveFrom();
    // Rolled up: [start, min(end, today)); live: [max(start, today), end).
    const rolledEnd = new Date(Math.min(period.end.getTime(), live.getTime()));
    const liveStart = new Date(Math.max(period.start.getTime(), live.getTime()));
    const [rolled, today] = await Promise.all([
      period.start < rolledEnd
        ? rq.dailyOrders(reads, period.from, dayOf(addDays(rolledEnd, -1)))
        : Promise.resolve([]),
      liveStart < period.end ? q.salesByDayAndChannel(reads, liveStart, period.end) : Promise.resolve([]),
    ]);
    return [
      ...rolled.map((r) => ({
        day: r.day,
        channel: r.channel === '*' ? null : r.channel,
        gmv: Number(r.gmv),
        orders: Number(r.orders),
        buyers: Number(r.buyers),
        new_buyers: Number(r.new_buyers),
        shared_orders: Number(r.shared_orders),
        shared_gmv: Number(r.shared_gmv),
      })),
      ...today,
    ];
  }

  /** The overview's order totals: the days' totals added up; distinct buyers counted from the orders. */
  async function orderTotals(period: Period): Promise<q.OrderTotalsRow> {
    const [days, buyers] = await Promise.all([
      salesByDay(period),
      rq.distinctBuyers(reads, period.start, period.end),
    ]);
    const totals = days.filter((d) => d.channel === null);
    const sum = (f: (d: q.DayChannelRow) => number) => totals.reduce((n, d) => n + f(d), 0);
    return {
      gmv: sum((d) => Number(d.gmv)),
      orders: sum((d) => Number(d.orders)),
      buyers,
      new_buyers: sum((d) => Number(d.new_buyers)),
      shared_gmv: sum((d) => Number(d.shared_gmv ?? 0)),
      shared_orders: sum((d) => Number(d.shared_orders ?? 0)),
    };
  }

  /** The dashboard's daily series: sales by day and channel, refunds, shares and openings. */

  async function daily(query: PeriodQuery) {
    const period = periodOf(query, clock.now());
    return { from: period.from, to: period.to, days: await dailySeries(period) };
  }

  async function dailySeries(period: Period) {
    const [sales, events] = await Promise.all([
      salesByDay(period),
      q.dailyEvents(reads, period.from, period.to),
    ]);
    return daysOf(period).map((day) => {
      const ofDay = sales.filter((s) => s.day === day);
      const total = ofDay.find((s) => s.channel === null);
      const eventsOfDay = events.filter((e) => e.day === day);
      const sum = (kind: q.EventKind, field: 'events' | 'amount') =>
        eventsOfDay.filter((e) => e.kind === kind).reduce((n, e) => n + Number(e[field]), 0);
      const gmv = total?.gmv ?? 0;
      const orders = total?.orders ?? 0;
      return {
        day,
        gmv,
        orders,
        buyers: total?.buyers ?? 0,
        newBuyers: total?.new_buyers ?? 0,
        averageOrderValue: averageOrderValue(gmv, orders),
        refunds: sum('refund', 'amount'),
        shareLinks: sum('share_created', 'events'),
        shareClicks: sum('link_opened', 'events'),
        signups: sum('signup', 'events'),
        byChannel: CHANNELS.map((channel) => {
          const s = ofDay.find((row) => row.channel === channel);
          return { channel, gmv: s?.gmv ?? 0, orders: s?.orders ?? 0 };
        }),
      };
    });
  }

  /**
   * Past events written at once (the demo shop's history, a bench's data set): the devices given to
   * people who had none, then the days from the earliest event recounted.
   */
  async function backfill(
    rows: readonly q.EventRow[],
    devices: readonly { userId: string; deviceId: string }[],
  ) {
    await db.transaction(async (tx) => {
      await q.insertEvents(tx, rows);
      for (const d of devices) await q.setPersonDevice(tx, d.userId, d.deviceId);
      // From the log's earliest event: the orders of days no backfilled event falls on are rolled up too.
      const since = await q.logSince(tx, 0);
      const today = parseDay(clock.now().toISOString().slice(0, 10)) as Date;
      const first = parseDay((since.earliest ?? today).toISOString().slice(0, 10)) as Date;
      const start = new Date(Math.min(first.getTime(), today.getTime()));
      await recount(tx, start, addDays(today, 1), since.last_id ?? 0);
    });
  }

  const insights = createInsights({
    db: reads,
    clock,
    ports: deps.insights ?? NO_INSIGHT_PORTS,
    flush: () => buffer.flush(),
  });

  return {
    ...insights,
    record,
    shopActivity,
    buyerIds: () => q.buyerIds(db),
    backfill,
    recordLinkOpened,
    recordSignup,
    reactions,
    refreshRollups,
    overview,
    funnel,
    fission,
    daily,
    /** For /metrics: this process's business counts and the event buffer. */
    counts: (): BusinessCounts => ({ ...counts }),
    bufferStats: () => ({ buffered: buffer.buffered, dropped: buffer.dropped, held: buffer.held }),
    start: () => buffer.start(),
    close: () => buffer.close(),
  };
}

export type AnalyticsService = ReturnType<typeof createAnalyticsService>;
