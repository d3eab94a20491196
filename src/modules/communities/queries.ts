import type { Queryable } from '../../platform/db.js';
import type { PickupStatus } from './rules.js';

/** SQL of the communities module's own tables: communities, members, helpers, waves, pickups. */
export interface CommunityRow {
  id: string;
  leader_id: string;
  name: string;
  description: string | null;
  pickup_name: string;
  pickup_address: string;
  opening_hours: string | null;
  lat: number | null;
  lng: number | null;
  cutoff_time: string;
  created_at: Date;
  updated_at: Date;
}

export interface PickupRow {
  order_id: string;
  community_id: string;
  wave_id: string;
  user_id: string;
  status: PickupStatus;
  code: string | null;
  paid_at: Date | null;
  collect_by: Date | null;
  reminded_at: Date | null;
  collected_at: Date | null;
  collected_by: string | null;
  created_at: Date;
  /** When it lapsed uncollected (set before the policy refunds or returns it). */
  lapsed_at?: Date | null;
}

export interface WaveRow {
  id: string;
  community_id: string;
  cutoff_at: Date;
}

export async function insertCommunity(db: Queryable, c: CommunityRow) {
  await db.query(
    `INSERT INTO communities (id, leader_id, name, description, pickup_name, pickup_address, opening_hours,
       lat, lng, cutoff_time, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      c.id,
      c.leader_id,
      c.name,
      c.description,
      c.pickup_name,
      c.pickup_address,
      c.opening_hours,
      c.lat,
      c.lng,
      c.cutoff_time,
      c.created_at,
      c.updated_at,
    ],
  );
}

export async function updateCommunity(db: Queryable, c: CommunityRow) {
  await db.query(
    `UPDATE communities SET name = $2, description = $3, pickup_name = $4, pickup_address = $5,
       opening_hours = $6, lat = $7, lng = $8, cutoff_time = $9, updated_at = $10 WHERE id = $1`,
    [
      c.id,
      c.name,
      c.description,
      c.pickup_name,
      c.pickup_address,
      c.opening_hours,
      c.lat,
      c.lng,
      c.cutoff_time,
      c.updated_at,
    ],
  );
}

export const findCommunity = async (db: Queryable, id: string, lock = false) =>
  (
    await db.query<CommunityRow>(
      `SELECT * FROM communities WHERE id = $1${lock ? ' FOR NO KEY UPDATE' : ''}`,
      [id],
    )
  )[0];

export const findCommunities = (db: Queryable, ids: readonly string[]) =>
  db.query<CommunityRow>('SELECT * FROM communities WHERE id = ANY($1)', [ids]);

/** Newest first; keyset on (created_at, id); `leaderId` narrows to one leader's, `q` searches names. */
export function listCommunities(
  db: Queryable,
  f: { leaderId?: string; q?: string; after?: { at: string; id: string }; limit: number },
) {
  return db.query<CommunityRow>(
    `SELECT * FROM communities
     WHERE ($1::text IS NULL OR leader_id = $1)
       AND ($2::text IS NULL OR name ILIKE '%' || $2 || '%' OR pickup_address ILIKE '%' || $2 || '%')
       AND ($3::timestamptz IS NULL OR (created_at, id) < ($3::timestamptz, $4::text))
     ORDER BY created_at DESC, id DESC LIMIT $5`,
    [f.leaderId ?? null, f.q ?? null, f.after?.at ?? null, f.after?.id ?? null, f.limit + 1],
  );
}

export async function memberCounts(db: Queryable, ids: readonly string[]) {
  const rows = await db.query<{ community_id: string; n: number }>(
    'SELECT community_id, count(*)::int AS n FROM community_members WHERE community_id = ANY($1) GROUP BY community_id',
    [ids],
  );
  return new Map(rows.map((r) => [r.community_id, Number(r.n)]));
}

export async function helperCounts(db: Queryable, ids: readonly string[]) {
  const rows = await db.query<{ community_id: string; n: number }>(
    'SELECT community_id, count(*)::int AS n FROM community_helpers WHERE community_id = ANY($1) GROUP BY community_id',
    [ids],
  );
  return new Map(rows.map((r) => [r.community_id, Number(r.n)]));
}

export const membershipOf = async (db: Queryable, userId: string) =>
  (
    await db.query<{ community_id: string; joined_at: Date }>(
      'SELECT community_id, joined_at FROM community_members WHERE user_id = $1',
      [userId],
    )
  )[0];

/** Joins (or moves to) the community; the community the person was in before, if another. */
export async function join(db: Queryable, userId: string, communityId: string, now: Date) {
  const before = await db.query<{ community_id: string }>(
    'SELECT community_id FROM community_members WHERE user_id = $1 FOR UPDATE',
    [userId],
  );
  await db.query(
    `INSERT INTO community_members (user_id, community_id, joined_at) VALUES ($1, $2, $3)
     ON CONFLICT (user_id) DO UPDATE SET community_id = EXCLUDED.community_id, joined_at = EXCLUDED.joined_at
     WHERE community_members.community_id <> EXCLUDED.community_id`,
    [userId, communityId, now],
  );
  const previous = before[0]?.community_id;
  return previous && previous !== communityId ? previous : null;
}

export const leave = (db: Queryable, userId: string, communityId: string) =>
  db.query('DELETE FROM community_members WHERE user_id = $1 AND community_id = $2', [userId, communityId]);

export function listMembers(
  db: Queryable,
  communityId: string,
  f: { after?: { at: string; id: string }; limit: number },
) {
  return db.query<{ user_id: string; joined_at: Date }>(
    `SELECT user_id, joined_at FROM community_members WHERE community_id = $1
       AND ($2::timestamptz IS NULL OR (joined_at, user_id) > ($2::timestamptz, $3::text))
     ORDER BY joined_at, user_id LIMIT $4`,
    [communityId, f.after?.at ?? null, f.after?.id ?? null, f.limit + 1],
  );
}

export const isHelper = async (db: Queryable, communityId: string, userId: string) =>
  (
    await db.query('SELECT 1 FROM community_helpers WHERE community_id = $1 AND user_id = $2', [
      communityId,
      userId,
    ])
  ).length > 0;

export const helpedCommunities = async (db: Queryable, userId: string) =>
  (
    await db.query<{ community_id: string }>(
      'SELECT community_id FROM community_helpers WHERE user_id = $1',
      [userId],
    )
  ).map((r) => r.community_id);

export const helpersOf = (db: Queryable, communityId: string) =>
  db.query<{ user_id: string; added_at: Date }>(
    'SELECT user_id, added_at FROM community_helpers WHERE community_id = $1 ORDER BY added_at, user_id',
    [communityId],
  );

export const addHelper = (db: Queryable, communityId: string, userId: string, now: Date) =>
  db.query(
    `INSERT INTO community_helpers (community_id, user_id, added_at) VALUES ($1, $2, $3)
     ON CONFLICT DO NOTHING`,
    [communityId, userId, now],
  );

export const removeHelper = (db: Queryable, communityId: string, userId: string) =>
  db.query('DELETE FROM community_helpers WHERE community_id = $1 AND user_id = $2', [communityId, userId]);

/** The wave of this cut-off, made on first use (concurrent checkouts agree on one row). */
export async function waveAt(db: Queryable, id: string, communityId: string, cutoffAt: Date) {
  await db.query(
    `INSERT INTO community_waves (id, community_id, cutoff_at) VALUES ($1, $2, $3)
     ON CONFLICT (community_id, cutoff_at) DO NOTHING`,
    [id, communityId, cutoffAt],
  );
  return (
    await db.query<WaveRow>('SELECT * FROM community_waves WHERE community_id = $1 AND cutoff_at = $2', [
      communityId,
      cutoffAt,
    ])
  )[0] as WaveRow;
}

export const findWave = async (db: Queryable, communityId: string, waveId: string) =>
  (
    await db.query<WaveRow>('SELECT * FROM community_waves WHERE id = $1 AND community_id = $2', [
      waveId,
      communityId,
    ])
  )[0];

export const findWaves = (db: Queryable, ids: readonly string[]) =>
  db.query<WaveRow>('SELECT * FROM community_waves WHERE id = ANY($1)', [ids]);

/** Waves latest cut-off first, with how many paid orders each holds and how far collection is. */
export function listWaves(db: Queryable, communityId: string, f: { before?: string; limit: number }) {
  return db.query<WaveRow & { orders: number; awaiting: number; collected: number }>(
    `SELECT w.*,
       count(p.order_id) FILTER (WHERE p.status IN ('awaiting_collection', 'collected', 'returned'))::int AS orders,
       count(p.order_id) FILTER (WHERE p.status = 'awaiting_collection')::int AS awaiting,
       count(p.order_id) FILTER (WHERE p.status = 'collected')::int AS collected
     FROM community_waves w LEFT JOIN community_orders p ON p.wave_id = w.id
     WHERE w.community_id = $1 AND ($2::timestamptz IS NULL OR w.cutoff_at < $2::timestamptz)
     GROUP BY w.id ORDER BY w.cutoff_at DESC LIMIT $3`,
    [communityId, f.before ?? null, f.limit + 1],
  );
}

export async function insertPickup(db: Queryable, p: PickupRow) {
  await db.query(
    `INSERT INTO community_orders (order_id, community_id, wave_id, user_id, status, created_at)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [p.order_id, p.community_id, p.wave_id, p.user_id, p.status, p.created_at],
  );
}

