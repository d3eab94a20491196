import { describe, expect, it } from 'vitest';
import { days } from '../../platform/clock.js';
import { banEnd, isBanActive, reasonCounts } from './rules.js';

describe('bans', () => {
  const start = new Date('2026-03-01T08:00:00Z');
  it('end after their days, or never without them', () => {
    expect(banEnd(start, 7)?.getTime()).toBe(start.getTime() + days(7));
    expect(banEnd(start, undefined)).toBeNull();
  });
  it('hold from their start until their end, unless lifted', () => {
    const ban = { startsAt: start, endsAt: banEnd(start, 1), liftedAt: null };
    expect(isBanActive(ban, new Date(start.getTime() - 1))).toBe(false);
    expect(isBanActive(ban, start)).toBe(true);
    expect(isBanActive(ban, new Date(start.getTime() + days(1) - 1))).toBe(true);
    expect(isBanActive(ban, new Date(start.getTime() + days(1)))).toBe(false);
    expect(isBanActive({ ...ban, endsAt: null }, new Date('2099-01-01'))).toBe(true);
    expect(isBanActive({ ...ban, liftedAt: start }, start)).toBe(false);
  });
});

describe('reasonCounts', () => {
  it('counts each reason, the most frequent first, ties in the set’s order', () => {
    expect(reasonCounts(['fake', 'spam', 'abuse', 'fake', 'abuse'])).toEqual([
      { reason: 'abuse', count: 2 },
      { reason: 'fake', count: 2 },
      { reason: 'spam', count: 1 },
    ]);
    expect(reasonCounts([])).toEqual([]);
  });
});
