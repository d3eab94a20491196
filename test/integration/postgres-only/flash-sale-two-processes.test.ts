import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../support/server-process.js';
import { startTwoShops, type TwoShops } from '../../support/two-shops.js';

/**
 * A flash sale across two Fission processes on one PostgreSQL: the quantity and the per-person
 * limit are held by the database, so neither process's view of the sale can oversell it.
 */
let shops: TwoShops;
beforeAll(async () => {
  // Orders are placed, never paid, and one person races themself: no unpaid-order limit.
  shops = await startTwoShops({ MAX_UNPAID_ORDERS: '0', JOB_POLL_MS: '600000' });
}, 150_000);
afterAll(() => shops?.stop());

describe('a flash sale with two server processes on one PostgreSQL', () => {
  it('sells exactly its quantity to a crowd spread over both, and holds each person to the limit', async () => {
    const { a, b, adminToken, signUp, query } = shops;
    const product = await call<{ variants: { id: string }[] }>(a.url, 'POST', '/api/admin/products', {
      token: adminToken,
      body: { title: 'Power bank', variants: [{ sku: `PB-${Date.now()}`, price: 14900, stock: 200 }] },
    });
    const variantId = product.body.variants[0]!.id;
    const now = Date.now();
    const sale = await call<{ id: string }>(b.url, 'POST', '/api/admin/flash-sales', {
      token: adminToken,
      body: {
        variantId,
        price: 9900,
        quantity: 20,
        perUserLimit: 1,
        startsAt: new Date(now - 60_000).toISOString(),
        endsAt: new Date(now + 3_600_000).toISOString(),
      },
    });
    expect(sale.status).toBe(201);
    const tokens = await Promise.all(Array.from({ length: 30 }, (_, i) => signUp(i % 2 ? a.url : b.url)));
    // Each person tries twice at once, once through each process.
    const attempts = tokens.flatMap((token) => [a.url, b.url].map((base) => ({ token, base })));
    const results = await Promise.all(
      attempts.map(({ token, base }) =>
        call(base, 'POST', '/api/orders', {
          token,
          body: { items: [{ variantId, quantity: 1 }], flashSale: { saleId: sale.body.id } },
        }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(20);
    expect(statuses.every((s) => [201, 409, 422].includes(s))).toBe(true);
    const perPerson = await query<{ units: number }>(
      'SELECT sum(quantity)::int AS units FROM flash_sale_orders WHERE sale_id = $1 GROUP BY user_id',
      [sale.body.id],
    );
    expect(perPerson).toHaveLength(20);
    expect(perPerson.every((p) => p.units === 1)).toBe(true);
    const [row] = await query<{ taken: number }>('SELECT taken FROM flash_sales WHERE id = $1', [
      sale.body.id,
    ]);
    expect(row?.taken).toBe(20);
    const [stock] = await query<{ stock: number }>('SELECT stock FROM variants WHERE id = $1', [variantId]);
    expect(stock?.stock).toBe(180);
  });
});
