import type { Queryable, Tx } from '../../platform/db.js';
import type { Badge, Tier } from './rules.js';

/** Records one observation; false when its ref was seen before (a replayed job). */
export async function observe(
  tx: Tx,
  o: { userId: string; badge: Badge; ref: string; value: number; at: Date },
): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO honour_observations (user_id, badge, ref, value, observed_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT DO NOTHING RETURNING ref`,
    [o.userId, o.badge, o.ref, o.value, o.at],
  );
  return rows.length > 0;
}

/** Adds one to a distinct count; the upsert's row lock orders racing jobs of one person. */
export async function addOne(tx: Tx, userId: string, badge: Badge, at: Date): Promise<number> {
  const [row] = await tx.query<{ count: number }>(
    `INSERT INTO honour_counts (user_id, badge, count, updated_at) VALUES ($1, $2, 1, $3)
     ON CONFLICT (user_id, badge) DO UPDATE SET count = honour_counts.count + 1, updated_at = $3
     RETURNING count`,
    [userId, badge, at],
  );
  return (row as { count: number }).count;
}

/**
 * Takes the row lock of a person's count of a badge (creating it at 0): counting an order and
 * taking one back both start here, so they never interleave for one person and badge.
 */
export async function lockCount(tx: Tx, userId: string, badge: Badge, at: Date): Promise<void> {
  await tx.query(
    `INSERT INTO honour_counts (user_id, badge, count, updated_at) VALUES ($1, $2, 0, $3)
     ON CONFLICT (user_id, badge) DO UPDATE SET count = honour_counts.count`,
    [userId, badge, at],
  );
}

/** Takes one off a distinct count (never below 0). */
export async function subtractOne(tx: Tx, userId: string, badge: Badge, at: Date): Promise<void> {
  await tx.query(
    `UPDATE honour_counts SET count = GREATEST(count - 1, 0), updated_at = $3 WHERE user_id = $1 AND badge = $2`,
    [userId, badge, at],
  );
}

/** Records that an order stands behind an observation (once). */
export const addSource = (tx: Tx, s: { userId: string; badge: Badge; ref: string; orderId: string }) =>
  tx.query(
    `INSERT INTO honour_sources (user_id, badge, ref, order_id) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
    [s.userId, s.badge, s.ref, s.orderId],
  );

export const sourcesOfOrder = (conn: Queryable, orderId: string) =>
  conn.query<{ user_id: string; badge: Badge; ref: string }>(
    'SELECT user_id, badge, ref FROM honour_sources WHERE order_id = $1 ORDER BY user_id, badge, ref',
    [orderId],
  );

/** Removes an order from behind an observation; true when no other order stands behind it. */
export async function removeSource(
  tx: Tx,
  s: { userId: string; badge: Badge; ref: string; orderId: string },
): Promise<boolean> {
  await tx.query(
    'DELETE FROM honour_sources WHERE user_id = $1 AND badge = $2 AND ref = $3 AND order_id = $4',
    [s.userId, s.badge, s.ref, s.orderId],
  );
  const left = await tx.query(
    'SELECT 1 FROM honour_sources WHERE user_id = $1 AND badge = $2 AND ref = $3 LIMIT 1',
    [s.userId, s.badge, s.ref],
  );
  return left.length === 0;
}

/** Forgets an observation; true when there was one (and so its count is to go down). */
export async function forget(tx: Tx, userId: string, badge: Badge, ref: string): Promise<boolean> {
  const rows = await tx.query(
    'DELETE FROM honour_observations WHERE user_id = $1 AND badge = $2 AND ref = $3 RETURNING ref',
    [userId, badge, ref],
  );
  return rows.length > 0;
}

/** Raises a best-value count to `value` if it is higher; returns the count after. */
export async function raiseTo(
  tx: Tx,
  userId: string,
  badge: Badge,
  value: number,
  at: Date,
): Promise<number> {
  const [row] = await tx.query<{ count: number }>(
    `INSERT INTO honour_counts (user_id, badge, count, updated_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (user_id, badge) DO UPDATE SET count = GREATEST(honour_counts.count, $3),
       updated_at = CASE WHEN $3 > honour_counts.count THEN $4 ELSE honour_counts.updated_at END
     RETURNING count`,
    [userId, badge, value, at],
  );
  return (row as { count: number }).count;
}

/** Grants the tiers not yet held and returns those newly granted (the unique key makes it once). */
export async function grantTiers(
  tx: Tx,
  userId: string,
  badge: Badge,
  tiers: readonly Tier[],
  at: Date,
): Promise<Tier[]> {
  if (tiers.length === 0) return [];
  const rows = await tx.query<{ tier: Tier }>(
    `INSERT INTO honour_badges (user_id, badge, tier, granted_at)
     SELECT $1, $2, tier, $4 FROM unnest($3::text[]) AS tier
     ON CONFLICT DO NOTHING RETURNING tier`,
    [userId, badge, tiers, at],
  );
  return rows.map((r) => r.tier);
}

export interface HeldRow {
  badge: string;
  tier: Tier;
  granted_at: Date;
}

export const heldBy = (conn: Queryable, userId: string) =>
  conn.query<HeldRow>(
    'SELECT badge, tier, granted_at FROM honour_badges WHERE user_id = $1 ORDER BY granted_at, badge, tier',
    [userId],
  );

export const countsOf = (conn: Queryable, userId: string) =>
  conn.query<{ badge: string; count: number }>('SELECT badge, count FROM honour_counts WHERE user_id = $1', [
    userId,
  ]);

export interface HoldersRow {
  badge: string;
  tier: Tier;
  holders: number;
  recent: string[];
}

/** Per badge and tier: how many hold it, and the ids of the latest few to earn it. */
export const holders = (conn: Queryable, recent: number) =>
  conn.query<HoldersRow>(
    `SELECT badge, tier, count(*)::int AS holders,
       (array_agg(user_id ORDER BY granted_at DESC, user_id))[1:$1] AS recent
     FROM honour_badges GROUP BY badge, tier`,
    [recent],
  );
