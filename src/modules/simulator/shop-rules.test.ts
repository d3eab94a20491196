import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SHOP_RATES,
  measuredRates,
  type ShopActivity,
  valuesOf,
  withOverrides,
} from './shop-rules.js';

const none: ShopActivity = {
  buyers: 0,
  buyersWhoShared: 0,
  sharerIds: [],
  visitors: 0,
  visitorsWhoOrdered: 0,
  repeatOrders: 0,
  customerWeeks: 0,
  paidOrders: 0,
  gmv: 0,
};

describe('measuredRates', () => {
  it('falls back to the stated defaults when there is nothing to divide by', () => {
    const rates = measuredRates(none, 0);
    expect(valuesOf(rates)).toEqual(DEFAULT_SHOP_RATES);
    for (const r of Object.values(rates)) expect(r.source).toBe('default');
  });

  it('divides what was counted, in basis points, capped at 100 %', () => {
    const rates = measuredRates(
      {
        ...none,
        buyers: 4,
        buyersWhoShared: 1,
        visitors: 9,
        visitorsWhoOrdered: 3,
        repeatOrders: 2,
        customerWeeks: 8,
        paidOrders: 3,
        gmv: 10_000,
      },
      3,
    );
    expect(valuesOf(rates)).toEqual({
      shareRate: 2500,
      visitRate: 10_000,
      orderRate: 3333,
      repeatRate: 2500,
      averageOrderValue: 3333,
      marginBps: DEFAULT_SHOP_RATES.marginBps,
    });
    expect(rates.visitRate.source).toBe('measured');
  });

  it('lets the operator override any of them', () => {
    const rates = withOverrides(measuredRates(none, 0), { kind: 'shop', visitRate: 123, marginBps: 4500 });
    expect(rates.visitRate).toEqual({ value: 123, source: 'override' });
    expect(rates.marginBps).toEqual({ value: 4500, source: 'override' });
    expect(rates.shareRate.source).toBe('default');
  });
});
