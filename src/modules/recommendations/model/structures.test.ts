import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCsr, transpose } from './csr.js';
import { syntheticDataset } from './synthetic.js';
import { scaleOfBest, TopK } from './top-k.js';

describe('TopK', () => {
  it('keeps what sorting everything and taking the first k would, ties to the lower item', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -5, max: 5 }), { maxLength: 60 }),
        fc.integer({ min: 0, max: 70 }),
        (scores, k) => {
          const best = new TopK(k);
          scores.forEach((score, item) => {
            best.offer(item, score);
          });
          const expected = scores
            .map((score, item) => ({ item, score }))
            .sort((a, b) => b.score - a.score || a.item - b.item)
            .slice(0, k);
          expect(best.sorted()).toEqual(expected);
        },
      ),
    );
  });
});

describe('scaleOfBest', () => {
  const scores = Float64Array.of(9, 4, 2, 0, 6);
  const skip = Uint8Array.of(1, 0, 0, 0, 0);

  it('is the mean of the k best unskipped scores when that is above the floor', () => {
    expect(scaleOfBest(2, 0, scores, skip)).toBe(5);
    expect(scaleOfBest(3, 0, scores, skip, Uint32Array.of(1, 2, 3))).toBe(2);
  });

  it('is at least floor times the best score, a skipped (owned) one included', () => {
    expect(scaleOfBest(2, 0.8, scores, skip)).toBeCloseTo(7.2);
    expect(scaleOfBest(2, 1, Float64Array.of(-1, -3), new Uint8Array(2))).toBe(0);
  });
});

describe('buildCsr', () => {
  it('merges a repeated pair into one entry with the weights summed, and transposes back', () => {
    const csr = buildCsr(
      3,
      Uint32Array.of(2, 0, 2, 2),
      Uint32Array.of(1, 4, 1, 0),
      Float32Array.of(1, 2, 3, 5),
    );
    expect([...csr.start]).toEqual([0, 1, 1, 3]);
    expect([...csr.cols]).toEqual([4, 0, 1]);
    expect([...csr.vals]).toEqual([2, 5, 4]);
    const back = transpose(transpose(csr, 5), 3);
    expect(back).toEqual(csr);
  });
});

describe('syntheticDataset', () => {
  it('has the shape asked for, ids in range, and repeats itself for a seed', () => {
    const shape = { users: 50, items: 200, pairs: 1000, links: 120 };
    const { interactions, social } = syntheticDataset(shape, 7);
    expect(interactions.users).toHaveLength(1000);
    expect(social.from).toHaveLength(120);
    expect(Math.max(...interactions.users)).toBeLessThan(50);
    expect(Math.max(...interactions.items)).toBeLessThan(200);
    expect(Math.max(...social.to)).toBeLessThan(50);
    expect([...social.from].every((from, e) => from !== social.to[e])).toBe(true);
    expect(syntheticDataset(shape, 7).interactions.items).toEqual(interactions.items);
  });
});
