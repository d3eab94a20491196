import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { categorySlug, likePattern, parseStockChange, priceSummary } from './rules.js';

describe('categorySlug', () => {
  it('turns names into short lowercase slugs', () => {
    expect(categorySlug('  Home & Kitchen ')).toBe('home-and-kitchen');
    expect(categorySlug('Tea/Coffee!!')).toBe('tea-coffee');
    expect(categorySlug('茶叶 礼盒')).toBe('茶叶-礼盒');
    expect(categorySlug('!!!')).toBe('');
  });

  it('does not end with a dash when cut at 40 characters', () => {
    expect(categorySlug(`${'a'.repeat(39)} b`)).toBe('a'.repeat(39));
    expect(categorySlug('𠀀'.repeat(41))).toBe('𠀀'.repeat(40));
  });

  it('is idempotent, at most 40 characters, and never starts or ends with a dash', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 60, unit: fc.constantFrom('a', 'B', ' ', '-', '&', '茶', '𠀀', '!') }),
        (name) => {
          const slug = categorySlug(name);
          expect(categorySlug(slug)).toBe(slug);
          expect(Array.from(slug).length).toBeLessThanOrEqual(40);
          expect(slug).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
          expect(slug).not.toMatch(/^-|-$|--/);
          expect(slug).toBe(slug.toLowerCase());
        },
      ),
    );
  });
});

describe('likePattern', () => {
  it('escapes LIKE wildcards and the escape character', () => {
    expect(likePattern('50%')).toBe('%50\\%%');
    expect(likePattern('a_b')).toBe('%a\\_b%');
    expect(likePattern('c:\\')).toBe('%c:\\\\%');
  });

  it('leaves no unescaped wildcard from the input', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const inner = likePattern(text).slice(1, -1);
        // Remove escaped pairs; what remains must be free of wildcards and lone backslashes.
        expect(inner.replace(/\\[\\%_]/g, '')).not.toMatch(/[%_\\]/);
      }),
    );
  });
});

describe('priceSummary', () => {
  it('is empty for no variants', () => {
    expect(priceSummary([])).toEqual({ minPrice: null, maxPrice: null, inStock: false });
  });

  it('spans the variant prices and is in stock when any variant is', () => {
    const variant = fc.record({ price: fc.nat(), stock: fc.nat({ max: 5 }) });
    fc.assert(
      fc.property(fc.array(variant, { minLength: 1, maxLength: 20 }), (variants) => {
        const { minPrice, maxPrice, inStock } = priceSummary(variants);
        const prices = variants.map((v) => v.price);
        expect(prices).toContain(minPrice);
        expect(prices).toContain(maxPrice);
        expect(prices.every((p) => p >= (minPrice ?? 0) && p <= (maxPrice ?? 0))).toBe(true);
        expect(inStock).toBe(variants.some((v) => v.stock > 0));
      }),
    );
  });
});

describe('parseStockChange', () => {
  it('takes a non-zero delta alone, or expected and a different stock together', () => {
    expect(parseStockChange({ delta: -3, reason: ' damaged ' })).toEqual({
      change: { mode: 'delta', delta: -3, reason: 'damaged' },
    });
    expect(parseStockChange({ expected: 4, stock: 0, reason: 'stocktake' })).toEqual({
      change: { mode: 'set', expected: 4, stock: 0, reason: 'stocktake' },
    });
  });

  it.each([
    [{}, '/delta'],
    [{ delta: 0 }, '/delta'],
    [{ delta: 1, expected: 2 }, '/expected'],
    [{ delta: 1, stock: 2 }, '/stock'],
    [{ delta: 1, expected: 2, stock: 3 }, '/expected'],
    [{ stock: 2 }, '/expected'],
    [{ expected: 2 }, '/stock'],
    [{ expected: 2, stock: 2 }, '/stock'],
  ])('refuses %j at the field that makes it neither form', (fields, path) => {
    const parsed = parseStockChange({ ...fields, reason: 'x' });
    expect('error' in parsed && parsed.error.path).toBe(path);
  });

  it('accepts exactly the two forms, over any combination of fields', () => {
    const maybe = fc.option(fc.integer({ min: -5, max: 5 }), { nil: undefined });
    fc.assert(
      fc.property(maybe, maybe, maybe, (delta, expected, stock) => {
        const parsed = parseStockChange({ delta, expected, stock, reason: 'r' });
        const deltaForm = delta !== undefined && delta !== 0 && expected === undefined && stock === undefined;
        const setForm =
          delta === undefined && expected !== undefined && stock !== undefined && stock !== expected;
        expect('change' in parsed).toBe(deltaForm || setForm);
      }),
    );
  });
});
