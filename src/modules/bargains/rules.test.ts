import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bargainStatus,
  campaignProblems,
  cutBounds,
  cutSchedule,
  helperSignals,
  NEW_HELPER_MS,
} from './rules.js';

/** Terms a campaign could start with: a span of at least one minor unit per helper, bounds optional. */
const terms = fc
  .record({
    seed: fc.integer(),
    floorPrice: fc.integer({ min: 0, max: 100_000 }),
    helpers: fc.integer({ min: 2, max: 50 }),
    extra: fc.integer({ min: 0, max: 200_000 }),
    minShare: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
    maxShare: fc.option(fc.double({ min: 1, max: 5, noNaN: true }), { nil: undefined }),
  })
  .map(({ seed, floorPrice, helpers, extra, minShare, maxShare }) => {
    const span = helpers + extra;
    const even = span / helpers;
    return {
      seed,
      floorPrice,
      startPrice: floorPrice + span,
      helpers,
      minCut: minShare === undefined ? undefined : Math.max(1, Math.floor(even * minShare)),
      maxCut: maxShare === undefined ? undefined : Math.ceil(even * maxShare),
    };
  });

describe('the cut schedule', () => {
  it('has one cut per helper, each at least 1 and within the bounds, summing to start − floor', () => {
    fc.assert(
      fc.property(terms, (t) => {
        const cuts = cutSchedule(t);
        const { lo, hi } = cutBounds(t);
        expect(cuts).toHaveLength(t.helpers);
        for (const cut of cuts) {
          expect(Number.isInteger(cut)).toBe(true);
          expect(cut).toBeGreaterThanOrEqual(Math.max(1, lo));
          expect(cut).toBeLessThanOrEqual(hi);
        }
        expect(cuts.reduce((a, b) => a + b, 0)).toBe(t.startPrice - t.floorPrice);
      }),
    );
  });

  it('keeps the operator’s bounds when the span allows them', () => {
    fc.assert(
      fc.property(terms, (t) => {
        const { lo, hi } = cutBounds(t);
        if (t.minCut !== undefined) expect(lo).toBe(t.minCut);
        if (t.maxCut !== undefined) expect(hi).toBe(t.maxCut);
      }),
    );
  });

  it('is reproducible from its seed, and front-loaded', () => {
    fc.assert(
      fc.property(terms, (t) => {
        const cuts = cutSchedule(t);
        expect(cutSchedule({ ...t })).toEqual(cuts);
        expect([...cuts].sort((a, b) => b - a)).toEqual(cuts);
      }),
    );
  });

  it('differs between seeds (the cuts are not all even)', () => {
    const base = { startPrice: 10_000, floorPrice: 1_000, helpers: 10 };
    const schedules = new Set([1, 2, 3, 4, 5].map((seed) => cutSchedule({ ...base, seed }).join(',')));
    expect(schedules.size).toBeGreaterThan(1);
    expect(cutSchedule({ ...base, seed: 1 })).not.toEqual(Array(10).fill(900));
  });

  it('cuts a span equal to the helpers by exactly 1 each', () => {
    expect(cutSchedule({ seed: 7, startPrice: 105, floorPrice: 100, helpers: 5 })).toEqual([1, 1, 1, 1, 1]);
  });

  it('refuses a span too small for one minor unit per helper', () => {
    expect(() => cutSchedule({ seed: 7, startPrice: 104, floorPrice: 100, helpers: 5 })).toThrow(RangeError);
  });
});

describe('a bargain’s status', () => {
  const expiresAt = new Date('2026-12-01T12:00:00Z');
  it('is open before the deadline, succeeded at the floor, expired after the deadline', () => {
    const before = new Date('2026-12-01T11:59:59Z');
    expect(bargainStatus({ helps: 2, helpersNeeded: 3, expiresAt }, before)).toBe('open');
    expect(bargainStatus({ helps: 3, helpersNeeded: 3, expiresAt }, before)).toBe('succeeded');
    expect(bargainStatus({ helps: 2, helpersNeeded: 3, expiresAt }, expiresAt)).toBe('expired');
    expect(bargainStatus({ helps: 3, helpersNeeded: 3, expiresAt }, expiresAt)).toBe('succeeded');
  });
});

describe('a campaign’s terms', () => {
  it('needs a floor below the price, reachable in whole cuts within the bounds', () => {
    expect(campaignProblems({ regularPrice: 1000, floorPrice: 1000, helpersNeeded: 3 })).toMatchObject([
      { path: '/floorPrice', rule: 'belowRegularPrice' },
    ]);
    expect(campaignProblems({ regularPrice: 1002, floorPrice: 1000, helpersNeeded: 3 })).toMatchObject([
      { path: '/helpersNeeded', params: { limit: 2 } },
    ]);
    expect(
      campaignProblems({ regularPrice: 1300, floorPrice: 1000, helpersNeeded: 3, minCut: 101 }),
    ).toMatchObject([{ path: '/minCut', params: { limit: 100 } }]);
    expect(
      campaignProblems({ regularPrice: 1300, floorPrice: 1000, helpersNeeded: 3, maxCut: 99 }),
    ).toMatchObject([{ path: '/maxCut', params: { limit: 100 } }]);
    expect(
      campaignProblems({ regularPrice: 1300, floorPrice: 1000, helpersNeeded: 3, minCut: 100, maxCut: 100 }),
    ).toEqual([]);
  });
});

describe('helper signals', () => {
  const seasoned = {
    accountAgeMs: NEW_HELPER_MS * 2,
    hasPaidOrder: true,
    deviceId: 'd-helper',
    starterDeviceId: 'd-starter',
    otherHelperDevices: ['d-other'],
  };
  it('flag a new account that never ordered, or a device shared with the starter or another helper', () => {
    expect(helperSignals(seasoned)).toEqual({ signals: [], flagged: false });
    expect(helperSignals({ ...seasoned, accountAgeMs: 1000 })).toEqual({
      signals: ['new_account'],
      flagged: false,
    });
    expect(helperSignals({ ...seasoned, accountAgeMs: 1000, hasPaidOrder: false })).toEqual({
      signals: ['new_account', 'no_orders'],
      flagged: true,
    });
    expect(helperSignals({ ...seasoned, deviceId: 'd-starter' })).toMatchObject({
      signals: ['starter_device'],
      flagged: true,
    });
    expect(helperSignals({ ...seasoned, deviceId: 'd-other' })).toMatchObject({
      signals: ['helper_device'],
      flagged: true,
    });
    expect(helperSignals({ ...seasoned, deviceId: null, starterDeviceId: null })).toMatchObject({
      flagged: false,
    });
  });
});
