import { describe, expect, it } from 'vitest';
import { monthGrid, shiftMonth } from './month-grid';

describe('monthGrid', () => {
  it('starts on Monday with blanks before the 1st and fills the last week', () => {
    // 1 March 2026 is a Sunday: six blanks, then the 1st; 31 days end on a Tuesday.
    const weeks = monthGrid('2026-03');
    expect(weeks[0]).toEqual([null, null, null, null, null, null, '2026-03-01']);
    expect(weeks.at(-1)).toEqual(['2026-03-30', '2026-03-31', null, null, null, null, null]);
    expect(weeks.flat().filter(Boolean)).toHaveLength(31);
    expect(monthGrid('2024-02').flat().filter(Boolean).at(-1)).toBe('2024-02-29');
    expect(monthGrid('2027-02')).toHaveLength(4); // 1 Feb 2027 is a Monday: exactly four weeks
  });

  it('moves between months across a year', () => {
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2026-05', 0)).toBe('2026-05');
  });
});
