import { bpsOf } from '../../platform/money.js';
import { defineMachine } from '../../platform/state-machine.js';

/**
 * A template's states: the operator stops and resumes claims and grants. Coupons already held have
 * no stored state of their own: one is used while an order holds it (`order_id`, given back when that
 * order is cancelled or refunded) and lapses at its `valid_until` (see `heldCouponStatus`).
 */
export type TemplateStatus = 'active' | 'disabled';
export const templateMachine = defineMachine<TemplateStatus>('coupon template', {
  active: ['disabled'],
  disabled: ['active'],
});

/**
 * Coupon rules as pure functions: what a coupon takes off an order, whether it may be used or
 * claimed now, and when it lapses. Money is integer minor units throughout.
 *
 * Rounding: a percent-off discount is rounded DOWN to the minor unit (floor), so a coupon never
 * takes off more than its stated percentage; the cap (`maxDiscount`) then applies.
 */

export const COUPON_KINDS = ['amount_off', 'percent_off'] as const;

/**
 * Where a held coupon came from: claimed in the coupon centre, or given by another module as a
 * reward (migration 040 lists the same set).
 */
export const COUPON_SOURCES = ['claim', 'invitation', 'task', 'level', 'competition', 'mall'] as const;
export type CouponSource = (typeof COUPON_SOURCES)[number];
/** The sources of a coupon given rather than claimed: what `grant` takes. */
export type GrantSource = Exclude<CouponSource, 'claim'>;
export type CouponKind = (typeof COUPON_KINDS)[number];

/** What a coupon takes off and when it applies: copied onto each coupon at claim time. */
export interface CouponTerms {
  kind: CouponKind;
  /** amount_off: minor units taken off. */
  amountOff: number | null;
  /** percent_off: basis points (1/100 of a percent) of the eligible spend. */
  percentOffBps: number | null;
  /** percent_off: the most it takes off, or null for no cap. */
  maxDiscount: number | null;
  /** The eligible spend must reach this for the coupon to apply. */
  minSpend: number;
  /** Only these products count towards the spend and the discount; null = every product. */
  productIds: readonly string[] | null;
}

export interface CouponLine {
  productId: string;
  lineTotal: number;
}

/** A price other than the list price that one variant is bought at in this order. */
export interface PaidUnitPrice {
  variantId: string;
  unitPrice: number;
}

/**
 * The lines a coupon is judged on, each at the unit price the shopper actually pays: the list
 * price, or the special price of the one variant bought at one. Today that is a group buy's price
 * (the group or leader price); flash sales and bargains, when they come, plug in by passing their
 * price here, so a coupon's minimum spend and its discount never see a price nobody pays.
 */
export function paidCouponLines(
  cart: readonly { variantId: string; quantity: number }[],
  variants: readonly { id: string; product_id: string; price: number }[],
  special: PaidUnitPrice | null = null,
): CouponLine[] {
  return cart.flatMap((c) => {
    const variant = variants.find((v) => v.id === c.variantId);
    if (!variant) return [];
    const unitPrice = special?.variantId === c.variantId ? special.unitPrice : variant.price;
    return [{ productId: variant.product_id, lineTotal: unitPrice * c.quantity }];
  });
}

export type CouponRefusal =
  | { reason: 'no_eligible_items' }
  | { reason: 'below_min_spend'; minSpend: number; eligible: number };

export type CouponPricing =
  | ({ ok: true } & { discount: number; eligible: number })
  | ({ ok: false } & CouponRefusal);

/** The part of the order the coupon covers: all lines, or only those of its products. */
export function eligibleSpend(terms: Pick<CouponTerms, 'productIds'>, lines: readonly CouponLine[]): number {
  const scope = terms.productIds ? new Set(terms.productIds) : null;
  return lines.reduce((sum, l) => (scope && !scope.has(l.productId) ? sum : sum + l.lineTotal), 0);
}

/** The discount before it is held to the eligible spend. */
function faceValue(terms: CouponTerms, eligible: number): number {
  if (terms.kind === 'amount_off') return terms.amountOff ?? 0;
  const percent = bpsOf(eligible, terms.percentOffBps ?? 0);
  return terms.maxDiscount === null ? percent : Math.min(percent, terms.maxDiscount);
}

/**
 * What one coupon takes off these lines. The discount is never negative and never more than the
 * eligible spend (so never more than the subtotal, and the total never goes below zero).
 */
