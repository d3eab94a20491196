import { describe, expect, it } from 'vitest';
import { train } from './index.js';
import { interactionsOf, linksOf } from './test-graphs.js';

// Users 3..9 all have the best sellers 0, 1, 2; user 0 has only item 3, which nobody else has;
// user 0 follows users 1 and 2, who have items 4 and 5 (and nobody else does).
function socialShop() {
  const pairs: [number, number][] = [
    [0, 3],
    [1, 4],
    [2, 5],
    [2, 4],
  ];
  for (let u = 3; u < 10; u++) pairs.push([u, 0], [u, 1], [u, 2]);
  return {
    interactions: interactionsOf(10, 8, pairs),
    social: linksOf([
      [0, 1],
      [0, 2],
      [5, 6],
    ]),
  };
}

describe('train', () => {
  it('ranks the items of the people a user follows first, the one more of them have ahead', () => {
    const { interactions, social } = socialShop();
    const model = train(interactions, social, { seed: 1 });
    const top = model.recommend(0, 3, (item) => item === 3).map((s) => s.item);
    expect(top.slice(0, 2)).toEqual([4, 5]);
    expect([0, 1, 2]).toContain(top[2]);
  });

  it('falls back to the best sellers for a user with no items and no friends', () => {
    const { interactions, social } = socialShop();
    const model = train(interactions, social);
    const top = model.recommend(7, 3).map((s) => s.item);
    expect(top.sort()).toEqual([0, 1, 2]);
    const stranger = train(interactions, linksOf([])).recommend(0, 2, (item) => item === 3);
    expect(stranger).toHaveLength(2);
    for (const { item } of stranger) expect([0, 1, 2]).toContain(item);
  });

  it('recommends what the people who share an item also have, and never what is excluded', () => {
    // Users 0..3 have items 0 and 1; user 4 has item 0 only; items 2..6 are bought by one user each.
    const pairs: [number, number][] = [
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
      [2, 0],
      [2, 1],
      [3, 1],
      [3, 2],
      [4, 0],
      [5, 3],
      [5, 4],
      [5, 5],
      [5, 6],
      [6, 3],
      [6, 4],
      [7, 5],
    ];
    const model = train(interactionsOf(8, 7, pairs), linksOf([]));
    const owned = new Set([0]);
    const top = model.recommend(4, 3, (item) => owned.has(item));
    expect(top[0]!.item).toBe(1);
    expect(top.map((s) => s.item)).not.toContain(0);
    expect(model.similarItems(0, 5).map((s) => s.item)[0]).toBe(1);
    expect(model.similarItems(3, 5).map((s) => s.item)).not.toContain(3);
    expect(model.similarItems(3, 1)).toHaveLength(1);
  });

  it('states its size and returns sorted, bounded lists', () => {
    const { interactions, social } = socialShop();
    const model = train(interactions, social);
    expect(model.stats.memoryBytes).toBeGreaterThan(0);
    expect(model.stats.trainSeconds).toBeGreaterThanOrEqual(0);
    const all = model.recommend(0, 100);
    expect(all).toHaveLength(8);
    for (let r = 1; r < all.length; r++) expect(all[r - 1]!.score).toBeGreaterThanOrEqual(all[r]!.score);
    expect(model.recommend(0, 0)).toEqual([]);
    expect(model.recommend(99, 2)).toHaveLength(2);
  });
});
