import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeStripe } from '../../../test/support/fake-stripe.js';
import { expectProblem } from '../../../test/support/problem.js';
import { createProduct, placeOrder } from '../../../test/support/shop.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import type { Order } from '../orders/present.js';

/**
 * Regression: with DATABASE_URL set the sandbox provider was on by default, so any buyer could
 * mark any order paid through /api/payments/sandbox/:id/succeed, earn commission and withdraw it.
 * The app is built from the settings of a production start (the test database stands in for it).
 */
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp(
    {
      DATABASE_URL: 'postgres://fission@db.example.com/fission',
      PUBLIC_URL: 'https://shop.example',
      PAYMENT_PROVIDER: 'stripe',
      STRIPE_SECRET_KEY: 'sk_live_x',
      STRIPE_WEBHOOK_SECRET: 'whsec_x',
    },
    undefined,
    { stripeHttpClient: fakeStripe().httpClient },
  );
});
afterAll(() => t.close());

describe('a production start (DATABASE_URL, Stripe)', () => {
  it('has no sandbox: its pay routes do not exist and orders stay unpaid', async () => {
    expect(t.config.sandboxPayments).toBe(false);
    const buyer = await t.signUp();
    const { variantId } = await createProduct(t, { price: 2000, stock: 3 });
    const order = (await placeOrder(t, buyer.token, [{ variantId, quantity: 1 }])).json<Order>();
    expect(order.payment?.provider).toBe('stripe');

    for (const outcome of ['succeed', 'fail']) {
      const res = await t.request('POST', `/api/payments/sandbox/${order.id}/${outcome}`, {
        token: buyer.token,
      });
      expectProblem(res, 404);
    }
    const after = await t.request('GET', `/api/orders/${order.id}`, { token: buyer.token });
    expect(after.json<Order>().status).toBe('pending_payment');
    expect((await t.request('GET', '/api/config')).json()).toMatchObject({
      sandboxPayments: false,
      stripe: null,
    });
  });
});
