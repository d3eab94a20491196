import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { placePaidOrder } from '../../../test/support/shop.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { parseCsv } from '../../platform/csv.js';

let t: TestApp;
let admin: { token: string; user: { id: string } };
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signInAdmin();
});
afterAll(() => t.close());

const u = () => Math.random().toString(36).slice(2, 8).toUpperCase();
const make = (title: string, variants: { price: number; stock: number }[], category = 'tea') =>
  t.services.catalog.createProduct({
    title,
    category,
    variants: variants.map((v) => ({ ...v, sku: `BK-${u()}` })),
  });
const bulk = (body: unknown) => t.request('POST', '/api/admin/products/bulk', { token: admin.token, body });
const csvOf = async (url: string) => {
  const res = await t.request('GET', url, { token: admin.token });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toMatch(/^text\/csv/);
  expect(res.body.startsWith('\uFEFF')).toBe(true);
  const [header, ...rows] = parseCsv(res.body).records.map((r) => r.fields);
  return { header: header ?? [], rows };
};

describe('bulk actions on products', () => {
  it('changes prices by a percentage (rounded half up) and reports each product', async () => {
    const a = await make('Bulk A', [
      { price: 999, stock: 1 },
      { price: 2000, stock: 1 },
    ]);
    const b = await make('Bulk B', [{ price: 100, stock: 1 }]);
    const res = await bulk({
      action: 'price',
      productIds: [a.id, b.id, 'missing'],
      change: { by: 'percent', value: 10 },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json<{
      results: { productId: string; outcome: string }[];
      changed: number;
      refused: number;
    }>();
    expect(body).toMatchObject({ changed: 2, refused: 1 });
    expect(body.results.find((r) => r.productId === 'missing')?.outcome).toBe('not_found');
    const after = await t.services.catalog.getProduct(a.id);
    expect(after.variants.map((v) => v.price)).toEqual([1099, 2200]);

    // Each changed product is in the audit log, price by SKU, with the request that changed it.
    const log = await t.request('GET', `/api/admin/audit?targetType=product&targetId=${a.id}`, {
      token: admin.token,
    });
    const [sku1, sku2] = a.variants.map((v) => v.sku);
    expect(log.json<{ items: unknown[] }>().items).toEqual([
      expect.objectContaining({
        action: 'product.bulk.price',
        before: { [`variants.${sku1}.price`]: 999, [`variants.${sku2}.price`]: 2000 },
        after: { [`variants.${sku1}.price`]: 1099, [`variants.${sku2}.price`]: 2200 },
        requestId: res.headers['x-request-id'],
      }),
    ]);
  });

  it('refuses per product a price that would go below zero, and changes the others', async () => {
    const cheap = await make('Cheap', [{ price: 300, stock: 1 }]);
    const dear = await make('Dear', [{ price: 900, stock: 1 }]);
    const res = await bulk({
      action: 'price',
      productIds: [cheap.id, dear.id],
      change: { by: 'amount', value: -500 },
    });
    const { results } = res.json<{ results: { productId: string; outcome: string }[] }>();
    expect(Object.fromEntries(results.map((r) => [r.productId, r.outcome]))).toEqual({
      [cheap.id]: 'price_below_zero',
      [dear.id]: 'changed',
    });
    expect((await t.services.catalog.getProduct(cheap.id)).variants[0]?.price).toBe(300);
    expect((await t.services.catalog.getProduct(dear.id)).variants[0]?.price).toBe(400);
  });

  it('moves stock through the movement log and never below zero, all of a product’s variants or none', async () => {
    const p = await make('Stocked', [
      { price: 100, stock: 10 },
      { price: 100, stock: 2 },
    ]);
    const q = await make('Plenty', [{ price: 100, stock: 8 }]);
    const res = await bulk({
      action: 'stock',
      productIds: [p.id, q.id],
      change: { by: 'amount', value: -3 },
      reason: 'stocktake',
    });
    const { results } = res.json<{ results: { productId: string; outcome: string }[] }>();
    expect(results.find((r) => r.productId === p.id)?.outcome).toBe('stock_below_zero');
    expect((await t.services.catalog.getProduct(p.id)).variants.map((v) => v.stock)).toEqual([10, 2]);
    expect((await t.services.catalog.getProduct(q.id)).variants[0]?.stock).toBe(5);
    const moves = await t.services.catalog.listMovements(q.variants[0]?.id ?? '', { limit: 5 });
    expect(moves.items[0]).toMatchObject({
      kind: 'adjustment',
      delta: -3,
      stock: 5,
      reason: 'stocktake',
      actorId: admin.user.id,
    });

    await bulk({
      action: 'stock',
      productIds: [p.id],
      change: { by: 'percent', value: -50 },
      reason: 'half',
    });
    expect((await t.services.catalog.getProduct(p.id)).variants.map((v) => v.stock)).toEqual([5, 1]);
  });

  it('archives and sets a category; a percentage outside -100..1000 is a field error', async () => {
    const p = await make('To archive', [{ price: 100, stock: 1 }]);
    const archived = await bulk({ action: 'archive', productIds: [p.id, p.id] });
    expect(archived.json()).toMatchObject({
      changed: 1,
      refused: 0,
      results: [{ productId: p.id, outcome: 'changed' }],
    });
    expect((await t.services.catalog.getProduct(p.id, true)).status).toBe('archived');
    const moved = await bulk({ action: 'set_category', productIds: [p.id], category: 'Kitchen & Home' });
    expect(moved.json()).toMatchObject({ changed: 1 });
    expect((await t.services.catalog.getProduct(p.id, true)).category).toBe('kitchen-and-home');
    const bad = await bulk({ action: 'price', productIds: [p.id], change: { by: 'percent', value: -101 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ errors: { path: string }[] }>().errors[0]?.path).toBe('/change/value');
  });
});

describe('CSV exports', () => {
  it('exports products with the list’s filters, formulas made text, importable back', async () => {
    const cat = `exp-${u().toLowerCase()}`;
    await make('=HYPERLINK("http://evil")', [{ price: 4550, stock: 3 }], cat);
    await make('Plain 茶', [{ price: 100, stock: 0 }], cat);
    await make('Elsewhere', [{ price: 100, stock: 0 }], 'other');
    const { header, rows } = await csvOf(`/api/admin/products/export.csv?category=${cat}&sort=price_asc`);
    expect(header).toEqual([
      'handle',
      'title',
      'description',
      'category',
      'images',
      'commissionRateBps',
      'sku',
      'variantTitle',
      'price',
      'stock',
      'status',
    ]);
    expect(rows.map((r) => [r[1], r[8], r[9]])).toEqual([
      ['Plain 茶', '1.00', '0'],
      ['\'=HYPERLINK("http://evil")', '45.50', '3'],
    ]);
    // The export's own file dry-runs clean (an operator edits it and sends it back).
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/admin/product-imports/dry-run',
      headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'text/csv' },
      payload: (
        await t.request('GET', `/api/admin/products/export.csv?category=${cat}`, { token: admin.token })
      ).body,
    });
    expect(res.json()).toMatchObject({ rows: 2, updates: 2, creates: 0, problems: [] });
  });

  it('exports orders and commissions with the filters of their lists', async () => {
    const buyer = await t.signUp({ name: '@Buyer' });
    const p = await make('Order me', [{ price: 1234, stock: 5 }]);
    const order = await placePaidOrder(t, buyer.token, p.variants[0]?.id ?? '', 2);
    const paid = await csvOf('/api/admin/orders/export.csv?status=paid');
    const row = paid.rows.find((r) => r[0] === order.id);
    expect(paid.header.slice(0, 3)).toEqual(['order_id', 'created_at', 'status']);
    expect(row?.[4]).toBe("'@Buyer");
    expect(row?.slice(paid.header.indexOf('total'), paid.header.indexOf('total') + 1)).toEqual(['24.68']);
    const cancelled = await csvOf('/api/admin/orders/export.csv?status=cancelled');
    expect(cancelled.rows.some((r) => r[0] === order.id)).toBe(false);
    const commissions = await csvOf('/api/admin/commissions/export.csv?status=settled');
    expect(commissions.header[0]).toBe('id');
    expect(commissions.rows.every((r) => r[6] === 'settled')).toBe(true);
  });

  it('is for the operator only', async () => {
    const buyer = await t.signUp();
    for (const url of [
      '/api/admin/products/export.csv',
      '/api/admin/orders/export.csv',
      '/api/admin/commissions/export.csv',
    ])
      expect((await t.request('GET', url, { token: buyer.token })).statusCode).toBe(403);
  });
});
