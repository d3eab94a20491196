import { describe, expect, it } from 'vitest';
import {
  channelRetention,
  cohortTable,
  measuredWeeks,
  mondayOf,
  OUTLIER_MIN_ORDERS,
  payback,
  refundsUnusually,
} from './insight-rules.js';

const at = (iso: string) => new Date(iso);

describe('cohort weeks', () => {
  it('a cohort’s week k counts once it is over', () => {
    const monday = at('2026-05-04T00:00:00Z');
    expect(measuredWeeks(monday, at('2026-05-17T23:59:59Z'))).toBe(0); // week 1 ends 05-18
    expect(measuredWeeks(monday, at('2026-05-18T00:00:00Z'))).toBe(1);
    expect(measuredWeeks(monday, at('2026-05-24T12:00:00Z'))).toBe(1);
    expect(measuredWeeks(monday, at('2027-05-04T00:00:00Z'))).toBe(12); // followed 12 weeks at most
  });

  it('names a week by its Monday, whatever the hour', () => {
    expect(mondayOf(at('2026-05-10T23:30:00Z')).toISOString()).toBe('2026-05-04T00:00:00.000Z');
    expect(mondayOf(at('2026-05-04T00:00:00Z')).toISOString()).toBe('2026-05-04T00:00:00.000Z');
  });

  it('leaves out young cohorts, and weights each week by the cohorts old enough to have it', () => {
    const end = at('2026-05-25T00:00:00Z');
    const { cohorts, tooYoung } = cohortTable(
      [
        {
          week: '2026-05-04',
          channel: 'share',
          size: 10,
          repurchased: 4,
          active: new Map([
            [1, 5],
            [2, 2],
          ]),
        },
        { week: '2026-05-11', channel: 'share', size: 30, repurchased: 3, active: new Map([[1, 3]]) },
        { week: '2026-05-18', channel: 'share', size: 7, repurchased: 0, active: new Map() },
      ],
      end,
    );
    expect(tooYoung).toBe(7);
    expect(cohorts.map((c) => c.retention.length)).toEqual([2, 1]);
    const [share] = channelRetention(cohorts, ['share', 'direct']);
    // Week 1 over both cohorts (8 of 40), week 2 over the older alone (2 of 10).
    expect(share?.retention).toEqual([
      { week: 1, measured: 40, active: 8, rate: 0.2 },
      { week: 2, measured: 10, active: 2, rate: 0.2 },
    ]);
    expect(share?.repurchaseRate).toBe(0.175);
  });
});

describe('refund outliers', () => {
  it('need enough orders, twice the shop’s rate and a clear gap above it', () => {
    const shop = 0.05;
    expect(refundsUnusually({ orders: OUTLIER_MIN_ORDERS - 1, refundedOrders: 4 }, shop)).toBe(false);
    expect(refundsUnusually({ orders: 10, refundedOrders: 2 }, shop)).toBe(true); // 20%: 4× and 15 points above
    expect(refundsUnusually({ orders: 100, refundedOrders: 14 }, shop)).toBe(false); // 14%: under 10 points above
    // A shop refunding 30%: 50% is not twice as much.
    expect(refundsUnusually({ orders: 10, refundedOrders: 5 }, 0.3)).toBe(false);
    // At a shop that refunds nothing, the gap alone decides: 10% is just enough, 9% is not.
    expect(refundsUnusually({ orders: 10, refundedOrders: 1 }, 0)).toBe(true);
    expect(refundsUnusually({ orders: 100, refundedOrders: 9 }, 0)).toBe(false);
  });

  it('payback is net sales per unit of commission', () => {
    const p = payback(
      {
        promoterId: 'p',
        customers: 2,
        orders: 4,
        sales: 10_000,
        refunded: 2_000,
        refundedOrders: 1,
        commission: 800,
      },
      0.1,
    );
    expect(p).toMatchObject({
      netSales: 8000,
      payback: 10,
      commissionShare: 0.1,
      refundRate: 0.25,
      refundsUnusually: false,
    });
    expect(payback({ ...p, commission: 0 }, 0).payback).toBe(0);
  });
});
