import type { Queryable } from '../../platform/db.js';
import { type GiftStatus, giftMachine } from './rules.js';

export interface GiftRow {
  order_id: string;
  sender_id: string;
  message: string | null;
  status: GiftStatus;
  token: string | null;
  recipient_id: string | null;
  paid_at: Date | null;
  claim_by: Date | null;
  claimed_at: Date | null;
  closed_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export async function insertGift(
  conn: Queryable,
  g: { orderId: string; senderId: string; message: string | null; now: Date },
): Promise<void> {
  await conn.query(
    `INSERT INTO gifts (order_id, sender_id, message, status, created_at, updated_at)
     VALUES ($1, $2, $3, 'awaiting_payment', $4, $4)`,
    [g.orderId, g.senderId, g.message, g.now],
  );
}

export const giftsOf = (conn: Queryable, orderIds: readonly string[]) =>
  conn.query<GiftRow>('SELECT * FROM gifts WHERE order_id = ANY($1)', [[...new Set(orderIds)]]);

export const findByToken = async (conn: Queryable, token: string) =>
  (await conn.query<GiftRow>('SELECT * FROM gifts WHERE token = $1', [token]))[0];

/** Taken after the order's row lock, as every path that locks both does (refunds lock the order first). */
export const lockGift = async (conn: Queryable, orderId: string) =>
  (await conn.query<GiftRow>('SELECT * FROM gifts WHERE order_id = $1 FOR UPDATE', [orderId]))[0];

/** Paid: the gift gets its link and its deadline, once (a replayed payment finds it unclaimed already). */
export const markPaid = async (
  conn: Queryable,
  g: { orderId: string; token: string; paidAt: Date; claimBy: Date },
) =>
  (
    await conn.query<GiftRow>(
      `UPDATE gifts SET status = 'unclaimed', token = $2, paid_at = $3, claim_by = $4, updated_at = $3
       WHERE order_id = $1 AND status = ANY($5) RETURNING *`,
      [g.orderId, g.token, g.paidAt, g.claimBy, giftMachine.fromStates('unclaimed')],
    )
  )[0];

/** The one claim: a conditional update, so a gift has one recipient however many try at once. */
export const markClaimed = async (conn: Queryable, g: { orderId: string; recipientId: string; now: Date }) =>
  (
    await conn.query<GiftRow>(
      `UPDATE gifts SET status = 'claimed', recipient_id = $2, claimed_at = $3, updated_at = $3
       WHERE order_id = $1 AND status = ANY($4) RETURNING *`,
      [g.orderId, g.recipientId, g.now, giftMachine.fromStates('claimed')],
    )
  )[0];

/** Refunded or cancelled, from a state the machine allows; undefined when it was in none of them. */
export const closeGift = async (
  conn: Queryable,
  orderId: string,
  to: Extract<GiftStatus, 'refunded' | 'cancelled'>,
  now: Date,
) =>
  (
    await conn.query<GiftRow>(
      `UPDATE gifts SET status = $2, closed_at = $3, updated_at = $3
       WHERE order_id = $1 AND status = ANY($4) RETURNING *`,
      [orderId, to, now, giftMachine.fromStates(to)],
    )
  )[0];

/**
 * A person's gifts, newest first (ids are time-ordered): the ones they sent (not the cancelled
 * orders), or the ones they received. Keyset on the order id; `limit + 1` rows tell if more exist.
 */
export function giftsFor(
  conn: Queryable,
  f: { userId: string; box: 'sent' | 'received'; beforeId: string | null; limit: number },
) {
  const who = f.box === 'sent' ? "sender_id = $1 AND status <> 'cancelled'" : 'recipient_id = $1';
  return conn.query<GiftRow>(
    `SELECT * FROM gifts WHERE ${who} AND ($2::text IS NULL OR order_id < $2)
     ORDER BY order_id DESC LIMIT $3`,
    [f.userId, f.beforeId, f.limit + 1],
  );
}
