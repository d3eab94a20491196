import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { decodeFeedCursor, encodeFeedCursor, type FeedCursor, popularityScore } from './rules.js';
import { postTitle } from './share-card.js';

const counts = fc.record({
  likes: fc.nat(10_000),
  comments: fc.nat(10_000),
  purchases: fc.nat(10_000),
  ageHours: fc.double({ min: 0, max: 10_000, noNaN: true }),
});

describe('popularityScore', () => {
  it('is (likes + 2·comments + 5·purchases + 1) / (ageHours + 2)^1.5', () => {
    expect(popularityScore({ likes: 0, comments: 0, purchases: 0, ageHours: 0 })).toBeCloseTo(1 / 2 ** 1.5);
    expect(popularityScore({ likes: 3, comments: 2, purchases: 1, ageHours: 7 })).toBeCloseTo(13 / 27);
  });

  it('rises with every reaction and falls with age', () => {
    fc.assert(
      fc.property(counts, fc.constantFrom('likes', 'comments', 'purchases'), (c, field): void => {
        expect(popularityScore({ ...c, [field]: c[field] + 1 })).toBeGreaterThan(popularityScore(c));
        expect(popularityScore({ ...c, ageHours: c.ageHours + 1 })).toBeLessThan(popularityScore(c));
      }),
    );
  });

  it('weighs a purchase above a comment above a like', () => {
    const base = { likes: 0, comments: 0, purchases: 0, ageHours: 5 };
    const like = popularityScore({ ...base, likes: 1 });
    const comment = popularityScore({ ...base, comments: 1 });
    const purchase = popularityScore({ ...base, purchases: 1 });
    expect(purchase).toBeGreaterThan(comment);
    expect(comment).toBeGreaterThan(like);
  });
});

describe('the feed cursor', () => {
  it('round-trips both parts exactly, the score to the last bit', () => {
    const asOf = fc.date({ min: new Date('2020-01-01'), max: new Date('2100-01-01'), noInvalidDate: true });
    const cursor: fc.Arbitrary<FeedCursor> = fc.oneof(
      fc.record({
        part: fc.constant('following' as const),
        asOf: asOf.map((d) => d.toISOString()),
        at: asOf.map((d) => d.toISOString()),
        id: fc.string({ maxLength: 30 }).filter((s) => !s.includes('\u0000')),
      }),
      fc.record({
        part: fc.constant('popular' as const),
        asOf: asOf.map((d) => d.toISOString()),
        // JSON has no negative zero: scores are never below zero, and -0 is written as 0.
        score: fc.double({ min: 0, max: 1e300, noNaN: true }).map((x) => x + 0),
        id: fc.string({ maxLength: 30 }).filter((s) => !s.includes('\u0000')),
      }),
    );
    fc.assert(
      fc.property(cursor, (c) => {
        expect(decodeFeedCursor(encodeFeedCursor(c))).toEqual(c);
      }),
    );
  });

  it('refuses what it did not issue', () => {
    const forged = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');
    for (const bad of [
      'junk',
      forged(['x', '2026-01-01T00:00:00.000Z', 1, 'id']),
      forged(['p', '2026-01-01T00:00:00.000Z', -1, 'id']),
      forged(['f', 'not a time', '2026-01-01T00:00:00.000Z', 'id']),
      forged(['p', '2026-01-01T00:00:00.000Z', 1]),
    ])
      expect(() => decodeFeedCursor(bad)).toThrow(AppError);
    expect(decodeFeedCursor(undefined)).toBeUndefined();
  });
});

describe('postTitle', () => {
  it('takes the first line, cut on a character', () => {
    expect(postTitle('  Spring tea\nsecond line')).toBe('Spring tea');
    const long = '🍵'.repeat(80);
    expect(Array.from(postTitle(long))).toHaveLength(60);
    expect(postTitle(long).endsWith('…')).toBe(true);
  });
});
