/**
 * Checkout's preview of the order's totals, by the server's pricing law (orders/pricing.ts): the
 * member discount comes off the goods first, the coupon (priced by the server on what is left) next,
 * then points on what is left after both; together they leave at least one minor unit to pay. The
 * placed order's own totals are what is charged.
 */
export interface CheckoutTotals {
  subtotal: number;
  memberDiscount: number;
  couponDiscount: number;
  /** What points may pay part of: the goods after the member and coupon discounts. */
  payable: number;
  pointsDiscount: number;
  /** Everything taken off the goods. */
  discount: number;
  total: number;
}

const MIN_PAYABLE = 1;
const heldTo = (wanted: number, amount: number) =>
  Math.min(Math.max(0, wanted), Math.max(0, amount - MIN_PAYABLE));

export function checkoutTotals(input: {
  subtotal: number;
  memberDiscount: number;
  couponDiscount: number;
  pointsDiscount: number;
}): CheckoutTotals {
  const { subtotal } = input;
  const memberDiscount = heldTo(input.memberDiscount, subtotal);
  const couponDiscount = heldTo(input.couponDiscount, subtotal - memberDiscount);
  const payable = subtotal - memberDiscount - couponDiscount;
  const pointsDiscount = heldTo(input.pointsDiscount, payable);
  const discount = memberDiscount + couponDiscount + pointsDiscount;
  return {
    subtotal,
    memberDiscount,
    couponDiscount,
    payable,
    pointsDiscount,
    discount,
    total: subtotal - discount,
  };
}
