import type { Queryable } from '../../platform/db.js';
import type { CouponKind, CouponSource, TemplateStatus } from './rules.js';

export interface TemplateRow {
  id: string;
  title: string;
  description: string;
  kind: CouponKind;
  amount_off: number | null;
  percent_off_bps: number | null;
  max_discount: number | null;
  min_spend: number;
  product_ids: string[] | null;
  starts_at: Date | null;
  ends_at: Date | null;
  valid_days: number | null;
  per_user_limit: number;
  total_quantity: number | null;
  issued: number;
  share_to_unlock: number | null;
  claimable: boolean;
  status: TemplateStatus;
  created_at: Date;
  updated_at: Date;
}

export interface HeldCouponRow {
  id: string;
  template_id: string;
  user_id: string;
  source: CouponSource;
  kind: CouponKind;
  amount_off: number | null;
  percent_off_bps: number | null;
  max_discount: number | null;
  min_spend: number;
  product_ids: string[] | null;
  claimed_at: Date;
  valid_from: Date;
  valid_until: Date | null;
  order_id: string | null;
  used_at: Date | null;
}

export type HeldCouponWithTitle = HeldCouponRow & { title: string; description: string };

const TEMPLATE_COLUMNS = [
  'id',
  'title',
  'description',
  'kind',
  'amount_off',
  'percent_off_bps',
  'max_discount',
  'min_spend',
  'product_ids',
  'starts_at',
  'ends_at',
  'valid_days',
  'per_user_limit',
  'total_quantity',
  'issued',
  'share_to_unlock',
  'claimable',
  'status',
  'created_at',
  'updated_at',
] as const satisfies readonly (keyof TemplateRow)[];

/** Inserts a template, or rewrites every column of an existing one (admin edits). */
export async function saveTemplate(conn: Queryable, t: TemplateRow) {
  const placeholders = TEMPLATE_COLUMNS.map((_, i) => `$${i + 1}`).join(', ');
  const updates = TEMPLATE_COLUMNS.filter((c) => c !== 'id' && c !== 'created_at' && c !== 'issued')
    .map((c) => `${c} = EXCLUDED.${c}`)
    .join(', ');
  await conn.query(
    `INSERT INTO coupon_templates (${TEMPLATE_COLUMNS.join(', ')}) VALUES (${placeholders})
     ON CONFLICT (id) DO UPDATE SET ${updates}`,
    TEMPLATE_COLUMNS.map((c) => t[c]),
  );
}

export const findTemplate = async (conn: Queryable, id: string) =>
  (await conn.query<TemplateRow>('SELECT * FROM coupon_templates WHERE id = $1', [id]))[0];

/** Locks the template row: every claim of one template queues here, so counts stay exact. */
export const lockTemplate = async (conn: Queryable, id: string) =>
  (await conn.query<TemplateRow>('SELECT * FROM coupon_templates WHERE id = $1 FOR NO KEY UPDATE', [id]))[0];

export async function countIssued(conn: Queryable, id: string) {
  await conn.query('UPDATE coupon_templates SET issued = issued + 1 WHERE id = $1', [id]);
}

/** Templates, newest first; keyset pagination on (created_at, id). */
export function listTemplates(
  conn: Queryable,
  f: { limit: number; before?: { createdAt: string; id: string }; claimableAt?: Date },
) {
  const params: unknown[] = [f.limit + 1];
  const where: string[] = [];
  if (f.before) {
    params.push(f.before.createdAt, f.before.id);
    where.push(`(created_at, id) < ($${params.length - 1}::timestamptz, $${params.length})`);
  }
  if (f.claimableAt) {
    params.push(f.claimableAt);
    const at = `$${params.length}`;
    where.push(`status = 'active' AND claimable AND (starts_at IS NULL OR starts_at <= ${at})
      AND (ends_at IS NULL OR ends_at > ${at})`);
  }
  return conn.query<TemplateRow>(
    `SELECT * FROM coupon_templates ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY created_at DESC, id DESC LIMIT $1`,
    params,
  );
}

