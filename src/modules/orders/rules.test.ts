import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { computeTotals, mergeLines, ORDER_STATUSES, orderMachine } from './rules.js';

const { canTransition, transitions: TRANSITIONS } = orderMachine;

describe('order state machine', () => {
  it('allows exactly the listed moves', () => {
    const allowed = ORDER_STATUSES.flatMap((from) => TRANSITIONS[from].map((to) => `${from}→${to}`));
    expect(allowed.sort()).toEqual(
      [
        'completed→refunded',
        'paid→completed',
        'paid→refunded',
        'paid→shipped',
        'shipped→completed',
        'shipped→refunded',
        'pending_payment→cancelled',
        'pending_payment→paid',
      ].sort(),
    );
  });

  it('makes refunded and cancelled final', () => {
    for (const to of ORDER_STATUSES) {
      expect(canTransition('refunded', to)).toBe(false);
      expect(canTransition('cancelled', to)).toBe(false);
    }
  });

  it('answers an illegal move with a conflict naming the two states', () => {
    try {
      orderMachine.assertTransition('cancelled', 'paid');
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).status).toBe(409);
      expect((error as AppError).params).toEqual({ machine: 'order', from: 'cancelled', to: 'paid' });
    }
    expect.assertions(3);
  });

  it('names the states every status update may start from', () => {
    expect(orderMachine.states).toEqual(ORDER_STATUSES);
    expect(orderMachine.fromStates('refunded')).toEqual(['paid', 'shipped', 'completed']);
    expect(orderMachine.fromStates('paid')).toEqual(['pending_payment']);
  });
});

const line = fc.record({
  unitPrice: fc.integer({ min: 0, max: 10_000_000 }),
  quantity: fc.integer({ min: 1, max: 99 }),
});

describe('computeTotals', () => {
  it('adds line totals into the subtotal', () => {
    expect(
      computeTotals([
        { unitPrice: 1999, quantity: 3 },
        { unitPrice: 1, quantity: 1 },
      ]),
    ).toEqual({
      lineTotals: [5997, 1],
      subtotal: 5998,
      discount: 0,
      total: 5998,
    });
  });

  it('never yields a negative total, whatever the discount', () => {
    fc.assert(
      fc.property(
        fc.array(line, { maxLength: 20 }),
        fc.integer({ min: -1_000_000, max: 2_000_000_000 }),
        (lines, d) => {
          const totals = computeTotals(lines, d);
          expect(totals.total).toBeGreaterThanOrEqual(0);
          expect(totals.discount).toBeGreaterThanOrEqual(0);
          expect(totals.total + totals.discount).toBe(totals.subtotal);
          expect(Number.isSafeInteger(totals.total)).toBe(true);
        },
      ),
    );
  });
});

describe('mergeLines', () => {
  it('keeps the total quantity of every variant', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ variantId: fc.constantFrom('a', 'b', 'c'), quantity: fc.integer({ min: 1, max: 99 }) }),
        ),
        (lines) => {
          const merged = mergeLines(lines);
          expect(new Set(merged.map((l) => l.variantId)).size).toBe(merged.length);
          for (const id of ['a', 'b', 'c']) {
            const want = lines.filter((l) => l.variantId === id).reduce((s, l) => s + l.quantity, 0);
            expect(merged.find((l) => l.variantId === id)?.quantity ?? 0).toBe(want);
          }
        },
      ),
    );
  });
});
