import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDataset } from './dataset.js';
import {
  type Candidate,
  denseIndex,
  friendPairs,
  meanRecall,
  mergeCandidates,
  reasonText,
  sumSignals,
  tallyFriendPurchases,
} from './rules.js';

describe('meanRecall', () => {
  it('averages each test user’s share of held-out items found in their top K (hand-computed)', () => {
    const recommended = new Map([
      [0, [5, 1, 2]],
      [1, [9, 8, 7]],
      [2, [3]],
    ]);
    const heldOut = new Map([
      [0, new Set([1, 4])], // 1 of 2 in the top 3
      [1, new Set([7])], // 1 of 1 in the top 3, 0 in the top 2
      [2, new Set<number>()], // no held-out items: not a test user
      [3, new Set([3])], // nothing recommended: 0
    ]);
    expect(meanRecall(recommended, heldOut, 3)).toBeCloseTo((0.5 + 1 + 0) / 3);
    expect(meanRecall(recommended, heldOut, 2)).toBeCloseTo((0.5 + 0 + 0) / 3);
    expect(meanRecall(new Map(), new Map(), 10)).toBe(0);
  });

  it('lies between 0 and 1 and never falls as K grows', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.array(fc.nat(20), { maxLength: 15 }),
            fc.array(fc.nat(20), { minLength: 1, maxLength: 5 }),
          ),
          {
            maxLength: 10,
          },
        ),
        fc.integer({ min: 1, max: 10 }),
        (users, k) => {
          const recommended = new Map(users.map(([r], u) => [u, [...new Set(r)]]));
          const heldOut = new Map(users.map(([, h], u) => [u, new Set(h)]));
          const at = meanRecall(recommended, heldOut, k);
          expect(at).toBeGreaterThanOrEqual(0);
          expect(at).toBeLessThanOrEqual(1);
          expect(meanRecall(recommended, heldOut, k + 1)).toBeGreaterThanOrEqual(at - 1e-12);
        },
      ),
    );
  });
});

describe('denseIndex', () => {
  it('numbers ids 0..n-1 in first-seen order and maps back', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 4 })), (ids) => {
        const { index, ids: back } = denseIndex(ids);
        expect(back).toEqual([...new Set(ids)]);
        for (const [i, id] of back.entries()) expect(index.get(id)).toBe(i);
      }),
    );
  });
});

describe('mergeCandidates', () => {
  const c = (productId: string): Candidate => ({ productId, reason: { type: 'popular' } });
  it('keeps each allowed product once, in its first place, up to the limit', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), { maxLength: 6 }), { maxLength: 4 }),
        fc.integer({ min: 0, max: 8 }),
        (sources, limit) => {
          const merged = mergeCandidates(
            sources.map((s) => s.map(c)),
            (id) => id !== 'c',
            limit,
          ).map((m) => m.productId);
          const expected = [...new Set(sources.flat())].filter((id) => id !== 'c').slice(0, limit);
          expect(merged).toEqual(expected);
        },
      ),
    );
  });
});

describe('reasonText', () => {
  it('says it in the person’s language, naming a single friend', () => {
    expect(reasonText({ type: 'friends_bought', friends: 1, name: 'Wang Fang' }, 'en')).toBe(
      'Wang Fang bought this',
    );
    expect(reasonText({ type: 'friends_bought', friends: 3, name: 'Wang Fang' }, 'en')).toBe(
      '3 friends bought this',
    );
    expect(reasonText({ type: 'friends_bought', friends: 3, name: 'x' }, 'zh-CN')).toBe('3 位好友买过');
    expect(reasonText({ type: 'popular_in_category', category: 'Tea' }, 'en')).toBe('Popular in Tea');
    expect(reasonText({ type: 'popular_in_category', category: '茶叶' }, 'zh-CN')).toBe('茶叶热卖');
    expect(reasonText({ type: 'because_you_bought', title: 'Longjing' }, 'en')).toBe(
      'Because you bought Longjing',
    );
  });
});

