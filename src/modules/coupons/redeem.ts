import type { Tx } from '../../platform/db.js';
import { AppError, conflict, invalidInput, notFound } from '../../platform/errors.js';
import type { CheckoutCoupons } from '../orders/index.js';
import type { CouponsContext } from './context.js';
import { type HeldCoupon, presentHeld, termsOf } from './present.js';
import * as q from './queries.js';
import {
  type CouponRefusal,
  heldCouponStatus,
  type PaidUnitPrice,
  paidCouponLines,
  priceCoupon,
} from './rules.js';

function refusalText(refusal: CouponRefusal): string {
  switch (refusal.reason) {
    case 'no_eligible_items':
      return 'None of the items in this order is covered by this coupon';
    case 'below_min_spend':
      return `This coupon needs a spend of at least ${refusal.minSpend} (minor units) on the items it covers; they come to ${refusal.eligible}`;
    case 'one_coupon_per_order':
      return 'An order takes one coupon';
  }
}

/**
 * The checkout side: lock the buyer's coupon, check it can be used now, price it, and mark it used
 * by the new order in the same transaction. Two checkouts racing for one coupon queue on its row
 * lock; the second finds it used and gets 409.
 */
export function checkoutCoupons(ctx: CouponsContext): CheckoutCoupons {
  return {
    async reserve(tx, { userId, couponId, lines }) {
      const coupon = await q.lockHeldCoupon(tx, couponId);
      // Someone else's coupon is "not found": whether an id exists is not the caller's business.
      if (!coupon || coupon.user_id !== userId) throw notFound('Coupon');
      const now = ctx.clock.now();
      const status = heldCouponStatus({ orderId: coupon.order_id, validUntil: coupon.valid_until }, now);
      if (status === 'used') throw conflict('This coupon is already used by another order');
      if (status === 'expired') {
        throw new AppError('business_rule', `This coupon expired at ${coupon.valid_until?.toISOString()}`);
      }
      const pricing = priceCoupon(termsOf(coupon), lines);
      if (!pricing.ok) throw new AppError('business_rule', refusalText(pricing));
      return {
        discount: pricing.discount,
        attachTo: (orderId: string) => q.markUsed(tx, coupon.id, orderId, now),
      };
    },
  };
}

/**
 * Gives back the coupon of an order that was cancelled unpaid or refunded. A refund is always of
 * the whole order here, so the buyer ends where they started: the coupon is theirs again, until
 * it lapses at its own date as it would have anyway.
 */
export async function returnCoupon(tx: Tx, orderId: string): Promise<void> {
  await q.releaseFromOrder(tx, orderId);
}

export interface CouponChoice {
  coupon: HeldCoupon;
  discount: number;
  applicable: boolean;
  reason: string | null;
}

/**
 * The buyer's usable coupons priced against a cart, best discount first, for the checkout picker:
 * at the prices checkout will charge, so a group order is judged on its group price.
 */
export async function couponChoices(
  ctx: CouponsContext,
  userId: string,
  cart: readonly { variantId: string; quantity: number }[],
  groupBuy?: { campaignId: string; groupId?: string },
): Promise<CouponChoice[]> {
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
  const lines = paidCouponLines(cart, variants, special);
  const now = ctx.clock.now();
  const held = await q.usableHeld(ctx.db, userId, now);
  const choices = held.map((row) => {
    const pricing = priceCoupon(termsOf(row), lines);
    return {
      coupon: presentHeld(row, now),
      discount: pricing.ok ? pricing.discount : 0,
      applicable: pricing.ok,
      reason: pricing.ok ? null : refusalText(pricing),
    };
  });
  return choices.sort((a, b) => Number(b.applicable) - Number(a.applicable) || b.discount - a.discount);
}
