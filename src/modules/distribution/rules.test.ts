import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyCap, decideBinding, levelOnePromoter, splitCommission } from './rules.js';

const settings = { maxLevels: 3, ratesBps: [1000, 500, 200], capBps: 3000 };

describe('splitCommission', () => {
  it('pays each level its rate of the paid amount, rounded down', () => {
    const shares = splitCommission({
      buyerId: 'buyer',
      paidAmount: 12_345,
      lines: [{ lineTotal: 12_345, overrideBps: null }],
      chain: ['p1', 'p2', 'p3'],
      settings,
    });
    expect(shares).toEqual([
      { level: 1, promoterId: 'p1', rateBps: 1000, amount: 1234 },
      { level: 2, promoterId: 'p2', rateBps: 500, amount: 617 },
      { level: 3, promoterId: 'p3', rateBps: 200, amount: 246 },
    ]);
  });

  it('rounds down exactly, even for amounts where floating point would not', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        fc.integer({ min: 0, max: 10_000 }),
        (paid, rate) => {
          const shares = splitCommission({
            buyerId: 'buyer',
            paidAmount: paid,
            lines: [{ lineTotal: paid, overrideBps: null }],
            chain: ['p1'],
            settings: { maxLevels: 1, ratesBps: [rate], capBps: 10_000 },
          });
          const exact = Number((BigInt(paid) * BigInt(rate)) / 10_000n);
          expect(shares.map((s) => s.amount)).toEqual(exact > 0 ? [exact] : []);
        },
      ),
    );
    const whole = Number.MAX_SAFE_INTEGER;
    const all = splitCommission({
      buyerId: 'buyer',
      paidAmount: whole,
      lines: [{ lineTotal: whole, overrideBps: null }],
      chain: ['p1'],
      settings: { maxLevels: 1, ratesBps: [10_000], capBps: 10_000 },
    });
    expect(all[0]?.amount).toBe(whole);
  });

  it('stops at maxLevels and at the hard cap of 3', () => {
    const chain = ['p1', 'p2', 'p3', 'p4'];
    const base = {
      buyerId: 'b',
      paidAmount: 10_000,
      lines: [{ lineTotal: 10_000, overrideBps: null }],
      chain,
    };
    expect(splitCommission({ ...base, settings: { ...settings, maxLevels: 1 } })).toHaveLength(1);
    expect(
      splitCommission({ ...base, settings: { ...settings, maxLevels: 7, ratesBps: [1, 1, 1, 1] } }),
    ).toHaveLength(3);
  });

  it('pays nothing on a buyer’s own purchase, and skips a level the buyer holds', () => {
    const lines = [{ lineTotal: 10_000, overrideBps: null }];
    expect(
      splitCommission({ buyerId: 'me', paidAmount: 10_000, lines, chain: ['me', 'p2'], settings }),
    ).toEqual([]);
    const shares = splitCommission({
      buyerId: 'me',
      paidAmount: 10_000,
      lines,
      chain: ['p1', 'me', 'p3'],
      settings,
    });
    expect(shares.map((s) => [s.level, s.promoterId])).toEqual([
      [1, 'p1'],
      [3, 'p3'],
    ]);
  });

  it('uses a product’s own rate for level 1 on its lines, after the discount is spread over lines', () => {
    const shares = splitCommission({
      buyerId: 'b',
      paidAmount: 9_000, // 10 000 of goods with 1 000 off
      lines: [
        { lineTotal: 5_000, overrideBps: 2000 },
        { lineTotal: 5_000, overrideBps: null },
      ],
      chain: ['p1', 'p2'],
      settings,
    });
    expect(shares[0]?.amount).toBe(900 + 450); // 20% of 4 500 + 10% of 4 500
    expect(shares[1]?.amount).toBe(225 + 225);
  });

  it('never pays more than the cap, nor anything on a free order', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.array(
          fc.record({
            lineTotal: fc.integer({ min: 0, max: 1_000_000 }),
            overrideBps: fc.option(fc.integer({ min: 0, max: 10_000 })),
          }),
          {
            minLength: 1,
            maxLength: 6,
          },
        ),
        fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 3, maxLength: 3 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 1, max: 3 }),
        (paidAmount, lines, ratesBps, capBps, maxLevels) => {
          const shares = splitCommission({
            buyerId: 'b',
            paidAmount,
            lines,
            chain: ['p1', 'p2', 'p3'],
            settings: { maxLevels, ratesBps, capBps },
          });
          const total = shares.reduce((s, x) => s + x.amount, 0);
          expect(total).toBeLessThanOrEqual(Math.floor((paidAmount * capBps) / 10_000));
          expect(total).toBeLessThanOrEqual(paidAmount);
          expect(shares.every((s) => Number.isSafeInteger(s.amount) && s.amount > 0)).toBe(true);
          expect(shares.length).toBeLessThanOrEqual(maxLevels);
          if (paidAmount === 0) expect(shares).toEqual([]);
        },
      ),
    );
  });
});

