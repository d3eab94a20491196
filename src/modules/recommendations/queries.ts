import type { Queryable } from '../../platform/db.js';

/** SQL for the recommender's own tables (migration 063). */

export async function insertPurchases(
  conn: Queryable,
  p: { userId: string; orderId: string; productIds: readonly string[]; at: Date },
) {
  await conn.query(
    `INSERT INTO rec_events (user_id, product_id, kind, order_id, at)
     SELECT $1, product_id, 'purchase', $2, $4 FROM unnest($3::text[]) AS product_id
     ON CONFLICT (order_id, product_id) WHERE kind = 'purchase' DO NOTHING`,
    [p.userId, p.orderId, [...new Set(p.productIds)], p.at],
  );
}

export interface ActivityRow {
  userId: string;
  productId: string;
  kind: 'view' | 'cart';
  at: Date;
}

/** One INSERT for a whole batch of views and add-to-carts. */
export async function insertActivity(conn: Queryable, rows: readonly ActivityRow[]) {
  if (rows.length === 0) return;
  await conn.query(
    `INSERT INTO rec_events (user_id, product_id, kind, at)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[])`,
    [rows.map((r) => r.userId), rows.map((r) => r.productId), rows.map((r) => r.kind), rows.map((r) => r.at)],
  );
}

/** Products the person bought since `since`, newest first. */
export const boughtSince = async (conn: Queryable, userId: string, since: Date) =>
  (
    await conn.query<{ product_id: string }>(
      `SELECT product_id FROM rec_events WHERE user_id = $1 AND kind = 'purchase' AND at >= $2
       GROUP BY product_id ORDER BY max(at) DESC`,
      [userId, since],
    )
  ).map((r) => r.product_id);

/** The person's latest distinct products of a kind (what "because you …" can point at). */
export const latestOfKinds = (conn: Queryable, userId: string, kinds: readonly string[], limit: number) =>
  conn.query<{ product_id: string; kind: string }>(
    `SELECT product_id, min(kind) AS kind FROM (
       SELECT product_id, kind, at FROM rec_events WHERE user_id = $1 AND kind = ANY($2)
       ORDER BY at DESC LIMIT 200) recent
     GROUP BY product_id ORDER BY max(at) DESC LIMIT $3`,
    [userId, kinds, limit],
  );

/**
 * Each (product, friend) the person's friends bought since `since`, with the latest time. Tallied in
 * JavaScript (`tallyFriendPurchases`): PGlite spends ~20 ms on a per-group `count(DISTINCT …)` over
 * even a hundred rows, this plain GROUP BY a fraction of a millisecond.
 */
export const friendPurchases = (conn: Queryable, userId: string, since: Date) =>
  conn.query<{ product_id: string; user_id: string; at: Date }>(
    `SELECT e.product_id, e.user_id, max(e.at) AS at
     FROM rec_friends f JOIN rec_events e ON e.user_id = f.friend_id AND e.kind = 'purchase' AND e.at >= $2
     WHERE f.user_id = $1
     GROUP BY e.product_id, e.user_id LIMIT 5000`,
    [userId, since],
  );

export const candidatesOf = (conn: Queryable, userId: string, limit: number) =>
  conn.query<{ product_id: string }>(
    'SELECT product_id FROM rec_user_candidates WHERE user_id = $1 ORDER BY rank LIMIT $2',
    [userId, limit],
  );

/** Neighbours of any of `productIds`, best first, with the product they neighbour. */
export const neighboursOf = (conn: Queryable, productIds: readonly string[], limit: number) =>
  conn.query<{ product_id: string; neighbour_id: string }>(
    `SELECT product_id, neighbour_id FROM rec_item_neighbours WHERE product_id = ANY($1)
     ORDER BY rank, array_position($1, product_id) LIMIT $2`,
    [productIds, limit],
  );

export const popular = (conn: Queryable, limit: number) =>
  conn.query<{ product_id: string }>('SELECT product_id FROM rec_popular ORDER BY rank LIMIT $1', [limit]);

