import { describe, expect, it } from 'vitest';
import { canBuy, canHelp, cutProgress, shownStatus } from './bargain-state';

describe('bargain state', () => {
  it('measures the cut from the start price to the floor, reaching 100% only at the floor', () => {
    expect(cutProgress({ startPrice: 8900, price: 8900, floorPrice: 5900 })).toEqual({
      cut: 0,
      left: 3000,
      percent: 0,
    });
    expect(cutProgress({ startPrice: 8900, price: 5901, floorPrice: 5900 })).toMatchObject({ percent: 99 });
    expect(cutProgress({ startPrice: 8900, price: 5900, floorPrice: 5900 })).toEqual({
      cut: 3000,
      left: 0,
      percent: 100,
    });
  });

  it('shows an open bargain as expired once its deadline passed on screen', () => {
    expect(shownStatus('open', 1)).toBe('open');
    expect(shownStatus('open', 0)).toBe('expired');
    expect(shownStatus('succeeded', -5)).toBe('succeeded');
  });

  it('lets the starter buy before the deadline with no order of it, and a friend help once', () => {
    expect(canBuy({ mine: true, orderId: null }, 1000)).toBe(true);
    expect(canBuy({ mine: true, orderId: 'o1' }, 1000)).toBe(false);
    expect(canBuy({ mine: true, orderId: null }, 0)).toBe(false);
    expect(canBuy({ mine: false, orderId: null }, 1000)).toBe(false);
    expect(canHelp({ mine: false, helpedByYou: false }, 'open')).toBe(true);
    expect(canHelp({ mine: false, helpedByYou: true }, 'open')).toBe(false);
    expect(canHelp({ mine: true, helpedByYou: false }, 'open')).toBe(false);
    expect(canHelp({ mine: false, helpedByYou: false }, 'succeeded')).toBe(false);
  });
});
