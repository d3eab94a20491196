import type { ContentSource, ContentSourceType } from '../../platform/content-sources.js';
import type { Queryable } from '../../platform/db.js';
import { addressKey, phoneKey } from './contact-keys.js';
import { type OrderStatus, orderMachine, POINTS_PROVIDER } from './rules.js';

export interface OrderRow {
  id: string;
  user_id: string;
  status: OrderStatus;
  subtotal: number;
  /** Everything taken off the subtotal: coupon + member level + points. */
  discount: number;
  /** The part of `discount` the buyer's membership level gave. */
  member_discount: number;
  /** Points spent on the order, and the money they paid (part of `discount`). */
  points_used: number;
  points_discount: number;
  /** subtotal − discount + shipping_fee. */
  total: number;
  /** The shipping fee, part of `total`; and how much of it went back to the buyer (part of `refunded_amount`). */
  shipping_fee: number;
  shipping_refunded: number;
  /** What went back to the buyer so far (partial refunds add up; a full refund makes it `total`). */
  refunded_amount: number;
  currency: string;
  address: Record<string, string> | null;
  share_code: string | null;
  store_slug: string | null;
  /** The post or live room the order came through: both null or both set (migration 050). */
  source_type: ContentSourceType | null;
  source_id: string | null;
  provider: string;
  expires_at: Date;
  created_at: Date;
  updated_at: Date;
}

export interface OrderItemRow {
  id: string;
  order_id: string;
  variant_id: string;
  product_id: string;
  title: string;
  variant_title: string;
  sku: string;
  image: string | null;
  unit_price: number;
  quantity: number;
  line_total: number;
  /** Units refunded so far. */
  refunded_quantity: number;
}

export interface OrderEventRow {
  order_id: string;
  status: string;
  note: string;
  at: Date;
}

type NewOrder = Omit<OrderRow, 'updated_at' | 'refunded_amount' | 'shipping_refunded'>;
type NewItem = Omit<OrderItemRow, 'refunded_quantity'>;

/**
 * The order, its lines and its first timeline event in one statement (one round trip): the lines'
 * foreign key to the order is checked at the statement's end, when the order row is there.
 */
export async function insertOrder(
  tx: Queryable,
  o: NewOrder,
  items: readonly NewItem[],
  origin: { deviceId: string | null; ip: string | null },
) {
  await tx.query(
    `WITH placed AS (
       INSERT INTO orders (id, user_id, status, subtotal, discount, total, currency, address, share_code,
         store_slug, provider, expires_at, created_at, updated_at, device_id, client_ip, address_key, phone_key,
         member_discount, points_used, points_discount, source_type, source_id, shipping_fee)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13, $14, $15, $16, $17, $18, $19, $20,
         $21, $22, $23)
     ), lines AS (
       INSERT INTO order_items (id, order_id, variant_id, product_id, title, variant_title, sku, image,
         unit_price, quantity, line_total)
       SELECT l.id, $1, l.variant_id, l.product_id, l.title, l.variant_title, l.sku, l.image,
         l.unit_price, l.quantity, l.line_total
       FROM jsonb_to_recordset($24::jsonb) AS l(id text, variant_id text, product_id text, title text,
         variant_title text, sku text, image text, unit_price bigint, quantity int, line_total bigint)
     )
     INSERT INTO order_events (order_id, status, note, at) VALUES ($1, $3, '', $13)`,
    [
      o.id,
      o.user_id,
      o.status,
      o.subtotal,
      o.discount,
      o.total,
      o.currency,
      o.address ? JSON.stringify(o.address) : null,
      o.share_code,
      o.store_slug,
      o.provider,
      o.expires_at,
      o.created_at,
      origin.deviceId,
      origin.ip,
      addressKey(o.address),
      phoneKey(o.address?.phone),
      o.member_discount,
      o.points_used,
      o.points_discount,
      o.source_type,
      o.source_id,
      o.shipping_fee,
      JSON.stringify(items),
    ],
  );
}

/** What attribution needs to know about an order. */
export interface AttributionFacts {
  orderId: string;
  buyerId: string;
  /** What the buyer paid for the goods: the order's total without its shipping fee (commissions count goods only). */
  total: number;
  shareCode: string | null;
  storeSlug: string | null;
  /** The post or live room the order came through, or null; its owner is found through `ContentSources`. */
  source: ContentSource | null;
  deviceId: string | null;
  ip: string | null;
  lines: { productId: string; lineTotal: number }[];
}

