import type { Clock } from '../../platform/clock.js';
import type { GiftOrders, OrderGift } from '../orders/index.js';
import * as q from './queries.js';

/** The gift as an order shows it (its token for the sender's claim link). */
export const orderGiftOf = (row: q.GiftRow): OrderGift => ({
  status: row.status,
  message: row.message,
  token: row.token,
  recipientId: row.recipient_id,
  claimBy: row.claim_by?.toISOString() ?? null,
  claimedAt: row.claimed_at?.toISOString() ?? null,
});

/**
 * The gifts side of orders: a new order recorded as a gift in the checkout transaction, and the
 * gifts of orders for showing them and for the steps that depend on a claim (shipping, after-sales).
 * It needs nothing of the orders module, so checkout can be wired before the gift service.
 */
export function createGiftOrders(deps: { clock: Clock }): GiftOrders {
  return {
    async attach(tx, gift) {
      await q.insertGift(tx, { ...gift, now: deps.clock.now() });
    },
    async ofOrders(conn, orderIds) {
      if (orderIds.length === 0) return new Map();
      return new Map((await q.giftsOf(conn, orderIds)).map((row) => [row.order_id, orderGiftOf(row)]));
    },
  };
}
