import type { Queryable, Tx } from '../../platform/db.js';
import { notFound } from '../../platform/errors.js';
import type { DomainEvents, EventBus } from '../../platform/events.js';
import type { JobRunner } from '../../platform/jobs.js';
import type { AuditContext } from '../audit/index.js';
import { commissionFacts, creditBonus } from './bonus.js';
import { type DistributionContext, SETTLE_JOB } from './context.js';
import { closeDispute, holdForDispute } from './disputes.js';
import { earnCommissions } from './earning.js';
import { type FlagListOptions, listFlagged, type ReviewDecision, reviewCommission } from './fraud-review.js';
import {
  exportCommissionsCsv,
  exportWithdrawalsCsv,
  myPayoutDetails,
  savePayoutDetails,
} from './payout-details.js';
import type { PayoutDetailsInput } from './payout-rules.js';
import * as q from './queries.js';
import * as reads from './reads.js';
import { type WithdrawalStatus, withinPolicy } from './rules.js';
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
import * as teamFacts from './team-facts.js';
import { coverable, decideWithdrawal, payoutBalances, requestWithdrawal, walletOf } from './wallet.js';

const SETTLE_EVERY_MS = 10 * 60_000;

/**
 * Distribution reacts to order events inside their transactions (earn on paid, start the return
 * window on completed, reverse on refunded or a lost dispute, hold while disputed) and settles due
 * commissions in a recurring job.
 */
