import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDecimal, formatMoney, minorDigits, parseDecimal } from './money';

/** The currencies a shop may be configured with (CURRENCY), with their minor digits. */
const CURRENCIES = [
  ['CNY', 2],
  ['USD', 2],
  ['JPY', 0],
] as const;
const LOCALES = ['en', 'zh-CN'] as const;

const minorUnits = fc.maxSafeInteger().filter((n) => n >= 0);

/** What a person would type back from the formatted amount: the digits and the decimal point. */
const typedBack = (formatted: string) => formatted.replace(/[^\d.]/g, '');

describe('money', () => {
  it('knows the minor digits of each platform currency from Intl', () => {
    for (const [currency, digits] of CURRENCIES) expect(minorDigits(currency)).toBe(digits);
  });

  it('parse ∘ formatDecimal is the identity over every safe amount of minor units', () => {
    for (const [, digits] of CURRENCIES) {
      fc.assert(
        fc.property(minorUnits, (minor) => parseDecimal(formatDecimal(minor, digits), digits) === minor),
      );
    }
  });

  it('parse ∘ formatMoney is the identity: what a price shows is exactly what it is', () => {
    for (const [currency, digits] of CURRENCIES) {
      for (const locale of LOCALES) {
        fc.assert(
          fc.property(minorUnits, (minor) => {
            expect(parseDecimal(typedBack(formatMoney(minor, currency, locale)), digits)).toBe(minor);
          }),
        );
      }
    }
  });

  it('formats the examples a shopper sees', () => {
    expect(formatMoney(1290, 'CNY', 'zh-CN')).toBe('¥12.90');
    expect(formatMoney(5, 'USD', 'en')).toBe('$0.05');
    expect(formatMoney(1200, 'JPY', 'en')).toBe('¥1,200');
    expect(formatMoney(9_007_199_254_740_991, 'CNY', 'en')).toBe('CN¥90,071,992,547,409.91');
  });

  it('format ∘ parse gives back what was typed, written canonically', () => {
    const typed = (digits: number) =>
      fc
        .tuple(
          fc.stringMatching(/^\d{1,12}$/),
          digits === 0 ? fc.constant('') : fc.stringMatching(new RegExp(`^\\d{0,${digits}}$`)),
          fc.boolean(),
        )
        .map(([whole, fraction, point]) => ({
          whole,
          fraction,
          text: point || fraction ? `${whole}.${fraction}` : whole,
        }));
    for (const [, digits] of CURRENCIES) {
      fc.assert(
        fc.property(typed(digits), ({ whole, fraction, text }) => {
          const canonicalWhole = whole.replace(/^0+(?=\d)/, '');
          const expected =
            digits === 0 ? canonicalWhole : `${canonicalWhole}.${fraction.padEnd(digits, '0')}`;
          expect(formatDecimal(parseDecimal(text, digits) as number, digits)).toBe(expected);
        }),
      );
    }
  });

  it('parses what people type, by string arithmetic', () => {
    expect(parseDecimal('0.29', 2)).toBe(29);
    expect(parseDecimal('12.9', 2)).toBe(1290);
    expect(parseDecimal(' 1,299.00 ', 2)).toBe(129_900);
    expect(parseDecimal('.5', 2)).toBe(50);
    expect(parseDecimal('7.', 2)).toBe(700);
    expect(parseDecimal('1200', 0)).toBe(1200);
  });

  it('refuses what is not a non-negative amount with at most the currency’s decimals', () => {
    for (const text of ['', ' ', '-1', '1.234', '1e3', 'abc', '1.2.3', '.', '¥12', 'NaN', 'Infinity'])
      expect(parseDecimal(text, 2), text).toBeNull();
    expect(parseDecimal('1.5', 0)).toBeNull();
    expect(parseDecimal('9'.repeat(17), 2)).toBeNull();
  });
});
