import type { Queryable } from '../../platform/db.js';
import type { Level } from './rules.js';

interface LevelRow {
  rank: number;
  name: string;
  threshold: number | string;
  discount_bps: number;
  commission_multiplier_bps: number;
  free_shipping: boolean;
  monthly_coupon_template_id: string | null;
}

const toLevel = (r: LevelRow): Level => ({
  rank: r.rank,
  name: r.name,
  threshold: Number(r.threshold),
  discountBps: r.discount_bps,
  commissionMultiplierBps: r.commission_multiplier_bps,
  freeShipping: r.free_shipping,
  monthlyCouponTemplateId: r.monthly_coupon_template_id,
});

export const allLevels = async (conn: Queryable): Promise<Level[]> =>
  (await conn.query<LevelRow>('SELECT * FROM member_levels ORDER BY rank')).map(toLevel);

/** The operator's levels and the person's stored rank (undefined without one), in one round trip. */
export async function levelsAndRankOf(
  conn: Queryable,
  userId: string,
): Promise<{ levels: Level[]; rank: number | undefined }> {
  const rows = await conn.query<LevelRow & { person_rank: number | null }>(
    `SELECT l.*, (SELECT rank FROM member_standings WHERE user_id = $1) AS person_rank
     FROM member_levels l ORDER BY l.rank`,
    [userId],
  );
  return { levels: rows.map(toLevel), rank: rows[0]?.person_rank ?? undefined };
}

/** Serializes the operator's edits of the ladder, so two edits cannot each pass the threshold check. */
export async function lockLadder(conn: Queryable): Promise<void> {
  await conn.query(`SELECT pg_advisory_xact_lock(hashtextextended('fission.levels:ladder', 0))`);
}

export async function insertLevel(conn: Queryable, l: Level, now: Date): Promise<boolean> {
  const rows = await conn.query(
    `INSERT INTO member_levels (rank, name, threshold, discount_bps, commission_multiplier_bps, free_shipping,
       monthly_coupon_template_id, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (rank) DO NOTHING RETURNING rank`,
    [
      l.rank,
      l.name,
      l.threshold,
      l.discountBps,
      l.commissionMultiplierBps,
      l.freeShipping,
      l.monthlyCouponTemplateId,
      now,
    ],
  );
  return rows.length > 0;
}

export async function updateLevel(conn: Queryable, l: Level, now: Date): Promise<void> {
  await conn.query(
    `UPDATE member_levels SET name = $2, threshold = $3, discount_bps = $4, commission_multiplier_bps = $5,
       free_shipping = $6, monthly_coupon_template_id = $7, updated_at = $8 WHERE rank = $1`,
    [
      l.rank,
      l.name,
      l.threshold,
      l.discountBps,
      l.commissionMultiplierBps,
      l.freeShipping,
      l.monthlyCouponTemplateId,
      now,
    ],
  );
}

export async function deleteLevel(conn: Queryable, rank: number): Promise<void> {
  await conn.query('DELETE FROM member_levels WHERE rank = $1', [rank]);
}

/**
 * Serializes growth postings and level changes of one person until the transaction ends, so two
 * postings at once cannot both miss each other's growth when deciding the level.
 */
export async function lockPerson(conn: Queryable, userId: string): Promise<void> {
  await conn.query(`SELECT pg_advisory_xact_lock(hashtextextended('fission.levels:' || $1, 0))`, [userId]);
}

export interface PostingRow {
  id: string;
  user_id: string;
  delta: number;
  reason: string;
  ref: string;
  order_id: string | null;
  earned_at: Date;
  created_at: Date;
}

/** Inserts the posting unless one with the same ref exists; true when inserted. */
export async function insertPosting(conn: Queryable, p: PostingRow): Promise<boolean> {
  const rows = await conn.query(
    `INSERT INTO growth_postings (id, user_id, delta, reason, ref, order_id, earned_at, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (ref) DO NOTHING RETURNING id`,
    [p.id, p.user_id, p.delta, p.reason, p.ref, p.order_id, p.earned_at, p.created_at],
  );
  return rows.length > 0;
}

/** A person's growth counted from `since` on (all of it when null). */
export async function growthOf(conn: Queryable, userId: string, since: Date | null): Promise<number> {
  const [row] = await conn.query<{ growth: number | string }>(
    `SELECT COALESCE(sum(delta), 0)::bigint AS growth FROM growth_postings
     WHERE user_id = $1 AND ($2::timestamptz IS NULL OR earned_at >= $2)`,
    [userId, since],
  );
  return Number(row?.growth ?? 0);
}

/** Growth taken back so far from an order by its refunds (a positive number). */
export async function takenBackFrom(conn: Queryable, orderId: string): Promise<number> {
  const [row] = await conn.query<{ taken: number | string }>(
    `SELECT COALESCE(-sum(delta), 0)::bigint AS taken FROM growth_postings WHERE order_id = $1 AND delta < 0`,
    [orderId],
  );
  return Number(row?.taken ?? 0);
}

/**
 * A posting by its ref: what an order's payment gave and when it was earned, if it was posted; a
 * take-back is dated the same (see the migration).
 */
export async function postingOf(
  conn: Queryable,
  ref: string,
): Promise<{ delta: number; earnedAt: Date } | undefined> {
  const [row] = await conn.query<{ delta: number | string; earned_at: Date }>(
    'SELECT delta, earned_at FROM growth_postings WHERE ref = $1',
    [ref],
  );
  return row && { delta: Number(row.delta), earnedAt: row.earned_at };
}

