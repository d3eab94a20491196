import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changedFields, purgeBefore } from './rules.js';

describe('changedFields', () => {
  it('keeps only the fields that changed, on both sides', () => {
    expect(
      changedFields({ title: 'Tea', price: 4500, stock: 3 }, { title: 'Tea', price: 3900, stock: 3 }),
    ).toEqual({
      before: { price: 4500 },
      after: { price: 3900 },
    });
  });

  it('compares nested values by content and key order does not matter', () => {
    expect(
      changedFields({ rates: [1000, 500], o: { a: 1, b: 2 } }, { rates: [1000, 500], o: { b: 2, a: 1 } }),
    ).toBeNull();
    expect(changedFields({ rates: [1000, 500] }, { rates: [1000, 400] })).toEqual({
      before: { rates: [1000, 500] },
      after: { rates: [1000, 400] },
    });
  });

  it('shows a field missing on one side as null there', () => {
    expect(changedFields({ note: 'x' }, {})).toEqual({ before: { note: 'x' }, after: { note: null } });
    expect(changedFields({}, { note: 'x' })).toEqual({ before: { note: null }, after: { note: 'x' } });
  });

  it('keeps everything of a creation or a removal, and nothing of no change', () => {
    expect(changedFields(null, { price: 1 })).toEqual({ before: null, after: { price: 1 } });
    expect(changedFields({ price: 1 }, null)).toEqual({ before: { price: 1 }, after: null });
    expect(changedFields(null, null)).toBeNull();
  });

  it('law: applying the after side to the before object gives the after object', () => {
    const value = fc.oneof(
      fc.integer(),
      fc.string(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.integer()),
    );
    const record = fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), value);
    fc.assert(
      fc.property(record, record, (before, after) => {
        const change = changedFields(before, after);
        const norm = (o: Record<string, unknown>) =>
          Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null));
        if (change === null) {
          expect(norm(after)).toEqual(norm(before));
          return;
        }
        // Every recorded field really changed.
        for (const key of Object.keys(change.after ?? {})) {
          expect(JSON.stringify(change.before?.[key])).not.toBe(JSON.stringify(change.after?.[key]));
        }
        expect(norm({ ...before, ...change.after })).toEqual(norm(after));
      }),
    );
  });
});

describe('purgeBefore', () => {
  it('is the instant `retentionDays` days before now', () => {
    expect(purgeBefore(new Date('2026-03-31T12:00:00Z'), 30).toISOString()).toBe('2026-03-01T12:00:00.000Z');
  });
});
