import type { Queryable } from '../../platform/db.js';
import { FUNNEL_AFTER_VISITS_SQL } from './queries.js';

/** The rollups of 067 the job refreshes beside analytics_daily, and the reads that use them. */

/** Each device's first link opening per day, recounted for whole days [start, end) from the log. */
export async function recountVisits(conn: Queryable, start: Date, end: Date): Promise<void> {
  await conn.query('DELETE FROM analytics_daily_visits WHERE day >= $1::date AND day < $2::date', [
    start.toISOString().slice(0, 10),
    end.toISOString().slice(0, 10),
  ]);
  await conn.query(
    `INSERT INTO analytics_daily_visits (day, device_id, first_at)
     SELECT (occurred_at AT TIME ZONE 'UTC')::date, device_id, min(occurred_at) FROM analytics_events
     WHERE kind = 'link_opened' AND device_id IS NOT NULL AND occurred_at >= $1 AND occurred_at < $2
     GROUP BY 1, 2`,
    [start, end],
  );
}

const ORDER_ROLLUP = `
  INSERT INTO analytics_daily_orders (day, channel, orders, gmv, buyers, new_buyers, shared_orders, shared_gmv)
  SELECT d, COALESCE(channel, '*'), count(*), COALESCE(sum(total - refunded_amount), 0), count(DISTINCT user_id),
    count(DISTINCT user_id) FILTER (WHERE first_order), count(*) FILTER (WHERE promoter_id IS NOT NULL),
    COALESCE(sum(total - refunded_amount) FILTER (WHERE promoter_id IS NOT NULL), 0)
  FROM (SELECT (paid_at AT TIME ZONE 'UTC')::date AS d, * FROM analytics_orders WHERE %WHERE%) o
  GROUP BY GROUPING SETS ((d, channel), (d))`;

/** Orders per day recounted for whole days [start, end). */
export async function recountOrderDays(conn: Queryable, start: Date, end: Date): Promise<void> {
  const from = start.toISOString().slice(0, 10);
  const to = end.toISOString().slice(0, 10);
  await conn.query('DELETE FROM analytics_daily_orders WHERE day >= $1::date AND day < $2::date', [from, to]);
  await conn.query(ORDER_ROLLUP.replace('%WHERE%', 'paid_at >= $1 AND paid_at < $2'), [start, end]);
}

/**
 * Days paid long ago that changed since the last pass: orders refunded (or attributed) now, which
 * the recount of recent days does not reach. Found from the events after `afterId` about orders.
 */
export async function changedOrderDays(conn: Queryable, afterId: number, before: Date): Promise<string[]> {
  const rows = await conn.query<{ day: string }>(
    `SELECT DISTINCT to_char((o.paid_at AT TIME ZONE 'UTC')::date, 'YYYY-MM-DD') AS day
     FROM analytics_events e JOIN analytics_orders o ON o.order_id = e.subject
     WHERE e.id > $1 AND e.kind IN ('refund', 'commission_earned') AND o.paid_at < $2`,
    [afterId, before],
  );
  return rows.map((r) => r.day);
}

/** Recounts single days (each [day, day + 1)). */
export async function recountOrderDayList(conn: Queryable, days: readonly string[]): Promise<void> {
  if (days.length === 0) return;
  await conn.query('DELETE FROM analytics_daily_orders WHERE day = ANY($1::date[])', [days]);
  await conn.query(
    ORDER_ROLLUP.replace(
      '%WHERE%',
      `EXISTS (SELECT 1 FROM unnest($1::date[]) x(day)
               WHERE paid_at >= x.day::timestamp AT TIME ZONE 'UTC'
                 AND paid_at < (x.day + 1)::timestamp AT TIME ZONE 'UTC')`,
    ),
    [days],
  );
}

export interface DailyOrdersRow {
  day: string;
  channel: string;
  orders: number;
  gmv: number;
  buyers: number;
  new_buyers: number;
  shared_orders: number;
  shared_gmv: number;
}

/** The rolled-up orders of whole days [from, to]. */
export const dailyOrders = (conn: Queryable, from: string, to: string) =>
  conn.query<DailyOrdersRow>(
    `SELECT to_char(day, 'YYYY-MM-DD') AS day, channel, orders, gmv, buyers, new_buyers, shared_orders, shared_gmv
     FROM analytics_daily_orders WHERE day >= $1::date AND day <= $2::date ORDER BY day, channel`,
    [from, to],
  );

/** Distinct buyers of [start, end): not additive over days, so counted from the orders. */
export async function distinctBuyers(conn: Queryable, start: Date, end: Date): Promise<number> {
  const rows = await conn.query<{ n: number }>(
    'SELECT count(DISTINCT user_id)::bigint AS n FROM analytics_orders WHERE paid_at >= $1 AND paid_at < $2',
    [start, end],
  );
  return Number(rows[0]?.n ?? 0);
}

