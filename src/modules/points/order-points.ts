import type { Queryable, Tx } from '../../platform/db.js';
import type { PointsCheckout, RewardFacts } from '../orders/index.js';
import * as q from './queries.js';
import { notEnough } from './reasons.js';
import { checkoutSpend, pointsEarned, refundedShare } from './rules.js';
import type { Posting, PostingSource } from './service.js';

/**
 * References of the postings an order makes, one family per order. The earn and the spend happen
 * once (`order:<id>`, `checkout:<id>`); take-backs and returns are keyed by the cumulative amount
 * they bring the order to, so the same refund seen twice posts once, and a later refund posts
 * only the difference.
 */
export const orderRefs = {
  earned: (orderId: string) => `order:${orderId}`,
  takenBack: (orderId: string) => `order:${orderId}:refund:`,
  spent: (orderId: string) => `checkout:${orderId}`,
  returned: (orderId: string) => `checkout:${orderId}:return:`,
};

interface OrderPointsContext {
  minorPerMajor: number;
  orderFacts: (conn: Queryable, orderId: string) => Promise<RewardFacts | undefined>;
  points: {
    post(tx: Tx, p: Posting, source?: PostingSource): Promise<boolean>;
    balance(conn: Queryable, userId: string): Promise<number>;
  };
}

/**
 * Points and orders: a paid order earns points on what it paid; a refund takes back the share of
 * them it refunds; points spent at checkout come back when the order is cancelled, and in the
 * refunded share when it is refunded (all on a full refund). Every reaction reads the order's
 * current facts rather than the event's, so reactions that run late, twice or out of order still
 * bring the order's postings to the same place.
 */
export function createOrderPoints(ctx: OrderPointsContext) {
  const { points, minorPerMajor } = ctx;

  /**
   * Brings the take-back and the return of an order's points to what its refunds and status call
   * for. A take-back draws first from the lot the order earned (what is left of it), then as any
   * draw; a return puts the spent points back into the lots the checkout drew them from.
   */
  async function settle(tx: Tx, facts: RewardFacts) {
    const { orderId, buyerId: userId, total, refundedAmount, status } = facts;
    await q.lockPerson(tx, userId);
    const earned = await postingOf(tx, userId, orderRefs.earned(orderId));
    const refunded = status === 'refunded' ? total : refundedAmount;
    const takeBackDue = refundedShare(earned?.delta ?? 0, refunded, total);
    const takenBack = -(await q.postedUnder(tx, userId, orderRefs.takenBack(orderId)));
    if (earned && takeBackDue > takenBack)
      await points.post(
        tx,
        {
          userId,
          delta: -(takeBackDue - takenBack),
          reason: 'order_refund',
          ref: orderRefs.takenBack(orderId) + takeBackDue,
        },
        { firstLot: earned.id },
      );

    const spend = await postingOf(tx, userId, orderRefs.spent(orderId));
    const spent = -(spend?.delta ?? 0);
    const returnDue =
      status === 'cancelled' || status === 'refunded' ? spent : refundedShare(spent, refunded, total);
    const returned = await q.postedUnder(tx, userId, orderRefs.returned(orderId));
    if (spend && returnDue > returned)
      await points.post(
        tx,
        {
          userId,
          delta: returnDue - returned,
          reason: 'checkout_return',
          ref: orderRefs.returned(orderId) + returnDue,
        },
        { restoring: spend.id },
      );
  }

  /** The person's posting under `ref` (the order's earn or its checkout spend), if any. */
  async function postingOf(tx: Tx, userId: string, ref: string) {
    const rows = await tx.query<{ id: string; delta: number }>(
      'SELECT id, delta FROM point_postings WHERE user_id = $1 AND ref = $2',
      [userId, ref],
    );
    return rows[0];
  }

  /** `order.paid`: points on the paid total, then whatever refunds already happened (a late job). */
  async function earnOnPaid(tx: Tx, e: { orderId: string }) {
    const facts = await ctx.orderFacts(tx, e.orderId);
    if (!facts) return;
    const settings = await q.loadSettings(tx);
    const due = pointsEarned(facts.total, settings.earnPerUnit, minorPerMajor);
    if (due > 0)
      await points.post(tx, {
        userId: facts.buyerId,
        delta: due,
        reason: 'order',
        ref: orderRefs.earned(facts.orderId),
      });
    await settle(tx, facts);
  }

  /** `order.refunded`, `order.partially_refunded`, `order.cancelled`. */
  async function settleOrder(tx: Tx, e: { orderId: string }) {
    const facts = await ctx.orderFacts(tx, e.orderId);
    if (facts) await settle(tx, facts);
  }

  /**
   * The `PointsCheckout` port. `reserve` checks the balance under the person's lock (held until the
   * checkout commits, so a second checkout of the same person waits and then sees the spend) and
   * caps the points by the operator's share; `attachTo` spends them against the new order.
   */
  const checkout: PointsCheckout = {
    async reserve(tx, { userId, points: wanted, payable }) {
      await q.lockPerson(tx, userId);
      const balance = await points.balance(tx, userId);
      if (balance < wanted) throw notEnough(balance, wanted);
      const spend = checkoutSpend(wanted, payable, await q.loadSettings(tx), minorPerMajor);
      return {
        ...spend,
        async attachTo(orderId) {
          if (spend.points === 0) return;
          await points.post(tx, {
            userId,
            delta: -spend.points,
            reason: 'checkout',
            ref: orderRefs.spent(orderId),
          });
        },
      };
    },
  };

  return {
    checkout,
    reactions: { earnOnPaid, settleOrder },
  };
}
