import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONTENT_CREDITS, creditPlan, splitCommission, splitLevelOne, withAuthorSplit } from './rules.js';

describe('creditPlan', () => {
  const plan = (sharer: string | null, author: string | null, contentCredit: 'sharer' | 'author' | 'split') =>
    creditPlan({ buyerId: 'buyer', sharer, author, contentCredit });

  it('credits the author of content bought without a share link, whatever the setting', () => {
    for (const c of CONTENT_CREDITS)
      expect(plan(null, 'author', c)).toEqual({ origin: 'content', splitWith: null });
  });

  it('credits the link as always without content, or when the author shared their own content', () => {
    for (const c of CONTENT_CREDITS) {
      expect(plan('sharer', null, c)).toEqual({ origin: 'link', splitWith: null });
      expect(plan('author', 'author', c)).toEqual({ origin: 'link', splitWith: null });
    }
    expect(plan(null, null, 'split')).toEqual({ origin: null, splitWith: null });
  });

  it('follows the operator when someone else shared the content', () => {
    expect(plan('sharer', 'author', 'sharer')).toEqual({ origin: 'link', splitWith: null });
    expect(plan('sharer', 'author', 'author')).toEqual({ origin: 'content', splitWith: null });
    expect(plan('sharer', 'author', 'split')).toEqual({ origin: 'link', splitWith: 'author' });
  });

  it('never credits the buyer: an author buying through their own post leaves the sharer level 1', () => {
    for (const c of CONTENT_CREDITS)
      expect(plan('sharer', 'buyer', c)).toEqual({ origin: 'link', splitWith: null });
    expect(plan(null, 'buyer', 'author')).toEqual({ origin: null, splitWith: null });
  });
});

describe('splitLevelOne', () => {
  it('gives the author floor(half) and the sharer the rest', () => {
    expect(splitLevelOne(1001)).toEqual({ author: 500, sharer: 501 });
    expect(splitLevelOne(1000)).toEqual({ author: 500, sharer: 500 });
    expect(splitLevelOne(1)).toEqual({ author: 0, sharer: 1 });
    expect(splitLevelOne(0)).toEqual({ author: 0, sharer: 0 });
  });

  it('parts sum to the level-1 amount and are never negative', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (amount) => {
        const { author, sharer } = splitLevelOne(amount);
        expect(author + sharer).toBe(amount);
        expect(author).toBeGreaterThanOrEqual(0);
        expect(sharer).toBeGreaterThanOrEqual(author);
        expect(Number.isSafeInteger(author) && Number.isSafeInteger(sharer)).toBe(true);
      }),
    );
  });
});

describe('withAuthorSplit', () => {
  it('divides level 1 only, keeps the total, and never leaves a row of 0', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_000 }),
        fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 0, max: 10_000 }),
        (paid, ratesBps, capBps) => {
          const shares = splitCommission({
            buyerId: 'buyer',
            paidAmount: paid,
            lines: [{ lineTotal: paid, overrideBps: null }],
            chain: ['sharer', 'p2', 'p3'].slice(0, ratesBps.length),
            settings: { maxLevels: ratesBps.length, ratesBps, capBps },
          });
          const split = withAuthorSplit(shares, 'author');
          const sum = (xs: readonly { amount: number }[]) => xs.reduce((s, x) => s + x.amount, 0);
          expect(sum(split)).toBe(sum(shares));
          expect(split.every((s) => s.amount > 0)).toBe(true);
          expect(split.filter((s) => s.level > 1)).toEqual(shares.filter((s) => s.level > 1));
          const levelOne = shares.find((s) => s.level === 1)?.amount ?? 0;
          const authorRow = split.find((s) => s.role === 'author');
          expect(authorRow?.amount ?? 0).toBe(Math.floor(levelOne / 2));
          if (authorRow) expect(authorRow).toMatchObject({ level: 1, promoterId: 'author' });
        },
      ),
    );
  });
});
