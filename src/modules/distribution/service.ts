import type { Queryable, Tx } from '../../platform/db.js';
import type { EventBus } from '../../platform/events.js';
import type { JobRunner } from '../../platform/jobs.js';
import { type DistributionContext, SETTLE_JOB } from './context.js';
import { earnCommissions } from './earning.js';
import * as q from './queries.js';
import * as reads from './reads.js';
import { currentSettings, updateSettings } from './settings.js';
import {
  holdSettlement,
  releaseHold,
  releaseSettlement,
  reverseCommissions,
  settleDueCommissions,
  shrinkCommissions,
  startReturnWindow,
} from './settlement.js';
import { decideWithdrawal, requestWithdrawal, walletOf } from './wallet.js';

const SETTLE_EVERY_MS = 10 * 60_000;

/**
 * Distribution reacts to order events inside their transactions (earn on paid, start the return
 * window on completed, reverse on refunded) and settles due commissions in a recurring job.
 */
export function createDistributionService(
  ctx: DistributionContext,
  deps: { events: EventBus; jobs: JobRunner },
) {
  deps.events.subscribe('order.paid', (tx, e) => earnCommissions(ctx, tx, e.orderId));
  deps.events.subscribe('order.completed', (tx, e) => startReturnWindow(ctx, tx, e.orderId));
  deps.events.subscribe('order.refunded', (tx, e) => reverseCommissions(ctx, tx, e.orderId));
  deps.events.subscribe('order.partially_refunded', (tx, e) => shrinkCommissions(ctx, tx, e));
  deps.jobs.every(SETTLE_JOB, SETTLE_EVERY_MS, async (_payload, job) => {
    await settleDueCommissions(ctx, job.db, job.now);
  });

  /** Remembers which device and address a signed-in person uses, for the self-dealing check. */
  const recentlySeen = new Map<string, number>();
  async function recordSighting(userId: string, deviceId: string | undefined, ip: string) {
    const key = `${userId}|${deviceId ?? ''}|${ip}`;
    const now = ctx.clock.now();
    // At most one write per person, device and address every 10 minutes per process.
    if ((recentlySeen.get(key) ?? 0) > now.getTime() - 600_000) return;
    if (recentlySeen.size > 50_000) recentlySeen.clear();
    recentlySeen.set(key, now.getTime());
    await q.recordSighting(ctx.db, userId, deviceId ?? '', ip, now);
  }

  const page = (limit?: number) => limit ?? 20;

  return {
    settings: () => currentSettings(ctx),
    updateSettings: (patch: Parameters<typeof updateSettings>[1]) => updateSettings(ctx, patch),
    wallet: (userId: string) => walletOf(ctx, ctx.db, userId),
    requestWithdrawal: (userId: string, amount: number, key?: string) =>
      requestWithdrawal(ctx, userId, amount, key),
    decideWithdrawal: (id: string, decision: Parameters<typeof decideWithdrawal>[2]) =>
      decideWithdrawal(ctx, id, decision),
    settleDue: () => settleDueCommissions(ctx, ctx.db, ctx.clock.now()),
    releaseHold: (id: string) => releaseHold(ctx, id),
    /** Keeps an order's commissions from settling until `releaseSettlement` with the same ref. */
    holdSettlement: (tx: Tx, orderId: string, ref: string) =>
      holdSettlement(tx, orderId, ref, ctx.clock.now()),
    releaseSettlement: (tx: Tx, orderId: string, ref: string) => releaseSettlement(tx, orderId, ref),
    recordSighting,
    /** The devices someone has been seen signed in on, e.g. to tell their own clicks from others'. */
    devicesOf: (conn: Queryable, userId: string) => q.devicesOf(conn, userId),
    binding: async (buyerId: string) => q.findBinding(ctx.db, buyerId),
    commissions: (o: Omit<Parameters<typeof reads.listCommissions>[1], 'limit'> & { limit?: number }) =>
      reads.listCommissions(ctx.db, { ...o, limit: page(o.limit) }),
    customers: (promoterId: string, o: { limit?: number; cursor?: string }) =>
      reads.listCustomers(ctx.db, promoterId, { ...o, limit: page(o.limit) }),
    team: (userId: string, o: { limit?: number; cursor?: string }) =>
      reads.listTeam(ctx.db, userId, { ...o, limit: page(o.limit) }),
    dailyEarnings: (userId: string, days: number) =>
      reads.dailyEarnings(ctx.db, userId, { days, now: ctx.clock.now(), timeZone: ctx.config.timeZone }),
    promoters: (o: { limit?: number; cursor?: string; flaggedOnly?: boolean }) =>
      reads.listPromoters(ctx.db, { ...o, limit: page(o.limit) }),
    withdrawals: (o: { limit?: number; cursor?: string; userId?: string; status?: string }) =>
      reads.listWithdrawals(ctx.db, { ...o, limit: page(o.limit) }),
  };
}

export type DistributionService = ReturnType<typeof createDistributionService>;
