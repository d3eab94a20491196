import type { BulkAction } from '../api/bulk-products';

/** What the bulk-action bar's form holds, as typed. */
export interface BulkForm {
  action: 'archive' | 'restore' | 'set_category' | 'price' | 'stock';
  category: string;
  by: 'percent' | 'amount';
  /** For `amount` prices, in major units as typed ("-5.50"); otherwise a whole number. */
  value: string;
  reason: string;
}

export const emptyBulkForm: BulkForm = {
  action: 'archive',
  category: '',
  by: 'percent',
  value: '',
  reason: '',
};

export type BulkFormError = 'value' | 'reason';

/**
 * The request of a bulk action, or the field to fix. Prices by amount are typed in major units and
 * sent in minor units, parsed as text (never through a float: "0.29" × 100 is 28.999…).
 */
export function bulkBody(
  form: BulkForm,
  productIds: string[],
  minorDigits: number,
): { body: BulkAction } | { error: BulkFormError } {
  if (form.action === 'archive' || form.action === 'restore')
    return { body: { action: form.action, productIds } };
  if (form.action === 'set_category')
    return { body: { action: 'set_category', productIds, category: form.category.trim() || null } };
  const value = parseValue(
    form.value.trim(),
    form.action === 'price' && form.by === 'amount' ? minorDigits : 0,
  );
  if (value === undefined || value === 0) return { error: 'value' };
  if (form.by === 'percent' && (value < -100 || value > 1000)) return { error: 'value' };
  const change = { by: form.by, value };
  if (form.action === 'price') return { body: { action: 'price', productIds, change } };
  if (form.reason.trim() === '') return { error: 'reason' };
  return { body: { action: 'stock', productIds, change, reason: form.reason.trim() } };
}

function parseValue(text: string, digits: number): number | undefined {
  const match = /^([+-]?)(\d{1,12})(?:\.(\d*))?$/.exec(text);
  if (!match) return undefined;
  const fraction = match[3] ?? '';
  if (fraction.length > digits) return undefined;
  const units = Number(match[2]) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  return match[1] === '-' ? -units : units;
}

/** An import's progress as a whole percentage, 0..100 (an empty import is done). */
export const progressPercent = (done: number, total: number) =>
  total === 0 ? 100 : Math.min(100, Math.floor((done * 100) / total));
