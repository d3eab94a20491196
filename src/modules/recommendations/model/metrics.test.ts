import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MeanScores, scoreRanking } from './metrics.js';

describe('scoreRanking', () => {
  // Ranked 5, 1, 7, 3 against wanted {1, 3, 9}: hits at 0-based ranks 1 and 3.
  const ranked = [5, 1, 7, 3];
  const wanted = new Set([1, 3, 9]);

  it('scores the top 2 by hand', () => {
    const { precision, recall, ndcg } = scoreRanking(ranked, wanted, 2);
    expect(precision).toBeCloseTo(1 / 2, 12);
    expect(recall).toBeCloseTo(1 / 3, 12);
    // DCG = 1/log2(3); IDCG puts min(2, 3) = 2 hits first: 1 + 1/log2(3).
    expect(ndcg).toBeCloseTo(0.63093 / 1.63093, 5);
  });

  it('scores the top 4 by hand, with the ideal over the 3 wanted items', () => {
    const { precision, recall, ndcg } = scoreRanking(ranked, wanted, 4);
    expect(precision).toBeCloseTo(2 / 4, 12);
    expect(recall).toBeCloseTo(2 / 3, 12);
    // DCG = 1/log2(3) + 1/log2(5) = 1.06161; IDCG = 1 + 1/log2(3) + 1/log2(4) = 2.13093.
    expect(ndcg).toBeCloseTo(1.06161 / 2.13093, 5);
  });

  it('divides precision by K even when the list is shorter', () => {
    expect(scoreRanking([1], new Set([1]), 10)).toEqual({ precision: 0.1, recall: 1, ndcg: 1 });
  });

  it('gives a perfect ranking NDCG 1 and a ranking without hits 0', () => {
    expect(scoreRanking([9, 3, 1], wanted, 3).ndcg).toBeCloseTo(1, 12);
    expect(scoreRanking([4, 5, 6], wanted, 3)).toEqual({ precision: 0, recall: 0, ndcg: 0 });
  });

  it('keeps hits = precision·K = recall·|wanted| and every score within [0, 1]', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 30 }), { maxLength: 25 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 10 }),
        fc.integer({ min: 1, max: 25 }),
        (list, want, k) => {
          const relevant = new Set(want);
          const scores = scoreRanking(list, relevant, k);
          const hits = list.slice(0, k).filter((item) => relevant.has(item)).length;
          expect(scores.precision * k).toBeCloseTo(hits, 9);
          expect(scores.recall * relevant.size).toBeCloseTo(hits, 9);
          for (const value of Object.values(scores)) {
            expect(value).toBeGreaterThanOrEqual(0);
            expect(value).toBeLessThanOrEqual(1 + 1e-12);
          }
        },
      ),
    );
  });
});

describe('MeanScores', () => {
  it('averages over the users added', () => {
    const means = new MeanScores();
    means.add({ precision: 0.5, recall: 1, ndcg: 0.25 });
    means.add({ precision: 0, recall: 0.5, ndcg: 0.75 });
    expect(means.mean()).toEqual({ precision: 0.25, recall: 0.75, ndcg: 0.5 });
    expect(means.count).toBe(2);
  });
});