export async function rankOf(conn: Queryable, userId: string): Promise<number | undefined> {
  const [row] = await conn.query<{ rank: number }>('SELECT rank FROM member_standings WHERE user_id = $1', [
    userId,
  ]);
  return row?.rank;
}

export async function saveRank(conn: Queryable, userId: string, rank: number, now: Date): Promise<void> {
  await conn.query(
    `INSERT INTO member_standings (user_id, rank, changed_at) VALUES ($1, $2, $3)
     ON CONFLICT (user_id) DO UPDATE SET rank = $2, changed_at = $3`,
    [userId, rank, now],
  );
}

/** Everyone with a standing (anyone who ever earned growth), in id order for batching. */
export const standings = (conn: Queryable) =>
  conn.query<{ user_id: string; rank: number }>(
    'SELECT user_id, rank FROM member_standings ORDER BY user_id',
  );

/** The next `limit` standings after `after` in user id order: the sweep's batches. */
export const standingsAfter = (conn: Queryable, after: string, limit: number) =>
  conn.query<{ user_id: string; rank: number }>(
    'SELECT user_id, rank FROM member_standings WHERE user_id > $1 ORDER BY user_id LIMIT $2',
    [after, limit],
  );

/** People at `rank` move to `to` (the operator removed their level). */
export async function moveRank(conn: Queryable, rank: number, to: number, now: Date) {
  return conn.query<{ user_id: string }>(
    'UPDATE member_standings SET rank = $2, changed_at = $3 WHERE rank = $1 RETURNING user_id',
    [rank, to, now],
  );
}

export interface SettingsRow {
  growth_per_unit: number;
  growth_per_checkin: number;
  growth_per_review: number;
  growth_per_lesson: number;
  review_enabled: boolean;
  review_date: string;
  growth_since: Date | null;
}

export async function loadSettings(conn: Queryable): Promise<SettingsRow> {
  const [row] = await conn.query<SettingsRow>('SELECT * FROM level_settings WHERE id = 1');
  if (!row) throw new Error('level_settings has no row (migration 034 seeds it)');
  return row;
}

export async function saveSettings(conn: Queryable, s: Omit<SettingsRow, 'growth_since'>, now: Date) {
  await conn.query(
    `UPDATE level_settings SET growth_per_unit = $1, growth_per_checkin = $2, growth_per_review = $3,
       growth_per_lesson = $4, review_enabled = $5, review_date = $6, updated_at = $7 WHERE id = 1`,
    [
      s.growth_per_unit,
      s.growth_per_checkin,
      s.growth_per_review,
      s.growth_per_lesson,
      s.review_enabled,
      s.review_date,
      now,
    ],
  );
}

export async function setGrowthSince(conn: Queryable, since: Date): Promise<void> {
  await conn.query('UPDATE level_settings SET growth_since = $1 WHERE id = 1', [since]);
}

/** Claims the announcement of the re-evaluation on `day`; true for the one caller that makes it. */
export async function claimAnnouncement(conn: Queryable, day: string, now: Date): Promise<boolean> {
  const rows = await conn.query(
    `INSERT INTO level_reviews (review_day, announced_at) VALUES ($1, $2)
     ON CONFLICT (review_day) DO NOTHING RETURNING review_day`,
    [day, now],
  );
  return rows.length > 0;
}

/**
 * Claims the run of an announced re-evaluation whose day has come and is still the operator's
 * review day (`monthDay`, MM-DD): one announced for a day the operator has since moved never runs.
 * The day, or undefined.
 */
export async function claimDueReview(
  conn: Queryable,
  today: string,
  monthDay: string,
  now: Date,
): Promise<string | undefined> {
  const [row] = await conn.query<{ review_day: string }>(
    `UPDATE level_reviews SET ran_at = $2
     WHERE review_day = (SELECT review_day FROM level_reviews
                         WHERE announced_at IS NOT NULL AND ran_at IS NULL AND review_day <= $1
                           AND substr(review_day, 6) = $3
                         ORDER BY review_day LIMIT 1)
       AND ran_at IS NULL
     RETURNING review_day`,
    [today, now, monthDay],
  );
  return row?.review_day;
}

/** Members whose level gives a monthly coupon and who have not had this month's. */
export const dueMonthlyCoupons = (conn: Queryable, month: string) =>
  conn.query<{ user_id: string; rank: number; template_id: string }>(
    `SELECT s.user_id, l.rank, l.monthly_coupon_template_id AS template_id
     FROM member_standings s
     JOIN LATERAL (SELECT * FROM member_levels m WHERE m.rank <= s.rank ORDER BY m.rank DESC LIMIT 1) l ON true
     WHERE l.monthly_coupon_template_id IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM level_coupon_grants g WHERE g.user_id = s.user_id AND g.month = $1)
     ORDER BY s.user_id`,
    [month],
  );

/** Records this month's coupon for a person; false when it was already given (the primary key). */
export async function claimMonthlyGrant(
  conn: Queryable,
  g: { userId: string; month: string; rank: number },
  now: Date,
): Promise<boolean> {
  const rows = await conn.query(
    `INSERT INTO level_coupon_grants (user_id, month, rank, created_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (user_id, month) DO NOTHING RETURNING user_id`,
    [g.userId, g.month, g.rank, now],
  );
  return rows.length > 0;
}

export async function setGrantCoupon(conn: Queryable, userId: string, month: string, couponId: string) {
  await conn.query('UPDATE level_coupon_grants SET user_coupon_id = $3 WHERE user_id = $1 AND month = $2', [
    userId,
    month,
    couponId,
  ]);
}
