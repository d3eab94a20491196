import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planRefund } from './refund-rules.js';

const line = (id: string, quantity: number, refundedQuantity = 0) => ({ id, quantity, refundedQuantity });

describe('planRefund', () => {
  it('takes all the money and units left by default', () => {
    expect(planRefund({ total: 1000, refundedAmount: 0, lines: [line('a', 2)], inFlight: [] })).toEqual({
      amount: 1000,
      items: [{ orderItemId: 'a', quantity: 2 }],
    });
  });

  it('counts what the order refunded, whatever became of those refunds since', () => {
    expect(planRefund({ total: 1000, refundedAmount: 300, lines: [line('a', 2, 1)], inFlight: [] })).toEqual({
      amount: 700,
      items: [{ orderItemId: 'a', quantity: 1 }],
    });
  });

  it('counts refunds in flight, and says so when they take everything', () => {
    const inFlight = [{ amount: 400, items: [{ orderItemId: 'a', quantity: 1 }] }];
    expect(planRefund({ total: 1000, refundedAmount: 0, lines: [line('a', 2)], inFlight })).toEqual({
      amount: 600,
      items: [{ orderItemId: 'a', quantity: 1 }],
    });
    expect(() => planRefund({ total: 1000, refundedAmount: 600, lines: [line('a', 2)], inFlight })).toThrow(
      'This order is already being refunded',
    );
    expect(() =>
      planRefund({ total: 1000, refundedAmount: 1000, lines: [line('a', 2, 2)], inFlight: [] }),
    ).toThrow('Nothing is left to refund on this order');
  });

  it('refuses units that are not a positive count, or more than are left', () => {
    const base = { total: 1000, refundedAmount: 0, lines: [line('a', 2)], inFlight: [] };
    for (const quantity of [0, -1, 1.5])
      expect(() => planRefund({ ...base, items: [{ orderItemId: 'a', quantity }] })).toThrow(
        'The request is invalid',
      );
    expect(() => planRefund({ ...base, items: [{ orderItemId: 'a', quantity: 3 }] })).toThrow(
      'More units of an item than are left to refund',
    );
  });

  it('never lets refunds pass the paid total', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        (total, asks) => {
          let refunded = 0;
          for (const ask of asks) {
            try {
              refunded += planRefund({
                total,
                refundedAmount: refunded,
                lines: [],
                inFlight: [],
                amount: ask,
              }).amount;
            } catch {
              // Refused: more than is left, or nothing left.
            }
          }
          expect(refunded).toBeLessThanOrEqual(total);
        },
      ),
    );
  });
});
