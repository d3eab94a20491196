import { describe, expect, it } from 'vitest';
import { type CascadeParams, figureOf, type Metric, runCascade } from './cascade.js';
import { chainGraph, fromEdges, treeGraph } from './graph.js';
import { orderBook } from './rules.js';
import type { Population, Scheme } from './schemas.js';

const scheme: Scheme = {
  commissionBps: [1000, 500, 200],
  groupBuy: { size: 2, discountBps: 1000 },
  invitationReward: 300,
  coupon: { amountOff: 1000, minSpend: 5000 },
  policyProfile: 'default',
};
const population: Population = {
  kind: 'synthetic',
  people: 100,
  degree: 'poisson',
  meanDegree: 4,
  seedCustomers: 1,
  shareRate: 0,
  visitRate: 10_000,
  orderRate: 0,
  repeatRate: 0,
  averageOrderValue: 10_000,
  marginBps: 4000,
};

function meanOf(outcome: ReturnType<typeof runCascade>, week: number, metric: Metric) {
  let sum = 0;
  for (let run = 0; run < outcome.runs; run++) sum += figureOf(outcome, run, week, metric);
  return sum / outcome.runs;
}

/** Five standard errors of a mean of `runs` draws with this variance: fails about once in 3 million. */
const tolerance = (variance: number, runs: number) => 5 * Math.sqrt(variance / runs) + 1e-9;

const base = (over: Partial<CascadeParams>): CascadeParams => ({
  graph: chainGraph(10),
  shareProbability: 1,
  conversionProbability: 1,
  repeatProbability: 0,
  groupSize: 0,
  book: orderBook(scheme, population),
  weeks: 3,
  runs: 1,
  seed: 1,
  seedCustomers: 1,
  seedPeople: Int32Array.of(0),
  ...over,
});

describe('the order book', () => {
  it('prices a first order with coupon and group discount, commission by depth, by hand', () => {
    const book = orderBook(scheme, population);
    // 100.00 list − 10.00 coupon − 10.00 group = 80.00 paid; 10 % / 5 % / 2 % of 80.00.
    expect(book.firstInGroup).toMatchObject({ paid: 8000, coupon: 1000, groupDiscount: 1000, reward: 300 });
    expect(book.firstInGroup.commissionByDepth).toEqual([0, 800, 1200, 1360]);
    expect(book.firstAlone).toMatchObject({ paid: 9000, groupDiscount: 0 });
    expect(book.firstAlone.commissionByDepth).toEqual([0, 900, 1350, 1530]);
    expect(book.repeat).toMatchObject({ paid: 10_000, coupon: 0, reward: 0, grossMargin: 4000 });
    expect(book.repeat.commissionByDepth).toEqual([0, 1000, 1500, 1700]);
  });

  it('gives no coupon below its minimum spend', () => {
    const book = orderBook({ ...scheme, coupon: { amountOff: 1000, minSpend: 20_000 } }, population);
    expect(book.firstAlone.coupon).toBe(0);
  });
});

describe('the cascade against closed forms', () => {
  it('on a chain, week k brings (s·q)^k new customers, each paying down a chain of k referrers', () => {
    const s = 0.8;
    const q = 0.5;
    const runs = 20_000;
    const outcome = runCascade(
      base({
        shareProbability: s,
        conversionProbability: q,
        groupSize: 2,
        weeks: 5,
        runs,
        graph: chainGraph(30),
      }),
    );
    // Each chain customer reaches exactly one new friend, so a group of two always fills:
    // payout per convert at depth k = commission(k) + 3.00 reward + 10.00 coupon + 10.00 group.
    const perConvert = [0, 800 + 2300, 1200 + 2300, 1360 + 2300, 1360 + 2300, 1360 + 2300];
    for (let k = 1; k <= 5; k++) {
      const p = (s * q) ** k;
      expect(Math.abs(meanOf(outcome, k - 1, 'newCustomers') - p)).toBeLessThan(tolerance(p * (1 - p), runs));
      const cost = perConvert[k] as number;
      expect(Math.abs(meanOf(outcome, k - 1, 'payout') - p * cost)).toBeLessThan(
        tolerance(p * (1 - p) * cost * cost, runs),
      );
      expect(Math.abs(meanOf(outcome, k - 1, 'gmv') - p * 8000)).toBeLessThan(
        tolerance(p * (1 - p) * 8000 ** 2, runs),
      );
    }
  });

  it('on a binary tree, a group of three fills only when both children order', () => {
    const s = 0.9;
    const q = 0.6;
    const runs = 20_000;
    const outcome = runCascade(
      base({
        graph: treeGraph(2, 4),
        shareProbability: s,
        conversionProbability: q,
        groupSize: 3,
        weeks: 3,
        runs,
      }),
    );
    // Week k: 2^k people at depth k, each a customer with probability (s·q)^k.
    for (let k = 1; k <= 3; k++) {
      const p = (s * q) ** k;
      const expected = 2 ** k * p;
      expect(Math.abs(meanOf(outcome, k - 1, 'newCustomers') - expected)).toBeLessThan(
        tolerance(2 ** k * (1 - p) * 4, runs),
      );
    }
    // Week 1: the root shares (s) and both children order (q²): two orders with 10.00 off each.
    const groupOrders = s * q * q * 2;
    expect(Math.abs(meanOf(outcome, 0, 'groupDiscounts') - groupOrders * 1000)).toBeLessThan(
      tolerance(4 * 1000 ** 2, runs),
    );
  });

  it('repeat orders: each earlier customer orders again with probability r each week', () => {
    const seeds = Int32Array.from({ length: 50 }, (_, i) => i);
    const runs = 5000;
    const r = 0.3;
    const outcome = runCascade(
      base({
        graph: fromEdges(50, new Int32Array(0), new Int32Array(0)),
        seedPeople: seeds,
        repeatProbability: r,
        runs,
      }),
    );
    for (let week = 0; week < 3; week++) {
      expect(Math.abs(meanOf(outcome, week, 'orders') - 50 * r)).toBeLessThan(
        tolerance(50 * r * (1 - r), runs),
      );
      expect(meanOf(outcome, week, 'commissions')).toBe(0); // seeds have no referrers
      expect(meanOf(outcome, week, 'newCustomers')).toBe(0);
    }
  });

  it('with certain sharing and ordering, the chain is bought one person a week, exactly', () => {
    const outcome = runCascade(base({ weeks: 4, groupSize: 0 }));
    for (let week = 0; week < 4; week++) expect(figureOf(outcome, 0, week, 'newCustomers')).toBe(1);
    // Depth 4 is capped at three levels: the fourth buyer pays 9.00 + 4.50 + 1.80.
    expect(figureOf(outcome, 0, 3, 'commissions')).toBe(1530);
    expect(figureOf(outcome, 0, 3, 'marginAfterPayout')).toBe(4000 - 1530 - 300 - 1000);
  });

  it('stops after the run whose hook says so', () => {
    const seen: number[] = [];
    const outcome = runCascade(base({ runs: 10 }), {
      onRun: (done) => {
        seen.push(done);
        return done < 3;
      },
    });
    expect(seen).toEqual([1, 2, 3]);
    expect(outcome.runs).toBe(3);
  });
});
