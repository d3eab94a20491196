import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { days } from '../../platform/clock.js';
import { followUpAvailableAt, isReviewable, linesToReview, summarize } from './rules.js';

describe('linesToReview', () => {
  const lines = (...ids: string[]) => ids.map((id) => ({ id, refundedInFull: id.endsWith('!') }));
  it('covers every line not yet reviewed, or the one named', () => {
    expect(linesToReview(lines('a', 'b', 'c'), new Set(['b']))).toEqual({ lines: ['a', 'c'] });
    expect(linesToReview(lines('a', 'b'), new Set(), 'b')).toEqual({ lines: ['b'] });
  });
  it('refuses a line of another order, and a review with nothing left', () => {
    expect(linesToReview(lines('a'), new Set(), 'z')).toEqual({ refusal: 'unknown_line' });
    expect(linesToReview(lines('a', 'b'), new Set(['a', 'b']))).toEqual({
      refusal: 'nothing_left',
      reviewed: 2,
    });
    expect(linesToReview(lines('a', 'b'), new Set(['a']), 'a')).toEqual({
      refusal: 'nothing_left',
      reviewed: 1,
    });
  });
  it('leaves out lines refunded in full; naming one is refused; only refunded ones left is nothing left', () => {
    expect(linesToReview(lines('a', 'b!', 'c'), new Set())).toEqual({ lines: ['a', 'c'] });
    expect(linesToReview(lines('a', 'b!'), new Set(), 'b!')).toEqual({ refusal: 'line_refunded' });
    expect(linesToReview(lines('a', 'b!'), new Set(['a']))).toEqual({ refusal: 'nothing_left', reviewed: 1 });
    expect(linesToReview(lines('b!'), new Set())).toEqual({ refusal: 'nothing_left', reviewed: 0 });
  });
});

describe('review rules', () => {
  it('reviews paid, shipped and completed orders only', () => {
    expect(['paid', 'shipped', 'completed'].every((s) => isReviewable(s as never))).toBe(true);
    expect(['pending_payment', 'cancelled', 'refunded'].some((s) => isReviewable(s as never))).toBe(false);
  });
  it('opens the follow-up 30 days after the review', () => {
    const at = new Date('2026-01-31T10:00:00Z');
    expect(followUpAvailableAt(at).getTime() - at.getTime()).toBe(days(30));
  });
});

describe('summarize', () => {
  it('is empty without reviews', () => {
    expect(summarize(new Map())).toEqual({
      count: 0,
      average: null,
      histogram: [1, 2, 3, 4, 5].map((rating) => ({ rating, count: 0 })),
    });
  });
  it('rounds the mean half up to two decimals', () => {
    // 4, 5, 5, 4, 5, 5, 5, 4 → 37 / 8 = 4.625
    expect(
      summarize(
        new Map([
          [4, 3],
          [5, 5],
        ]),
      ).average,
    ).toBe(4.63);
  });
  it('law: the histogram sums to the count and the average is the mean within rounding, between 1 and 5', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 500 }), (ratings) => {
        const counts = new Map<number, number>();
        for (const r of ratings) counts.set(r, (counts.get(r) ?? 0) + 1);
        const s = summarize(counts);
        expect(s.count).toBe(ratings.length);
        expect(s.histogram.reduce((n, h) => n + h.count, 0)).toBe(ratings.length);
        const mean = ratings.reduce((a, b) => a + b, 0) / ratings.length;
        expect(Math.abs((s.average as number) - mean)).toBeLessThanOrEqual(0.005 + 1e-9);
        expect(s.average).toBeGreaterThanOrEqual(1);
        expect(s.average).toBeLessThanOrEqual(5);
      }),
    );
  });
});
