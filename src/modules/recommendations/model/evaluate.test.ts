import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PairColumns } from './dataset.js';
import { evaluate, mostPopular, type Recommend, splitRows } from './evaluate.js';

function pairs(list: [number, number][]): PairColumns {
  return { left: Uint32Array.from(list, (p) => p[0]), right: Uint32Array.from(list, (p) => p[1]) };
}

describe('evaluate', () => {
  it('averages over users with test rows only, ranking without their training items', () => {
    const train = pairs([
      [0, 0],
      [1, 1],
      [2, 2],
    ]);
    // User 0 wants item 1, user 1 wants items 0 and 2, user 2 wants nothing and must not count.
    const test = pairs([
      [0, 1],
      [1, 0],
      [1, 2],
    ]);
    const asked: number[] = [];
    // Always proposes items 0, 1, 2, 3 in that order, minus what the evaluator excludes.
    const recommend: Recommend = (user, k, exclude) => {
      asked.push(user);
      return [0, 1, 2, 3]
        .filter((item) => !exclude?.(item))
        .slice(0, k)
        .map((item) => ({ item, score: -item }));
    };
    const report = evaluate(recommend, train, test, 3);
    expect(asked).toEqual([0, 1]);
    // User 0 gets [1, 2, 3]: one hit at rank 0. User 1 gets [0, 2, 3]: hits at ranks 0 and 1.
    expect(report['P@10']).toBeCloseTo((1 / 10 + 2 / 10) / 2, 12);
    expect(report['R@20']).toBeCloseTo((1 + 1) / 2, 12);
    expect(report['N@10']).toBeCloseTo(1, 12);
    expect(Object.keys(report).sort()).toEqual(['N@10', 'N@20', 'P@10', 'P@20', 'R@10', 'R@20']);
  });
});

describe('mostPopular', () => {
  it('ranks by how many users have an item, a repeated pair counting once, ties to the lower id', () => {
    const train = pairs([
      [0, 2],
      [0, 2],
      [0, 2],
      [1, 1],
      [2, 1],
      [1, 2],
      [0, 3],
      [1, 0],
    ]);
    const popular = mostPopular(train, 5);
    expect(popular(9, 5).map((s) => s.item)).toEqual([1, 2, 0, 3, 4]);
    expect(popular(9, 2, (item) => item === 1).map((s) => s.item)).toEqual([2, 0]);
  });
});

describe('splitRows', () => {
  it('partitions the rows, holds out about the fraction asked, and repeats itself for a seed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        (seed, share) => {
          const rows = pairs(Array.from({ length: 400 }, (_, e) => [e, e * 7] as [number, number]));
          const { fit, held } = splitRows(rows, share, seed);
          const keys = (p: PairColumns) => [...p.left].map((u, e) => `${u}:${p.right[e]}`);
          expect([...keys(fit), ...keys(held)].sort()).toEqual(keys(rows).sort());
          expect(Math.abs(held.left.length / 400 - share)).toBeLessThan(0.15);
          expect(keys(splitRows(rows, share, seed).held)).toEqual(keys(held));
        },
      ),
      { numRuns: 30 },
    );
  });
});
