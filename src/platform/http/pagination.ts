import { Type } from 'typebox';
import { storableInstant } from '../clock.js';
import { invalidInput } from '../errors.js';

/** `?limit=&cursor=` as API.md defines them for every list. */
export const pageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
};

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Cursors are opaque to clients: base64url of the sort key of the last item seen. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): (string | number)[] | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    // A forged cursor must not reach SQL with a value PostgreSQL refuses (U+0000, non-finite).
    const valid = (k: unknown) =>
      (typeof k === 'string' && !k.includes('\u0000')) || (typeof k === 'number' && Number.isFinite(k));
    if (Array.isArray(key) && key.every(valid)) return key;
  } catch {}
  throw invalidInput('/query/cursor', 'is not a cursor this server issued', 'cursor');
}

/**
 * A cursor of `(time, id)`, as lists ordered by creation time issue: the time must be an instant
 * PostgreSQL accepts (not year 0000 or +275760), so a forged cursor is a 400, never a failed cast.
 */
export function decodeTimeCursor(cursor: string | undefined): { at: string; id: string } | undefined {
  const key = decodeCursor(cursor);
  if (key === undefined) return undefined;
  const [at, id] = key;
  const instant = typeof at === 'string' ? storableInstant(at) : undefined;
  if (key.length !== 2 || typeof id !== 'string' || !instant || Number.isNaN(instant.getTime())) {
    throw invalidInput('/query/cursor', 'is not a cursor this server issued', 'cursor');
  }
  return { at: instant.toISOString(), id };
}

/**
 * Builds a page from rows fetched with `limit + 1`: the extra row only tells that more exist.
 */
export function toPage<Row, Item>(
  rows: readonly Row[],
  limit: number,
  keyOf: (row: Row) => (string | number)[],
  present: (row: Row) => Item,
): Page<Item> {
  const visible = rows.slice(0, limit);
  const last = visible.at(-1);
  return {
    items: visible.map(present),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null,
  };
}
