import type { Queryable } from '../../platform/db.js';

/** SQL for the dashboard's deeper tables (064 and 067), over orders paid in [start, end). */

export interface CohortRow {
  week: string;
  channel: string;
  /** 0: the cohort's size and repurchasers; k ≥ 1: active people in week k after. */
  week_offset: number;
  people: number;
  repurchased: number;
}

/**
 * Cohorts by the ISO week (Monday, UTC) and channel of their people's first paid order in the
 * period; for each, the size, who paid again by the end, and who paid in each later week.
 */
export const cohorts = (conn: Queryable, start: Date, end: Date) =>
  conn.query<CohortRow>(
    `WITH firsts AS (
       SELECT DISTINCT ON (user_id) user_id, paid_at, channel,
         date_trunc('week', paid_at AT TIME ZONE 'UTC')::date AS week
       FROM analytics_orders WHERE first_order AND paid_at >= $1 AND paid_at < $2
       ORDER BY user_id, paid_at
     ),
     later AS (
       SELECT DISTINCT f.user_id, f.week, f.channel,
         ((date_trunc('week', o.paid_at AT TIME ZONE 'UTC')::date - f.week) / 7)::int AS week_offset
       FROM firsts f JOIN analytics_orders o ON o.user_id = f.user_id AND o.paid_at > f.paid_at AND o.paid_at < $2
     ),
     -- A join, not EXISTS per person over the CTE (a nested scan: minutes at 1M orders).
     repeaters AS (SELECT DISTINCT user_id FROM later)
     SELECT to_char(week, 'YYYY-MM-DD') AS week, channel, 0 AS week_offset, count(*)::bigint AS people,
       count(r.user_id)::bigint AS repurchased
     FROM firsts f LEFT JOIN repeaters r ON r.user_id = f.user_id GROUP BY week, channel
     UNION ALL
     SELECT to_char(week, 'YYYY-MM-DD'), channel, week_offset, count(*)::bigint, 0
     FROM later WHERE week_offset >= 1 GROUP BY week, channel, week_offset
     ORDER BY 1, 2, 3`,
    [start, end],
  );

export interface PromoterRow {
  promoter_id: string;
  customers: number;
  orders: number;
  sales: number;
  refunded: number;
  refunded_orders: number;
  commission: number;
}

/**
 * Per promoter, the orders paid in the period they earned a commission on (any level): buyers,
 * orders, sales, refunds, and their commission on them shrunk with each order's refunds.
 */
export const promoters = (conn: Queryable, start: Date, end: Date) =>
  conn.query<PromoterRow>(
    `SELECT c.promoter_id, count(DISTINCT o.user_id)::bigint AS customers, count(DISTINCT o.order_id)::bigint AS orders,
       sum(o.total)::bigint AS sales, sum(o.refunded_amount)::bigint AS refunded,
       count(DISTINCT o.order_id) FILTER (WHERE o.refunded_amount > 0)::bigint AS refunded_orders,
       COALESCE(sum(CASE WHEN o.total = 0 THEN c.amount
                         ELSE c.amount * (o.total - o.refunded_amount) / o.total END), 0)::bigint AS commission
     FROM analytics_commissions c JOIN analytics_orders o ON o.order_id = c.order_id
     WHERE o.paid_at >= $1 AND o.paid_at < $2
     GROUP BY c.promoter_id`,
    [start, end],
  );

/** The shop's orders paid in the period and how many of them had a refund. */
export async function shopRefunds(conn: Queryable, start: Date, end: Date) {
  const rows = await conn.query<{ orders: number; refunded_orders: number }>(
    `SELECT count(*)::bigint AS orders, count(*) FILTER (WHERE refunded_amount > 0)::bigint AS refunded_orders
     FROM analytics_orders WHERE paid_at >= $1 AND paid_at < $2`,
    [start, end],
  );
  return { orders: Number(rows[0]?.orders ?? 0), refundedOrders: Number(rows[0]?.refunded_orders ?? 0) };
}

export interface LinkRow {
  code: string;
  promoter_id: string | null;
  target_type: string | null;
  target_id: string | null;
  openings: number;
  orders: number;
  sales: number;
}

/** Share links by net sales through them in the period, with their openings in it. */
export const topLinks = (conn: Queryable, start: Date, end: Date, limit: number) =>
  conn.query<LinkRow>(
    `WITH sold AS (
       SELECT share_code AS code, max(promoter_id) AS promoter_id, count(*)::bigint AS orders,
         sum(total - refunded_amount)::bigint AS sales
       FROM analytics_orders WHERE share_code IS NOT NULL AND paid_at >= $1 AND paid_at < $2
       GROUP BY share_code ORDER BY sales DESC, orders DESC, share_code LIMIT $3
     )
     SELECT s.code, COALESCE(l.user_id, s.promoter_id) AS promoter_id, l.target_type, l.target_id,
       (SELECT count(*) FROM analytics_events e WHERE e.kind = 'link_opened' AND e.subject = s.code
          AND e.occurred_at >= $1 AND e.occurred_at < $2)::bigint AS openings,
       s.orders, s.sales
     FROM sold s LEFT JOIN analytics_links l ON l.code = s.code
     ORDER BY s.sales DESC, s.orders DESC, s.code`,
    [start, end, limit],
  );

