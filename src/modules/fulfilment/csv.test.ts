import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, parseCsv } from './csv.js';

describe('parseCsv', () => {
  it('reads plain, quoted and empty fields, with CRLF or LF, and ignores a byte-order mark', () => {
    expect(parseCsv('\uFEFFa,b,c\r\n1,"x, y",\n"say ""hi""",,z').records).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', 'x, y', ''] },
      { line: 3, fields: ['say "hi"', '', 'z'] },
    ]);
  });

  it('numbers records by the line they start on, across line breaks inside quotes', () => {
    const { records } = parseCsv('h\n"two\nlines"\n\nlast\n');
    expect(records).toEqual([
      { line: 1, fields: ['h'] },
      { line: 2, fields: ['two\nlines'] },
      { line: 4, fields: [''] },
      { line: 5, fields: ['last'] },
    ]);
  });

  it('marks a record with text after a closing quote and reads on', () => {
    expect(parseCsv('"a"b,c\nd').records).toEqual([
      { line: 1, fields: ['a', 'c'], error: 'has text after a closing quote' },
      { line: 2, fields: ['d'] },
    ]);
  });

  it('reports a quote that never closes, with the line it opens on', () => {
    expect(parseCsv('a\nb,"open\nc')).toEqual({ records: [{ line: 1, fields: ['a'] }], unclosedQuoteAt: 2 });
  });

  it('reads back exactly what a CSV writer wrote (any text, any line ending)', () => {
    const field = fc.string({
      unit: fc.constantFrom('a', 'Z', '9', ' ', ',', '"', '\n', '\r\n', '中', '🧨'),
    });
    const table = fc.array(fc.array(field, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(table, fc.constantFrom('\n', '\r\n'), (rows, eol) => {
        const text = rows.map((r) => r.map(csvField).join(',')).join(eol);
        const { records, unclosedQuoteAt } = parseCsv(text);
        expect(unclosedQuoteAt).toBeUndefined();
        expect(records.map((r) => r.fields)).toEqual(rows);
        // Each record starts on the line after the previous record's last line.
        let line = 1;
        rows.forEach((row, i) => {
          expect(records[i]?.line).toBe(line);
          line += row.join(',').split('\n').length;
        });
      }),
    );
  });
});
