type Fields = { [key: string]: unknown } | null;

export interface ChangeRow {
  field: string;
  /** undefined: the side has no such field (a creation's before, a removal's after). */
  before: unknown;
  after: unknown;
}

/** The changed fields of an entry, in the order the server listed them, each with both sides. */
export function changedRows(before: Fields, after: Fields): ChangeRow[] {
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  return fields.map((field) => ({
    field,
    before: before === null ? undefined : (before[field] ?? null),
    after: after === null ? undefined : (after[field] ?? null),
  }));
}

/** A value as text: strings as they are, null as an em dash, anything else as compact JSON. */
export function showValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
