import { expect } from 'vitest';
import type { Order } from '../../src/modules/orders/present.js';
import type { TestApp } from './test-app.js';

/** A product with one variant, created straight through the catalog service. */
export async function createProduct(
  t: TestApp,
  options: { price?: number; stock?: number; title?: string } = {},
) {
  const product = await t.services.catalog.createProduct({
    title: options.title ?? 'Oolong tea, 100 g',
    category: 'tea',
    variants: [
      {
        sku: `SKU-${Math.random().toString(36).slice(2, 10)}`,
        price: options.price ?? 4900,
        stock: options.stock ?? 10,
      },
    ],
  });
  return { product, variantId: product.variants[0]!.id };
}

export async function placeOrder(
  t: TestApp,
  token: string,
  items: { variantId: string; quantity: number }[],
  headers: Record<string, string> = {},
) {
  return t.request('POST', '/api/orders', { token, body: { items }, headers });
}

export async function placePaidOrder(
  t: TestApp,
  token: string,
  variantId: string,
  quantity = 1,
): Promise<Order> {
  const placed = await placeOrder(t, token, [{ variantId, quantity }]);
  expect(placed.statusCode).toBe(201);
  const paid = await t.request('POST', `/api/payments/sandbox/${placed.json<Order>().id}/succeed`, { token });
  expect(paid.statusCode).toBe(200);
  return paid.json<Order>();
}

export async function stockOf(t: TestApp, variantId: string): Promise<number> {
  const rows = await t.db.query<{ stock: number }>('SELECT stock FROM variants WHERE id = $1', [variantId]);
  return rows[0]!.stock;
}

/** The ledger invariants: every posting set balances, nothing is recorded without postings. */
export async function expectLedgerSound(t: TestApp) {
  expect(await t.services.ledger.findViolations(t.db)).toEqual([]);
  const [{ total }] = (await t.db.query<{ total: number }>(
    'SELECT COALESCE(sum(amount), 0)::bigint AS total FROM ledger_postings',
  )) as [{ total: number }];
  expect(total).toBe(0);
}