export const pickupsOf = (db: Queryable, orderIds: readonly string[]) =>
  db.query<PickupRow>('SELECT * FROM community_orders WHERE order_id = ANY($1)', [orderIds]);

export const lockPickup = async (db: Queryable, orderId: string) =>
  (await db.query<PickupRow>('SELECT * FROM community_orders WHERE order_id = $1 FOR UPDATE', [orderId]))[0];

export const pickupByCode = async (db: Queryable, communityId: string, code: string) =>
  (
    await db.query<PickupRow>('SELECT * FROM community_orders WHERE community_id = $1 AND code = $2', [
      communityId,
      code,
    ])
  )[0];

/** Gives the pickup its code unless another order of the community holds it; whether it took. */
export const setCode = async (
  db: Queryable,
  orderId: string,
  code: string,
  fields: { paidAt: Date; collectBy: Date },
) =>
  (
    await db.query(
      `UPDATE community_orders SET code = $2, status = 'awaiting_collection', paid_at = $3, collect_by = $4
       WHERE order_id = $1 AND NOT EXISTS (
         SELECT 1 FROM community_orders o WHERE o.community_id = community_orders.community_id AND o.code = $2)
       RETURNING order_id`,
      [orderId, code, fields.paidAt, fields.collectBy],
    )
  ).length > 0;

