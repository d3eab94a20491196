import { Type } from 'typebox';
import { defineReasons, refusalsOf } from '../../platform/reasons.js';

const Instant = Type.String({ format: 'date-time' });
const Minor = Type.Integer({ minimum: 0 });

/** What a coupon refusal at checkout (and in the picker) says: the numbers, never prose. */
export const MinSpendParams = Type.Object({
  couponId: Type.String(),
  /** The spend the coupon needs on the items it covers, minor units. */
  minSpendAmount: Minor,
  /** What those items come to in this order, minor units. */
  subtotal: Minor,
});
export const NotApplicableParams = Type.Object({ couponId: Type.String() });

/** Why coupons refuse a claim, a checkout or an edit: each a name the web words, with its numbers. */
export const couponReasons = defineReasons({
  coupon_min_spend: {
    code: 'business_rule',
    params: MinSpendParams,
    description: 'The items the coupon covers come to `subtotal`, below its minimum spend `minSpendAmount`.',
  },
  coupon_not_applicable: {
    code: 'business_rule',
    params: NotApplicableParams,
    description: 'None of the items in the order is one the coupon covers.',
  },
  coupon_expired: {
    code: 'business_rule',
    params: Type.Object({ couponId: Type.String(), validUntil: Instant }),
    description: 'The coupon lapsed at `validUntil`.',
  },
  coupon_already_used: {
    code: 'conflict',
    params: Type.Object({ couponId: Type.String() }),
    description: 'The coupon is already used by another order (it comes back if that order is cancelled).',
  },
  coupon_unavailable: {
    code: 'conflict',
    params: Type.Object({ templateId: Type.String() }),
    description: 'The operator has stopped this coupon: it can no longer be claimed.',
  },
  coupon_not_started: {
    code: 'business_rule',
    params: Type.Object({ templateId: Type.String(), startsAt: Instant }),
    description: 'Claiming opens at `startsAt`.',
  },
  coupon_claim_ended: {
    code: 'business_rule',
    params: Type.Object({ templateId: Type.String(), endsAt: Instant }),
    description: 'Claiming ended at `endsAt`.',
  },
  coupon_sold_out: {
    code: 'conflict',
    params: Type.Object({ templateId: Type.String(), totalQuantity: Type.Integer() }),
    description: 'All `totalQuantity` coupons have been claimed.',
  },
  coupon_already_claimed: {
    code: 'conflict',
    params: Type.Object({ templateId: Type.String() }),
    description: 'One per person, and the claimer already holds it.',
  },
  coupon_claim_limit_reached: {
    code: 'conflict',
    params: Type.Object({ templateId: Type.String(), perUserLimit: Type.Integer() }),
    description: 'The claimer already holds the `perUserLimit` of this coupon one person may claim.',
  },
  coupon_share_locked: {
    code: 'business_rule',
    params: Type.Object({ templateId: Type.String(), visitors: Type.Integer(), required: Type.Integer() }),
    description:
      'Share to unlock: `visitors` of the `required` different people have opened the claimer’s links.',
  },
  coupon_quantity_below_issued: {
    code: 'business_rule',
    params: Type.Object({ issued: Type.Integer(), totalQuantity: Type.Integer() }),
    description: 'The total quantity cannot go below the `issued` coupons already claimed.',
  },
});

export const refuse = refusalsOf(couponReasons);
