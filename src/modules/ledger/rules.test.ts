import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertBalanced, reversal, transfer, UnbalancedPostingError } from './rules.js';

describe('assertBalanced', () => {
  it('accepts a transfer and its reversal', () => {
    const lines = transfer('platform:sales', 'provider:sandbox', 12900);
    expect(() => assertBalanced(lines)).not.toThrow();
    expect(() => assertBalanced(reversal(lines))).not.toThrow();
  });

  it.each([
    ['one line', [{ account: 'a', amount: 0 }]],
    [
      'an unbalanced set',
      [
        { account: 'a', amount: 5 },
        { account: 'b', amount: -4 },
      ],
    ],
    [
      'a zero line',
      [
        { account: 'a', amount: 0 },
        { account: 'b', amount: 0 },
      ],
    ],
    [
      'a fraction',
      [
        { account: 'a', amount: 0.5 },
        { account: 'b', amount: -0.5 },
      ],
    ],
  ])('refuses %s', (_name, lines) => {
    expect(() => assertBalanced(lines)).toThrow(UnbalancedPostingError);
  });

  it('balances any chain of transfers, and a reversal cancels it exactly', () => {
    const accountsArb = fc.constantFrom('a', 'b', 'c', 'd');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(accountsArb, accountsArb, fc.integer({ min: 1, max: 1e9 })), { minLength: 1 }),
        (moves) => {
          const lines = moves.flatMap(([from, to, amount]) => transfer(from, to, amount));
          assertBalanced(lines);
          const net = new Map<string, number>();
          for (const l of [...lines, ...reversal(lines)])
            net.set(l.account, (net.get(l.account) ?? 0) + l.amount);
          expect([...net.values()].every((v) => v === 0)).toBe(true);
        },
      ),
    );
  });
});