export const countHeld = async (conn: Queryable, templateId: string, userId: string) =>
  (
    await conn.query<{ n: number }>(
      'SELECT count(*)::bigint AS n FROM user_coupons WHERE template_id = $1 AND user_id = $2',
      [templateId, userId],
    )
  )[0]?.n ?? 0;

/** How many of each template the person holds. */
export async function heldCounts(conn: Queryable, userId: string, templateIds: readonly string[]) {
  const rows = await conn.query<{ template_id: string; n: number }>(
    `SELECT template_id, count(*)::bigint AS n FROM user_coupons
     WHERE user_id = $1 AND template_id = ANY($2) GROUP BY template_id`,
    [userId, templateIds],
  );
  return new Map(rows.map((r) => [r.template_id, r.n]));
}

export async function insertHeldCoupon(conn: Queryable, c: HeldCouponRow) {
  await conn.query(
    `INSERT INTO user_coupons (id, template_id, user_id, source, kind, amount_off, percent_off_bps, max_discount,
       min_spend, product_ids, claimed_at, valid_from, valid_until, order_id, used_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
    [
      c.id,
      c.template_id,
      c.user_id,
      c.source,
      c.kind,
      c.amount_off,
      c.percent_off_bps,
      c.max_discount,
      c.min_spend,
      c.product_ids,
      c.claimed_at,
      c.valid_from,
      c.valid_until,
      c.order_id,
      c.used_at,
    ],
  );
}

const WITH_TITLE = `SELECT c.*, t.title, t.description FROM user_coupons c JOIN coupon_templates t ON t.id = c.template_id`;

export const findHeldCoupon = async (conn: Queryable, id: string) =>
  (await conn.query<HeldCouponWithTitle>(`${WITH_TITLE} WHERE c.id = $1`, [id]))[0];

/** Locks one coupon: two checkouts racing for it queue here, and the second sees it used. */
export const lockHeldCoupon = async (conn: Queryable, id: string) =>
  (await conn.query<HeldCouponRow>('SELECT * FROM user_coupons WHERE id = $1 FOR NO KEY UPDATE', [id]))[0];

export async function markUsed(conn: Queryable, id: string, orderId: string, at: Date) {
  await conn.query('UPDATE user_coupons SET order_id = $2, used_at = $3 WHERE id = $1', [id, orderId, at]);
}

/** Gives back the coupon an order was using; returns its id, if there was one. */
export async function releaseFromOrder(conn: Queryable, orderId: string) {
  const rows = await conn.query<{ id: string }>(
    'UPDATE user_coupons SET order_id = NULL, used_at = NULL WHERE order_id = $1 RETURNING id',
    [orderId],
  );
  return rows[0]?.id;
}

export type HeldFilter = 'available' | 'used' | 'expired';

/** A person's coupons in one state, newest first; keyset pagination on (claimed_at, id). */
export function listHeld(
  conn: Queryable,
  f: {
    userId: string;
    status?: HeldFilter;
    now: Date;
    limit: number;
    before?: { claimedAt: string; id: string };
  },
) {
  const params: unknown[] = [f.userId, f.limit + 1];
  const where = ['c.user_id = $1'];
  const now = () => {
    params.push(f.now);
    return `$${params.length}`;
  };
  if (f.status === 'used') where.push('c.order_id IS NOT NULL');
  if (f.status === 'expired') where.push(`c.order_id IS NULL AND c.valid_until <= ${now()}`);
  if (f.status === 'available') {
    where.push(`c.order_id IS NULL AND (c.valid_until IS NULL OR c.valid_until > ${now()})`);
  }
  if (f.before) {
    params.push(f.before.claimedAt, f.before.id);
    where.push(`(c.claimed_at, c.id) < ($${params.length - 1}::timestamptz, $${params.length})`);
  }
  return conn.query<HeldCouponWithTitle>(
    `${WITH_TITLE} WHERE ${where.join(' AND ')} ORDER BY c.claimed_at DESC, c.id DESC LIMIT $2`,
    params,
  );
}

/** The person's coupons that could be used right now, for choosing one at checkout. */
export const usableHeld = (conn: Queryable, userId: string, now: Date) =>
  conn.query<HeldCouponWithTitle>(
    `${WITH_TITLE} WHERE c.user_id = $1 AND c.order_id IS NULL AND (c.valid_until IS NULL OR c.valid_until > $2)
     ORDER BY c.valid_until ASC NULLS LAST, c.id`,
    [userId, now],
  );

/** Records what an order's coupon took off, when checkout attaches it (same transaction). */
export async function insertRedemption(
  conn: Queryable,
  r: { orderId: string; userCouponId: string; templateId: string; discount: number; at: Date },
) {
  await conn.query(
    `INSERT INTO coupon_redemptions (order_id, user_coupon_id, template_id, discount, reserved_at)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (order_id) DO NOTHING`,
    [r.orderId, r.userCouponId, r.templateId, r.discount, r.at],
  );
}

/** The coupon an order used and what it took off, for analytics' read model; undefined without one. */
export async function redemptionOf(conn: Queryable, orderId: string) {
  const rows = await conn.query<{ template_id: string; discount: number }>(
    'SELECT template_id, discount::bigint AS discount FROM coupon_redemptions WHERE order_id = $1',
    [orderId],
  );
  const row = rows[0];
  return row && { templateId: row.template_id, discount: Number(row.discount) };
}

/** Templates' titles by id (the dashboard's coupon table). */
export const templateTitles = async (conn: Queryable, ids: readonly string[]) =>
  new Map(
    (
      await conn.query<{ id: string; title: string }>(
        'SELECT id, title FROM coupon_templates WHERE id = ANY($1)',
        [ids],
      )
    ).map((r) => [r.id, r.title]),
  );

export async function markRedemptionPaid(conn: Queryable, orderId: string, at: Date) {
  await conn.query('UPDATE coupon_redemptions SET paid_at = $2 WHERE order_id = $1 AND paid_at IS NULL', [
    orderId,
    at,
  ]);
}

/**
 * The order no longer uses its coupon: an unpaid order's redemption goes (nothing was given); a
 * paid one's is marked refunded and stays, so the console can say how many uses were refunded.
 */
export async function endRedemption(conn: Queryable, orderId: string, at: Date) {
  await conn.query('DELETE FROM coupon_redemptions WHERE order_id = $1 AND paid_at IS NULL', [orderId]);
  await conn.query(
    'UPDATE coupon_redemptions SET refunded_at = $2 WHERE order_id = $1 AND refunded_at IS NULL',
    [orderId, at],
  );
}

export interface TemplateUsageRow {
  template_id: string;
  claimed: number;
  used: number;
  discount_given: number;
  refunded: number;
}

/**
 * Per template: coupons claimed in the coupon centre, uses on paid orders not refunded, the
 * discount those gave, and uses whose order was refunded in full (their discount is not counted:
 * the buyer paid nothing for the order in the end and had the coupon back).
 */
export const templateUsage = (conn: Queryable, templateIds: readonly string[]) =>
  conn.query<TemplateUsageRow>(
    `SELECT t.id AS template_id,
       (SELECT count(*) FROM user_coupons c WHERE c.template_id = t.id AND c.source = 'claim')::int AS claimed,
       count(r.order_id) FILTER (WHERE r.paid_at IS NOT NULL AND r.refunded_at IS NULL)::int AS used,
       COALESCE(sum(r.discount) FILTER (WHERE r.paid_at IS NOT NULL AND r.refunded_at IS NULL), 0)::bigint
         AS discount_given,
       count(r.order_id) FILTER (WHERE r.refunded_at IS NOT NULL)::int AS refunded
     FROM coupon_templates t LEFT JOIN coupon_redemptions r ON r.template_id = t.id
     WHERE t.id = ANY($1) GROUP BY t.id`,
    [templateIds],
  );
