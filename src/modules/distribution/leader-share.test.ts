import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CommissionShare, withLeaderShare } from './rules.js';

const chain: CommissionShare[] = [
  { level: 1, promoterId: 'sharer', rateBps: 1000, amount: 390 },
  { level: 2, promoterId: 'inviter', rateBps: 500, amount: 195 },
];
const leaderShare = (over: Partial<Parameters<typeof withLeaderShare>[1]> = {}, shares = chain) =>
  withLeaderShare(shares, {
    leaderId: 'leader',
    buyerId: 'buyer',
    paidAmount: 3900,
    lines: [{ lineTotal: 3900, overrideBps: null }],
    leaderRateBps: 500,
    ...over,
  });

describe('withLeaderShare', () => {
  it('adds the leader’s row beside the chain, outside its cap', () => {
    expect(leaderShare()).toEqual([
      ...chain,
      { level: 1, role: 'leader', promoterId: 'leader', rateBps: 500, amount: 195 },
    ]);
  });

  it('prorates the paid amount over the lines, each at its own rate, rounding each line down', () => {
    const lines = [
      { lineTotal: 3333, overrideBps: null, leaderOverrideBps: 1000 },
      { lineTotal: 6667, overrideBps: null },
    ];
    // The order paid 9000 of its 10000: lines get 3000 and 6000; floor(300) + floor(6000 × 3.33%).
    const [leader] = leaderShare({ paidAmount: 9000, lines, leaderRateBps: 333 }, []);
    expect(leader?.amount).toBe(300 + 199);
  });

  it('pays nothing without a leader, on the leader’s own order, or at rate 0', () => {
    expect(leaderShare({ leaderId: null })).toEqual(chain);
    expect(leaderShare({ buyerId: 'leader' })).toEqual(chain);
    expect(leaderShare({ leaderRateBps: 0 })).toEqual(chain);
    expect(leaderShare({ paidAmount: 0 })).toEqual(chain);
  });

  it('a leader in the chain keeps the larger of the two, the leader’s on a tie; nobody moves up', () => {
    const asSharer = chain.map((s) => (s.level === 1 ? { ...s, promoterId: 'leader' } : s));
    expect(leaderShare({}, asSharer)).toEqual(asSharer);
    expect(leaderShare({ leaderRateBps: 1000 }, asSharer)).toEqual([
      chain[1],
      { level: 1, role: 'leader', promoterId: 'leader', rateBps: 1000, amount: 390 },
    ]);
  });

  it('law: a leader earns at most one row, and everyone else’s rows are untouched', () => {
    const person = fc.constantFrom('leader', 'a', 'b', 'buyer');
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            level: fc.integer({ min: 1, max: 3 }),
            promoterId: person,
            rateBps: fc.integer({ min: 0, max: 10_000 }),
            amount: fc.integer({ min: 1, max: 100_000 }),
          }),
          { maxLength: 3 },
        ),
        fc.array(fc.integer({ min: 1, max: 100_000 }), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 0, max: 10_000 }),
        person,
        (shares, totals, leaderRateBps, buyerId) => {
          const lines = totals.map((lineTotal) => ({ lineTotal, overrideBps: null }));
          const paidAmount = totals.reduce((a, b) => a + b, 0);
          const result = withLeaderShare(shares, {
            leaderId: 'leader',
            buyerId,
            paidAmount,
            lines,
            leaderRateBps,
          });
          const leaders = result.filter((s) => s.promoterId === 'leader');
          const others = (list: readonly CommissionShare[]) => list.filter((s) => s.promoterId !== 'leader');
          expect(others(result)).toEqual(others(shares));
          const chainAmount = shares
            .filter((s) => s.promoterId === 'leader')
            .reduce((a, s) => a + s.amount, 0);
          const earned = leaders.reduce((a, s) => a + s.amount, 0);
          // The leader ends with the larger of the two ways of earning, never their sum.
          if (leaders.some((s) => s.role === 'leader')) {
            expect(leaders).toHaveLength(1);
            expect(earned).toBeGreaterThanOrEqual(chainAmount);
            expect(earned).toBeLessThanOrEqual(Math.floor((paidAmount * leaderRateBps) / 10_000));
          } else expect(earned).toBe(chainAmount);
        },
      ),
    );
  });
});
