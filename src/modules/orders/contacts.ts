import type { Queryable } from '../../platform/db.js';
import { addressKey, phoneKey } from './contact-keys.js';

/**
 * Reads for other modules' fraud checks: where orders ship to and who paid for them, as normalized
 * keys only (never the address itself). Every read is an indexed lookup: by order id, by the
 * buyer's own orders, or by an address key.
 */
export interface OrderContactKeys {
  orderId: string;
  userId: string;
  addressKey: string | null;
  phoneKey: string | null;
  /** The card or wallet fingerprint the payment provider reported, if it reports one. */
  paymentFingerprint: string | null;
}

interface KeysRow {
  id: string;
  user_id: string;
  address: Record<string, string> | null;
  address_key: string | null;
  phone_key: string | null;
  payment_fingerprint: string | null;
}

const COLUMNS = 'id, user_id, address, address_key, phone_key, payment_fingerprint';

// Orders from before the keys were stored have none: they are computed from the address instead.
const keysOf = (r: KeysRow): OrderContactKeys => ({
  orderId: r.id,
  userId: r.user_id,
  addressKey: r.address_key ?? addressKey(r.address),
  phoneKey: r.phone_key ?? phoneKey(r.address?.phone),
  paymentFingerprint: r.payment_fingerprint,
});

/** The keys of these orders (unknown ids are left out). */
export async function contactKeysOfOrders(conn: Queryable, orderIds: readonly string[]) {
  if (orderIds.length === 0) return [];
  const rows = await conn.query<KeysRow>(`SELECT ${COLUMNS} FROM orders WHERE id = ANY($1)`, [orderIds]);
  return rows.map(keysOf);
}

/** The keys of someone's own orders that were not abandoned unpaid, newest first (at most `limit`). */
export async function contactKeysOfUser(conn: Queryable, userId: string, limit = 100) {
  const rows = await conn.query<KeysRow>(
    `SELECT ${COLUMNS} FROM orders WHERE user_id = $1 AND status <> 'cancelled' ORDER BY id DESC LIMIT $2`,
    [userId, limit],
  );
  return rows.map(keysOf);
}

/** Other people's orders shipping to this address (at most `limit`), newest first. */
export async function ordersSharingAddress(conn: Queryable, key: string, exceptUserId: string, limit = 50) {
  return conn.query<{ orderId: string; userId: string }>(
    `SELECT id AS "orderId", user_id AS "userId" FROM orders
     WHERE address_key = $1 AND user_id <> $2 AND status <> 'cancelled' ORDER BY id DESC LIMIT $3`,
    [key, exceptUserId, limit],
  );
}

/** The ids of someone's paid orders (paid, whatever happened since), newest first. */
export async function paidOrdersOf(conn: Queryable, userId: string, limit = 100) {
  const rows = await conn.query<{ id: string }>(
    `SELECT id FROM orders WHERE user_id = $1 AND status NOT IN ('pending_payment', 'cancelled')
     ORDER BY id DESC LIMIT $2`,
    [userId, limit],
  );
  return rows.map((r) => r.id);
}

/** Records the fingerprint of the card or wallet that paid, as the provider reported it. */
export const setPaymentFingerprint = (conn: Queryable, orderId: string, fingerprint: string) =>
  conn.query('UPDATE orders SET payment_fingerprint = $2 WHERE id = $1', [orderId, fingerprint]);
