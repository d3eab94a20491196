import { describe, expect, it } from 'vitest';
import { placeFor, progressShare } from './badge-progress';

describe('badge progress', () => {
  it('fills the bar by the count towards the next threshold, and in full at the top tier', () => {
    expect(progressShare({ count: 0, nextThreshold: 10 })).toBe(0);
    expect(progressShare({ count: 7, nextThreshold: 30 })).toBeCloseTo(7 / 30);
    expect(progressShare({ count: 12, nextThreshold: 100 })).toBe(0.12);
    expect(progressShare({ count: 3, nextThreshold: null })).toBe(1);
  });

  it('names the placing a competition tier needs: 1 → 3rd, 2 → 2nd, 3 → 1st', () => {
    expect([1, 2, 3].map(placeFor)).toEqual(['third', 'second', 'first']);
  });
});