/** Moves a pickup from one of `from` to `to` (the machine's), with the fields the move sets. */
export const setPickupStatus = async (
  db: Queryable,
  orderId: string,
  to: PickupStatus,
  from: readonly PickupStatus[],
  fields: { collectedAt?: Date; collectedBy?: string | null } = {},
) =>
  (
    await db.query(
      `UPDATE community_orders SET status = $2,
         collected_at = COALESCE($4, collected_at), collected_by = COALESCE($5, collected_by)
       WHERE order_id = $1 AND status = ANY($3) RETURNING order_id`,
      [orderId, to, from, fields.collectedAt ?? null, fields.collectedBy ?? null],
    )
  ).length > 0;

export const markReminded = (db: Queryable, orderId: string, now: Date) =>
  db.query('UPDATE community_orders SET reminded_at = $2 WHERE order_id = $1 AND reminded_at IS NULL', [
    orderId,
    now,
  ]);

/** Paid pickups still waiting whose reminder or lapse is due by `dueBy`. */
export const dueUncollected = (db: Queryable, dueBy: Date, limit: number) =>
  db.query<PickupRow>(
    `SELECT * FROM community_orders WHERE status = 'awaiting_collection' AND collect_by <= $1
     ORDER BY collect_by, order_id LIMIT $2`,
    [dueBy, limit],
  );

