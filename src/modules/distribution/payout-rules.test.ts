import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  csvCell,
  csvRow,
  maskAccount,
  maskName,
  normalizePayoutDetails,
  type PayoutDetailsInput,
  payoutDetailsErrors,
} from './payout-rules.js';

const errorsOf = (input: PayoutDetailsInput) =>
  payoutDetailsErrors(normalizePayoutDetails(input), input).map((e) => e.path);

describe('payout details', () => {
  it('accepts what each method pays to, normalizing typed spaces and dashes', () => {
    const ok: PayoutDetailsInput[] = [
      { method: 'alipay', holderName: 'Chen Jie', account: 'chen.jie@example.com' },
      { method: 'alipay', holderName: '陈杰', account: '+86 138-0013-8000' },
      { method: 'wechat', holderName: '陈杰', account: 'wxid_chen01' },
      { method: 'wechat', holderName: '陈杰', account: '138 0013 8000' },
      { method: 'bank', holderName: 'Chen Jie', account: '6222 0212 3456 6789', bankName: 'ICBC' },
      { method: 'bank', holderName: 'Chen Jie', account: 'DE89 3704 0044 0532 0130 00', bankName: 'X' },
    ];
    for (const input of ok) expect(errorsOf(input), input.account).toEqual([]);
    expect(normalizePayoutDetails(ok[4] as PayoutDetailsInput)).toEqual({
      method: 'bank',
      holderName: 'Chen Jie',
      account: '6222021234566789',
      bankName: 'ICBC',
    });
  });

  it('names the field that cannot be paid to', () => {
    expect(errorsOf({ method: 'alipay', holderName: 'A', account: 'chen' })).toEqual(['/account']);
    expect(errorsOf({ method: 'wechat', holderName: 'A', account: '9wxid' })).toEqual(['/account']);
    expect(errorsOf({ method: 'bank', holderName: 'A', account: '1234567', bankName: 'B' })).toEqual([
      '/account',
    ]);
    expect(errorsOf({ method: 'bank', holderName: 'A', account: '12345678' })).toEqual(['/bankName']);
    expect(errorsOf({ method: 'alipay', holderName: ' ', account: 'a@b.co', bankName: 'B' })).toEqual([
      '/holderName',
      '/bankName',
    ]);
  });

  it('masks: an email keeps its first letter and domain, anything else its last four', () => {
    expect(maskAccount('chen@example.com')).toBe('c***@example.com');
    expect(maskAccount('6222021234566789')).toBe('**** 6789');
    expect(maskAccount('+8613800138000')).toBe('**** 8000');
    expect(maskAccount('1234')).toBe('****');
    expect(maskName('陈杰')).toBe('陈**');
    expect(maskName('Chen Jie')).toBe('C**');
  });

  it('never shows more than four characters of an account that is not an email', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 0, maxLength: 40 }).filter((s) => !s.includes('@')),
        (account) => {
          const masked = maskAccount(account);
          const shown = masked.replace(/^\*\*\*\*( |$)/, '');
          expect([...shown].length).toBeLessThanOrEqual(4);
          if ([...account].length > 4) expect(account.endsWith(shown)).toBe(true);
        },
      ),
    );
  });
});

/** An RFC 4180 reader for one line of cells, to check what the writer wrote. */
function readRow(line: string): string[] {
  const cells: string[] = [];
  let i = 0;
  for (;;) {
    let cell = '';
    if (line[i] === '"') {
      i++;
      for (;;) {
        if (line[i] === '"' && line[i + 1] === '"') {
          cell += '"';
          i += 2;
        } else if (line[i] === '"') {
          i++;
          break;
        } else cell += line[i++];
      }
    } else {
      while (i < line.length && line[i] !== ',') cell += line[i++];
    }
    cells.push(cell);
    if (i >= line.length) return cells;
    i++; // the comma
  }
}

describe('CSV', () => {
  it('reads back what it wrote, cell for cell, with formulas defused', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 30 }), { minLength: 1, maxLength: 6 }), (cells) => {
        const row = csvRow(cells);
        expect(row.endsWith('\r\n')).toBe(true);
        const read = readRow(row.slice(0, -2));
        expect(read).toEqual(cells.map((c) => (/^[=+\-@\t\r]/.test(c) ? `'${c}` : c)));
        for (const cell of read) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      }),
    );
  });

  it('quotes only what needs it and leaves numbers alone', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('Lee, Ann')).toBe('"Lee, Ann"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell(-2)).toBe('-2');
    expect(csvCell(null)).toBe('');
  });
});
