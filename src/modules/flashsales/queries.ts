import type { Queryable } from '../../platform/db.js';

export interface SaleRow {
  id: string;
  variant_id: string;
  product_id: string;
  price: number;
  quantity: number;
  taken: number;
  per_user_limit: number;
  starts_at: Date;
  ends_at: Date;
  status: 'active' | 'closed';
  created_at: Date;
  updated_at: Date;
}

export async function insertSale(conn: Queryable, s: SaleRow): Promise<void> {
  await conn.query(
    `INSERT INTO flash_sales (id, variant_id, product_id, price, quantity, taken, per_user_limit, starts_at,
       ends_at, status, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, 0, $6, $7, $8, 'active', $9, $9)`,
    [
      s.id,
      s.variant_id,
      s.product_id,
      s.price,
      s.quantity,
      s.per_user_limit,
      s.starts_at,
      s.ends_at,
      s.created_at,
    ],
  );
}

/** A plain read: never waits for a checkout holding the row, so it may be a moment behind. */
export const findSale = async (conn: Queryable, id: string) =>
  (await conn.query<SaleRow>('SELECT * FROM flash_sales WHERE id = $1', [id]))[0];

export const closeSale = async (conn: Queryable, id: string, now: Date) =>
  (
    await conn.query<SaleRow>(
      `UPDATE flash_sales SET status = 'closed', updated_at = $2 WHERE id = $1 RETURNING *`,
      [id, now],
    )
  )[0];

/** Sales not over yet (live, sold out or upcoming), the soonest to open first. */
export const currentSales = (conn: Queryable, now: Date, limit: number) =>
  conn.query<SaleRow>(
    `SELECT * FROM flash_sales WHERE status = 'active' AND ends_at > $1
     ORDER BY starts_at, id LIMIT $2`,
    [now, limit],
  );

/** Every sale, newest first; keyset on id (ids are time-ordered). */
export const allSales = (conn: Queryable, beforeId: string | null, limit: number) =>
  conn.query<SaleRow>(
    `SELECT * FROM flash_sales WHERE ($1::text IS NULL OR id < $1) ORDER BY id DESC LIMIT $2`,
    [beforeId, limit + 1],
  );

/** The sale as it was when a claim was tried, the person's units in it, and whether the claim took. */
export type ClaimOutcome = SaleRow & { buyer_units: number; claimed: boolean };

/**
 * A flash-sale attempt in one statement (one round trip, its own transaction). It takes `units`
 * of the sale's quota only if the sale sells that variant, is live, has that many left and the
 * person has room under their limit; then adds them to the person's count (whose CHECK is the last
 * word when one person races themself: 23514) and records the claim for the order about to be
 * built. Whatever happens it returns the sale as this statement's snapshot saw it, to explain a
 * refusal. The conditions are checked on that snapshot before the row is locked, so a sold-out,
 * ended or over-limit attempt never waits for the hot row; a taker holds it only to the commit.
 */
export const claimUnits = async (
  conn: Queryable,
  c: { saleId: string; variantId: string; orderId: string; userId: string; units: number; now: Date },
) =>
  (
    await conn.query<ClaimOutcome>(
      `WITH took AS (
         UPDATE flash_sales s SET taken = taken + $3
         WHERE id = $1 AND variant_id = $6 AND status = 'active' AND starts_at <= $5 AND ends_at > $5
           AND taken + $3 <= quantity
           AND COALESCE((SELECT units FROM flash_sale_buyers WHERE sale_id = $1 AND user_id = $4), 0) + $3
               <= s.per_user_limit
         RETURNING id, per_user_limit),
       counted AS (
         INSERT INTO flash_sale_buyers (sale_id, user_id, units, per_user_limit)
         SELECT id, $4, $3, per_user_limit FROM took
         ON CONFLICT (sale_id, user_id) DO UPDATE SET units = flash_sale_buyers.units + EXCLUDED.units
         RETURNING sale_id),
       claimed AS (
         INSERT INTO flash_sale_orders (order_id, sale_id, user_id, quantity, created_at)
         SELECT $2, sale_id, $4, $3, $5 FROM counted RETURNING order_id)
       SELECT s.*, EXISTS (SELECT 1 FROM claimed) AS claimed,
         COALESCE((SELECT units FROM flash_sale_buyers b WHERE b.sale_id = s.id AND b.user_id = $4), 0)
           AS buyer_units
       FROM flash_sales s WHERE s.id = $1`,
      [c.saleId, c.orderId, c.units, c.userId, c.now, c.variantId],
    )
  )[0];

/** The claim now belongs to a committed order; false if it was given back (lapsed) already. */
export const placeClaim = async (conn: Queryable, orderId: string, now: Date) =>
  (
    await conn.query(
      `UPDATE flash_sale_orders SET placed_at = $2 WHERE order_id = $1 AND released_at IS NULL RETURNING order_id`,
      [orderId, now],
    )
  ).length > 0;

/** Claims made before `before` whose orders never committed: their checkouts died. */
export const lapsedClaims = async (conn: Queryable, before: Date, limit: number) =>
  (
    await conn.query<{ order_id: string }>(
      `SELECT order_id FROM flash_sale_orders
       WHERE placed_at IS NULL AND released_at IS NULL AND created_at < $1 ORDER BY created_at LIMIT $2`,
      [before, limit],
    )
  ).map((r) => r.order_id);

/** Marks a claim whose order never committed given back, once; null if placed or given back already. */
export const releaseUnplaced = async (conn: Queryable, orderId: string, now: Date) =>
  (
    await conn.query<{ sale_id: string; user_id: string; quantity: number }>(
      `UPDATE flash_sale_orders SET released_at = $2
       WHERE order_id = $1 AND placed_at IS NULL AND released_at IS NULL
       RETURNING sale_id, user_id, quantity`,
      [orderId, now],
    )
  )[0] ?? null;

/** Marks an order's units given back, once; null when it had none or gave them back already. */
export const releaseSaleOrder = async (conn: Queryable, orderId: string, now: Date) =>
  (
    await conn.query<{ sale_id: string; user_id: string; quantity: number }>(
      `UPDATE flash_sale_orders SET released_at = $2 WHERE order_id = $1 AND released_at IS NULL
       RETURNING sale_id, user_id, quantity`,
      [orderId, now],
    )
  )[0] ?? null;

export async function giveBack(conn: Queryable, r: { saleId: string; userId: string; units: number }) {
  await conn.query('UPDATE flash_sales SET taken = taken - $2 WHERE id = $1', [r.saleId, r.units]);
  await conn.query('UPDATE flash_sale_buyers SET units = units - $3 WHERE sale_id = $1 AND user_id = $2', [
    r.saleId,
    r.userId,
    r.units,
  ]);
}
