/**
 * What an audit entry keeps of a change: only the fields whose values differ, before and after, so
 * the log says "price 4500 → 3900" rather than two copies of a product. Pure; no I/O.
 */
export type Fields = Record<string, unknown>;

/** Values compared by their JSON form: arrays and nested objects compare by content, not identity. */
const same = (a: unknown, b: unknown) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

/**
 * A lone UTF-16 surrogate (text a client may send, stored as-is in a text column) becomes U+FFFD:
 * PostgreSQL's jsonb refuses the `\ud800` escape JSON.stringify writes for it.
 */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const wellFormed = (text: string) => text.replace(LONE_SURROGATE, '\ufffd');

/**
 * Objects with their keys sorted, so `{a, b}` equals `{b, a}`; `undefined` fields dropped as JSON
 * does; text well-formed, so what is recorded is what jsonb stores.
 */
function canonical(value: unknown): unknown {
  if (typeof value === 'string') return wellFormed(value);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .filter((k) => (value as Fields)[k] !== undefined)
        .map((k) => [wellFormed(k), canonical((value as Fields)[k])]),
    );
  }
  return value;
}

/** Stamps every write moves; recording them would make every entry say "updated at … → …". */
const BOOKKEEPING = new Set(['updated_at', 'updatedAt']);

export interface Change {
  before: Fields | null;
  after: Fields | null;
}

/**
 * The changed fields of `before → after`. A creation (`before` null) keeps every field of `after`,
 * a removal (`after` null) every field of `before`. A field missing on one side shows as null there.
 * `null` when nothing changed: there is nothing to record.
 */
export function changedFields(before: Fields | null, after: Fields | null): Change | null {
  if (before === null && after === null) return null;
  if (before === null) return { before: null, after: canonical(after) as Fields };
  if (after === null) return { before: canonical(before) as Fields, after: null };
  const was: Fields = {};
  const now: Fields = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (BOOKKEEPING.has(key) || same(before[key] ?? null, after[key] ?? null)) continue;
    was[wellFormed(key)] = canonical(before[key] ?? null);
    now[wellFormed(key)] = canonical(after[key] ?? null);
  }
  return Object.keys(now).length === 0 ? null : { before: was, after: now };
}

/** Retention in days: at least a month (a dispute surfaces within one), at most ten years. */
export const RETENTION_DAYS = { min: 30, max: 3650, default: 365 } as const;

/** Entries older than this instant are past retention. */
export const purgeBefore = (now: Date, retentionDays: number) =>
  new Date(now.getTime() - retentionDays * 86_400_000);
