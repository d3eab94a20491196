import { describe, expect, it } from 'vitest';
import { changedRows, showValue } from './change-rows';

describe('changedRows', () => {
  it('pairs each changed field with its before and after', () => {
    expect(changedRows({ price: 4500 }, { price: 3900, note: 'x' })).toEqual([
      { field: 'price', before: 4500, after: 3900 },
      { field: 'note', before: null, after: 'x' },
    ]);
  });

  it('marks the missing side of a creation or a removal as undefined', () => {
    expect(changedRows(null, { title: 'Tea' })).toEqual([
      { field: 'title', before: undefined, after: 'Tea' },
    ]);
    expect(changedRows({ title: 'Tea' }, null)).toEqual([
      { field: 'title', before: 'Tea', after: undefined },
    ]);
  });
});

describe('showValue', () => {
  it('shows text as it is, nothing as a dash and the rest as JSON', () => {
    expect(showValue('paid')).toBe('paid');
    expect(showValue(null)).toBe('—');
    expect(showValue('')).toBe('—');
    expect(showValue(4500)).toBe('4500');
    expect(showValue([1000, 500])).toBe('[1000,500]');
  });
});
