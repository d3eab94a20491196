import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeOnPostgres, POSTGRES_ONLY, RACE } from '../../../test/support/races.js';
import { createProduct, expectLedgerSound, placeOrder, stockOf } from '../../../test/support/shop.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('checkout under concurrency', () => {
  it(`sells exactly 10 of 10 units to 50 simultaneous buyers ${RACE}`, async () => {
    const { variantId } = await createProduct(t, { stock: 10 });
    const buyers = await Promise.all(Array.from({ length: 50 }, () => t.signUp()));
    const results = await Promise.all(
      buyers.map((b) => placeOrder(t, b.token, [{ variantId, quantity: 1 }])),
    );
    const statuses = results.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 201)).toHaveLength(10);
    expect(statuses.filter((s) => s === 409)).toHaveLength(40);
    expect(await stockOf(t, variantId)).toBe(0);
    await expectLedgerSound(t);
  });
});

// Deadlocks need two connections locking rows in opposite orders: PGlite's one connection runs the
// checkouts one by one, so there is nothing to check there.
describeOnPostgres(`checkout under lock contention ${POSTGRES_ONLY}`, () => {
  it('does not deadlock when multi-line orders lock variants in opposite orders', async () => {
    const a = await createProduct(t, { stock: 100 });
    const b = await createProduct(t, { stock: 100 });
    const buyers = await Promise.all(Array.from({ length: 20 }, () => t.signUp()));
    const results = await Promise.all(
      buyers.map((buyer, i) =>
        placeOrder(
          t,
          buyer.token,
          i % 2
            ? [
                { variantId: a.variantId, quantity: 1 },
                { variantId: b.variantId, quantity: 1 },
              ]
            : [
                { variantId: b.variantId, quantity: 1 },
                { variantId: a.variantId, quantity: 1 },
              ],
        ),
      ),
    );
    expect(results.every((r) => r.statusCode === 201)).toBe(true);
    expect(await stockOf(t, a.variantId)).toBe(80);
    expect(await stockOf(t, b.variantId)).toBe(80);
  });
});

describeOnPostgres(`checkout racing product edits ${POSTGRES_ONLY}`, () => {
  // Checkout holds the variant row and then checks the order line's product key; an edit holds
  // the product and then updates its variants. Were the edit's product lock FOR UPDATE, it would
  // block the key check, and the two would deadlock.
  it('neither deadlocks nor loses a unit when buyers check out while the operator edits the price', async () => {
    const { product, variantId } = await createProduct(t, { stock: 100 });
    const buyers = await Promise.all(Array.from({ length: 20 }, () => t.signUp()));
    const variant = product.variants[0]!;
    const [orders, edits] = await Promise.all([
      Promise.all(buyers.map((b) => placeOrder(t, b.token, [{ variantId, quantity: 1 }]))),
      Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          t.services.catalog.updateProduct(product.id, {
            title: `Edited ${i}`,
            variants: [{ id: variant.id, sku: variant.sku, price: 4000 + i }],
          }),
        ),
      ),
    ]);
    expect(orders.map((r) => r.statusCode)).toEqual(orders.map(() => 201));
    expect(edits).toHaveLength(20);
    expect(await stockOf(t, variantId)).toBe(80);
  });
});
