import { describe, expect, it } from 'vitest';
import { bps, defaultPopulation, populationOf, schemeA, schemeB, schemeOf, shopPopulationOf } from './draft';

describe('simulation drafts', () => {
  it('turns percentages into basis points and money into minor units', () => {
    expect(bps('12.5')).toBe(1250);
    expect(bps('')).toBe(0);
    expect(schemeOf(schemeB, 2)).toEqual({
      name: 'B',
      commissionBps: [800, 400],
      groupBuy: { size: 3, discountBps: 1500 },
      invitationReward: 0,
      coupon: { amountOff: 1000, minSpend: 5000 },
      policyProfile: 'cn-strict',
    });
    expect(populationOf(defaultPopulation, 2)).toMatchObject({ averageOrderValue: 9900, marginBps: 3500 });
  });

  it('drops trailing blank levels and leaves out an empty group buy or coupon', () => {
    const a = schemeOf(schemeA, 2);
    expect(a.commissionBps).toEqual([1000]);
    expect(a.groupBuy).toBeNull();
    expect(a.coupon).toBeNull();
    expect(a.invitationReward).toBe(500);
  });

  it('sends only the shop rates the operator typed, in basis points and minor units', () => {
    expect(shopPopulationOf(defaultPopulation, 2)).toEqual({ kind: 'shop' });
    const shop = { ...defaultPopulation.shop, orderRate: '4', averageOrderValue: '12.34', margin: ' ' };
    expect(shopPopulationOf({ ...defaultPopulation, shop }, 2)).toEqual({
      kind: 'shop',
      orderRate: 400,
      averageOrderValue: 1234,
    });
  });

  it('passes text that is not a number on as NaN, for the server to refuse by field', () => {
    expect(Number.isNaN(populationOf({ ...defaultPopulation, people: 'many' }, 2).people)).toBe(true);
  });
});