export async function attributionFacts(
  conn: Queryable,
  orderId: string,
): Promise<AttributionFacts | undefined> {
  const rows = await conn.query<{
    id: string;
    user_id: string;
    total: number;
    share_code: string | null;
    store_slug: string | null;
    source_type: ContentSourceType | null;
    source_id: string | null;
    device_id: string | null;
    client_ip: string | null;
  }>(
    `SELECT id, user_id, total - shipping_fee AS total, share_code, store_slug, source_type, source_id,
       device_id, client_ip
     FROM orders WHERE id = $1`,
    [orderId],
  );
  const row = rows[0];
  if (!row) return undefined;
  const items = await itemsOf(conn, [orderId]);
  return {
    orderId,
    buyerId: row.user_id,
    total: row.total,
    shareCode: row.share_code,
    storeSlug: row.store_slug,
    source: sourceOf(row),
    deviceId: row.device_id,
    ip: row.client_ip,
    lines: items.map((i) => ({ productId: i.product_id, lineTotal: i.line_total })),
  };
}

/** The order's content source as the API shows it: null unless both columns are set (a CHECK keeps them so). */
export const sourceOf = (row: {
  source_type: ContentSourceType | null;
  source_id: string | null;
}): ContentSource | null =>
  row.source_type && row.source_id ? { type: row.source_type, id: row.source_id } : null;

/**
 * What one post or live room sold. The rule (the one share-link stats follow): an order counts once
 * paid and while not fully refunded (status paid, shipped or completed; a partly refunded order keeps
 * its status and counts); its GMV is the goods it paid for less the goods refunded, shipping never
 * counted. A fully refunded order counts neither as an order nor in the GMV; an unpaid or cancelled
 * one was never a sale.
 */
export async function salesOfSource(
  conn: Queryable,
  source: ContentSource,
): Promise<{ orders: number; gmv: number }> {
  const [row] = await conn.query<{ orders: number; gmv: string }>(
    `SELECT count(*)::int AS orders,
       COALESCE(sum((total - shipping_fee) - (refunded_amount - shipping_refunded)), 0)::text AS gmv
     FROM orders WHERE source_type = $1 AND source_id = $2 AND status = ANY($3)`,
    [source.type, source.id, SOLD_STATUSES],
  );
  return { orders: row?.orders ?? 0, gmv: Number(row?.gmv ?? 0) };
}
const SOLD_STATUSES: readonly OrderStatus[] = ['paid', 'shipped', 'completed'];

/** What a reward on an order (points) needs: who bought, what it paid, what went back, what points paid. */
/** An order's goods as rewards count them: `total` and `refundedAmount` leave the shipping fee out. */
export interface RewardFacts {
  orderId: string;
  buyerId: string;
  status: OrderStatus;
  total: number;
  refundedAmount: number;
  pointsUsed: number;
}

export async function rewardFacts(conn: Queryable, orderId: string): Promise<RewardFacts | undefined> {
  const row = (
    await conn.query<Pick<OrderRow, 'user_id' | 'status' | 'total' | 'refunded_amount' | 'points_used'>>(
      `SELECT user_id, status, total - shipping_fee AS total, refunded_amount - shipping_refunded AS refunded_amount,
         points_used FROM orders WHERE id = $1`,
      [orderId],
    )
  )[0];
  if (!row) return undefined;
  return {
    orderId,
    buyerId: row.user_id,
    status: row.status,
    total: row.total,
    refundedAmount: row.refunded_amount,
    pointsUsed: row.points_used,
  };
}

/**
 * Whether the buyer paid for another order before this one was paid. "Before" is by the order of
 * the payment events, not by now: the invitation reward asks in a job that may run after later
 * orders were paid too, and must still recognise the first. A points-mall redemption (provider
 * `points`) was never paid for: it does not make a later order a repeat one.
 */
export async function hasPaidBefore(
  conn: Queryable,
  buyerId: string,
  exceptOrderId: string,
): Promise<boolean> {
  const rows = await conn.query(
    `SELECT 1 FROM order_events e JOIN orders o ON o.id = e.order_id
     WHERE o.user_id = $1 AND o.id <> $2 AND e.status = 'paid' AND o.provider <> $3
       AND e.id < COALESCE((SELECT min(id) FROM order_events WHERE order_id = $2 AND status = 'paid'),
                           9223372036854775807)
     LIMIT 1`,
    [buyerId, exceptOrderId, POINTS_PROVIDER],
  );
  return rows.length > 0;
}

export interface LapsedOrder {
  id: string;
  expires_at: Date;
}

