import type { Clock } from '../../platform/clock.js';
import type { Database, Queryable, Tx } from '../../platform/db.js';
import type { DomainEvents } from '../../platform/events.js';
import type { JobRunner } from '../../platform/jobs.js';
import { EventBuffer } from './event-buffer.js';
import type { BusinessCounts } from './metrics.js';
import * as q from './queries.js';
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
  group: { groupId: string; role: 'leader' | 'member' } | null;
}

export interface AnalyticsDeps {
  db: Database;
  clock: Clock;
  jobs: Pick<JobRunner, 'every'>;
  orderFacts: (conn: Queryable, orderId: string) => Promise<OrderFacts | undefined>;
  onWriteFailed?: (error: unknown, lost: number) => void;
}

/** The rollup job's interval: dashboard counts of events are at most this far behind. */
export const ROLLUP_INTERVAL_MS = 60_000;
/** Days recounted on every pass, so an event committed late (ids are not commit order) still counts. */
const RECOUNT_DAYS = 2;

export type PeriodQuery = { from?: string; to?: string };

export function createAnalyticsService(deps: AnalyticsDeps) {
  const { db, clock } = deps;
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
    onShareCreated: (tx: Tx, e: DomainEvents['share.created']) =>
      q.insertEvents(tx, [
        {
          kind: 'share_created',
          occurredAt: clock.now(),
          userId: e.userId,
          subject: e.code,
          channel: e.targetType,
          dedupeKey: `share:${e.code}`,
        },
      ]),
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
      await q.recountDays(tx, start, addDays(today, 1), since.last_id ?? cursor);
    });
  }

  deps.jobs.every('analytics.rollup', ROLLUP_INTERVAL_MS, () => refreshRollups());

  async function overview(query: PeriodQuery) {
    const period = periodOf(query, clock.now());
    const [totals, earned, counts, k] = await Promise.all([
      q.orderTotals(db, period.start, period.end),
      q.commissionsEarned(db, period.start, period.end),
      q.eventCounts(db, period.from, period.to, ['share_created', 'link_opened']),
      q.kFactorParts(db, period.start, period.end),
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
      q.shopBehaviour(db, start, end),
      q.sharersBetween(db, start, end),
      q.funnel(db, start, end),
      q.orderTotals(db, start, end),
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
    const row = await q.funnel(db, period.start, period.end);
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
    const weeks = [];
    for (const w of weeksOf(period)) {
      const k = await q.kFactorParts(db, w.start, w.end);
      weeks.push({
        week: dayOf(w.start),
        referrers: k.referrers,
        brought: k.brought,
        kFactor: ratio(k.brought, k.referrers),
        cycleDays: k.cycleSeconds === null ? null : Math.round((k.cycleSeconds / 86_400) * 10) / 10,
      });
    }
    const generations = (await q.generations(db, period.start, period.end)).map((g) => ({
      generation: g.generation,
      signup: g.signup,
      firstOrder: g.first_order,
      repeatOrder: g.repeat_order,
    }));
    return { from: period.from, to: period.to, weeks, generations };
  }

  /** The dashboard's daily series: sales by day and channel, refunds, shares and openings. */
  async function daily(query: PeriodQuery) {
    const period = periodOf(query, clock.now());
    return { from: period.from, to: period.to, days: await dailySeries(period) };
  }

  async function dailySeries(period: Period) {
    const [sales, events] = await Promise.all([
      q.salesByDayAndChannel(db, period.start, period.end),
      q.dailyEvents(db, period.from, period.to),
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
      const earliest = rows.reduce<Date | undefined>(
        (min, r) => (min === undefined || r.occurredAt < min ? r.occurredAt : min),
        undefined,
      );
      const today = parseDay(clock.now().toISOString().slice(0, 10)) as Date;
      const first = parseDay((earliest ?? today).toISOString().slice(0, 10)) as Date;
      const start = new Date(Math.min(first.getTime(), today.getTime()));
      const since = await q.logSince(tx, 0);
      await q.recountDays(tx, start, addDays(today, 1), since.last_id ?? 0);
    });
  }

  return {
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
