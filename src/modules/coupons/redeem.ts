import type { Static } from 'typebox';
import type { Clock } from '../../platform/clock.js';
import type { Tx } from '../../platform/db.js';
import { invalidInput, notFound } from '../../platform/errors.js';
import { applyMemberDiscount, type CheckoutCoupons } from '../orders/index.js';
import type { CouponsContext } from './context.js';
import { presentHeld, termsOf } from './present.js';
import * as q from './queries.js';
import { type MinSpendParams, type NotApplicableParams, refuse } from './reasons.js';
import {
  type CouponRefusal,
  heldCouponStatus,
  type PaidUnitPrice,
  paidCouponLines,
  priceCoupon,
} from './rules.js';
import type { ApplicableSchema } from './schemas.js';

/** A coupon that does not apply to a cart, as a reason and its params (money in minor units). */
export type CouponMisfit =
  | { reason: 'coupon_not_applicable'; params: Static<typeof NotApplicableParams> }
  | { reason: 'coupon_min_spend'; params: Static<typeof MinSpendParams> };

function misfitOf(couponId: string, refusal: CouponRefusal): CouponMisfit {
  switch (refusal.reason) {
    case 'no_eligible_items':
      return { reason: 'coupon_not_applicable', params: { couponId } };
    case 'below_min_spend':
      return {
        reason: 'coupon_min_spend',
        params: { couponId, minSpendAmount: refusal.minSpend, subtotal: refusal.eligible },
      };
  }
}

/** The English fallback of a misfit, for clients that do not word `refusal` themselves. */
function misfitText(misfit: CouponMisfit): string {
  switch (misfit.reason) {
    case 'coupon_not_applicable':
      return 'None of the items in this order is covered by this coupon';
    case 'coupon_min_spend':
      return `This coupon needs a spend of at least ${misfit.params.minSpendAmount} (minor units) on the items it covers; they come to ${misfit.params.subtotal}`;
  }
}

function misfitError(misfit: CouponMisfit) {
  switch (misfit.reason) {
    case 'coupon_not_applicable':
      return refuse(misfit.reason, misfit.params, misfitText(misfit));
    case 'coupon_min_spend':
      return refuse(misfit.reason, misfit.params, misfitText(misfit));
  }
}

/**
 * The checkout side: lock the buyer's coupon, check it can be used now, price it, and mark it used
 * by the new order in the same transaction. Two checkouts racing for one coupon queue on its row
 * lock; the second finds it used and gets 409.
 */
export function checkoutCoupons(ctx: { clock: Clock }): CheckoutCoupons {
  return {
    async reserve(tx, { userId, couponId, lines, maxDiscount }) {
      const coupon = await q.lockHeldCoupon(tx, couponId);
      // Someone else's coupon is "not found": whether an id exists is not the caller's business.
      if (!coupon || coupon.user_id !== userId) throw notFound('Coupon');
      const now = ctx.clock.now();
      const status = heldCouponStatus({ orderId: coupon.order_id, validUntil: coupon.valid_until }, now);
      if (status === 'used')
        throw refuse('coupon_already_used', { couponId }, 'This coupon is already used by another order');
      if (status === 'expired' && coupon.valid_until) {
        const validUntil = coupon.valid_until.toISOString();
        throw refuse('coupon_expired', { couponId, validUntil }, `This coupon expired at ${validUntil}`);
      }
      const pricing = priceCoupon(termsOf(coupon), lines);
      if (!pricing.ok) throw misfitError(misfitOf(couponId, pricing));
      const discount = Math.min(pricing.discount, maxDiscount);
      return {
        discount,
        attachTo: async (orderId: string) => {
          await q.markUsed(tx, coupon.id, orderId, now);
          await q.insertRedemption(tx, {
            orderId,
            userCouponId: coupon.id,
            templateId: coupon.template_id,
            discount,
            at: now,
          });
        },
      };
    },
  };
}

/**
 * Gives back the coupon of an order that was cancelled unpaid or refunded. A refund is always of
 * the whole order here, so the buyer ends where they started: the coupon is theirs again, until
 * it lapses at its own date as it would have anyway.
 */
export async function returnCoupon(tx: Tx, orderId: string, now: Date): Promise<void> {
  await q.releaseFromOrder(tx, orderId);
  await q.endRedemption(tx, orderId, now);
}

export type CouponChoice = Static<typeof ApplicableSchema>['items'][number];
export type CouponChoices = Static<typeof ApplicableSchema>;

/**
 * The buyer's usable coupons priced against a cart, best discount first, for the checkout picker:
 * as checkout will price them: at the price paid (a group order at its group price), after the
 * member discount, and never taking more than checkout lets a coupon take (one minor unit is left).
 */
export async function couponChoices(
  ctx: CouponsContext,
  userId: string,
  cart: readonly { variantId: string; quantity: number }[],
  groupBuy?: { campaignId: string; groupId?: string },
): Promise<CouponChoices> {
  const variants = await ctx.catalog.sellableVariants(
    ctx.db,
    cart.map((c) => c.variantId),
  );
  let special: PaidUnitPrice | null = null;
  if (groupBuy) {
    if (!ctx.groupPrices)
      throw invalidInput('/query/campaignId', 'group buying is not enabled on this server');
    special = await ctx.groupPrices(groupBuy.campaignId, groupBuy.groupId);
  }
  const paid = paidCouponLines(cart, variants, special);
  const goodsTotal = paid.reduce((sum, l) => sum + l.lineTotal, 0);
  const member = applyMemberDiscount(
    paid,
    await memberDiscountOf(ctx, userId, goodsTotal, groupBuy ? 'group' : 'regular'),
  );
  const now = ctx.clock.now();
  const held = await q.usableHeld(ctx.db, userId, now);
  const choices = held.map((row): CouponChoice => {
    const pricing = priceCoupon(termsOf(row), member.lines);
    const refusal = pricing.ok ? null : misfitOf(row.id, pricing);
    return {
      coupon: presentHeld(row, now),
      discount: pricing.ok ? Math.min(pricing.discount, member.couponRoom) : 0,
      applicable: pricing.ok,
      reason: refusal && misfitText(refusal),
      refusal,
    };
  });
  choices.sort((a, b) => Number(b.applicable) - Number(a.applicable) || b.discount - a.discount);
  return { memberDiscount: member.memberDiscount, items: choices };
}

/** What the buyer's level takes off the goods, through checkout's own port (0 without it). */
async function memberDiscountOf(
  ctx: CouponsContext,
  userId: string,
  goodsTotal: number,
  kind: 'regular' | 'group',
): Promise<number> {
  const pricing = ctx.memberPricing;
  if (!pricing || goodsTotal <= 0) return 0;
  return ctx.db.transaction((tx) => pricing.discountFor(tx, { userId, goodsTotal, kind }));
}
