import { Type } from 'typebox';
import { defineReasons, refusalsOf } from '../../platform/reasons.js';

/**
 * Why fulfilment refuses a shipment or a CSV import. A CSV row that is refused carries the same
 * reason names as the single ship route would answer with (these, or the orders module's refusals
 * of the order's state such as `not_paid`), so the web words both alike.
 */
export const fulfilmentReasons = defineReasons({
  shipment_order_not_found: {
    code: 'not_found',
    params: Type.Object({ orderId: Type.String() }),
    description: 'No order has this id.',
  },
  shipment_csv_unclosed_quote: {
    code: 'invalid_input',
    params: Type.Object({ line: Type.Integer({ minimum: 1, description: 'the line the quote opens on' }) }),
    description: 'A quoted field of the CSV is never closed, so the rest of the file cannot be read.',
  },
  shipment_csv_empty: {
    code: 'invalid_input',
    description: 'The CSV has no header line (orderId,carrier,trackingNumber).',
  },
  shipment_csv_columns_missing: {
    code: 'invalid_input',
    params: Type.Object({
      missing: Type.String({ description: 'the missing column names, comma-separated' }),
    }),
    description: 'The CSV header does not name every needed column.',
  },
  shipment_csv_no_rows: {
    code: 'invalid_input',
    description: 'The CSV has a header but no shipment rows.',
  },
  shipment_csv_too_many_rows: {
    code: 'payload_too_large',
    params: Type.Object({
      rows: Type.Integer({ minimum: 0, description: 'rows in the file' }),
      max: Type.Integer({ minimum: 1, description: 'rows one import takes' }),
    }),
    description: 'The CSV has more rows than one import takes; split the file.',
  },
  shipment_row_malformed: {
    code: 'invalid_input',
    description: 'A CSV row cannot be read (text after a closing quote, or fewer fields than the header).',
  },
  shipment_row_invalid: {
    code: 'invalid_input',
    description: 'A field of a CSV row is missing or wrong; `errors` names it and the rule.',
  },
  shipment_row_failed: {
    code: 'unavailable',
    description: 'A CSV row could not be shipped for a reason of the server’s; try it again.',
  },
});

export const refuse = refusalsOf(fulfilmentReasons);
export type FulfilmentReason = keyof typeof fulfilmentReasons;