export interface ProductRow {
  product_id: string;
  shares: number;
  openings: number;
  orders: number;
  sales: number;
}

/**
 * Per product: share links made to it in the period, openings of its links in the period, and the
 * orders paid in the period through those links (their net sales).
 */
export const productShares = (conn: Queryable, start: Date, end: Date) =>
  conn.query<ProductRow>(
    `WITH links AS (SELECT code, target_id FROM analytics_links WHERE target_type = 'product'),
     made AS (
       SELECT target_id, count(*)::bigint AS shares FROM analytics_links
       WHERE target_type = 'product' AND created_at >= $1 AND created_at < $2 GROUP BY target_id
     ),
     opened AS (
       SELECT l.target_id, count(*)::bigint AS openings FROM analytics_events e JOIN links l ON l.code = e.subject
       WHERE e.kind = 'link_opened' AND e.occurred_at >= $1 AND e.occurred_at < $2 GROUP BY l.target_id
     ),
     sold AS (
       SELECT l.target_id, count(*)::bigint AS orders, sum(o.total - o.refunded_amount)::bigint AS sales
       FROM analytics_orders o JOIN links l ON l.code = o.share_code
       WHERE o.paid_at >= $1 AND o.paid_at < $2 GROUP BY l.target_id
     )
     SELECT p.target_id AS product_id, COALESCE(m.shares, 0)::bigint AS shares,
       COALESCE(op.openings, 0)::bigint AS openings, COALESCE(s.orders, 0)::bigint AS orders,
       COALESCE(s.sales, 0)::bigint AS sales
     FROM (SELECT target_id FROM made UNION SELECT target_id FROM opened UNION SELECT target_id FROM sold) p
     LEFT JOIN made m USING (target_id) LEFT JOIN opened op USING (target_id) LEFT JOIN sold s USING (target_id)`,
    [start, end],
  );

export interface IncentiveRow {
  id: string;
  unlocked: number;
  orders: number;
  sales: number;
  cost: number;
  commission: number;
}

/**
 * Per coupon template: coupons given out in the period (the `coupon_unlocked` events), orders paid
 * in it with one, their net sales and the discount of those not refunded in full.
 */
export const couponPerformance = (conn: Queryable, start: Date, end: Date) =>
  conn.query<IncentiveRow>(
    `WITH used AS (
       SELECT coupon_template_id AS id, count(*)::bigint AS orders, sum(total - refunded_amount)::bigint AS sales,
         COALESCE(sum(coupon_discount) FILTER (WHERE refunded_amount < total OR total = 0), 0)::bigint AS cost
       FROM analytics_orders WHERE coupon_template_id IS NOT NULL AND paid_at >= $1 AND paid_at < $2
       GROUP BY coupon_template_id
     ),
     given AS (
       SELECT subject AS id, count(*)::bigint AS unlocked FROM analytics_events
       WHERE kind = 'coupon_unlocked' AND occurred_at >= $1 AND occurred_at < $2 AND subject IS NOT NULL
       GROUP BY subject
     )
     SELECT id, COALESCE(g.unlocked, 0)::bigint AS unlocked, COALESCE(u.orders, 0)::bigint AS orders,
       COALESCE(u.sales, 0)::bigint AS sales, COALESCE(u.cost, 0)::bigint AS cost, 0::bigint AS commission
     FROM used u FULL JOIN given g USING (id) ORDER BY sales DESC, unlocked DESC, id`,
    [start, end],
  );

/**
 * Per group-buy campaign: orders paid in the period in its groups, their net sales, the coupon
 * discounts and the commissions (shrunk with refunds) paid on them; `unlocked` counts groups opened.
 */
export const groupBuyPerformance = (conn: Queryable, start: Date, end: Date) =>
  conn.query<IncentiveRow>(
    `SELECT o.group_campaign_id AS id,
       count(*) FILTER (WHERE e.kind = 'group_opened')::bigint AS unlocked,
       count(*)::bigint AS orders, sum(o.total - o.refunded_amount)::bigint AS sales,
       COALESCE(sum(o.coupon_discount) FILTER (WHERE o.refunded_amount < o.total OR o.total = 0), 0)::bigint AS cost,
       COALESCE(sum((SELECT sum(CASE WHEN o.total = 0 THEN c.amount
                                     ELSE c.amount * (o.total - o.refunded_amount) / o.total END)
                     FROM analytics_commissions c WHERE c.order_id = o.order_id)), 0)::bigint AS commission
     FROM analytics_orders o
     LEFT JOIN analytics_events e ON e.dedupe_key = 'group-seat:' || o.order_id
     WHERE o.group_campaign_id IS NOT NULL AND o.paid_at >= $1 AND o.paid_at < $2
     GROUP BY o.group_campaign_id ORDER BY sales DESC, id`,
    [start, end],
  );

/** A share link's target, once (the share.created reaction). */
export const insertLink = (
  conn: Queryable,
  l: { code: string; userId: string; targetType: string; targetId: string; at: Date },
) =>
  conn.query(
    `INSERT INTO analytics_links (code, user_id, target_type, target_id, created_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (code) DO NOTHING`,
    [l.code, l.userId, l.targetType, l.targetId, l.at],
  );
