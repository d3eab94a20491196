import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shippingToRefund } from './rules.js';

describe('shippingToRefund', () => {
  const order = { fee: 800, feeRefunded: 0 };
  it('before shipping, a refund of every unit left takes the fee; a partial one does not', () => {
    expect(
      shippingToRefund({ ...order, shipped: false, coversEveryUnitLeft: true, operatorIncludesFee: false }),
    ).toBe(800);
    expect(
      shippingToRefund({ ...order, shipped: false, coversEveryUnitLeft: false, operatorIncludesFee: false }),
    ).toBe(0);
  });
  it('after shipping, a return refunds goods only unless the operator includes the fee', () => {
    expect(
      shippingToRefund({ ...order, shipped: true, coversEveryUnitLeft: true, operatorIncludesFee: false }),
    ).toBe(0);
    expect(
      shippingToRefund({ ...order, shipped: true, coversEveryUnitLeft: false, operatorIncludesFee: true }),
    ).toBe(800);
  });
  it('law: never more than the fee not yet refunded', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        (fee, refunded, shipped, every, include) => {
          const feeRefunded = Math.min(fee, refunded);
          const back = shippingToRefund({
            fee,
            feeRefunded,
            shipped,
            coversEveryUnitLeft: every,
            operatorIncludesFee: include,
          });
          expect(back).toBeGreaterThanOrEqual(0);
          expect(back).toBeLessThanOrEqual(fee - feeRefunded);
        },
      ),
    );
  });
});
