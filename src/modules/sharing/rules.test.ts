import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import {
  applyRefund,
  columnsOf,
  formatPrice,
  knownDeviceId,
  looksLikeShareCode,
  shareTarget,
  truncate,
  withRef,
  wrapText,
} from './rules.js';

describe('shareTarget', () => {
  it('takes exactly one target', () => {
    expect(shareTarget({ productId: 'p1' })).toEqual({ type: 'product', id: 'p1' });
    expect(shareTarget({ groupId: 'g1' })).toEqual({ type: 'group', id: 'g1' });
    expect(() => shareTarget({})).toThrow(AppError);
    expect(() => shareTarget({ productId: 'p1', storeId: 's1' })).toThrow(AppError);
  });
});

describe('codes, landing paths and cookies', () => {
  it('recognises only codes we could have issued', () => {
    expect(looksLikeShareCode('aZ09bY18c')).toBe(true);
    for (const junk of ['', 'abc', 'a/b/c/d/e', 'abc def gh', '../../etc', 'x'.repeat(17)]) {
      expect(looksLikeShareCode(junk)).toBe(false);
    }
  });

  it('adds the code to a landing path, with or without a query', () => {
    expect(withRef('/products/p1', 'abc123XYZ')).toBe('/products/p1?ref=abc123XYZ');
    expect(withRef('/groups/g1?tab=members', 'abc123XYZ')).toBe('/groups/g1?tab=members&ref=abc123XYZ');
  });

  it('accepts a device cookie only in the shape we issue', () => {
    expect(knownDeviceId('a=1; fission_device=AbCdEfGhIjKlMnOp_-12')).toBe('AbCdEfGhIjKlMnOp_-12');
    expect(knownDeviceId('fission_device=short')).toBeUndefined();
    expect(knownDeviceId('fission_device=<script>alert(1)</script>xxxxxxxx')).toBeUndefined();
    expect(knownDeviceId(undefined)).toBeUndefined();
  });
});

describe('formatPrice', () => {
  it('formats minor units exactly, without floating point', () => {
    expect(formatPrice(6800, 'CNY', 'en')).toBe('CN¥68.00');
    expect(formatPrice(1, 'USD', 'en')).toBe('$0.01');
    expect(formatPrice(123_456_789_012_345, 'USD', 'en')).toBe('$1,234,567,890,123.45');
    expect(formatPrice(500, 'JPY', 'en')).toBe('¥500');
  });

  it('shows every integer amount with its exact digits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (amount) => {
        const digits = formatPrice(amount, 'USD', 'en').replace(/[^0-9]/g, '');
        expect(BigInt(digits)).toBe(BigInt(amount));
      }),
    );
  });
});

const cjkText = fc
  .array(
    fc.oneof(
      fc.integer({ min: 0x4e00, max: 0x9fff }),
      fc.constant(0x20),
      fc.integer({ min: 0x61, max: 0x7a }),
    ),
    {
      maxLength: 120,
    },
  )
  .map((codes) => String.fromCodePoint(...codes));

describe('wrapText and truncate', () => {
  it('never returns more lines than asked, nor lines much longer than asked', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 100 }), cjkText),
        fc.integer({ min: 3, max: 40 }),
        fc.integer({ min: 1, max: 5 }),
        (text, per, max) => {
          const lines = wrapText(text, per, max);
          expect(lines.length).toBeLessThanOrEqual(max);
          // Columns: a Chinese character counts two.
          for (const line of lines) {
            const columns = Array.from(line).reduce((sum, c) => sum + columnsOf(c), 0);
            expect(columns).toBeLessThanOrEqual(per);
          }
        },
      ),
    );
  });

  it('gives a Chinese character the width of two Latin letters', () => {
    expect(wrapText('云南玫瑰鲜花饼十枚装', 10, 2)).toEqual(['云南玫瑰鲜', '花饼十枚装']);
    expect(wrapText('云南玫瑰鲜花饼十枚装', 10, 1)).toEqual(['云南玫瑰…']);
    expect(wrapText('玫瑰 rose cakes', 8, 2)).toEqual(['玫瑰', 'rose…']);
    expect(columnsOf('陈')).toBe(2);
    expect(columnsOf('Ａ')).toBe(2);
    expect(columnsOf('a')).toBe(1);
  });

  it('breaks at spaces, and marks a cut with an ellipsis', () => {
    expect(wrapText('Jasmine pearl green tea', 10, 3)).toEqual(['Jasmine', 'pearl', 'green tea']);
    expect(wrapText('Jasmine pearl green tea', 10, 2)).toEqual(['Jasmine', 'pearl…']);
    expect(truncate('a'.repeat(10), 5)).toBe('aaaa…');
    expect(truncate('  short  ', 50)).toBe('short');
  });
});

describe("applyRefund (a link's GMV is paid less refunded; an order stops counting when fully refunded)", () => {
  const paid = { total: 10_000, refundedAmount: 0, fullyRefunded: false };

  it('takes a partial refund off the GMV and keeps the order', () => {
    expect(applyRefund(paid, { kind: 'partial', refundedAmount: 3000 })).toEqual({
      next: { total: 10_000, refundedAmount: 3000, fullyRefunded: false },
      orders: 0,
      gmv: -3000,
    });
  });

  it('takes the rest and the order on a full refund after partial ones', () => {
    const after = applyRefund(paid, { kind: 'partial', refundedAmount: 3000 }).next;
    expect(applyRefund(after, { kind: 'full' })).toEqual({
      next: { total: 10_000, refundedAmount: 10_000, fullyRefunded: true },
      orders: -1,
      gmv: -7000,
    });
  });

  it('changes nothing for news already applied, late or repeated', () => {
    const after = applyRefund(paid, { kind: 'partial', refundedAmount: 5000 }).next;
    expect(applyRefund(after, { kind: 'partial', refundedAmount: 3000 })).toMatchObject({
      orders: 0,
      gmv: 0,
    });
    const full = applyRefund(after, { kind: 'full' }).next;
    expect(applyRefund(full, { kind: 'full' })).toMatchObject({ orders: 0, gmv: 0 });
  });

  it('never takes back more than the order added, whatever the news', () => {
    const news = fc.oneof(
      fc.record({
        kind: fc.constant('partial' as const),
        refundedAmount: fc.integer({ min: 0, max: 20_000 }),
      }),
      fc.constant({ kind: 'full' as const }),
    );
    fc.assert(
      fc.property(fc.array(news, { maxLength: 8 }), (all) => {
        let order = paid;
        let orders = 1;
        let gmv = paid.total;
        for (const n of all) {
          const change = applyRefund(order, n);
          order = change.next;
          orders += change.orders;
          gmv += change.gmv;
        }
        expect(gmv).toBe(paid.total - order.refundedAmount);
        expect(gmv).toBeGreaterThanOrEqual(0);
        expect(orders).toBe(order.fullyRefunded ? 0 : 1);
      }),
    );
  });
});
