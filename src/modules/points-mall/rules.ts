import type { FieldError } from '../../platform/errors.js';
import { defineMachine } from '../../platform/state-machine.js';

export const ITEM_KINDS = ['coupon', 'product', 'perk'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/** Why a redemption is refused, in the order the checks run. */
export type MallRefusal = 'mall_sold_out' | 'mall_limit_reached' | 'not_enough_points';

/**
 * The order of the checks, and so which refusal wins when several apply: none left first (API.md:
 * "when both apply, 409"), then the person's limit (also 409, its own reason), then their points (422).
 * The service takes the stock, then the person's count, then the points, in this order.
 */
export const REFUSAL_ORDER: readonly MallRefusal[] = [
  'mall_sold_out',
  'mall_limit_reached',
  'not_enough_points',
];

export const REFUSAL_STATUS: Record<MallRefusal, 409 | 422> = {
  mall_sold_out: 409,
  mall_limit_reached: 409,
  not_enough_points: 422,
};

export interface RedemptionFacts {
  stock: number;
  perPersonLimit: number | null;
  /** How many of the item this person redeemed before. */
  redeemedByMe: number;
  balance: number;
  costPoints: number;
}

const failing: Record<MallRefusal, (f: RedemptionFacts) => boolean> = {
  mall_sold_out: (f) => f.stock <= 0,
  mall_limit_reached: (f) => f.perPersonLimit !== null && f.redeemedByMe >= f.perPersonLimit,
  not_enough_points: (f) => f.balance < f.costPoints,
};

/** The refusal a redemption meets, or null when it may go ahead. */
export const refusalOf = (f: RedemptionFacts): MallRefusal | null =>
  REFUSAL_ORDER.find((r) => failing[r](f)) ?? null;

/** How many more one person may redeem: null when the item has no per-person limit. */
export const leftForMe = (perPersonLimit: number | null, redeemedByMe: number): number | null =>
  perPersonLimit === null ? null : Math.max(0, perPersonLimit - redeemedByMe);

/**
 * A redemption's states: a perk waits for the operator to fulfil it (`pending` → `done`); a coupon is
 * in the person's wallet and a product is an order as soon as they are redeemed, so both start `done`.
 */
export type RedemptionStatus = 'pending' | 'done';
export const redemptionMachine = defineMachine<RedemptionStatus>('points-mall redemption', {
  pending: ['done'],
  done: [],
});

export const initialStatus = (kind: ItemKind): RedemptionStatus => (kind === 'perk' ? 'pending' : 'done');

/** A product is shipped, so it needs an address; nothing else does. */
export const needsAddress = (kind: ItemKind) => kind === 'product';

/**
 * What an item's kind needs named: a coupon its template, a product its variant, a perk neither (its
 * description is the benefit). Naming the other kind's target is refused too, so nothing is ignored.
 */
export function targetErrors(input: {
  kind: ItemKind;
  couponTemplateId?: string | null;
  variantId?: string | null;
}): FieldError[] {
  const errors: FieldError[] = [];
  const wants = { couponTemplateId: input.kind === 'coupon', variantId: input.kind === 'product' };
  for (const field of ['couponTemplateId', 'variantId'] as const) {
    const given = input[field] !== undefined && input[field] !== null;
    if (wants[field] && !given)
      errors.push({ path: `/${field}`, message: `is required for a ${input.kind} item`, rule: 'required' });
    if (!wants[field] && given)
      errors.push({
        path: `/${field}`,
        message: `is not allowed for a ${input.kind} item`,
        rule: 'additionalProperties',
      });
  }
  return errors;
}
