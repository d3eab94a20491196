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

/**
 * Adds `units` to the person's count of the sale; the row's CHECK refuses more than the limit
 * (23514), so two checkouts of one person at once cannot both get past it.
 */
export async function countBuyerUnits(
  conn: Queryable,
  r: { saleId: string; userId: string; units: number; perUserLimit: number },
): Promise<void> {
  await conn.query(
    `INSERT INTO flash_sale_buyers (sale_id, user_id, units, per_user_limit) VALUES ($1, $2, $3, $4)
     ON CONFLICT (sale_id, user_id) DO UPDATE SET units = flash_sale_buyers.units + EXCLUDED.units`,
    [r.saleId, r.userId, r.units, r.perUserLimit],
  );
}

export const buyerUnits = async (conn: Queryable, saleId: string, userId: string) =>
  (
    await conn.query<{ units: number }>(
      'SELECT units FROM flash_sale_buyers WHERE sale_id = $1 AND user_id = $2',
      [saleId, userId],
    )
  )[0]?.units ?? 0;

/**
 * Takes `units` of the sale's quota if that many are left: the one write to the hot row, made
 * last in checkout so the row is held only until its commit. Null when too few are left.
 */
export const takeUnits = async (conn: Queryable, saleId: string, units: number) =>
  (
    await conn.query<{ taken: number }>(
      `UPDATE flash_sales SET taken = taken + $2 WHERE id = $1 AND taken + $2 <= quantity RETURNING taken`,
      [saleId, units],
    )
  )[0] ?? null;

export async function insertSaleOrder(
  conn: Queryable,
  o: { orderId: string; saleId: string; userId: string; quantity: number; now: Date },
) {
  await conn.query(
    `INSERT INTO flash_sale_orders (order_id, sale_id, user_id, quantity, created_at) VALUES ($1, $2, $3, $4, $5)`,
    [o.orderId, o.saleId, o.userId, o.quantity, o.now],
  );
}

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
