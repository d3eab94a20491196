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

/** One field as a CSV writer would put it: quoted when it holds a separator, a quote or a line break. */
export const csvField = (value: string) =>
  /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
