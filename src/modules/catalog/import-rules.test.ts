import { describe, expect, it } from 'vitest';
import { csvCell, parseCsv, parseMajorUnits } from '../../platform/csv.js';
import { checkSheet, skuOwnerProblems } from './import-rules.js';

describe('checking a sheet', () => {
  it('groups rows by handle into one product with its variants; others are products of their own', () => {
    const { products, problems } = checkSheet(
      [
        ['Handle', 'TITLE', 'sku', 'variantTitle', 'price', 'stock', 'category', 'images', 'status'],
        ['pot', 'Teapot', 'P-1', 'Small', '99', '3', 'Kitchen', '/a.png | https://x/b.png', 'active'],
        ['pot', '', 'P-2', 'Large', '129.5', '', '', '', ''],
        ['', 'Cup', 'C-1', '', '5', '1', '', '', ''],
        ['', '', '', '', '', '', '', '', ''],
      ],
      'CNY',
    );
    expect(problems).toEqual([]);
    expect(products).toEqual([
      {
        rows: [2, 3],
        title: 'Teapot',
        category: 'Kitchen',
        images: ['/a.png', 'https://x/b.png'],
        variants: [
          { row: 2, sku: 'P-1', title: 'Small', price: 9900, stock: 3 },
          { row: 3, sku: 'P-2', title: 'Large', price: 12950 },
        ],
      },
      { rows: [4], title: 'Cup', variants: [{ row: 4, sku: 'C-1', title: '', price: 500, stock: 1 }] },
    ]);
  });

  it('reads back what the export wrote: the apostrophe before a formula-like cell is taken off', () => {
    const exported = [
      'title,sku,price',
      [csvCell('-50% off'), csvCell('+A1'), '5'].join(','),
      "'tea,T-1,5",
    ].join('\n');
    const { products, problems } = checkSheet(
      parseCsv(exported).records.map((r) => r.fields),
      'CNY',
    );
    expect(problems).toEqual([]);
    expect(products.map((p) => [p.title, p.variants[0]?.sku])).toEqual([
      ['-50% off', '+A1'],
      ["'tea", 'T-1'],
    ]);
  });

  it('names repeated and unknown columns, too long text, bad images and rates', () => {
    const { problems } = checkSheet(
      [
        ['title', 'sku', 'price', 'sku', 'images', 'commissionRateBps', 'extra'],
        ['x'.repeat(201), 'A', '1', '', 'javascript:alert(1)', '10001', ''],
      ],
      'CNY',
    );
    expect(problems).toEqual([
      { row: 1, column: 'sku', problem: 'column_repeated' },
      { row: 1, column: 'extra', problem: 'column_unknown' },
      { row: 2, column: 'title', problem: 'too_long' },
      { row: 2, column: 'commissionRateBps', problem: 'out_of_range' },
      { row: 2, column: 'images', problem: 'invalid_image' },
    ]);
  });

  it('refuses a product whose SKUs belong to two products', () => {
    const { products } = checkSheet(
      [
        ['handle', 'title', 'sku', 'price'],
        ['h', 'T', 'A', '1'],
        ['h', '', 'B', '1'],
        ['h', '', 'C', '1'],
      ],
      'CNY',
    );
    const owners = new Map([
      ['A', 'p1'],
      ['B', 'p2'],
    ]);
    expect(skuOwnerProblems(products, owners)).toEqual([{ row: 3, column: 'sku', problem: 'sku_elsewhere' }]);
  });
});

describe('prices in major units', () => {
  it('parses decimals as text, never through a float', () => {
    expect(parseMajorUnits('0.29', 'CNY')).toBe(29);
    expect(parseMajorUnits('45.5', 'CNY')).toBe(4550);
    expect(parseMajorUnits(' 12 ', 'CNY')).toBe(1200);
    expect(parseMajorUnits('1.234', 'CNY')).toBeUndefined();
    expect(parseMajorUnits('-1', 'CNY')).toBeUndefined();
    expect(parseMajorUnits('1e3', 'CNY')).toBeUndefined();
    expect(parseMajorUnits('500', 'JPY')).toBe(500);
    expect(parseMajorUnits('5.5', 'JPY')).toBeUndefined();
  });
});