export function createDistributionService(
  ctx: DistributionContext,
  deps: { events: EventBus; jobs: JobRunner },
) {
  // Wired in src/reactions.ts, inside the order's transaction: commissions move with the money.
  const reactions = {
    earnCommissions: (tx: Tx, e: { orderId: string }) => earnCommissions(ctx, tx, e.orderId),
    startReturnWindow: (tx: Tx, e: { orderId: string }) => startReturnWindow(ctx, tx, e.orderId),
    reverseCommissions: (tx: Tx, e: { orderId: string }) => reverseCommissions(ctx, tx, e.orderId),
    holdForDispute: (tx: Tx, e: { orderId: string }) => holdForDispute(tx, e.orderId),
    closeDispute: (tx: Tx, e: { orderId: string; outcome: 'won' | 'lost' }) =>
      closeDispute(ctx, tx, e.orderId, e.outcome),
    shrinkCommissions: (tx: Tx, e: DomainEvents['order.partially_refunded']) => shrinkCommissions(ctx, tx, e),
  };
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
    /** Every binding, buyer and promoter (read-only, for the incentive simulator's shop graph). */
    bindingPairs: () => q.bindingPairs(ctx.db),
    settings: () => currentSettings(ctx, ctx.db),
    /** The settings as a new commission applies them: within the market policy's levels and cap. */
    effectiveSettings: async () => withinPolicy(await currentSettings(ctx, ctx.db), ctx.policy?.rules),
    updateSettings: (patch: Parameters<typeof updateSettings>[1], by?: AuditContext) =>
      updateSettings(ctx, patch, by),
    wallet: (userId: string) => walletOf(ctx, ctx.db, userId),
    requestWithdrawal: (userId: string, amount: number, key?: string) =>
      requestWithdrawal(ctx, userId, amount, key),
    decideWithdrawal: (id: string, decision: Parameters<typeof decideWithdrawal>[2], by?: AuditContext) =>
      decideWithdrawal(ctx, id, decision, by),
    settleDue: () => settleDueCommissions(ctx, ctx.db, ctx.clock.now()),
    releaseHold: (id: string, by?: AuditContext) => releaseHold(ctx, id, by),
    /** Keeps an order's commissions from settling until `releaseSettlement` with the same ref. */
    holdSettlement: (tx: Tx, orderId: string, ref: string) =>
      holdSettlement(tx, orderId, ref, ctx.clock.now()),
    releaseSettlement: (tx: Tx, orderId: string, ref: string) => releaseSettlement(tx, orderId, ref),
    recordSighting,
    /** The devices someone has been seen signed in on, e.g. to tell their own clicks from others'. */
    devicesOf: (conn: Queryable, userId: string) => q.devicesOf(conn, userId),
    binding: async (buyerId: string) => q.findBinding(ctx.db, buyerId),
    /** The operator's view of commissions: with the signals they may want to look at. */
    commissions: (o: Omit<Parameters<typeof reads.listCommissions>[2], 'limit'> & { limit?: number }) =>
      reads.listCommissions(ctx.accounts, ctx.db, { ...o, limit: page(o.limit) }),
    /** A promoter's own commissions: hold reasons yes, the operator's fraud signals no. */
    myCommissions: async (promoterId: string, o: { status?: string; limit?: number; cursor?: string }) => {
      const result = await reads.listCommissions(ctx.accounts, ctx.db, {
        ...o,
        promoterId,
        limit: page(o.limit),
      });
      return { ...result, items: result.items.map(({ signals: _signals, ...c }) => c) };
    },
    customers: (promoterId: string, o: { limit?: number; cursor?: string }) =>
      reads.listCustomers(ctx.accounts, ctx.db, promoterId, { ...o, limit: page(o.limit) }),
    team: (userId: string, o: { limit?: number; cursor?: string }) =>
      reads.listTeam(ctx.accounts, ctx.db, userId, { ...o, limit: page(o.limit) }),
    dailyEarnings: (userId: string, days: number) =>
      reads.dailyEarnings(ctx.db, userId, { days, now: ctx.clock.now(), timeZone: ctx.config.timeZone }),
    promoters: (o: { limit?: number; cursor?: string; flaggedOnly?: boolean }) =>
      reads.listPromoters(ctx.accounts, ctx.db, { ...o, limit: page(o.limit) }),
    /** A promoter's own withdrawals, payout details masked. */
    myWithdrawals: (userId: string, o: { limit?: number; cursor?: string }) =>
      reads.listWithdrawals(ctx.accounts, ctx.db, { ...o, userId, limit: page(o.limit) }),
    myWithdrawal: async (userId: string, id: string) => {
      const [found] = (await reads.listWithdrawals(ctx.accounts, ctx.db, { userId, id, limit: 1 })).items;
      if (!found) throw notFound('Withdrawal');
      return found;
    },
    /** The operator's payout view: full payout details, and whether each promoter's balance covers it. */
    adminWithdrawals: async (o: { limit?: number; cursor?: string; status?: string }) => {
      const result = await reads.listWithdrawals(ctx.accounts, ctx.db, {
        ...o,
        inFull: true,
        limit: page(o.limit),
      });
      const balances = await payoutBalances(
        ctx,
        ctx.db,
        result.items.map((w) => w.userId),
      );
      return {
        ...result,
        items: result.items.map((w) => {
          const balance = balances.get(w.userId) ?? { available: 0, reserved: 0 };
          return { ...w, balance: { ...balance, covers: coverable(balance) >= w.amount } };
        }),
      };
    },
    /** The fraud review: commissions with their flags and evidence. */
    flaggedCommissions: (o: Omit<FlagListOptions, 'limit'> & { limit?: number }) =>
      listFlagged(ctx, ctx.db, { ...o, limit: page(o.limit) }),
    reviewCommission: (
      id: string,
      input: { decision: ReviewDecision; note?: string; adminId: string },
      by?: AuditContext,
    ) => reviewCommission(ctx, id, input, by),
    payoutDetails: (userId: string) => myPayoutDetails(ctx, userId),
    savePayoutDetails: (userId: string, input: PayoutDetailsInput) => savePayoutDetails(ctx, userId, input),
    exportWithdrawals: (status: WithdrawalStatus) => exportWithdrawalsCsv(ctx, status),
    /** The operator's commission list with its filters, every page of it, as CSV. */
    exportCommissions: (o: Omit<Parameters<typeof reads.listCommissions>[2], 'limit' | 'cursor'>) =>
      exportCommissionsCsv(ctx.config.currency, (cursor, limit) =>
        reads.listCommissions(ctx.accounts, ctx.db, { ...o, cursor, limit }),
      ),
    /** A bonus (a competition prize) into the promoter's withdrawable balance, once per `ref`. */
    creditBonus: (tx: Tx, bonus: Parameters<typeof creditBonus>[2]) => creditBonus(ctx.ledger, tx, bonus),
    /** One commission's facts, for modules that count sales and customers from commission events. */
    commissionFacts: (conn: Queryable, commissionId: string) => commissionFacts(conn, commissionId),
    /** Bindings as team links, the busiest promoters, and the orders someone brought (structure, trust). */
    boundBuyersOf: teamFacts.boundBuyersOf,
    busiestPromoters: teamFacts.busiestPromoters,
    broughtOrders: teamFacts.broughtOrders,
    reactions,
  };
}

export type DistributionService = ReturnType<typeof createDistributionService>;
