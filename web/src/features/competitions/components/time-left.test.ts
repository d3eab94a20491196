import { describe, expect, it } from 'vitest';
import { timeLeft } from './time-left';

describe('timeLeft', () => {
  it('splits what is left into days, hours, minutes and seconds', () => {
    const second = 1000;
    expect(timeLeft(((2 * 24 + 3) * 3600 + 4 * 60 + 5) * second + 999, 0)).toEqual({
      days: 2,
      hours: 3,
      minutes: 4,
      seconds: 5,
      done: false,
    });
  });

  it('is zero and done once the moment passed', () => {
    expect(timeLeft(0, 5000)).toEqual({ days: 0, hours: 0, minutes: 0, seconds: 0, done: true });
  });
});