describe('applyCap', () => {
  it('cuts the deepest level first', () => {
    const shares = [
      { level: 1, promoterId: 'a', rateBps: 0, amount: 100 },
      { level: 2, promoterId: 'b', rateBps: 0, amount: 50 },
      { level: 3, promoterId: 'c', rateBps: 0, amount: 20 },
    ];
    expect(applyCap(shares, 130).map((s) => s.amount)).toEqual([100, 30, 0]);
    expect(applyCap(shares, 1000).map((s) => s.amount)).toEqual([100, 50, 20]);
  });
});

describe('decideBinding', () => {
  const now = new Date('2026-11-23T00:00:00Z');
  const base = {
    buyerId: 'buyer',
    candidateId: 'p1',
    current: null,
    candidateBoundTo: null,
    buyerHasPaidBefore: false,
    settings: { attribution: 'first_binding' as const, bindingDays: null, newUsersOnly: false },
    now,
  };

  it('binds a new buyer, with an expiry when the operator sets one', () => {
    expect(decideBinding(base)).toEqual({ bind: true, expiresAt: null });
    const days = decideBinding({ ...base, settings: { ...base.settings, bindingDays: 30 } });
    expect(days).toEqual({ bind: true, expiresAt: new Date('2026-12-23T00:00:00Z') });
  });

  it('refuses self-binding and loops', () => {
    expect(decideBinding({ ...base, candidateId: 'buyer' })).toMatchObject({ bind: false, reason: 'self' });
    expect(decideBinding({ ...base, candidateBoundTo: 'buyer' })).toMatchObject({
      bind: false,
      reason: 'loop',
    });
  });

  it('keeps the first binding, or follows the last click, as the operator chose', () => {
    const current = { promoterId: 'p0', boundAt: now, expiresAt: null };
    expect(decideBinding({ ...base, current })).toMatchObject({ bind: false });
    expect(
      decideBinding({ ...base, current, settings: { ...base.settings, attribution: 'last_click' } }),
    ).toMatchObject({
      bind: true,
    });
  });

  it('rebinds once a binding has lapsed, and binds only new users when asked', () => {
    const lapsed = { promoterId: 'p0', boundAt: new Date(0), expiresAt: new Date(1) };
    expect(decideBinding({ ...base, current: lapsed })).toMatchObject({ bind: true });
    const newOnly = { ...base.settings, newUsersOnly: true };
    expect(decideBinding({ ...base, buyerHasPaidBefore: true, settings: newOnly })).toMatchObject({
      bind: false,
    });
  });
});

describe('levelOnePromoter', () => {
  it('prefers the binding with first-binding attribution and the sharer with last-click', () => {
    const input = { viaSharer: 'sharer', boundPromoter: 'bound' };
    expect(levelOnePromoter({ ...input, attribution: 'first_binding' })).toBe('bound');
    expect(levelOnePromoter({ ...input, attribution: 'last_click' })).toBe('sharer');
    expect(levelOnePromoter({ attribution: 'first_binding', viaSharer: 'sharer', boundPromoter: null })).toBe(
      'sharer',
    );
  });
});