/**
 * Unpaid orders past their payment deadline, oldest deadline first (partial index
 * orders_unpaid_expiry), after `after` in that order: a sweep moves on past an order it could not cancel.
 */
export const lapsedUnpaidOrders = (conn: Queryable, now: Date, limit: number, after?: LapsedOrder) =>
  conn.query<LapsedOrder>(
    `SELECT id, expires_at FROM orders
     WHERE status = 'pending_payment' AND expires_at <= $1
       AND ($3::timestamptz IS NULL OR (expires_at, id) > ($3, $4))
     ORDER BY expires_at, id LIMIT $2`,
    [now, limit, after?.expires_at ?? null, after?.id ?? null],
  );

export const recordEvent = (tx: Queryable, orderId: string, status: string, at: Date, note = '') =>
  tx.query('INSERT INTO order_events (order_id, status, note, at) VALUES ($1, $2, $3, $4)', [
    orderId,
    status,
    note,
    at,
  ]);

/** Locks the order row for the rest of the transaction: state changes on one order are serial. */
/**
 * The order's status, share-locked until the caller's transaction ends: a refund of the order
 * waits for the caller (and the caller for a refund in flight), so a reaction that runs later than
 * the payment (a job) never acts on a status that is changing under it.
 */
export const statusHeld = async (tx: Queryable, id: string) =>
  (await tx.query<{ status: string }>('SELECT status FROM orders WHERE id = $1 FOR SHARE', [id]))[0]?.status;

/**
 * What a review of the order needs: its buyer, its status (share-locked until the caller's
 * transaction ends, so a refund waits for the review and the review sees a settled status) and its
 * lines with their products and whether each was refunded in full.
 */
export async function reviewFacts(tx: Queryable, id: string) {
  const [order] = await tx.query<{ user_id: string; status: OrderStatus }>(
    'SELECT user_id, status FROM orders WHERE id = $1 FOR SHARE',
    [id],
  );
  if (!order) return undefined;
  const lines = await tx.query<{
    id: string;
    product_id: string;
    title: string;
    variant_title: string;
    quantity: number;
    refunded_quantity: number;
  }>(
    `SELECT id, product_id, title, variant_title, quantity, refunded_quantity
     FROM order_items WHERE order_id = $1 ORDER BY id`,
    [id],
  );
  return {
    userId: order.user_id,
    status: order.status,
    lines: lines.map((l) => ({
      id: l.id,
      productId: l.product_id,
      title: l.title,
      variantTitle: l.variant_title,
      /** Every unit went back to the buyer: nothing of this line is theirs to review. */
      refundedInFull: l.refunded_quantity >= l.quantity,
    })),
  };
}
export type ReviewFacts = NonNullable<Awaited<ReturnType<typeof reviewFacts>>>;

/** A gift's address, given when it is claimed, with the keys fraud signals match deliveries by. */
export async function setDeliveryAddress(
  tx: Queryable,
  id: string,
  address: Record<string, string> | null,
  now: Date,
) {
  await tx.query(
    'UPDATE orders SET address = $2, address_key = $3, phone_key = $4, updated_at = $5 WHERE id = $1',
    [id, address ? JSON.stringify(address) : null, addressKey(address), phoneKey(address?.phone), now],
  );
}

export const lockOrder = async (tx: Queryable, id: string) =>
  (await tx.query<OrderRow>('SELECT * FROM orders WHERE id = $1 FOR NO KEY UPDATE', [id]))[0];

/** Moves the order to `status` from a state the machine allows; false when it was in none of them. */
export const setStatus = async (tx: Queryable, id: string, status: OrderStatus, now: Date) =>
  (
    await tx.query(
      'UPDATE orders SET status = $2, updated_at = $3 WHERE id = $1 AND status = ANY($4) RETURNING id',
      [id, status, now, orderMachine.fromStates(status)],
    )
  ).length > 0;

export const findOrder = async (conn: Queryable, id: string) =>
  (await conn.query<OrderRow>('SELECT * FROM orders WHERE id = $1', [id]))[0];

export const findOrders = (conn: Queryable, ids: readonly string[]) =>
  conn.query<OrderRow>('SELECT * FROM orders WHERE id = ANY($1) ORDER BY created_at, id', [ids]);

export const itemsOf = (conn: Queryable, orderIds: readonly string[]) =>
  conn.query<OrderItemRow>('SELECT * FROM order_items WHERE order_id = ANY($1) ORDER BY id', [orderIds]);

export const eventsOf = (conn: Queryable, orderIds: readonly string[]) =>
  conn.query<OrderEventRow>(
    'SELECT order_id, status, note, at FROM order_events WHERE order_id = ANY($1) ORDER BY id',
    [orderIds],
  );

