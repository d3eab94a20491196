import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { decodeSortCursor, effectiveSort, encodeSortCursor, PRODUCT_SORTS, wordQuery } from './search.js';

describe('effectiveSort', () => {
  it('is relevance with a query and newest without, unless asked otherwise', () => {
    expect(effectiveSort(undefined, true)).toBe('relevance');
    expect(effectiveSort(undefined, false)).toBe('newest');
    expect(effectiveSort('relevance', false)).toBe('newest');
    expect(effectiveSort('price_asc', true)).toBe('price_asc');
  });
});

describe('sort cursors', () => {
  it('round-trip every sort', () => {
    for (const sort of PRODUCT_SORTS) {
      const position = sort === 'newest' ? { sort, id: 'p1' } : { sort, value: 4200, id: 'p1' };
      expect(decodeSortCursor(encodeSortCursor(position), sort)).toEqual(position);
    }
  });

  it('refuse a cursor of another sort, or with a value that is not an integer', () => {
    const cursor = encodeSortCursor({ sort: 'popular', value: 3, id: 'p1' });
    expect(() => decodeSortCursor(cursor, 'price_asc')).toThrow(AppError);
    const fractional = Buffer.from(JSON.stringify(['popular', 1.5, 'p1'])).toString('base64url');
    expect(() => decodeSortCursor(fractional, 'popular')).toThrow(AppError);
  });

  it('accept the id-only cursor of lists before sorts, for newest only', () => {
    const legacy = Buffer.from(JSON.stringify(['p9'])).toString('base64url');
    expect(decodeSortCursor(legacy, 'newest')).toEqual({ sort: 'newest', id: 'p9' });
    expect(() => decodeSortCursor(legacy, 'popular')).toThrow(AppError);
  });
});

describe('wordQuery', () => {
  it('makes every word a prefix, leaves CJK to the grams and drops syntax', () => {
    expect(wordQuery('Green  TEA')).toBe('green:* & tea:*');
    expect(wordQuery('龙井 tea')).toBe('tea:*');
    expect(wordQuery('龙井')).toBe('');
    expect(wordQuery("a&b | !c:*'")).toBe('a:* & b:* & c:*');
  });

  it('only ever yields words of letters and digits joined by " & "', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const query = wordQuery(text);
        if (query === '') return;
        for (const term of query.split(' & ')) expect(term).toMatch(/^[\p{L}\p{N}]+:\*$/u);
      }),
    );
  });
});
