import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import {
  averageOrderValue,
  channelOf,
  daysOf,
  MAX_RANGE_DAYS,
  parseDay,
  periodOf,
  ratio,
  weeksOf,
} from './rules.js';

const NOW = new Date('2026-03-15T17:30:00Z');

const fieldError = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    if (error instanceof AppError) return error.errors?.[0];
    throw error;
  }
  throw new Error('not refused');
};

describe('periodOf', () => {
  it('defaults to the 30 days up to today, today included', () => {
    const p = periodOf({}, NOW);
    expect(p).toMatchObject({ from: '2026-02-14', to: '2026-03-15' });
    expect(daysOf(p)).toHaveLength(30);
    expect(p.end.toISOString()).toBe('2026-03-16T00:00:00.000Z');
  });

  it('takes `to` inclusive and `from` 29 days before it when only `to` is given', () => {
    expect(periodOf({ to: '2026-01-31' }, NOW)).toMatchObject({ from: '2026-01-02', to: '2026-01-31' });
  });

  it('refuses dates that do not exist, periods backwards and periods over a year', () => {
    expect(fieldError(() => periodOf({ from: '2026-02-29' }, NOW))).toMatchObject({
      path: '/from',
      rule: 'date',
    });
    expect(fieldError(() => periodOf({ to: '2026-04-31' }, NOW))).toMatchObject({
      path: '/to',
      rule: 'date',
    });
    expect(fieldError(() => periodOf({ from: '2026-03-02', to: '2026-03-01' }, NOW))).toMatchObject({
      path: '/to',
      rule: 'afterFrom',
    });
    expect(fieldError(() => periodOf({ from: '2024-01-01', to: '2025-01-01' }, NOW))).toMatchObject({
      rule: 'maxRange',
    });
    expect(periodOf({ from: '2024-01-01', to: '2024-12-31' }, NOW).from).toBe('2024-01-01');
  });

  it('a period of n days lists n days, each once, for any valid pair', () => {
    const day = fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true });
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: MAX_RANGE_DAYS - 1 }), (start, length) => {
        const from = start.toISOString().slice(0, 10);
        const to = new Date((parseDay(from) as Date).getTime() + length * 86_400_000)
          .toISOString()
          .slice(0, 10);
        const days = daysOf(periodOf({ from, to }, NOW));
        expect(days).toHaveLength(length + 1);
        expect(days[0]).toBe(from);
        expect(days.at(-1)).toBe(to);
        expect(new Set(days).size).toBe(days.length);
      }),
    );
  });
});

describe('channelOf', () => {
  const none = { shareCode: null, storeSlug: null, source: null, inGroup: false, atPickupPoint: false };
  it('names the most specific origin', () => {
    expect(channelOf(none)).toBe('direct');
    expect(channelOf({ ...none, atPickupPoint: true })).toBe('community');
    expect(channelOf({ ...none, atPickupPoint: true, inGroup: true })).toBe('group');
    expect(channelOf({ ...none, inGroup: true, storeSlug: 'tea' })).toBe('store');
    expect(channelOf({ ...none, storeSlug: 'tea', shareCode: 'abcdefghi' })).toBe('share');
    expect(channelOf({ ...none, shareCode: 'abcdefghi', source: { type: 'post' } })).toBe('post');
    expect(channelOf({ ...none, source: { type: 'live' } })).toBe('live');
  });
});

describe('ratios', () => {
  it('are 0 over nothing and rounded to 4 decimals', () => {
    expect(ratio(3, 0)).toBe(0);
    expect(ratio(1, 3)).toBe(0.3333);
    expect(ratio(2, 1)).toBe(2);
  });

  it('an average order value lies between the smallest and largest possible order and rounds half up', () => {
    expect(averageOrderValue(0, 0)).toBe(0);
    expect(averageOrderValue(5, 2)).toBe(3);
    expect(averageOrderValue(4, 3)).toBe(1);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 1, max: 1e6 }), (gmv, orders) => {
        const aov = averageOrderValue(gmv, orders);
        expect(Math.abs(aov * orders - gmv)).toBeLessThanOrEqual(orders / 2);
      }),
    );
  });
});

describe('weeksOf', () => {
  it('cuts a period into ISO weeks, the first and last clipped, covering every day once', () => {
    // 2026-03-04 is a Wednesday.
    const weeks = weeksOf(periodOf({ from: '2026-03-04', to: '2026-03-17' }, NOW));
    expect(weeks.map((w) => [w.start.toISOString().slice(0, 10), w.end.toISOString().slice(0, 10)])).toEqual([
      ['2026-03-04', '2026-03-09'],
      ['2026-03-09', '2026-03-16'],
      ['2026-03-16', '2026-03-18'],
    ]);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 365 }), (offset, length) => {
        const from = new Date(Date.UTC(2025, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
        const to = new Date(Date.UTC(2025, 0, 1) + (offset + length) * 86_400_000).toISOString().slice(0, 10);
        const period = periodOf({ from, to }, NOW);
        const parts = weeksOf(period);
        expect(parts[0]?.start).toEqual(period.start);
        expect(parts.at(-1)?.end).toEqual(period.end);
        for (const [i, w] of parts.entries()) {
          expect(w.end.getTime() - w.start.getTime()).toBeLessThanOrEqual(7 * 86_400_000);
          if (i > 0) expect(w.start).toEqual(parts[i - 1]?.end);
          if (i > 0) expect(w.start.getUTCDay()).toBe(1);
        }
      }),
    );
  });
});
