import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { afterSaleMachine, amountOf, checkRequestable, chooseUnits, unitShares } from './rules.js';

const lines = fc.array(
  fc.record({ unitPrice: fc.integer({ min: 0, max: 1_000_000 }), quantity: fc.integer({ min: 1, max: 12 }) }),
  { minLength: 1, maxLength: 6 },
);

describe('unitShares', () => {
  it('splits the paid total over every unit: the shares sum to it exactly, each within 1 of its exact share', () => {
    fc.assert(
      fc.property(lines, fc.integer({ min: 0, max: 10 }), (ls, discountPercent) => {
        const subtotal = ls.reduce((s, l) => s + l.unitPrice * l.quantity, 0);
        const total = Math.floor((subtotal * (100 - discountPercent)) / 100);
        const shares = unitShares(total, ls);
        expect(shares.map((s) => s.length)).toEqual(ls.map((l) => l.quantity));
        expect(shares.flat().reduce((a, b) => a + b, 0)).toBe(total);
        if (subtotal === 0) return;
        ls.forEach((l, i) => {
          for (const share of shares[i] ?? []) {
            const exact = (total * l.unitPrice) / subtotal;
            expect(Math.abs(share - exact)).toBeLessThan(1);
          }
        });
      }),
    );
  });

  it('makes requests that cover every unit, in any split, add up to the paid total', () => {
    fc.assert(
      fc.property(
        lines,
        fc.integer({ min: 0, max: 2 ** 40 }),
        fc.integer({ min: 1, max: 5 }),
        (ls, total, parts) => {
          const shares = unitShares(total, ls);
          // Deal the units round-robin into `parts` requests: each request is the sum of its units.
          const amounts = Array.from({ length: parts }, () => 0);
          let k = 0;
          ls.forEach((l, i) => {
            for (let u = 0; u < l.quantity; u++) amounts[k++ % parts]! += amountOf(shares[i] ?? [], [u]);
          });
          expect(amounts.reduce((a, b) => a + b, 0)).toBe(total);
        },
      ),
    );
  });

  it('gives the unit of a 3 × 3,333 + 1,000 order of 10,999 its price', () => {
    expect(
      unitShares(10_999, [
        { unitPrice: 3333, quantity: 3 },
        { unitPrice: 1000, quantity: 1 },
      ]),
    ).toEqual([[3333, 3333, 3333], [1000]]);
    // 100 off 3 × 100: 200 over three units, the first unit takes the remainder.
    expect(unitShares(200, [{ unitPrice: 100, quantity: 3 }])).toEqual([[67, 67, 66]]);
  });
});

describe('chooseUnits', () => {
  const line = (refunded: number[] = [], open: number[] = []) => ({
    orderItemId: 'a',
    quantity: 4,
    refunded: new Set(refunded),
    open: new Set(open),
  });

  it('takes the lowest free units, every unit left without items', () => {
    expect(chooseUnits([line([0], [1])], [{ orderItemId: 'a', quantity: 2 }])).toEqual([
      { orderItemId: 'a', quantity: 2, units: [2, 3] },
    ]);
    expect(chooseUnits([line([0, 2])], undefined)).toEqual([
      { orderItemId: 'a', quantity: 2, units: [1, 3] },
    ]);
  });

  it('refuses overlaps with open requests, more than is left, unknown and repeated items', () => {
    const refusal = (reason: string, params?: object) =>
      expect.objectContaining({ reason, ...(params ? { params } : {}) });
    expect(() => chooseUnits([line([], [0])], undefined)).toThrow(
      refusal('after_sale_already_requested', { orderItemId: 'a', quantity: 4, free: 3 }),
    );
    expect(() => chooseUnits([line([0], [1, 2])], [{ orderItemId: 'a', quantity: 2 }])).toThrow(
      refusal('after_sale_already_requested', { orderItemId: 'a', quantity: 2, free: 1 }),
    );
    expect(() => chooseUnits([line([0, 1])], [{ orderItemId: 'a', quantity: 3 }])).toThrow(
      refusal('after_sale_quantity_above_refundable', { orderItemId: 'a', quantity: 3, remaining: 2 }),
    );
    expect(() => chooseUnits([line([0, 1, 2, 3])], undefined)).toThrow(refusal('after_sale_nothing_left'));
    expect(() => chooseUnits([line()], [{ orderItemId: 'b', quantity: 1 }])).toThrow(
      expect.objectContaining({
        code: 'invalid_input',
        errors: [expect.objectContaining({ rule: 'orderItem' })],
      }),
    );
    expect(() =>
      chooseUnits(
        [line()],
        [
          { orderItemId: 'a', quantity: 1 },
          { orderItemId: 'a', quantity: 1 },
        ],
      ),
    ).toThrow(expect.objectContaining({ errors: [expect.objectContaining({ rule: 'uniqueItems' })] }));
  });
});

describe('checkRequestable', () => {
  const now = new Date('2026-06-10T00:00:00Z');
  const open = { completedAt: null, returnWindowDays: 7, now };
  it.each([
    ['paid', 'refund', null],
    ['paid', 'return', 'after_sale_not_shipped'],
    ['shipped', 'return', null],
    ['shipped', 'refund', 'after_sale_already_shipped'],
    ['completed', 'return', null],
    ['completed', 'refund', 'after_sale_already_shipped'],
    ['pending_payment', 'refund', 'after_sale_order_not_eligible'],
    ['cancelled', 'return', 'after_sale_order_not_eligible'],
    ['refunded', 'refund', 'after_sale_order_not_eligible'],
  ] as const)('a %s order and a %s request: %s', (status, type, refusal) => {
    const run = () => checkRequestable(status, type, open);
    if (refusal === null) expect(run).not.toThrow();
    else expect(run).toThrow(expect.objectContaining({ reason: refusal }));
  });

  it('closes returns when the return window after completion has passed', () => {
    const day = 86_400_000;
    const window = (completedDaysAgo: number) => ({
      completedAt: new Date(now.getTime() - completedDaysAgo * day),
      returnWindowDays: 7,
      now,
    });
    expect(() => checkRequestable('completed', 'return', window(7))).not.toThrow();
    expect(() => checkRequestable('completed', 'return', window(7.01))).toThrow(
      expect.objectContaining({
        code: 'business_rule',
        reason: 'after_sale_window_closed',
        params: { returnWindowDays: 7 },
      }),
    );
  });
});

describe('the after-sales state machine', () => {
  it('decides a request once: requested moves to one of the three decisions, which are final', () => {
    expect(afterSaleMachine.transitions).toEqual({
      requested: ['refunded', 'rejected', 'closed'],
      refunded: [],
      rejected: [],
      closed: [],
    });
    for (const from of afterSaleMachine.states) {
      for (const to of afterSaleMachine.states) {
        if (afterSaleMachine.canTransition(from, to))
          expect(() => afterSaleMachine.assertTransition(from, to)).not.toThrow();
        else
          expect(() => afterSaleMachine.assertTransition(from, to)).toThrow(
            expect.objectContaining({
              code: 'conflict',
              reason: 'invalid_transition',
              params: expect.objectContaining({ from, to }),
            }),
          );
      }
    }
    expect(afterSaleMachine.fromStates('closed')).toEqual(['requested']);
  });
});
