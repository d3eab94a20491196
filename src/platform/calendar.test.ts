import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dayIn, daysBetween, monthOf, startOfDay, weekStart } from './calendar.js';

describe('calendar days in the platform time zone', () => {
  it('reads the wall-clock day of the zone, not of UTC', () => {
    const instant = new Date('2026-03-01T17:30:00Z');
    expect(dayIn('UTC', instant)).toBe('2026-03-01');
    expect(dayIn('Asia/Shanghai', instant)).toBe('2026-03-02');
    expect(dayIn('America/Los_Angeles', new Date('2026-03-02T05:00:00Z'))).toBe('2026-03-01');
  });

  it('does plain day arithmetic across months and leap years', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-12-30', '2027-01-02')).toBe(3);
    expect(weekStart('2026-12-06')).toBe('2026-11-30'); // a Sunday belongs to the week of Monday before
    expect(weekStart('2026-11-30')).toBe('2026-11-30');
    expect(monthOf('2026-12-06')).toBe('2026-12');
  });

  it('finds the first instant of a day, daylight-saving days included', () => {
    expect(startOfDay('Asia/Shanghai', '2026-03-02').toISOString()).toBe('2026-03-01T16:00:00.000Z');
    expect(startOfDay('America/New_York', '2026-03-08').toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(startOfDay('America/New_York', '2026-11-01').toISOString()).toBe('2026-11-01T04:00:00.000Z');
  });

  it('puts the first instant of a day on that day, and the instant before it on the day before', () => {
    const zones = ['UTC', 'Asia/Shanghai', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu'];
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: 0, max: 3650 }), (zone, n) => {
        const day = addDays('2024-01-01', n);
        const start = startOfDay(zone, day);
        expect(dayIn(zone, start)).toBe(day);
        expect(dayIn(zone, new Date(start.getTime() - 1))).toBe(addDays(day, -1));
        expect(daysBetween(day, addDays(day, 7))).toBe(7);
      }),
    );
  });
});
