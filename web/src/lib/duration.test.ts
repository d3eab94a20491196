import { describe, expect, it } from 'vitest';
import { inLargestUnit, toMinutes } from './duration';

describe('toMinutes', () => {
  it('converts whole amounts of each unit', () => {
    expect(toMinutes('45', 'minutes')).toBe(45);
    expect(toMinutes('2', 'hours')).toBe(120);
    expect(toMinutes('3', 'days')).toBe(4320);
    expect(toMinutes(' 1 ', 'days')).toBe(1440);
  });

  it('accepts fractions that are whole minutes', () => {
    expect(toMinutes('1.5', 'hours')).toBe(90);
    expect(toMinutes('0.5', 'days')).toBe(720);
  });

  it('refuses what is not a positive whole number of minutes', () => {
    for (const bad of ['', '0', '-1', 'abc', '1e3', '1,5', '0.01'])
      expect(toMinutes(bad, bad === '0.01' ? 'hours' : 'minutes')).toBeNull();
    expect(toMinutes('0.5', 'minutes')).toBeNull();
  });
});

describe('inLargestUnit', () => {
  it('shows a duration in the largest whole unit', () => {
    expect(inLargestUnit(2880)).toEqual({ amount: 2, unit: 'days' });
    expect(inLargestUnit(1440)).toEqual({ amount: 1, unit: 'days' });
    expect(inLargestUnit(180)).toEqual({ amount: 3, unit: 'hours' });
    expect(inLargestUnit(1500)).toEqual({ amount: 25, unit: 'hours' });
    expect(inLargestUnit(90)).toEqual({ amount: 90, unit: 'minutes' });
  });

  it('keeps to the units allowed', () => {
    expect(inLargestUnit(2880, ['hours', 'minutes'])).toEqual({ amount: 48, unit: 'hours' });
    expect(inLargestUnit(90, ['days', 'hours'])).toEqual({ amount: 1.5, unit: 'hours' });
  });

  it('round-trips: what it shows converts back to the same minutes', () => {
    for (let minutes = 1; minutes <= 30 * 24 * 60; minutes += 37) {
      const { amount, unit } = inLargestUnit(minutes);
      expect(toMinutes(String(amount), unit)).toBe(minutes);
    }
  });
});
