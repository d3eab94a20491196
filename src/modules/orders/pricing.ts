import { prorate, sumMinor } from '../../platform/money.js';
import type { DiscountableLine } from './context.js';

/**
 * The pricing law of an order placed at checkout, in the order the discounts apply:
 *  1. the member (level) discount comes off the goods;
 *  2. the coupon is priced on the lines after it (the member discount prorated over the lines by
 *     largest remainder), so its minimum spend and percentage see what the buyer pays;
 *  3. points pay part of what is left.
 * Together they always leave at least `MIN_PAYABLE` to pay: an order of 0 is a free sale no
 * provider can collect (the points mall places its own 0-total orders for that).
 */
export const MIN_PAYABLE = 1;

/** The most a discount may take off `amount` and still leave the minimum to pay. */
export const discountRoom = (amount: number) => Math.max(0, amount - MIN_PAYABLE);

/** `wanted` held to 0..discountRoom(amount). */
const heldTo = (wanted: number, amount: number) => Math.min(Math.max(0, wanted), discountRoom(amount));

export interface MemberPricedLines<L extends DiscountableLine> {
  /** What the member discount takes off the goods, held to leave the minimum to pay. */
  memberDiscount: number;
  /** The lines at what they cost after it; their totals sum to goods − memberDiscount exactly. */
  lines: L[];
  /** The most a coupon may take off them. */
  couponRoom: number;
}

/**
 * The lines after the member discount: `wanted` (what the level gives) held to the room, then
 * prorated over the lines by their totals. Checkout and the coupon picker both price coupons on
 * these lines, so what the picker shows is what checkout charges.
 */
export function applyMemberDiscount<L extends DiscountableLine>(
  lines: readonly L[],
  wanted: number,
): MemberPricedLines<L> {
  const goodsTotal = sumMinor(lines.map((l) => l.lineTotal));
  const memberDiscount = heldTo(wanted, goodsTotal);
  const shares = prorate(
    memberDiscount,
    lines.map((l) => l.lineTotal),
  );
  const after = lines.map((l, i) => ({ ...l, lineTotal: l.lineTotal - (shares[i] ?? 0) }));
  return { memberDiscount, lines: after, couponRoom: discountRoom(goodsTotal - memberDiscount) };
}

/** The steps of checkout that price a discount (each one a port: level, coupon, points). */
export interface DiscountSteps<C, P> {
  /** What the buyer's level takes off `goodsTotal`. */
  memberDiscount(goodsTotal: number): Promise<number>;
  /** The buyer's coupon priced on `lines` (after the member discount), at most `room`; null for none. */
  coupon(lines: DiscountableLine[], room: number): Promise<(C & { discount: number }) | null>;
  /** Points paying part of `payable`; null when none are spent. */
  points(payable: number): Promise<(P & { discount: number }) | null>;
}

export interface CheckoutPrice<C, P> {
  goodsTotal: number;
  memberDiscount: number;
  couponDiscount: number;
  pointsDiscount: number;
  /** Everything taken off the goods: member + coupon + points. */
  discount: number;
  total: number;
  coupon: C | null;
  points: P | null;
}

/** Prices an order's discounts by the law above, whatever the ports answer. */
export async function priceCheckout<C, P>(
  lines: readonly DiscountableLine[],
  steps: DiscountSteps<C, P>,
): Promise<CheckoutPrice<C, P>> {
  const goodsTotal = sumMinor(lines.map((l) => l.lineTotal));
  const member = applyMemberDiscount(lines, await steps.memberDiscount(goodsTotal));
  const afterMember = goodsTotal - member.memberDiscount;
  const coupon = await steps.coupon(member.lines, member.couponRoom);
  const couponDiscount = heldTo(coupon?.discount ?? 0, afterMember);
  const payable = afterMember - couponDiscount;
  const points = await steps.points(payable);
  const pointsDiscount = heldTo(points?.discount ?? 0, payable);
  const discount = member.memberDiscount + couponDiscount + pointsDiscount;
  return {
    goodsTotal,
    memberDiscount: member.memberDiscount,
    couponDiscount,
    pointsDiscount,
    discount,
    total: goodsTotal - discount,
    coupon,
    points,
  };
}
