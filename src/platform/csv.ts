/**
 * CSV for every import and export: an RFC 4180 reader, and a writer whose cells a spreadsheet never
 * runs as formulas. Exports are UTF-8 with a byte-order mark, so Excel opens Chinese text correctly.
 */

/**
 * A small RFC 4180 reader: comma-separated fields, optionally in double quotes ("" is a quote inside
 * them; quoted fields may hold commas and line breaks), CRLF or LF line ends, a leading byte-order
 * mark ignored. Each record remembers the line it starts on, so a refusal can name it.
 *
 * A record that is malformed on its own (text after a closing quote) carries an `error` and the
 * records after it still parse; only a quote that is never closed, which swallows the rest of the
 * file, makes the whole text unreadable (`unclosedQuoteAt`).
 */
export interface CsvRecord {
  line: number;
  fields: string[];
  error?: string;
}

export interface CsvParse {
  records: CsvRecord[];
  /** The line of a quoted field that never closes; then `records` stops before it. */
  unclosedQuoteAt?: number;
}

export function parseCsv(text: string): CsvParse {
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let line = 1;
  let i = 0;
  while (i < input.length) {
    const start = line;
    const fields: string[] = [];
    let error: string | undefined;
    for (;;) {
      let field = '';
      if (input[i] === '"') {
        i += 1;
        for (;;) {
          if (i >= input.length) return { records, unclosedQuoteAt: start };
          const c = input[i] as string;
          if (c === '"') {
            if (input[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i += 1;
            break;
          }
          if (c === '\n') line += 1;
          field += c;
          i += 1;
        }
        // After the closing quote only a separator or the end of the record may follow.
        const rest = i;
        while (i < input.length && input[i] !== ',' && input[i] !== '\n' && input[i] !== '\r') i += 1;
        if (i > rest) error ??= 'has text after a closing quote';
      } else {
        const from = i;
        while (i < input.length && input[i] !== ',' && input[i] !== '\n' && input[i] !== '\r') i += 1;
        field = input.slice(from, i);
      }
      fields.push(field);
      if (input[i] === ',') {
        i += 1;
        continue;
      }
      break;
    }
    // The record ends at CRLF, LF, a lone CR or the end of the text.
    if (input[i] === '\r') i += 1;
    if (input[i] === '\n') i += 1;
    line += 1;
    records.push(error ? { line: start, fields, error } : { line: start, fields });
  }
  return { records };
}

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break, quotes doubled. A cell
 * a spreadsheet would run as a formula (starting with = + - @, or a tab or carriage return) gets a
 * leading apostrophe first, so a holder name like `=HYPERLINK(…)` stays text (OWASP's advice).
 * Numbers are written as they are: a negative amount is a number, not a formula.
 */
export function csvCell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A cell as `csvCell` meant it: the apostrophe it put before a formula-like text taken off again,
 * so an exported file imports back unchanged (`+A1` stays `+A1`). Only that apostrophe: `'tea` stays.
 */
export const csvText = (cell: string): string => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

export const csvRow = (cells: readonly (string | number | null)[]): string =>
  `${cells.map(csvCell).join(',')}\r\n`;

/** The byte-order mark Excel needs to read a CSV file as UTF-8. */
export const CSV_BOM = '\uFEFF';

/** A currency's minor digits (CNY 2, JPY 0), as Intl knows them. */
export const minorDigitsOf = (currency: string): number =>
  new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
    .maximumFractionDigits as number;

/** Major units as a plain decimal string (12345 fen → "123.45"), as spreadsheets and banks want them. */
export function majorUnits(amount: number, currency: string): string {
  const digits = minorDigitsOf(currency);
  if (digits === 0) return String(amount);
  const sign = amount < 0 ? '-' : '';
  const text = String(Math.abs(amount)).padStart(digits + 1, '0');
  return `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/**
 * Minor units from a decimal in major units ("45", "45.5", "45.50" → 4550 for CNY), or undefined
 * when it is not a plain non-negative decimal with at most the currency's digits. Parsed as text,
 * never through a float: "0.29" × 100 is 28.999… in binary.
 */
export function parseMajorUnits(text: string, currency: string): number | undefined {
  const digits = minorDigitsOf(currency);
  const match = /^(\d{1,12})(?:\.(\d*))?$/.exec(text.trim());
  if (!match) return undefined;
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return undefined;
  return Number(match[1]) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
}

/** The most rows one export holds; past it, its last line says so rather than growing without end. */
export const EXPORT_MAX_ROWS = 10_000;

/**
 * Every item of a list, page after page through the list's own query (so an export has exactly
 * the filters of its list), up to `max`; `more` tells that there were more.
 */
export async function collectPages<T>(
  page: (cursor: string | undefined, limit: number) => Promise<{ items: T[]; nextCursor: string | null }>,
  max = EXPORT_MAX_ROWS,
): Promise<{ items: T[]; more: boolean }> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (;;) {
    const result = await page(cursor, 100);
    items.push(...result.items);
    if (items.length > max) return { items: items.slice(0, max), more: true };
    if (result.nextCursor === null) return { items, more: false };
    cursor = result.nextCursor;
  }
}

/** A whole CSV document: the BOM, the header, the rows, and a last line when rows were left out. */
export function csvDocument(
  header: readonly string[],
  rows: readonly (readonly (string | number | null)[])[],
  more = false,
): string {
  let csv = CSV_BOM + csvRow(header);
  for (const row of rows) csv += csvRow(row);
  if (more) csv += csvRow([`more than ${EXPORT_MAX_ROWS} rows: narrow the filters`]);
  return csv;
}
