import type { Queryable } from '../../platform/db.js';

/** SQL for the analytics module's own tables (064_analytics.sql). */

export const EVENT_KINDS = [
  'share_created',
  'link_opened',
  'signup',
  'first_order',
  'repeat_order',
  'group_opened',
  'group_joined',
  'group_succeeded',
  'refund',
  'commission_earned',
  'coupon_unlocked',
  'post_viewed',
  'live_joined',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export interface EventRow {
  kind: EventKind;
  occurredAt: Date;
  userId?: string | null;
  deviceId?: string | null;
  subject?: string | null;
  channel?: string;
  amount?: number;
  /** One row per key: a reaction run twice records once. */
  dedupeKey?: string | null;
}

/** Many events in one statement (a buffer's batch or one reaction's); duplicates by key are skipped. */
export async function insertEvents(conn: Queryable, rows: readonly EventRow[]): Promise<void> {
  if (rows.length === 0) return;
  await conn.query(
    `INSERT INTO analytics_events (kind, occurred_at, user_id, device_id, subject, channel, amount, dedupe_key)
     SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::text[],
                          $7::bigint[], $8::text[])
     ON CONFLICT (dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING`,
    [
      rows.map((r) => r.kind),
      rows.map((r) => r.occurredAt.toISOString()),
      rows.map((r) => r.userId ?? null),
      rows.map((r) => r.deviceId ?? null),
      rows.map((r) => r.subject ?? null),
      rows.map((r) => r.channel ?? 'direct'),
      rows.map((r) => r.amount ?? 0),
      rows.map((r) => r.dedupeKey ?? null),
    ],
  );
}

export interface OrderFactRow {
  orderId: string;
  userId: string;
  paidAt: Date;
  total: number;
  channel: string;
  firstOrder: boolean;
  deviceId: string | null;
  shareCode: string | null;
  coupon: { templateId: string; discount: number } | null;
  groupCampaignId: string | null;
}

/** A paid order, once: true when it is new here (the reaction's other writes follow only then). */
export async function insertOrder(conn: Queryable, o: OrderFactRow): Promise<boolean> {
  const rows = await conn.query(
    `INSERT INTO analytics_orders (order_id, user_id, paid_at, total, channel, first_order, device_id, promoter_id,
       share_code, coupon_template_id, coupon_discount, group_campaign_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7,
             (SELECT promoter_id FROM analytics_commissions WHERE order_id = $1 AND level = 1 LIMIT 1),
             $8, $9, $10, $11)
     ON CONFLICT (order_id) DO NOTHING RETURNING order_id`,
    [
      o.orderId,
      o.userId,
      o.paidAt,
      o.total,
      o.channel,
      o.firstOrder,
      o.deviceId,
      o.shareCode,
      o.coupon?.templateId ?? null,
      o.coupon?.discount ?? 0,
      o.groupCampaignId,
    ],
  );
  return rows.length > 0;
}

/** The order's refunded total now (cumulative, capped at its total); the change in minor units. */
export async function setRefunded(conn: Queryable, orderId: string, refunded: number | 'all') {
  const rows = await conn.query<{ added: number; channel: string; user_id: string }>(
    `WITH old AS (SELECT refunded_amount FROM analytics_orders WHERE order_id = $1 FOR UPDATE)
     UPDATE analytics_orders o
     SET refunded_amount = GREATEST(o.refunded_amount, LEAST(o.total, COALESCE($2::bigint, o.total)))
     FROM old WHERE o.order_id = $1
     RETURNING (o.refunded_amount - old.refunded_amount)::bigint AS added, o.channel, o.user_id`,
    [orderId, refunded === 'all' ? null : refunded],
  );
  return rows[0];
}

export async function insertCommission(
  conn: Queryable,
  c: { commissionId: string; orderId: string; promoterId: string; level: number; amount: number; at: Date },
): Promise<boolean> {
  const inserted = await conn.query(
    `INSERT INTO analytics_commissions (commission_id, order_id, promoter_id, level, amount, earned_at)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (commission_id) DO NOTHING RETURNING commission_id`,
    [c.commissionId, c.orderId, c.promoterId, c.level, c.amount, c.at],
  );
  // The order may have been recorded first (reactions run in any order): attribute it now.
  if (c.level === 1) {
    await conn.query(
      'UPDATE analytics_orders SET promoter_id = $2 WHERE order_id = $1 AND promoter_id IS NULL',
      [c.orderId, c.promoterId],
    );
  }
  return inserted.length > 0;
}

export async function insertPerson(
  conn: Queryable,
  p: { userId: string; signedUpAt: Date; deviceId: string | null; invitedBy: string | null },
): Promise<void> {
  await conn.query(
    `INSERT INTO analytics_people (user_id, signed_up_at, device_id, invited_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT (user_id) DO NOTHING`,
    [p.userId, p.signedUpAt, p.deviceId, p.invitedBy],
  );
}

/** Gives a person the device they signed up from, unless one is known. */
export const setPersonDevice = (conn: Queryable, userId: string, deviceId: string) =>
  conn.query('UPDATE analytics_people SET device_id = $2 WHERE user_id = $1 AND device_id IS NULL', [
    userId,
    deviceId,
  ]);

/** Whether a device opened a share link before `at` (a sign-up from it came through a link). */
export async function deviceOpenedLink(conn: Queryable, deviceId: string, at: Date): Promise<boolean> {
  const rows = await conn.query(
    `SELECT 1 FROM analytics_events WHERE kind = 'link_opened' AND device_id = $1 AND occurred_at <= $2 LIMIT 1`,
    [deviceId, at],
  );
  return rows.length > 0;
}

/** The log's newest id, and the earliest moment among events after `afterId` (what a rollup must redo). */
export async function logSince(conn: Queryable, afterId: number) {
  const rows = await conn.query<{ last_id: number | null; earliest: Date | null }>(
    'SELECT max(id)::bigint AS last_id, min(occurred_at) AS earliest FROM analytics_events WHERE id > $1',
    [afterId],
  );
  return rows[0] ?? { last_id: null, earliest: null };
}

export const rollupCursor = async (conn: Queryable): Promise<number> =>
  Number(
    (
      await conn.query<{ last_event_id: number }>(
        'SELECT last_event_id FROM analytics_rollup_cursor WHERE id = 1 FOR UPDATE',
      )
    )[0]?.last_event_id ?? 0,
  );

/**
 * Recounts whole days [start, end) from the log. Recounting instead of adding keeps a day right even
 * when an event committed after a later one (identity ids are not commit order).
 */
export async function recountDays(conn: Queryable, start: Date, end: Date, lastId: number): Promise<void> {
  await conn.query('DELETE FROM analytics_daily WHERE day >= $1::date AND day < $2::date', [
    start.toISOString().slice(0, 10),
    end.toISOString().slice(0, 10),
  ]);
  await conn.query(
    `INSERT INTO analytics_daily (day, kind, channel, events, amount)
     SELECT (occurred_at AT TIME ZONE 'UTC')::date, kind, channel, count(*), COALESCE(sum(amount), 0)
     FROM analytics_events WHERE occurred_at >= $1 AND occurred_at < $2
     GROUP BY 1, 2, 3`,
    [start, end],
  );
  await conn.query(
    'UPDATE analytics_rollup_cursor SET last_event_id = GREATEST(last_event_id, $1) WHERE id = 1',
    [lastId],
  );
}

export interface OrderTotalsRow {
  gmv: number;
  orders: number;
  buyers: number;
  new_buyers: number;
  shared_gmv: number;
  shared_orders: number;
}

/** Orders paid in [start, end): GMV less their refunds, buyers, and the part attributed to a promoter. */
export async function orderTotals(conn: Queryable, start: Date, end: Date): Promise<OrderTotalsRow> {
  const rows = await conn.query<OrderTotalsRow>(
    `SELECT COALESCE(sum(total - refunded_amount), 0)::bigint AS gmv,
       count(*)::bigint AS orders,
       count(DISTINCT user_id)::bigint AS buyers,
       count(DISTINCT user_id) FILTER (WHERE first_order)::bigint AS new_buyers,
       COALESCE(sum(total - refunded_amount) FILTER (WHERE promoter_id IS NOT NULL), 0)::bigint AS shared_gmv,
       count(*) FILTER (WHERE promoter_id IS NOT NULL)::bigint AS shared_orders
     FROM analytics_orders WHERE paid_at >= $1 AND paid_at < $2`,
    [start, end],
  );
  return rows[0] as OrderTotalsRow;
}

/** Commissions earned in [start, end), each shrunk as its order was refunded (floor, as distribution does). */
export async function commissionsEarned(conn: Queryable, start: Date, end: Date): Promise<number> {
  const rows = await conn.query<{ earned: number }>(
    `SELECT COALESCE(sum(CASE WHEN o.total IS NULL OR o.total = 0 THEN c.amount
                              ELSE c.amount * (o.total - o.refunded_amount) / o.total END), 0)::bigint AS earned
     FROM analytics_commissions c LEFT JOIN analytics_orders o ON o.order_id = c.order_id
     WHERE c.earned_at >= $1 AND c.earned_at < $2`,
    [start, end],
  );
  return Number(rows[0]?.earned ?? 0);
}

/** Events counted by the rollup for whole days [from, to]. */
export async function eventCounts(conn: Queryable, from: string, to: string, kinds: readonly EventKind[]) {
  return conn.query<{ kind: EventKind; events: number; amount: number }>(
    `SELECT kind, sum(events)::bigint AS events, sum(amount)::bigint AS amount FROM analytics_daily
     WHERE day >= $1::date AND day <= $2::date AND kind = ANY($3::text[]) GROUP BY kind`,
    [from, to, kinds],
  );
}

/**
 * The viral coefficient's parts in [start, end). Referrers: buyers (a paid order before the end)
 * who made a share link or whose invitee signed up in the period. Brought: new buyers of the period
 * whose first order was attributed to a referrer, or who were invited by one.
 */
export async function kFactorParts(conn: Queryable, start: Date, end: Date) {
  const rows = await conn.query<{ referrers: number; brought: number; cycle_seconds: number | null }>(
    `WITH active AS (
       SELECT user_id FROM analytics_events
       WHERE kind = 'share_created' AND occurred_at >= $1 AND occurred_at < $2 AND user_id IS NOT NULL
       UNION
       SELECT invited_by FROM analytics_people WHERE invited_by IS NOT NULL AND signed_up_at >= $1 AND signed_up_at < $2
     ),
     referrers AS (
       SELECT a.user_id FROM active a
       WHERE EXISTS (SELECT 1 FROM analytics_orders o WHERE o.user_id = a.user_id AND o.paid_at < $2)
     ),
     -- Joins, not IN (subquery) under an OR: that one was planned as a scan of the referrers per order.
     brought AS (
       SELECT DISTINCT ON (o.user_id) o.user_id, o.paid_at, COALESCE(rp.user_id, ri.user_id) AS referrer
       FROM analytics_orders o
       LEFT JOIN analytics_people p ON p.user_id = o.user_id
       LEFT JOIN referrers rp ON rp.user_id = o.promoter_id
       LEFT JOIN referrers ri ON ri.user_id = p.invited_by
       WHERE o.first_order AND o.paid_at >= $1 AND o.paid_at < $2
         AND (rp.user_id IS NOT NULL OR ri.user_id IS NOT NULL)
       ORDER BY o.user_id, o.paid_at
     ),
     -- A generation's cycle: from the referrer's own first paid order to the first paid order they brought.
     cycles AS (
       SELECT extract(epoch FROM b.paid_at - f.first_paid) AS seconds FROM brought b
       CROSS JOIN LATERAL (SELECT min(x.paid_at) AS first_paid FROM analytics_orders x WHERE x.user_id = b.referrer) f
       WHERE f.first_paid < b.paid_at
     )
     SELECT (SELECT count(*) FROM referrers)::bigint AS referrers, (SELECT count(*) FROM brought)::bigint AS brought,
       (SELECT avg(seconds) FROM cycles)::float8 AS cycle_seconds`,
    [start, end],
  );
  const row = rows[0];
  return {
    referrers: Number(row?.referrers ?? 0),
    brought: Number(row?.brought ?? 0),
    cycleSeconds:
      row?.cycle_seconds === null || row?.cycle_seconds === undefined ? null : Number(row.cycle_seconds),
  };
}

export interface GenerationRow {
  generation: number;
  signup: number;
  first_order: number;
  repeat_order: number;
}

/**
 * The funnel after sign-up by generation of the invitation tree: 0 for people nobody invited, 1 for
 * their invitees (and for invitees of someone analytics never saw sign up), and so on. Of the people
 * who signed up in [start, end): how many paid a first, then a second order before the end.
 */
export const generations = (conn: Queryable, start: Date, end: Date) =>
  conn.query<GenerationRow>(
    `WITH RECURSIVE tree AS (
       SELECT p.user_id, CASE WHEN p.invited_by IS NULL THEN 0 ELSE 1 END AS generation
       FROM analytics_people p
       WHERE p.invited_by IS NULL OR NOT EXISTS (SELECT 1 FROM analytics_people i WHERE i.user_id = p.invited_by)
       UNION ALL
       SELECT p.user_id, t.generation + 1 FROM analytics_people p JOIN tree t ON p.invited_by = t.user_id
       WHERE t.generation < 50
     ),
     joined AS (
       SELECT t.user_id, t.generation FROM tree t JOIN analytics_people p ON p.user_id = t.user_id
       WHERE p.signed_up_at >= $1 AND p.signed_up_at < $2
     ),
     paid AS (
       SELECT j.generation, (SELECT count(*) FROM (SELECT 1 FROM analytics_orders o
         WHERE o.user_id = j.user_id AND o.paid_at < $2 LIMIT 2) two) AS n
       FROM joined j
     )
     SELECT generation, count(*)::bigint AS signup, count(*) FILTER (WHERE n >= 1)::bigint AS first_order,
       count(*) FILTER (WHERE n >= 2)::bigint AS repeat_order
     FROM paid GROUP BY generation ORDER BY generation`,
    [start, end],
  );

/**
 * The funnel after its visitors: a CTE `visits (device_id, first_at)` before it, `$2` the period's
 * end. Shared by the live funnel and the one read from the rollup, so both count alike.
 */
export const FUNNEL_AFTER_VISITS_SQL = `signups AS (
       SELECT v.device_id, p.user_id FROM visits v
       JOIN analytics_people p ON p.device_id = v.device_id AND p.signed_up_at >= v.first_at AND p.signed_up_at < $2
     ),
     paid AS (
       SELECT s.device_id, max(n) AS orders FROM signups s
       CROSS JOIN LATERAL (
         SELECT count(*) AS n FROM (SELECT 1 FROM analytics_orders o
           WHERE o.user_id = s.user_id AND o.paid_at < $2 LIMIT 2) two
       ) c
       GROUP BY s.device_id
     )
     SELECT (SELECT count(*) FROM visits)::bigint AS visit,
       (SELECT count(DISTINCT device_id) FROM signups)::bigint AS signup,
       (SELECT count(*) FROM paid WHERE orders >= 1)::bigint AS first_order,
       (SELECT count(*) FROM paid WHERE orders >= 2)::bigint AS repeat_order`;

export interface FunnelRow {
  visit: number;
  signup: number;
  first_order: number;
  repeat_order: number;
}

/**
 * The fission funnel of [start, end), counted in devices so each step is a subset of the one
 * before: devices that opened a share link; of them, those from which someone signed up after the
 * first opening; of them, those whose person paid one order, then a second, before the end.
 */
export async function funnel(conn: Queryable, start: Date, end: Date): Promise<FunnelRow> {
  const rows = await conn.query<FunnelRow>(
    `WITH visits AS (
       SELECT device_id, min(occurred_at) AS first_at FROM analytics_events
       WHERE kind = 'link_opened' AND occurred_at >= $1 AND occurred_at < $2 AND device_id IS NOT NULL
       GROUP BY device_id
     ),
     ${FUNNEL_AFTER_VISITS_SQL}`,
    [start, end],
  );
  return rows[0] as FunnelRow;
}

export interface DayChannelRow {
  day: string;
  /** null: the day's total over every channel. */
  channel: string | null;
  gmv: number;
  orders: number;
  buyers: number;
  new_buyers: number;
  shared_orders?: number;
  shared_gmv?: number;
}

/** Orders paid per day and channel, and per day over all channels, in [start, end) (GMV less refunds). */
export const salesByDayAndChannel = (conn: Queryable, start: Date, end: Date) =>
  conn.query<DayChannelRow>(
    `SELECT to_char(d, 'YYYY-MM-DD') AS day, channel,
       COALESCE(sum(total - refunded_amount), 0)::bigint AS gmv, count(*)::bigint AS orders,
       count(DISTINCT user_id)::bigint AS buyers,
       count(DISTINCT user_id) FILTER (WHERE first_order)::bigint AS new_buyers,
       count(*) FILTER (WHERE promoter_id IS NOT NULL)::bigint AS shared_orders,
       COALESCE(sum(total - refunded_amount) FILTER (WHERE promoter_id IS NOT NULL), 0)::bigint AS shared_gmv
     FROM (SELECT (paid_at AT TIME ZONE 'UTC')::date AS d, channel, total, refunded_amount, user_id, first_order,
             promoter_id
           FROM analytics_orders WHERE paid_at >= $1 AND paid_at < $2) o
     GROUP BY GROUPING SETS ((d, channel), (d)) ORDER BY d, channel`,
    [start, end],
  );

/** Rolled-up events per day and channel for whole days [from, to]. */
export const dailyEvents = (conn: Queryable, from: string, to: string) =>
  conn.query<{ day: string; kind: EventKind; channel: string; events: number; amount: number }>(
    `SELECT to_char(day, 'YYYY-MM-DD') AS day, kind, channel, events::bigint AS events, amount::bigint AS amount
     FROM analytics_daily WHERE day >= $1::date AND day <= $2::date ORDER BY day, kind, channel`,
    [from, to],
  );

export interface ShopBehaviourRow {
  buyers: number;
  buyers_who_shared: number;
  repeat_orders: number;
  customer_weeks: number;
}

/**
 * What the incentive simulator measures a shop's rates from, in [start, end): buyers, those of them
 * who created a share link, repeat orders, and customer-weeks (each customer's time in the window
 * after their first order, in weeks).
 */
export async function shopBehaviour(conn: Queryable, start: Date, end: Date): Promise<ShopBehaviourRow> {
  const rows = await conn.query<ShopBehaviourRow>(
    `WITH buyers AS (
       SELECT DISTINCT user_id FROM analytics_orders WHERE paid_at >= $1 AND paid_at < $2
     ),
     sharers AS (
       SELECT DISTINCT user_id FROM analytics_events
       WHERE kind = 'share_created' AND occurred_at >= $1 AND occurred_at < $2 AND user_id IS NOT NULL
     ),
     firsts AS (
       SELECT user_id, min(paid_at) AS first_at FROM analytics_orders WHERE paid_at < $2 GROUP BY user_id
     )
     SELECT (SELECT count(*) FROM buyers)::bigint AS buyers,
       (SELECT count(*) FROM buyers JOIN sharers USING (user_id))::bigint AS buyers_who_shared,
       (SELECT count(*) FROM analytics_orders
         WHERE NOT first_order AND paid_at >= $1 AND paid_at < $2)::bigint AS repeat_orders,
       (SELECT COALESCE(sum(extract(epoch FROM ($2::timestamptz - greatest(first_at, $1::timestamptz)))), 0)
         FROM firsts)::float8 / 604800 AS customer_weeks`,
    [start, end],
  );
  return rows[0] as ShopBehaviourRow;
}

/** Who created a share link in [start, end). */
export const sharersBetween = async (conn: Queryable, start: Date, end: Date) =>
  (
    await conn.query<{ user_id: string }>(
      `SELECT DISTINCT user_id FROM analytics_events
       WHERE kind = 'share_created' AND occurred_at >= $1 AND occurred_at < $2 AND user_id IS NOT NULL`,
      [start, end],
    )
  ).map((r) => r.user_id);

/** Everyone who has paid an order, ever. */
export const buyerIds = async (conn: Queryable) =>
  (await conn.query<{ user_id: string }>('SELECT DISTINCT user_id FROM analytics_orders')).map(
    (r) => r.user_id,
  );
