import type { Queryable } from '../../platform/db.js';
import type { ItemKind, RedemptionStatus } from './rules.js';

export interface ItemRow {
  id: string;
  title: string;
  description: string;
  image: string | null;
  cost_points: number;
  stock: number;
  per_person_limit: number | null;
  kind: ItemKind;
  coupon_template_id: string | null;
  variant_id: string | null;
  active: boolean;
  created_at: Date;
  updated_at: Date;
}

export interface RedemptionRow {
  id: string;
  item_id: string;
  user_id: string;
  kind: ItemKind;
  title: string;
  cost_points: number;
  status: RedemptionStatus;
  coupon_id: string | null;
  order_id: string | null;
  created_at: Date;
  done_at: Date | null;
}

const ITEM_COLUMNS = [
  'id',
  'title',
  'description',
  'image',
  'cost_points',
  'stock',
  'per_person_limit',
  'kind',
  'coupon_template_id',
  'variant_id',
  'active',
  'created_at',
  'updated_at',
] as const;

export async function insertItem(conn: Queryable, row: ItemRow): Promise<ItemRow> {
  const [inserted] = await conn.query<ItemRow>(
    `INSERT INTO points_mall_items (${ITEM_COLUMNS.join(', ')})
     VALUES (${ITEM_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING *`,
    ITEM_COLUMNS.map((c) => row[c]),
  );
  return inserted as ItemRow;
}

/** Sets the given columns (names from the module's own code, never from a request). */
export async function updateItem(
  conn: Queryable,
  id: string,
  columns: Partial<Record<string, unknown>>,
  now: Date,
): Promise<ItemRow | undefined> {
  const names = Object.keys(columns);
  const sets = names.map((name, i) => `${name} = $${i + 3}`);
  const [row] = await conn.query<ItemRow>(
    `UPDATE points_mall_items SET ${[...sets, 'updated_at = $2'].join(', ')} WHERE id = $1 RETURNING *`,
    [id, now, ...names.map((n) => columns[n])],
  );
  return row;
}

export const findItem = async (conn: Queryable, id: string) =>
  (await conn.query<ItemRow>('SELECT * FROM points_mall_items WHERE id = $1', [id]))[0];

/** Newest first, keyset by (created_at, id); the shop sees active items only. */
export function listItems(
  conn: Queryable,
  f: { limit: number; activeOnly: boolean; before?: { createdAt: string; id: string } },
) {
  const params: unknown[] = [f.limit + 1];
  const where: string[] = [];
  if (f.activeOnly) where.push('active');
  if (f.before) {
    params.push(f.before.createdAt, f.before.id);
    where.push('(created_at, id) < ($2, $3)');
  }
  return conn.query<ItemRow>(
    `SELECT * FROM points_mall_items ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY created_at DESC, id DESC LIMIT $1`,
    params,
  );
}

/**
 * Takes one unit of an active item, or none when none is left: the conditional update is the
 * whole stock rule, and racing redemptions queue on the item's row, so the mall never oversells.
 */
export async function takeUnit(conn: Queryable, id: string): Promise<ItemRow | undefined> {
  const [row] = await conn.query<ItemRow>(
    'UPDATE points_mall_items SET stock = stock - 1 WHERE id = $1 AND active AND stock > 0 RETURNING *',
    [id],
  );
  return row;
}

/**
 * Counts one more unit for the person, unless that would pass `limit` (null: no limit): the upsert
 * holds the person's row for the rest of the transaction, so two of their redemptions at once
 * cannot both pass. Returns the new count, or undefined when the limit was already reached.
 */
export async function countTaker(
  conn: Queryable,
  f: { itemId: string; userId: string; limit: number | null },
): Promise<number | undefined> {
  const [row] = await conn.query<{ redeemed: number }>(
    `INSERT INTO points_mall_takers (item_id, user_id, redeemed) VALUES ($1, $2, 1)
     ON CONFLICT (item_id, user_id) DO UPDATE SET redeemed = points_mall_takers.redeemed + 1
       WHERE $3::int IS NULL OR points_mall_takers.redeemed < $3::int
     RETURNING redeemed`,
    [f.itemId, f.userId, f.limit],
  );
  return row?.redeemed;
}

/** How many of each item the person redeemed (items they never redeemed are absent). */
export async function redeemedBy(conn: Queryable, userId: string, itemIds: readonly string[]) {
  if (itemIds.length === 0) return new Map<string, number>();
  const rows = await conn.query<{ item_id: string; redeemed: number }>(
    'SELECT item_id, redeemed FROM points_mall_takers WHERE user_id = $1 AND item_id = ANY($2)',
    [userId, itemIds],
  );
  return new Map(rows.map((r) => [r.item_id, r.redeemed]));
}

/** Units redeemed of each item, by everyone. */
export async function redeemedCounts(conn: Queryable, itemIds: readonly string[]) {
  if (itemIds.length === 0) return new Map<string, number>();
  const rows = await conn.query<{ item_id: string; redeemed: number }>(
    `SELECT item_id, sum(redeemed)::int AS redeemed FROM points_mall_takers
     WHERE item_id = ANY($1) GROUP BY item_id`,
    [itemIds],
  );
  return new Map(rows.map((r) => [r.item_id, r.redeemed]));
}

export async function insertRedemption(conn: Queryable, r: RedemptionRow): Promise<void> {
  await conn.query(
    `INSERT INTO points_mall_redemptions
       (id, item_id, user_id, kind, title, cost_points, status, coupon_id, order_id, created_at, done_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      r.id,
      r.item_id,
      r.user_id,
      r.kind,
      r.title,
      r.cost_points,
      r.status,
      r.coupon_id,
      r.order_id,
      r.created_at,
      r.done_at,
    ],
  );
}

/** Newest first (ids are time-ordered uuidv7, so the id alone is the keyset). */
export function listRedemptions(
  conn: Queryable,
  f: { userId?: string; status?: RedemptionStatus; itemId?: string; limit: number; beforeId?: string },
) {
  const params: unknown[] = [f.limit + 1];
  const where: string[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (f.userId !== undefined) add('user_id = ?', f.userId);
  if (f.status !== undefined) add('status = ?', f.status);
  if (f.itemId !== undefined) add('item_id = ?', f.itemId);
  if (f.beforeId !== undefined) add('id < ?', f.beforeId);
  return conn.query<RedemptionRow>(
    `SELECT * FROM points_mall_redemptions ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY id DESC LIMIT $1`,
    params,
  );
}

export const lockRedemption = async (conn: Queryable, id: string) =>
  (
    await conn.query<RedemptionRow>('SELECT * FROM points_mall_redemptions WHERE id = $1 FOR NO KEY UPDATE', [
      id,
    ])
  )[0];

/** Moves a redemption on, only from a state the machine allows (`from`). */
export async function setRedemptionStatus(
  conn: Queryable,
  f: { id: string; from: readonly RedemptionStatus[]; to: RedemptionStatus; at: Date },
): Promise<RedemptionRow | undefined> {
  const [row] = await conn.query<RedemptionRow>(
    `UPDATE points_mall_redemptions SET status = $2, done_at = $3
     WHERE id = $1 AND status = ANY($4) RETURNING *`,
    [f.id, f.to, f.to === 'done' ? f.at : null, f.from],
  );
  return row;
}
