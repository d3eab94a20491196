import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { behaviour, policyWarnings } from './rules.js';
import type { Population, Scheme, SimulationInput } from './schemas.js';
import { simulate } from './simulate.js';

const scheme: Scheme = {
  commissionBps: [1000, 500],
  groupBuy: { size: 3, discountBps: 1500 },
  invitationReward: 500,
  coupon: { amountOff: 1000, minSpend: 5000 },
  policyProfile: 'default',
};
const population: Population = {
  kind: 'synthetic',
  people: 5000,
  degree: 'power-law',
  meanDegree: 6,
  seedCustomers: 20,
  shareRate: 3000,
  visitRate: 3000,
  orderRate: 2000,
  repeatRate: 500,
  averageOrderValue: 9900,
  marginBps: 3500,
};
const input: SimulationInput = { scheme, population, weeks: 6, runs: 20, seed: 42 };

describe('simulate', () => {
  it('is reproducible from its seed, and another seed draws differently', () => {
    const a = simulate(input);
    expect(simulate(input)).toEqual(a);
    const b = simulate({ ...input, seed: 43 });
    expect(b.totals.gmv.mean).not.toBe(a.totals.gmv.mean);
    expect(a.totals.newCustomers.mean).toBeGreaterThan(0);
  });

  it('reports every week with a spread that brackets its mean, and margin after payout', () => {
    const result = simulate(input);
    expect(result.weeks).toHaveLength(6);
    for (const week of result.weeks) {
      expect(week.gmv.p10).toBeLessThanOrEqual(week.gmv.p90);
      expect(week.payout.mean).toBeCloseTo(
        week.commissions + week.rewards + week.couponCost + week.groupDiscounts,
        6,
      );
    }
    const sum = result.weeks.reduce((acc, w) => acc + w.marginAfterPayout.mean, 0);
    expect(result.totals.marginAfterPayout.mean).toBeCloseTo(sum, 6);
    expect(result.totals.marginAfterPayout.mean).toBeCloseTo(
      result.totals.grossMargin - result.totals.payout.mean,
      6,
    );
  });

  it('warns when payout passes the share of margin asked for', () => {
    const rich: Scheme = { ...scheme, commissionBps: [3000, 2000], invitationReward: 3000 };
    const warned = simulate({ ...input, scheme: rich, payoutShareLimitBps: 2000 }).warnings;
    expect(warned.map((w) => w.code)).toContain('payout_over_margin_share');
    const lean = simulate({
      ...input,
      scheme: { ...scheme, commissionBps: [100], invitationReward: 0, coupon: null, groupBuy: null },
    });
    expect(lean.warnings).toEqual([]);
  });

  it('warns of chains deeper than the profile allows, its payout cap and forbidden recruitment rewards', () => {
    const deep: Scheme = { ...scheme, commissionBps: [2000, 1000, 500], policyProfile: 'cn-strict' };
    expect(policyWarnings(deep)).toEqual([
      { code: 'levels_beyond_policy', rule: 'maxCommissionLevels', limit: 2, value: 3 },
      { code: 'payout_over_policy_cap', rule: 'payoutCapBps', limit: 3000, value: 3500 },
      { code: 'policy_forbids', rule: 'recruitmentRewards' },
    ]);
    // A trailing zero rate does not make the chain deeper.
    expect(policyWarnings({ ...deep, commissionBps: [1000, 500, 0], invitationReward: 0 })).toEqual([]);
    expect(policyWarnings({ ...deep, policyProfile: 'default' })).toEqual([]);
  });
});

describe('behaviour', () => {
  const rate = fc.integer({ min: 0, max: 10_000 });
  it('incentives never lower sharing or ordering, and probabilities stay within [base, 1]', () => {
    fc.assert(
      fc.property(rate, rate, rate, rate, rate, (share, order, commission, more, discount) => {
        const pop = { ...population, shareRate: share, orderRate: order, visitRate: 10_000 };
        const lo = behaviour(
          { ...scheme, commissionBps: [commission], groupBuy: { size: 2, discountBps: discount } },
          pop,
        );
        const hi = behaviour(
          {
            ...scheme,
            commissionBps: [Math.min(10_000, commission + more)],
            groupBuy: { size: 2, discountBps: discount },
          },
          pop,
        );
        expect(hi.shareProbability).toBeGreaterThanOrEqual(lo.shareProbability);
        expect(lo.shareProbability).toBeGreaterThanOrEqual(share / 10_000 - 1e-12);
        expect(hi.shareProbability).toBeLessThanOrEqual(1);
        expect(lo.conversionProbability).toBeGreaterThanOrEqual(order / 10_000 - 1e-12);
        expect(lo.conversionProbability).toBeLessThanOrEqual(1);
      }),
    );
  });
});