export function priceCoupon(terms: CouponTerms, lines: readonly CouponLine[]): CouponPricing {
  const eligible = eligibleSpend(terms, lines);
  if (eligible <= 0) return { ok: false, reason: 'no_eligible_items' };
  if (eligible < terms.minSpend) {
    return { ok: false, reason: 'below_min_spend', minSpend: terms.minSpend, eligible };
  }
  const discount = Math.min(Math.max(0, faceValue(terms, eligible)), eligible);
  return { ok: true, discount, eligible };
}

/** When a coupon held since `claimedAt` stops being usable; null = never. */
export function validUntil(
  template: { validDays: number | null; endsAt: Date | null },
  claimedAt: Date,
): Date | null {
  if (template.validDays !== null) return new Date(claimedAt.getTime() + template.validDays * 86_400_000);
  return template.endsAt;
}

export type HeldCouponStatus = 'available' | 'used' | 'expired';

/** A coupon in use by an order counts as used; otherwise it lapses at `validUntil`. */
export function heldCouponStatus(
  coupon: { orderId: string | null; validUntil: Date | null },
  now: Date,
): HeldCouponStatus {
  if (coupon.orderId !== null) return 'used';
  if (coupon.validUntil !== null && coupon.validUntil.getTime() <= now.getTime()) return 'expired';
  return 'available';
}

export interface ClaimFacts {
  status: TemplateStatus;
  claimable: boolean;
  startsAt: Date | null;
  endsAt: Date | null;
  totalQuantity: number | null;
  issued: number;
  perUserLimit: number;
  /** How many of this template the claimer already holds (used, expired or not). */
  heldByClaimer: number;
  shareToUnlock: number | null;
  /** Different people who opened the claimer's share links (only read for share-to-unlock). */
  visitors: number;
}

export type ClaimRefusal =
  | { reason: 'unavailable' }
  | { reason: 'not_started'; startsAt: Date }
  | { reason: 'ended'; endsAt: Date }
  | { reason: 'sold_out'; totalQuantity: number }
  | { reason: 'limit_reached'; limit: number }
  | { reason: 'locked'; required: number; reached: number };

/** Why a claim is refused now, or null when it may go ahead. Checked in this order. */
export function claimRefusal(facts: ClaimFacts, now: Date): ClaimRefusal | null {
  if (facts.status !== 'active' || !facts.claimable) return { reason: 'unavailable' };
  if (facts.startsAt && now < facts.startsAt) return { reason: 'not_started', startsAt: facts.startsAt };
  if (facts.endsAt && now >= facts.endsAt) return { reason: 'ended', endsAt: facts.endsAt };
  if (facts.totalQuantity !== null && facts.issued >= facts.totalQuantity)
    return { reason: 'sold_out', totalQuantity: facts.totalQuantity };
  if (facts.heldByClaimer >= facts.perUserLimit)
    return { reason: 'limit_reached', limit: facts.perUserLimit };
  if (facts.shareToUnlock !== null && facts.visitors < facts.shareToUnlock) {
    return { reason: 'locked', required: facts.shareToUnlock, reached: facts.visitors };
  }
  return null;
}

/** A template's terms must make sense together; returns the offending field and why, or null. */
export function termsProblem(t: {
  kind: CouponKind;
  amountOff: number | null;
  percentOffBps: number | null;
  maxDiscount: number | null;
  startsAt: Date | null;
  endsAt: Date | null;
}): { path: string; message: string; rule: string } | null {
  if (t.kind === 'amount_off' && t.amountOff === null)
    return { path: '/amountOff', message: 'is required', rule: 'required' };
  if (t.kind === 'amount_off' && (t.percentOffBps !== null || t.maxDiscount !== null)) {
    const path = t.percentOffBps !== null ? '/percentOffBps' : '/maxDiscount';
    return { path, message: 'only applies to percent-off coupons', rule: 'onlyPercentOff' };
  }
  if (t.kind === 'percent_off' && t.percentOffBps === null) {
    return { path: '/percentOffBps', message: 'is required', rule: 'required' };
  }
  if (t.kind === 'percent_off' && t.amountOff !== null) {
    return { path: '/amountOff', message: 'only applies to amount-off coupons', rule: 'onlyAmountOff' };
  }
  if (t.startsAt && t.endsAt && t.endsAt <= t.startsAt)
    return { path: '/endsAt', message: 'must be after startsAt', rule: 'afterStart' };
  return null;
}
