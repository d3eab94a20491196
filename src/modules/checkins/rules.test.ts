import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, monthOf } from '../../platform/calendar.js';
import {
  cardsLeft,
  currentStreak,
  DEFAULT_SETTINGS,
  makeUpDays,
  makeUpRefusal,
  pointsForStreakDay,
  streakEndingOn,
  upcomingPoints,
} from './rules.js';

const TODAY = '2026-03-18';
/** Any day from a year before to a year after TODAY. */
const aDay = fc.integer({ min: -366, max: 366 }).map((n) => addDays(TODAY, n));
/** A set of days within two months of TODAY, dense enough to have runs and gaps. */
const someDays = fc
  .uniqueArray(fc.integer({ min: -60, max: 0 }), { maxLength: 50 })
  .map((offsets) => new Set(offsets.map((n) => addDays(TODAY, n))));
const run = (end: string, length: number) => Array.from({ length }, (_, i) => addDays(end, -i));

describe('streakEndingOn', () => {
  it('counts a run back to its first gap', () => {
    const days = new Set([...run('2026-03-10', 3), ...run('2026-03-05', 2)]);
    expect(streakEndingOn(days, '2026-03-10')).toBe(3);
    expect(streakEndingOn(days, '2026-03-09')).toBe(2);
    expect(streakEndingOn(days, '2026-03-06')).toBe(0);
    expect(streakEndingOn(days, '2026-03-05')).toBe(2);
    expect(streakEndingOn(new Set(run('2026-03-02', 5)), '2026-03-02')).toBe(5); // across a month
  });

  it('is one more than the day before’s when the day is checked, else 0', () => {
    fc.assert(
      fc.property(someDays, fc.integer({ min: -60, max: 0 }), (days, n) => {
        const day = addDays(TODAY, n);
        const expected = days.has(day) ? streakEndingOn(days, addDays(day, -1)) + 1 : 0;
        expect(streakEndingOn(days, day)).toBe(expected);
      }),
    );
  });

  it('a run of n days after a gap is a streak of n, whatever came before the gap', () => {
    fc.assert(
      fc.property(someDays, fc.integer({ min: 1, max: 40 }), (before, n) => {
        const end = addDays(TODAY, 100);
        const gap = addDays(end, -n);
        const days = new Set([...before, ...run(end, n)]);
        days.delete(gap);
        expect(streakEndingOn(days, end)).toBe(n);
      }),
    );
  });
});

describe('currentStreak', () => {
  it('checking in today adds exactly one; a missed yesterday and today reset it to 0', () => {
    fc.assert(
      fc.property(someDays, (days) => {
        const without = new Set(days);
        without.delete(TODAY);
        const withToday = new Set([...without, TODAY]);
        expect(currentStreak(withToday, TODAY)).toBe(currentStreak(without, TODAY) + 1);
        const missed = new Set(without);
        missed.delete(addDays(TODAY, -1));
        expect(currentStreak(missed, TODAY)).toBe(0);
      }),
    );
  });

  it('filling the one missed day between two runs joins them', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 20 }), (a, b) => {
        const yesterday = addDays(TODAY, -1);
        const later = run(yesterday, b);
        const gap = addDays(yesterday, -b);
        const earlier = run(addDays(gap, -1), a);
        const days = new Set([...earlier, ...later]);
        expect(currentStreak(days, TODAY)).toBe(b);
        days.add(gap);
        expect(currentStreak(days, TODAY)).toBe(a + b + 1);
      }),
    );
  });
});

describe('pointsForStreakDay', () => {
  it('reads day 1..7 from the table and the beyond value after', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 30].map((d) => pointsForStreakDay(DEFAULT_SETTINGS, d))).toEqual([
      5, 5, 10, 10, 15, 15, 30, 30, 30,
    ]);
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 1000 }), { minLength: 7, maxLength: 7 }),
        fc.nat({ max: 1000 }),
        fc.integer({ min: 1, max: 400 }),
        (streakPoints, beyondPoints, day) => {
          const points = pointsForStreakDay({ streakPoints, beyondPoints }, day);
          expect(points).toBe(day <= 7 ? streakPoints[day - 1] : beyondPoints);
        },
      ),
    );
  });

  it('prices today as the next day of yesterday’s streak and tomorrow as the one after', () => {
    const days = new Set(run(addDays(TODAY, -1), 5));
    expect(upcomingPoints(DEFAULT_SETTINGS, days, TODAY)).toEqual({ today: 15, tomorrow: 30 });
    days.add(TODAY);
    expect(upcomingPoints(DEFAULT_SETTINGS, days, TODAY)).toEqual({ today: 15, tomorrow: 30 });
    expect(upcomingPoints(DEFAULT_SETTINGS, new Set(), TODAY)).toEqual({ today: 5, tomorrow: 5 });
  });
});

describe('make-up cards', () => {
  const ask = { today: TODAY, checked: new Set<string>(), cardsPerMonth: 1, cardsUsed: 0 };

  it('names each refusal', () => {
    expect(makeUpRefusal({ ...ask, day: '2026-03-10' })).toBeNull();
    expect(makeUpRefusal({ ...ask, day: '2026-03-10', cardsPerMonth: 0 })).toBe('make_up_off');
    expect(makeUpRefusal({ ...ask, day: TODAY })).toBe('make_up_not_past');
    expect(makeUpRefusal({ ...ask, day: '2026-03-19' })).toBe('make_up_not_past');
    expect(makeUpRefusal({ ...ask, day: '2026-02-28' })).toBe('make_up_other_month');
    expect(makeUpRefusal({ ...ask, day: '2026-03-10', checked: new Set(['2026-03-10']) })).toBe(
      'make_up_day_checked',
    );
    expect(makeUpRefusal({ ...ask, day: '2026-03-10', cardsUsed: 1 })).toBe('make_up_no_cards');
    expect(cardsLeft(1, 3)).toBe(0);
  });

  it('allows only a missed day of this month before today, while a card is left', () => {
    fc.assert(
      fc.property(aDay, someDays, fc.nat({ max: 3 }), fc.nat({ max: 4 }), (day, checked, perMonth, used) => {
        const refusal = makeUpRefusal({
          day,
          today: TODAY,
          checked,
          cardsPerMonth: perMonth,
          cardsUsed: used,
        });
        const allowed =
          perMonth > 0 &&
          day < TODAY &&
          monthOf(day) === monthOf(TODAY) &&
          !checked.has(day) &&
          used < perMonth;
        expect(refusal === null).toBe(allowed);
      }),
    );
  });

  it('offers exactly the days a card may fill, and filling one takes it off the list', () => {
    fc.assert(
      fc.property(someDays, fc.nat({ max: 3 }), (checked, perMonth) => {
        const offered = makeUpDays({ ...ask, checked, cardsPerMonth: perMonth });
        for (const day of offered)
          expect(makeUpRefusal({ ...ask, checked, cardsPerMonth: perMonth, day })).toBeNull();
        if (perMonth > 0)
          expect(offered.length).toBe(
            run(addDays(TODAY, -1), 17).filter((d) => !checked.has(d)).length, // 1..17 March
          );
        const [first] = offered;
        if (first === undefined) return;
        const after = makeUpDays({
          ...ask,
          checked: new Set([...checked, first]),
          cardsPerMonth: perMonth,
          cardsUsed: 1,
        });
        expect(after).not.toContain(first);
        expect(after.length).toBe(perMonth > 1 ? offered.length - 1 : 0);
      }),
    );
  });
});
