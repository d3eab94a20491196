/** Pure rules of catalog search: sorts, their keyset cursors, and the words of a query. */

import { invalidInput } from '../../platform/errors.js';
import { decodeCursor, encodeCursor } from '../../platform/http/pagination.js';

export const PRODUCT_SORTS = ['relevance', 'popular', 'price_asc', 'price_desc', 'newest'] as const;
export type ProductSort = (typeof PRODUCT_SORTS)[number];

/** Relevance needs a query; without one the list is newest first, as it always was. */
export function effectiveSort(sort: ProductSort | undefined, hasQuery: boolean): ProductSort {
  if (sort === undefined) return hasQuery ? 'relevance' : 'newest';
  return sort === 'relevance' && !hasQuery ? 'newest' : sort;
}

/** Where a page ends: the sort it was issued for, the last item's sort value and its id. */
export interface SortPosition {
  sort: ProductSort;
  /** Score, units sold or price: an integer; absent for `newest`, which orders by the time-ordered id. */
  value?: number;
  id: string;
}

/** The key a cursor encodes for a position (`toPage` encodes it). */
export const sortCursorKey = (p: SortPosition): (string | number)[] =>
  p.value === undefined ? [p.sort, p.id] : [p.sort, p.value, p.id];

export const encodeSortCursor = (p: SortPosition): string => encodeCursor(sortCursorKey(p));

const badCursor = () => invalidInput('/query/cursor', 'is not a cursor this server issued', 'cursor');

/**
 * The position a cursor names, checked against the sort asked for now: a cursor of another sort
 * would skip or repeat items, so it is refused. `[id]` is the cursor of lists before sorts existed
 * (newest first), still accepted so a page loaded before an upgrade can go on.
 */
export function decodeSortCursor(cursor: string | undefined, sort: ProductSort): SortPosition | undefined {
  const key = decodeCursor(cursor);
  if (key === undefined) return undefined;
  if (key.length === 1 && typeof key[0] === 'string' && sort === 'newest') return { sort, id: key[0] };
  const [name, ...rest] = key;
  if (name !== sort) throw badCursor();
  if (sort === 'newest') {
    if (rest.length !== 1 || typeof rest[0] !== 'string') throw badCursor();
    return { sort, id: rest[0] };
  }
  const [value, id] = rest;
  if (rest.length !== 2 || !Number.isSafeInteger(value) || typeof id !== 'string') throw badCursor();
  return { sort, value: value as number, id };
}

// Scripts written without spaces between words; the database indexes them as character grams
// (migration 026), so they are left out of the word query.
const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+/gu;
const MAX_WORDS = 8;

/**
 * The Latin-script (and other spaced scripts') words of a query as a `to_tsquery` text, each word a
 * prefix ("tea:* & pot:*") so a word being typed already matches. Only letters and digits survive,
 * so nothing a person types can become tsquery syntax; '' when there are no such words.
 */
export function wordQuery(q: string): string {
  const words =
    q
      .normalize('NFKC')
      .toLowerCase()
      .replace(CJK, ' ')
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  return words
    .slice(0, MAX_WORDS)
    .map((w) => `${w}:*`)
    .join(' & ');
}