describe('buildDataset', () => {
  it('maps ids densely, excludes bought non-repurchase items, and tests only known people on new items', () => {
    const w = (user_id: string, product_id: string, weight = 1) => ({ user_id, product_id, weight });
    const p = (user_id: string, product_id: string) => ({ user_id, product_id });
    const { input, userIds, productIds } = buildDataset({
      pairs: [w('ann', 'tea', 5), w('ann', 'pot', 5), w('bob', 'tea', 1), w('bob', 'cup', 5)],
      pairsBeforeCutoff: [w('ann', 'tea', 5), w('bob', 'tea', 1)],
      purchases: [p('ann', 'tea'), p('ann', 'pot'), p('bob', 'cup')],
      purchasesBeforeCutoff: [p('ann', 'tea')],
      // Ann bought the pot after the cutoff (a test item); Bob's cup too; Cy is new (not tested).
      heldOut: [p('ann', 'pot'), p('ann', 'tea'), p('bob', 'cup'), p('cy', 'cup')],
      friends: [
        { user_id: 'ann', friend_id: 'bob' },
        { user_id: 'ann', friend_id: 'nobody' },
      ],
      repurchase: new Set(['tea']),
      userSlots: 5,
      itemSlots: 3,
      k: 10,
    });
    expect(userIds).toEqual(['ann', 'bob', 'cy']);
    expect(productIds).toEqual(['tea', 'pot', 'cup']);
    expect(Array.from(input.interactions.weights ?? [])).toEqual([5, 5, 1, 5]);
    expect({ from: Array.from(input.social.from), to: Array.from(input.social.to) }).toEqual({
      from: [0],
      to: [1],
    });
    // Ann never gets the pot back (tea is a repurchase item); Bob never the cup.
    const row = (offsets: Uint32Array, items: Uint32Array, r: number) =>
      Array.from(items.subarray(offsets[r], offsets[r + 1]));
    expect(row(input.excludeOffsets, input.excludeItems, 0)).toEqual([1]);
    expect(row(input.excludeOffsets, input.excludeItems, 1)).toEqual([2]);
    const e = input.evaluation!;
    // Ann's tea was bought before the cutoff too: not a new item; Cy knew nothing before it.
    expect(row(e.testOffsets, e.testItems, 0)).toEqual([1]);
    expect(row(e.testOffsets, e.testItems, 1)).toEqual([2]);
    expect(row(e.testOffsets, e.testItems, 2)).toEqual([]);
  });
});

describe('tallyFriendPurchases', () => {
  it('counts distinct friends per product, most friends first, then the latest, naming the last buyer', () => {
    const at = (day: number) => new Date(Date.UTC(2026, 10, day));
    const rows = [
      { product_id: 'tea', user_id: 'ann', at: at(1) },
      { product_id: 'tea', user_id: 'bob', at: at(3) },
      { product_id: 'pot', user_id: 'ann', at: at(5) },
      { product_id: 'cup', user_id: 'cy', at: at(2) },
      { product_id: 'tea', user_id: 'bob', at: at(2) },
    ];
    expect(tallyFriendPurchases(rows, 10)).toEqual([
      { productId: 'tea', friends: 2, latestFriend: 'bob' },
      { productId: 'pot', friends: 1, latestFriend: 'ann' },
      { productId: 'cup', friends: 1, latestFriend: 'cy' },
    ]);
    expect(tallyFriendPurchases(rows, 1).map((r) => r.productId)).toEqual(['tea']);
    expect(tallyFriendPurchases([], 5)).toEqual([]);
  });
});

describe('sumSignals', () => {
  it('adds up each (person, product)’s weights, in (person, product) order', () => {
    expect(
      sumSignals([
        { userId: 'b', productIds: ['tea', 'pot'], weight: 1 },
        { userId: 'a', productIds: ['tea'], weight: 5 },
        { userId: 'b', productIds: ['tea'], weight: 3 },
      ]),
    ).toEqual([
      { user_id: 'a', product_id: 'tea', weight: 5 },
      { user_id: 'b', product_id: 'pot', weight: 1 },
      { user_id: 'b', product_id: 'tea', weight: 4 },
    ]);
    expect(sumSignals([])).toEqual([]);
  });
});

describe('friendPairs', () => {
  it('links both ways, once each, nobody to themselves, and every two members of a community', () => {
    const { userIds, friendIds } = friendPairs(
      [
        ['a', 'b'],
        ['b', 'a'],
        ['c', 'c'],
      ],
      [
        { communityId: 'x', userId: 'a' },
        { communityId: 'x', userId: 'c' },
        { communityId: 'x', userId: 'd' },
        { communityId: 'y', userId: 'e' },
      ],
    );
    const pairs = userIds.map((u, i) => `${u}>${friendIds[i]}`).sort();
    expect(pairs).toEqual(['a>b', 'a>c', 'a>d', 'b>a', 'c>a', 'c>d', 'd>a', 'd>c']);
  });
});
