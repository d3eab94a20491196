import { describe, expect, it } from 'vitest';
import { checkoutTotals } from './checkout-totals';

describe('checkout totals', () => {
  it('takes the member discount off the total, and points see what is left after it and the coupon', () => {
    // 100.00 of goods, 5 % member discount, a 9.50 coupon (10 % of 95.00), 10.00 of points.
    expect(
      checkoutTotals({ subtotal: 10_000, memberDiscount: 500, couponDiscount: 950, pointsDiscount: 1_000 }),
    ).toEqual({
      subtotal: 10_000,
      memberDiscount: 500,
      couponDiscount: 950,
      payable: 8_550,
      pointsDiscount: 1_000,
      discount: 2_450,
      total: 7_550,
    });
  });

  it('a member discount alone still changes the total', () => {
    expect(
      checkoutTotals({ subtotal: 10_000, memberDiscount: 500, couponDiscount: 0, pointsDiscount: 0 }),
    ).toMatchObject({ discount: 500, total: 9_500, payable: 9_500 });
  });

  it('always leaves one minor unit to pay, as the server does', () => {
    expect(
      checkoutTotals({ subtotal: 1_000, memberDiscount: 50, couponDiscount: 5_000, pointsDiscount: 5_000 }),
    ).toMatchObject({ memberDiscount: 50, couponDiscount: 949, pointsDiscount: 0, total: 1 });
  });
});