/**
 * The funnel's visitors of [start, end): devices' first openings from the daily rollup for the days
 * before `liveFrom`, and from the log itself from then (today, not rolled up for good yet). The rest
 * of the funnel as `queries.funnel`.
 */
export async function funnelFromRollup(conn: Queryable, start: Date, end: Date, liveFrom: Date) {
  const rows = await conn.query<{ visit: number; signup: number; first_order: number; repeat_order: number }>(
    `WITH visits AS (
       SELECT device_id, min(first_at) AS first_at FROM (
         SELECT device_id, first_at FROM analytics_daily_visits
         WHERE day >= $4::date AND day < $5::date
         UNION ALL
         SELECT device_id, occurred_at FROM analytics_events
         WHERE kind = 'link_opened' AND occurred_at >= GREATEST($1::timestamptz, $3::timestamptz) AND occurred_at < $2
           AND device_id IS NOT NULL
       ) v GROUP BY device_id
     ),
     ${FUNNEL_AFTER_VISITS_SQL}`,
    [start, end, liveFrom, start.toISOString().slice(0, 10), liveFrom.toISOString().slice(0, 10)],
  );
  const r = rows[0];
  return {
    visit: Number(r?.visit ?? 0),
    signup: Number(r?.signup ?? 0),
    first_order: Number(r?.first_order ?? 0),
    repeat_order: Number(r?.repeat_order ?? 0),
  };
}

export interface KFactorWeekRow {
  /** The Monday of the week, YYYY-MM-DD. */
  monday: string;
  referrers: number;
  brought: number;
  cycle_seconds: number | null;
}

/**
 * `queries.kFactorParts` for every ISO week of [start, end) in one grouped query, each week clipped
 * to the period: referrers of a week (active in it, a paid order before its end), the new buyers of
 * the week they brought, and the cycle time of those.
 */
export const kFactorWeeks = (conn: Queryable, start: Date, end: Date) =>
  conn.query<KFactorWeekRow>(
    `WITH active AS (
       SELECT date_trunc('week', occurred_at AT TIME ZONE 'UTC') AS wk, user_id FROM analytics_events
       WHERE kind = 'share_created' AND occurred_at >= $1 AND occurred_at < $2 AND user_id IS NOT NULL
       UNION
       SELECT date_trunc('week', signed_up_at AT TIME ZONE 'UTC'), invited_by FROM analytics_people
       WHERE invited_by IS NOT NULL AND signed_up_at >= $1 AND signed_up_at < $2
     ),
     firsts AS (
       SELECT o.user_id, min(o.paid_at) AS first_paid FROM analytics_orders o
       WHERE o.user_id IN (SELECT user_id FROM active) GROUP BY o.user_id
     ),
     referrers AS (
       SELECT a.wk, a.user_id, f.first_paid FROM active a JOIN firsts f ON f.user_id = a.user_id
       WHERE f.first_paid < LEAST((a.wk + interval '7 days') AT TIME ZONE 'UTC', $2::timestamptz)
     ),
     brought AS (
       SELECT DISTINCT ON (o.wk, o.user_id) o.wk, o.user_id, o.paid_at, COALESCE(rp.first_paid, ri.first_paid) AS ref_first
       FROM (SELECT user_id, paid_at, promoter_id, date_trunc('week', paid_at AT TIME ZONE 'UTC') AS wk
             FROM analytics_orders WHERE first_order AND paid_at >= $1 AND paid_at < $2) o
       LEFT JOIN analytics_people p ON p.user_id = o.user_id
       LEFT JOIN referrers rp ON rp.wk = o.wk AND rp.user_id = o.promoter_id
       LEFT JOIN referrers ri ON ri.wk = o.wk AND ri.user_id = p.invited_by
       WHERE rp.user_id IS NOT NULL OR ri.user_id IS NOT NULL
       ORDER BY o.wk, o.user_id, o.paid_at
     ),
     -- Grouped and joined, not a subquery per week: those made the plan's cost (and JIT) explode.
     r AS (SELECT wk, count(*) AS referrers FROM referrers GROUP BY wk),
     b AS (
       SELECT wk, count(*) AS brought,
         avg(extract(epoch FROM paid_at - ref_first)) FILTER (WHERE ref_first < paid_at) AS cycle_seconds
       FROM brought GROUP BY wk
     )
     SELECT to_char(wk, 'YYYY-MM-DD') AS monday, COALESCE(r.referrers, 0)::bigint AS referrers,
       COALESCE(b.brought, 0)::bigint AS brought, b.cycle_seconds::float8 AS cycle_seconds
     FROM r FULL JOIN b USING (wk) ORDER BY wk`,
    [start, end],
  );
