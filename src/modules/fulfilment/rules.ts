import type { FieldError } from '../../platform/errors.js';
import type { CsvRecord } from './csv.js';
import type { FulfilmentReason } from './reasons.js';

export const CARRIER_MAX = 60;
export const TRACKING_MAX = 40;
/** A CSV import handles at most this many rows: a bigger file is split (each row is a transaction). */
export const IMPORT_MAX_ROWS = 1000;

export interface ShipmentInput {
  carrier: string;
  trackingNumber: string;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it refuses.
const CONTROL = /[\u0000-\u001f\u007f]/;
const TRACKING = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/;

/**
 * What the operator typed, tidied and checked: the carrier's spaces collapsed, the tracking number
 * without spaces (carriers print them in groups: "SF 1234 5678" is SF12345678). Used for the ship
 * form and for every CSV row, so both refuse the same things with the same words.
 */
export function checkShipment(input: ShipmentInput): Checked<ShipmentInput> {
  const errors: FieldError[] = [];
  const carrier = input.carrier.trim().replace(/\s+/g, ' ');
  const trackingNumber = input.trackingNumber.replace(/\s+/g, '');
  if (carrier === '') errors.push({ path: '/carrier', message: 'is required', rule: 'required' });
  else if (CONTROL.test(carrier))
    errors.push({
      path: '/carrier',
      message: 'must not contain control characters',
      rule: 'controlCharacters',
    });
  else if ([...carrier].length > CARRIER_MAX)
    errors.push({
      path: '/carrier',
      message: `must be at most ${CARRIER_MAX} characters`,
      rule: 'maxLength',
      params: { limit: CARRIER_MAX },
    });
  if (trackingNumber === '')
    errors.push({ path: '/trackingNumber', message: 'is required', rule: 'required' });
  else if (trackingNumber.length > TRACKING_MAX)
    errors.push({
      path: '/trackingNumber',
      message: `must be at most ${TRACKING_MAX} characters`,
      rule: 'maxLength',
      params: { limit: TRACKING_MAX },
    });
  else if (!TRACKING.test(trackingNumber))
    errors.push({
      path: '/trackingNumber',
      message: 'may hold only letters, digits and . _ / -',
      rule: 'pattern',
    });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: { carrier, trackingNumber } };
}

export const IMPORT_COLUMNS = ['orderId', 'carrier', 'trackingNumber'] as const;
type Column = (typeof IMPORT_COLUMNS)[number];

/** "Order ID", "order_id" and "orderId" all name the same column. */
const columnKey = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Where each needed column is in the header, or the ones that are missing. Other columns are ignored. */
export function readHeader(
  header: readonly string[],
): { ok: true; value: Record<Column, number> } | { ok: false; missing: string[]; errors: FieldError[] } {
  const keys = header.map(columnKey);
  const at = {} as Record<Column, number>;
  const missing: string[] = [];
  for (const column of IMPORT_COLUMNS) {
    const index = keys.indexOf(columnKey(column));
    if (index < 0) missing.push(column);
    else at[column] = index;
  }
  if (missing.length > 0)
    return {
      ok: false,
      missing,
      errors: [
        {
          path: '/header',
          message: `needs the columns ${IMPORT_COLUMNS.join(', ')} (missing: ${missing.join(', ')})`,
          rule: 'csvColumns',
          params: { missing: missing.join(', ') },
        },
      ],
    };
  return { ok: true, value: at };
}

/** Why a row was refused before any order is looked at; the order's own refusals (not_paid, …) come later. */
export type RowRefusal = Extract<FulfilmentReason, 'shipment_row_malformed' | 'shipment_row_invalid'>;

export type ImportRow =
  | { line: number; kind: 'ship'; orderId: string; shipment: ShipmentInput }
  | {
      line: number;
      kind: 'refuse';
      orderId: string;
      reason: RowRefusal;
      message: string;
      errors?: FieldError[];
    };

/** A blank line, or one of separators only (spreadsheets write ",," rows), is not a row. */
export const isBlank = (record: CsvRecord) => record.fields.every((f) => f.trim() === '');

/** A data record as a shipment to make or a refusal, before any order is looked at. */
export function readRow(record: CsvRecord, at: Record<Column, number>): ImportRow {
  const field = (column: Column) => record.fields[at[column]] ?? '';
  const orderId = field('orderId').trim();
  const refuse = (reason: RowRefusal, message: string, errors?: FieldError[]): ImportRow => ({
    line: record.line,
    kind: 'refuse',
    orderId,
    reason,
    message,
    ...(errors ? { errors } : {}),
  });
  if (record.error) return refuse('shipment_row_malformed', `The row ${record.error}`);
  if (record.fields.length < Math.max(...Object.values(at)) + 1)
    return refuse(
      'shipment_row_malformed',
      `The row has ${record.fields.length} fields; the header names more`,
    );
  if (orderId === '' || orderId.length > 64 || CONTROL.test(orderId))
    return refuse('shipment_row_invalid', 'orderId is missing or not an order id', [
      {
        path: '/orderId',
        message: 'is missing or not an order id',
        rule: orderId === '' ? 'required' : 'pattern',
      },
    ]);
  const checked = checkShipment({ carrier: field('carrier'), trackingNumber: field('trackingNumber') });
  if (!checked.ok)
    return refuse(
      'shipment_row_invalid',
      checked.errors.map((e) => `${e.path.slice(1)} ${e.message}`).join('; '),
      checked.errors,
    );
  return { line: record.line, kind: 'ship', orderId, shipment: checked.value };
}
