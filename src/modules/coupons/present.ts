import type { Static } from 'typebox';
import type * as q from './queries.js';
import { type CouponTerms, heldCouponStatus } from './rules.js';
import type { AdminTemplateSchema, HeldCouponSchema, TemplateSchema } from './schemas.js';

export type CouponTemplate = Static<typeof TemplateSchema>;
export type AdminCouponTemplate = Static<typeof AdminTemplateSchema>;
export type HeldCoupon = Static<typeof HeldCouponSchema>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const presentTemplate = (t: q.TemplateRow): CouponTemplate => ({
  id: t.id,
  title: t.title,
  description: t.description,
  kind: t.kind,
  amountOff: t.amount_off,
  percentOffBps: t.percent_off_bps,
  maxDiscount: t.max_discount,
  minSpend: t.min_spend,
  productIds: t.product_ids,
  startsAt: iso(t.starts_at),
  endsAt: iso(t.ends_at),
  validDays: t.valid_days,
  perUserLimit: t.per_user_limit,
  totalQuantity: t.total_quantity,
  issued: t.issued,
  remaining: t.total_quantity === null ? null : Math.max(0, t.total_quantity - t.issued),
  shareToUnlock: t.share_to_unlock,
  claimable: t.claimable,
  status: t.status,
  createdAt: t.created_at.toISOString(),
  updatedAt: t.updated_at.toISOString(),
});

export const presentHeld = (c: q.HeldCouponWithTitle, now: Date): HeldCoupon => ({
  id: c.id,
  templateId: c.template_id,
  title: c.title,
  description: c.description,
  kind: c.kind,
  amountOff: c.amount_off,
  percentOffBps: c.percent_off_bps,
  maxDiscount: c.max_discount,
  minSpend: c.min_spend,
  productIds: c.product_ids,
  source: c.source,
  status: heldCouponStatus({ orderId: c.order_id, validUntil: c.valid_until }, now),
  claimedAt: c.claimed_at.toISOString(),
  validUntil: iso(c.valid_until),
  orderId: c.order_id,
  usedAt: iso(c.used_at),
});

/** The pricing terms a held coupon carries (copied from its template when it was issued). */
export const termsOf = (
  c: Pick<
    q.HeldCouponRow,
    'kind' | 'amount_off' | 'percent_off_bps' | 'max_discount' | 'min_spend' | 'product_ids'
  >,
): CouponTerms => ({
  kind: c.kind,
  amountOff: c.amount_off,
  percentOffBps: c.percent_off_bps,
  maxDiscount: c.max_discount,
  minSpend: c.min_spend,
  productIds: c.product_ids,
});