export const pickupsInWave = (db: Queryable, waveId: string) =>
  db.query<PickupRow>(
    `SELECT * FROM community_orders WHERE wave_id = $1 AND status IN ('awaiting_collection', 'collected', 'returned')
     ORDER BY created_at, order_id`,
    [waveId],
  );

/** A community's paid pickups in a status, oldest deadline first; keyset on (created_at, order_id). */
export const pickupsByStatus = (
  db: Queryable,
  communityId: string,
  status: PickupStatus,
  f: { after?: { at: string; id: string }; limit: number },
) =>
  db.query<PickupRow>(
    `SELECT * FROM community_orders WHERE community_id = $1 AND status = $2
       AND ($3::timestamptz IS NULL OR (created_at, order_id) > ($3::timestamptz, $4::text))
     ORDER BY created_at, order_id LIMIT $5`,
    [communityId, status, f.after?.at ?? null, f.after?.id ?? null, f.limit + 1],
  );

export async function pickupCounts(db: Queryable, ids: readonly string[]) {
  const rows = await db.query<{ community_id: string; status: PickupStatus; n: number }>(
    `SELECT community_id, status, count(*)::int AS n FROM community_orders
     WHERE community_id = ANY($1) GROUP BY community_id, status`,
    [ids],
  );
  const counts = new Map<string, Partial<Record<PickupStatus, number>>>();
  for (const r of rows)
    counts.set(r.community_id, { ...counts.get(r.community_id), [r.status]: Number(r.n) });
  return counts;
}

/** Everyone in the community, in the order they joined (at most `limit`). */
export const memberIdsOf = async (db: Queryable, communityId: string, limit: number) =>
  (
    await db.query<{ user_id: string }>(
      'SELECT user_id FROM community_members WHERE community_id = $1 ORDER BY joined_at, user_id LIMIT $2',
      [communityId, limit],
    )
  ).map((r) => r.user_id);

/** Marks a waiting pickup as lapsed, before the policy refunds or returns it. */
export const markLapsed = (db: Queryable, orderId: string, now: Date) =>
  db.query(
    `UPDATE community_orders SET lapsed_at = $2
     WHERE order_id = $1 AND status = 'awaiting_collection' AND lapsed_at IS NULL`,
    [orderId, now],
  );

/**
 * A leader's pickup record over every community they lead. Due: paid orders that were handed over
 * (`collected_at` outlives a later refund), lapsed uncollected (refunded or returned by the
 * policy), or are still waiting past their deadline. Collected: handed over. An order refunded
 * while it waited in time is no fault of the leader's and is not counted.
 */
export async function pickupRecordOf(db: Queryable, leaderId: string, now: Date) {
  const [row] = await db.query<{ due: number; collected: number }>(
    `SELECT count(*) FILTER (WHERE o.collected_at IS NOT NULL OR o.lapsed_at IS NOT NULL
                               OR (o.status = 'awaiting_collection' AND o.collect_by <= $2))::int AS due,
            count(*) FILTER (WHERE o.collected_at IS NOT NULL)::int AS collected
     FROM community_orders o JOIN communities c ON c.id = o.community_id
     WHERE c.leader_id = $1`,
    [leaderId, now],
  );
  return { due: row?.due ?? 0, collected: row?.collected ?? 0 };
}

/** Members of every community of at most `size` members (the recommender's neighbours). */
export const membersOfCommunitiesUpTo = (conn: Queryable, size: number) =>
  conn.query<{ community_id: string; user_id: string }>(
    `SELECT community_id, user_id FROM community_members WHERE community_id IN (
       SELECT community_id FROM community_members GROUP BY community_id HAVING count(*) <= $1)`,
    [size],
  );

/** Every member with their community's leader: who knows whom, for the incentive simulator. */
export const memberLeaderPairs = (conn: Queryable) =>
  conn.query<{ user_id: string; leader_id: string }>(
    `SELECT m.user_id, c.leader_id FROM community_members m JOIN communities c ON c.id = m.community_id`,
  );
