import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import type { Order } from '../orders/index.js';
import type { OwnReview, Review } from './schemas.js';

let t: TestApp;
let admin: { token: string };
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signInAdmin();
});
afterAll(() => t.close());

/**
 * The rating summary is the visible reviews' summary, whatever is written and hidden: its count is
 * the number listed, its histogram counts their ratings, and its average is their mean to two decimals.
 */
describe('rating summary laws', () => {
  it('average, histogram and count match the reviews the product page lists', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ rating: fc.integer({ min: 1, max: 5 }), hidden: fc.boolean() }), {
          minLength: 0,
          maxLength: 7,
        }),
        async (reviews) => {
          const buyer = await t.signUp();
          // One line per review: a product of as many variants, one order of them all.
          const product = await t.services.catalog.createProduct({
            title: 'Summary tea',
            category: 'tea',
            variants: Array.from({ length: Math.max(1, reviews.length) }, (_, i) => ({
              sku: `SUM-${Math.random().toString(36).slice(2, 10)}-${i}`,
              title: `${i + 1} tins`,
              price: 1000,
              stock: 5,
            })),
          });
          const placed = await t.request('POST', '/api/orders', {
            token: buyer.token,
            body: { items: product.variants.map((v) => ({ variantId: v.id, quantity: 1 })) },
          });
          const order = placed.json<Order>();
          await t.request('POST', `/api/payments/sandbox/${order.id}/succeed`, { token: buyer.token });
          for (const [i, r] of reviews.entries()) {
            const res = await t.request('POST', `/api/orders/${order.id}/reviews`, {
              token: buyer.token,
              body: { rating: r.rating, body: `review ${i}`, orderItemId: order.items[i]!.id },
            });
            expect(res.statusCode, res.body).toBe(201);
            if (r.hidden)
              await t.request('POST', `/api/admin/reviews/${res.json<OwnReview>().id}/hide`, {
                token: admin.token,
                body: { reason: 'law' },
              });
          }
          const page = (await t.request('GET', `/api/products/${product.id}/reviews?limit=100`)).json<{
            items: Review[];
            summary: {
              count: number;
              average: number | null;
              histogram: { rating: number; count: number }[];
            };
          }>();
          const visible = reviews.filter((r) => !r.hidden).map((r) => r.rating);
          expect(page.items.map((r) => r.rating).sort()).toEqual([...visible].sort());
          expect(page.summary.count).toBe(visible.length);
          expect(page.summary.histogram).toEqual(
            [1, 2, 3, 4, 5].map((rating) => ({ rating, count: visible.filter((v) => v === rating).length })),
          );
          const mean = visible.reduce((a, b) => a + b, 0) / visible.length;
          if (visible.length === 0) expect(page.summary.average).toBeNull();
          else expect(Math.abs((page.summary.average as number) - mean)).toBeLessThanOrEqual(0.005 + 1e-9);
        },
      ),
      { numRuns: 12 },
    );
  });
});
