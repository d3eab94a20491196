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

export interface PersonReads {
  /** The latest finished training: whether this process's copy of its tables is current. */
  trainingId: string | null;
  /** Products the person bought since `boughtSince`. */
  bought: string[];
  /** Each purchase of a friend since `friendsSince` (a friend's repeat purchase is a second row). */
  friendPurchases: { product_id: string; user_id: string; at: Date }[];
  /** The last training's picks for the person, best first. */
  candidates: string[];
  /** The person's latest distinct products (what "because you …" points at), newest first. */
  recent: { productId: string; bought: boolean }[];
}

type PartRow = { part: string; product_id: string; friend_id: string | null; at: Date | null; n: number };

/**
 * Everything a person's list needs from the recommender's own tables, in one statement (one round
 * trip; PGlite runs statements one at a time): the version of the precomputed tables, what they
 * bought lately, what their friends bought lately, their candidates, and their latest products.
 * Purchases come as rows, not grouped: a repeat purchase is rare, and `tallyFriendPurchases` and
 * a Set fold them for less than PGlite's aggregation costs.
 */
export async function personReads(
  conn: Queryable,
  p: { userId: string; boughtSince: Date; friendsSince: Date; candidates: number; recent: number },
): Promise<PersonReads> {
  const rows = await conn.query<PartRow>(
    `SELECT 'training' AS part, id AS product_id, NULL::text AS friend_id, NULL::timestamptz AS at, 0 AS n
     FROM (SELECT id FROM rec_trainings WHERE status = 'done' ORDER BY started_at DESC LIMIT 1) t
     UNION ALL
     SELECT 'bought', product_id, NULL, NULL, 0 FROM rec_events
     WHERE user_id = $1 AND kind = 'purchase' AND at >= $2
     UNION ALL
     SELECT 'friend', product_id, user_id, at, 0 FROM (
       SELECT e.product_id, e.user_id, e.at
       FROM rec_friends f JOIN rec_events e ON e.user_id = f.friend_id AND e.kind = 'purchase' AND e.at >= $3
       WHERE f.user_id = $1 LIMIT 5000) fp
     UNION ALL
     SELECT 'candidate', product_id, NULL, NULL, rank FROM (
       SELECT product_id, rank FROM rec_user_candidates WHERE user_id = $1 ORDER BY rank LIMIT $4) c
     UNION ALL
     SELECT CASE WHEN bought THEN 'recent_bought' ELSE 'recent_viewed' END, product_id, NULL, at, 0 FROM (
       SELECT product_id, bool_or(kind = 'purchase') AS bought, max(at) AS at FROM (
         SELECT product_id, kind, at FROM rec_events WHERE user_id = $1 ORDER BY at DESC LIMIT 200) r
       GROUP BY product_id ORDER BY max(at) DESC LIMIT $5) l`,
    [p.userId, p.boughtSince, p.friendsSince, p.candidates, p.recent],
  );
  const out: PersonReads = { trainingId: null, bought: [], friendPurchases: [], candidates: [], recent: [] };
  const candidates: { id: string; rank: number }[] = [];
  const recent: { productId: string; bought: boolean; at: number }[] = [];
  for (const r of rows) {
    if (r.part === 'training') out.trainingId = r.product_id;
    else if (r.part === 'bought') out.bought.push(r.product_id);
    else if (r.part === 'friend')
      out.friendPurchases.push({ product_id: r.product_id, user_id: r.friend_id ?? '', at: r.at as Date });
    else if (r.part === 'candidate') candidates.push({ id: r.product_id, rank: r.n });
    else
      recent.push({
        productId: r.product_id,
        bought: r.part === 'recent_bought',
        at: (r.at as Date).getTime(),
      });
  }
  // A UNION's rows come in no promised order: each part is ordered here.
  out.candidates = candidates.sort((a, b) => a.rank - b.rank).map((c) => c.id);
  out.recent = recent
    .sort((a, b) => b.at - a.at || (a.productId < b.productId ? -1 : 1))
    .map(({ productId, bought }) => ({ productId, bought }));
  return out;
}

/** The latest finished training's id, from the newest rows of its index: the cache's version. */
export const latestTrainingId = async (conn: Queryable) =>
  (
    await conn.query<{ id: string }>(
      `SELECT id FROM rec_trainings WHERE status = 'done' ORDER BY started_at DESC LIMIT 1`,
    )
  )[0]?.id ?? null;

/** Every product's neighbours, best first (a process's copy, read once per training). */
export const allNeighbours = (conn: Queryable) =>
  conn.query<{ product_id: string; neighbour_id: string }>(
    'SELECT product_id, neighbour_id FROM rec_item_neighbours ORDER BY product_id, rank',
  );

export const popular = (conn: Queryable, limit: number) =>
  conn.query<{ product_id: string }>('SELECT product_id FROM rec_popular ORDER BY rank LIMIT $1', [limit]);

/** The purchases of an order, but those of `kept` products: a refund took the rest back. */
export async function deletePurchasesOfOrder(conn: Queryable, orderId: string, kept: readonly string[]) {
  await conn.query(
    `DELETE FROM rec_events WHERE order_id = $1 AND kind = 'purchase' AND NOT (product_id = ANY($2::text[]))`,
    [orderId, [...kept]],
  );
}

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
