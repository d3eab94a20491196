import type { Queryable } from '../../platform/db.js';
import type { TargetType } from './rules.js';

export interface LinkRow {
  code: string;
  owner_id: string;
  target_type: TargetType;
  target_id: string;
  created_at: Date;
}

export interface ClickRow {
  code: string;
  clickedAt: Date;
  deviceId: string | null;
  ip: string | null;
  userAgent: string | null;
}

export interface LinkStatsRow {
  code: string;
  clicks: number;
  orders: number;
  gmv: number;
}

export const findLink = async (db: Queryable, code: string) =>
  (await db.query<LinkRow>('SELECT * FROM share_links WHERE code = $1', [code]))[0];

export const findOwnLink = async (db: Queryable, ownerId: string, type: TargetType, targetId: string) =>
  (
    await db.query<LinkRow>(
      'SELECT * FROM share_links WHERE owner_id = $1 AND target_type = $2 AND target_id = $3',
      [ownerId, type, targetId],
    )
  )[0];

/** Inserts the link unless this owner already has one for the target; undefined when not inserted. */
export const insertLink = async (db: Queryable, link: LinkRow) =>
  (
    await db.query<LinkRow>(
      `INSERT INTO share_links (code, owner_id, target_type, target_id, created_at)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (owner_id, target_type, target_id) DO NOTHING
       RETURNING *`,
      [link.code, link.owner_id, link.target_type, link.target_id, link.created_at],
    )
  )[0];

/** An owner's links, newest first; keyset pagination on (created_at, code). */
export function listOwnLinks(
  db: Queryable,
  f: { ownerId: string; before?: { createdAt: string; code: string }; limit: number },
) {
  const params: unknown[] = [f.ownerId, f.limit + 1];
  let after = '';
  if (f.before) {
    params.push(f.before.createdAt, f.before.code);
    after = 'AND (created_at, code) < ($3::timestamptz, $4)';
  }
  return db.query<LinkRow>(
    `SELECT * FROM share_links WHERE owner_id = $1 ${after}
     ORDER BY created_at DESC, code DESC LIMIT $2`,
    params,
  );
}

/**
 * Clicks recorded so far, and the link's order counters (kept from order events, see
 * `share_link_counters`): orders paid through it and not fully refunded, and their GMV.
 */
export function statsOf(db: Queryable, codes: readonly string[]) {
  return db.query<LinkStatsRow>(
    `SELECT c.code,
       (SELECT count(*) FROM share_clicks k WHERE k.code = c.code)::bigint AS clicks,
       COALESCE(n.orders, 0)::bigint AS orders,
       COALESCE(n.gmv, 0)::bigint AS gmv
     FROM unnest($1::text[]) AS c(code)
     LEFT JOIN share_link_counters n ON n.code = c.code`,
    [codes],
  );
}

/**
 * Counts a paid order for its link: one more order, its total added to the GMV. An order already
 * counted (the same event twice) or a code that is no link changes nothing; true when counted.
 */
export async function countPaidOrder(
  tx: Queryable,
  o: { orderId: string; code: string; total: number },
): Promise<boolean> {
  const rows = await tx.query<{ code: string }>(
    `WITH counted AS (
       INSERT INTO share_link_orders (order_id, code, total)
       SELECT $1, $2, $3 WHERE EXISTS (SELECT 1 FROM share_links WHERE code = $2)
       ON CONFLICT (order_id) DO NOTHING
       RETURNING code, total
     )
     INSERT INTO share_link_counters (code, orders, gmv)
     SELECT code, 1, total FROM counted
     ON CONFLICT (code) DO UPDATE
       SET orders = share_link_counters.orders + 1, gmv = share_link_counters.gmv + EXCLUDED.gmv
     RETURNING code`,
    [o.orderId, o.code, o.total],
  );
  return rows.length > 0;
}

export interface AttributedOrderRow {
  code: string;
  total: number;
  refunded_amount: number;
  fully_refunded: boolean;
}

/** An attributed order, locked until the transaction ends so two refunds apply one after the other. */
export const lockAttributedOrder = async (tx: Queryable, orderId: string) =>
  (
    await tx.query<AttributedOrderRow>(
      'SELECT code, total, refunded_amount, fully_refunded FROM share_link_orders WHERE order_id = $1 FOR NO KEY UPDATE',
      [orderId],
    )
  )[0];

/** Stores what the order now adds to its link and moves the link's counters by the difference. */
export async function applyOrderChange(
  tx: Queryable,
  c: {
    orderId: string;
    code: string;
    refundedAmount: number;
    fullyRefunded: boolean;
    orders: number;
    gmv: number;
  },
) {
  await tx.query(
    'UPDATE share_link_orders SET refunded_amount = $2, fully_refunded = $3 WHERE order_id = $1',
    [c.orderId, c.refundedAmount, c.fullyRefunded],
  );
  await tx.query('UPDATE share_link_counters SET orders = orders + $2, gmv = gmv + $3 WHERE code = $1', [
    c.code,
    c.orders,
    c.gmv,
  ]);
}

/** One statement for a whole batch of clicks, however many rows: five array parameters. */
/** Clicks on every link of one target, whoever made the link (a post's author reads them in its stats). */
export async function clicksOfTarget(db: Queryable, type: TargetType, targetId: string): Promise<number> {
  const [row] = await db.query<{ clicks: number }>(
    `SELECT count(*)::bigint AS clicks FROM share_clicks k
     JOIN share_links l ON l.code = k.code
     WHERE l.target_type = $1 AND l.target_id = $2`,
    [type, targetId],
  );
  return row?.clicks ?? 0;
}

export async function insertClicks(db: Queryable, clicks: readonly ClickRow[]) {
  await db.query(
    `INSERT INTO share_clicks (code, clicked_at, device_id, ip, user_agent)
     SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::text[], $4::text[], $5::text[])`,
    [
      clicks.map((c) => c.code),
      clicks.map((c) => c.clickedAt.toISOString()),
      clicks.map((c) => c.deviceId),
      clicks.map((c) => c.ip),
      clicks.map((c) => c.userAgent),
    ],
  );
}

/**
 * Different people who opened an owner's links since `since`: distinct device ids in the click log,
 * leaving out `ownDevices` (the owner's own phone opening their own link). Clicks without a device
 * id do not count: they cannot be told apart.
 */
export async function distinctVisitors(
  conn: Queryable,
  f: { ownerId: string; since: Date; ownDevices: readonly string[] },
): Promise<number> {
  const [row] = await conn.query<{ n: number }>(
    `SELECT count(DISTINCT k.device_id)::bigint AS n
     FROM share_links l JOIN share_clicks k ON k.code = l.code
     WHERE l.owner_id = $1 AND k.clicked_at >= $2 AND k.device_id IS NOT NULL AND k.device_id <> ''
       AND k.device_id <> ALL ($3::text[])`,
    [f.ownerId, f.since, f.ownDevices],
  );
  return row?.n ?? 0;
}

/** Every product someone made a share link for, with when (read-only, the recommender's "shared" signal). */
export const productShares = (db: Queryable) =>
  db.query<{ owner_id: string; product_id: string; created_at: Date }>(
    `SELECT owner_id, target_id AS product_id, created_at FROM share_links WHERE target_type = 'product'`,
  );