/** Replaces every precomputed candidate, in the caller's transaction (readers see old or new, never half). */
export async function replaceCandidates(
  tx: Queryable,
  users: { userIds: string[]; ranks: number[]; productIds: string[]; scores: number[] },
  items: { productIds: string[]; ranks: number[]; neighbourIds: string[]; scores: number[] },
) {
  await tx.query('DELETE FROM rec_user_candidates');
  await tx.query('DELETE FROM rec_item_neighbours');
  await tx.query(
    `INSERT INTO rec_user_candidates (user_id, rank, product_id, score)
     SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::real[])`,
    [users.userIds, users.ranks, users.productIds, users.scores],
  );
  await tx.query(
    `INSERT INTO rec_item_neighbours (product_id, rank, neighbour_id, score)
     SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::real[])`,
    [items.productIds, items.ranks, items.neighbourIds, items.scores],
  );
}

/** Purchases per product by distinct buyers since `since`, most first (ties: newest sale). */
export async function refreshPopular(tx: Queryable, since: Date, limit: number) {
  await tx.query('DELETE FROM rec_popular');
  await tx.query(
    `INSERT INTO rec_popular (rank, product_id, buyers)
     SELECT row_number() OVER (ORDER BY count(DISTINCT user_id) DESC, max(at) DESC, product_id), product_id,
       count(DISTINCT user_id)
     FROM rec_events WHERE kind = 'purchase' AND at >= $1 GROUP BY product_id
     ORDER BY 1 LIMIT $2`,
    [since, limit],
  );
}

export interface TrainingRow {
  id: string;
  status: 'running' | 'done' | 'failed';
  started_at: Date;
  finished_at: Date | null;
  duration_ms: number | null;
  model_bytes: string | number | null;
  heap_bytes: string | number | null;
  model: string | null;
  users: number | null;
  items: number | null;
  interactions: number | null;
  metrics: Record<string, unknown> | null;
  error: string | null;
}

export async function startTraining(conn: Queryable, id: string, at: Date) {
  await conn.query(`INSERT INTO rec_trainings (id, status, started_at) VALUES ($1, 'running', $2)`, [id, at]);
}

export async function finishTraining(
  conn: Queryable,
  id: string,
  t: {
    finishedAt: Date;
    durationMs: number;
    modelBytes: number;
    heapBytes: number;
    model: string;
    users: number;
    items: number;
    interactions: number;
    metrics: Record<string, unknown>;
  },
) {
  await conn.query(
    `UPDATE rec_trainings SET status = 'done', finished_at = $2, duration_ms = $3, model_bytes = $4,
       heap_bytes = $5, model = $6, users = $7, items = $8, interactions = $9, metrics = $10 WHERE id = $1`,
    [
      id,
      t.finishedAt,
      t.durationMs,
      t.modelBytes,
      t.heapBytes,
      t.model,
      t.users,
      t.items,
      t.interactions,
      JSON.stringify(t.metrics),
    ],
  );
}

export async function failTraining(conn: Queryable, id: string, at: Date, error: string) {
  await conn.query(
    `UPDATE rec_trainings SET status = 'failed', finished_at = $2, duration_ms = (extract(epoch FROM $2::timestamptz - started_at) * 1000)::int,
       error = $3 WHERE id = $1`,
    [id, at, error.slice(0, 2000)],
  );
}

export const latestTrainings = (conn: Queryable, limit: number) =>
  conn.query<TrainingRow>('SELECT * FROM rec_trainings ORDER BY started_at DESC, id DESC LIMIT $1', [limit]);

/** A training started after `since` and still running (another process's): do not start a second. */
export const runningSince = async (conn: Queryable, since: Date) =>
  (
    await conn.query<{ id: string }>(
      `SELECT id FROM rec_trainings WHERE status = 'running' AND started_at > $1 LIMIT 1`,
      [since],
    )
  ).length > 0;