export interface OrderListFilter {
  userId?: string;
  status?: string;
  /** Admin search: an order id prefix, or part of the buyer's email or name. */
  q?: string;
  beforeId?: string;
  limit: number;
}

export function listOrders(conn: Queryable, f: OrderListFilter & { buyerIds?: readonly string[] }) {
  const where: string[] = [];
  const params: unknown[] = [];
  const param = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  if (f.userId) where.push(`o.user_id = ${param(f.userId)}`);
  if (f.status) where.push(`o.status = ${param(f.status)}`);
  if (f.q) {
    const p = param(`%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    where.push(`(o.id ILIKE ${p} OR o.user_id = ANY(${param(f.buyerIds ?? [])}))`);
  }
  if (f.beforeId) where.push(`o.id < ${param(f.beforeId)}`);
  return conn.query<OrderRow>(
    `SELECT o.* FROM orders o
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY o.id DESC LIMIT ${param(f.limit + 1)}`,
    params,
  );
}

/**
 * Serializes one buyer's checkouts until the transaction ends (a transaction-scoped advisory lock:
 * no row of another module's table is locked). Two buyers whose keys collide merely wait for each other.
 */
export async function lockBuyerCheckouts(tx: Queryable, userId: string) {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('fission.checkout:' || $1, 0))`, [userId]);
}

export async function countUnpaidOrders(tx: Queryable, userId: string): Promise<number> {
  const [row] = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM orders WHERE user_id = $1 AND status = 'pending_payment'`,
    [userId],
  );
  return row?.n ?? 0;
}

/** A refund was applied: the order's refunded total and the units it covered grow by it. */
export async function addRefunded(
  tx: Queryable,
  orderId: string,
  amount: number,
  items: readonly { orderItemId: string; quantity: number }[],
  now: Date,
  /** The part of `amount` that is the shipping fee. */
  shipping = 0,
) {
  await tx.query(
    `UPDATE orders SET refunded_amount = refunded_amount + $2, shipping_refunded = shipping_refunded + $4,
       updated_at = $3 WHERE id = $1`,
    [orderId, amount, now, shipping],
  );
  for (const item of items) {
    await tx.query(
      'UPDATE order_items SET refunded_quantity = refunded_quantity + $3 WHERE id = $1 AND order_id = $2',
      [item.orderItemId, orderId, item.quantity],
    );
  }
}

/**
 * What each buyer spent: the totals of their orders that were ever paid, less what was refunded,
 * and how many such orders. For the console's people list; absent buyers spent nothing.
 */
export const spendingOf = (conn: Queryable, buyerIds: readonly string[]) =>
  conn.query<{ user_id: string; spent: string; orders: number }>(
    `SELECT o.user_id, sum(o.total - o.refunded_amount)::text AS spent, count(*)::int AS orders
     FROM orders o
     WHERE o.user_id = ANY($1::text[])
       AND EXISTS (SELECT 1 FROM order_events e WHERE e.order_id = o.id AND e.status = 'paid')
     GROUP BY o.user_id`,
    [buyerIds],
  );

/** Buyers who spent at least `minimum` (as `spendingOf` counts), at most `limit` of them. */
export const buyersWhoSpent = async (conn: Queryable, minimum: number, limit: number) =>
  (
    await conn.query<{ user_id: string }>(
      `SELECT o.user_id FROM orders o
       WHERE EXISTS (SELECT 1 FROM order_events e WHERE e.order_id = o.id AND e.status = 'paid')
       GROUP BY o.user_id HAVING sum(o.total - o.refunded_amount) >= $1 LIMIT $2`,
      [minimum, limit],
    )
  ).map((r) => r.user_id);

/** Buyers whose orders went to a phone number containing these digits (its normalized key). */
export const buyersByPhone = async (conn: Queryable, digits: string, limit: number) =>
  (
    await conn.query<{ user_id: string }>(
      'SELECT DISTINCT user_id FROM orders WHERE phone_key LIKE $1 LIMIT $2',
      [`%${digits}%`, limit],
    )
  ).map((r) => r.user_id);

/** The part of a claimed refund that is the shipping fee; none recorded means goods only. */
export async function recordShippingRefund(tx: Queryable, refundId: string, orderId: string, amount: number) {
  if (amount <= 0) return;
  await tx.query('INSERT INTO order_shipping_refunds (refund_id, order_id, amount) VALUES ($1, $2, $3)', [
    refundId,
    orderId,
    amount,
  ]);
}
