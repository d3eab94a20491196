import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Order } from '../../src/modules/orders/present.js';
import { type FakeStripe, fakeStripe, signedDelivery, stripeEvent } from '../support/fake-stripe.js';
import { launchBrowser, openPage, signInWithToken } from './support/browser.js';
import { type Shop, startShop } from './support/server.js';

/**
 * Paying by card: the shop runs with Stripe against the fake Stripe transport, and the browser's
 * request for Stripe.js is answered by a local stand-in (no network) that implements just enough of
 * Stripe(pk), elements({ clientSecret }), create/mount('payment') and confirmPayment. When the
 * buyer confirms, the stand-in tells the test, which sends Stripe's signed payment_intent.succeeded.
 */
const STAND_IN = `
(function () {
  function Stripe(publishableKey) {
    if (!/^pk_/.test(publishableKey)) throw new Error('stand-in: ' + publishableKey + ' is not a publishable key');
    var clientSecret = null;
    var reject = function () { return Promise.reject(new Error('not in the stand-in')); };
    return {
      _registerWrapper: function () {},
      registerAppInfo: function () {},
      createToken: reject,
      createPaymentMethod: reject,
      confirmCardPayment: reject,
      elements: function (options) {
        clientSecret = options && options.clientSecret;
        window.__standIn = { publishableKey: publishableKey, clientSecret: clientSecret };
        return {
          update: function () {},
          submit: function () { return Promise.resolve({}); },
          getElement: function () { return null; },
          create: function (type) {
            var handlers = {};
            var node = null;
            var element = {
              mount: function (target) {
                node = typeof target === 'string' ? document.querySelector(target) : target;
                node.innerHTML = '<label>Card number <input data-testid="stand-in-card" inputmode="numeric"></label>';
                setTimeout(function () {
                  (handlers.ready || []).forEach(function (h) { h({ elementType: type }); });
                }, 50);
              },
              on: function (event, handler) { (handlers[event] = handlers[event] || []).push(handler); return element; },
              off: function (event, handler) {
                handlers[event] = (handlers[event] || []).filter(function (h) { return h !== handler; });
                return element;
              },
              update: function () {},
              unmount: function () {},
              destroy: function () { if (node) node.innerHTML = ''; },
            };
            return element;
          },
        };
      },
      confirmPayment: function (args) {
        var card = document.querySelector('[data-testid="stand-in-card"]');
        if (!card || card.value === '4000000000000002')
          return Promise.resolve({ error: { type: 'card_error', code: 'card_declined', message: 'Your card was declined.' } });
        return window.__standInConfirmed({
          clientSecret: clientSecret,
          returnUrl: args.confirmParams && args.confirmParams.return_url,
          redirect: args.redirect,
        }).then(function () {
          return { paymentIntent: { id: clientSecret.split('_secret_')[0], status: 'succeeded' } };
        });
      },
    };
  }
  Stripe.version = 'endive';
  window.Stripe = Stripe;
})();
`;

let shop: Shop;
let fake: FakeStripe;
let browser: Browser;
let page: Page;
let token: string;
const confirmations: { clientSecret: string; returnUrl: string; redirect: string }[] = [];
const stripeRequests: string[] = [];

beforeAll(async () => {
  fake = fakeStripe();
  [shop, browser] = await Promise.all([
    startShop({
      env: {
        PAYMENT_PROVIDER: 'stripe',
        SANDBOX_PAYMENTS: 'off',
        STRIPE_SECRET_KEY: 'sk_test_e2e',
        STRIPE_WEBHOOK_SECRET: 'whsec_x',
        STRIPE_PUBLISHABLE_KEY: 'pk_test_e2e',
      },
      deps: { stripeHttpClient: fake.httpClient },
    }),
    launchBrowser(),
  ]);
  page = await openPage(browser, shop.baseUrl);
  await page.route('https://js.stripe.com/**', async (route) => {
    stripeRequests.push(route.request().url());
    await route.fulfill({ contentType: 'application/javascript', body: STAND_IN });
  });
  // Stripe's own answer to the buyer: the intent succeeded, and Stripe sends the shop its webhook.
  await page.exposeFunction(
    '__standInConfirmed',
    async (confirmation: { clientSecret: string; returnUrl: string; redirect: string }) => {
      confirmations.push(confirmation);
      const intentId = confirmation.clientSecret.split('_secret_')[0] as string;
      const [payment] = await shop.t.db.query<{ amount: number }>(
        'SELECT amount FROM payments WHERE external_id = $1',
        [intentId],
      );
      const delivery = signedDelivery(
        stripeEvent('payment_intent.succeeded', { id: intentId, amount: Number(payment?.amount) }),
      );
      const res = await shop.t.request('POST', '/api/payments/stripe/webhook', {
        body: delivery.payload,
        headers: delivery.headers,
      });
      if (res.statusCode !== 200) throw new Error(`webhook answered ${res.statusCode}: ${res.body}`);
    },
  );
  const buyer = await shop.t.signUp({ name: 'Card Buyer' });
  token = buyer.token;
  await signInWithToken(page.context(), shop.baseUrl, token);
});

afterAll(async () => {
  await browser?.close();
  await shop?.close();
});

const address = { name: 'Lin Wei', phone: '+86 138 0000 0000', line1: '88 Century Avenue', city: 'Shanghai' };

async function newOrder(): Promise<Order> {
  const variantId = shop.products[0]?.variants[0]?.id as string;
  const res = await shop.t.request('POST', '/api/orders', {
    token,
    body: { items: [{ variantId, quantity: 1 }], address },
  });
  expect(res.statusCode).toBe(201);
  return res.json<Order>();
}

describe('paying by card with Stripe', () => {
  it('shows the Stripe form, says when a card is declined, and keeps the order payable', async () => {
    const order = await newOrder();
    await page.goto(`/pay/${order.id}`);
    await page.getByTestId('stripe-form').waitFor();
    expect(await page.getByTestId('sandbox-notice').count()).toBe(0);
    await expect(page.getByTestId('pay-amount').textContent()).resolves.toContain('29.90');
    await page.getByTestId('stand-in-card').fill('4000000000000002');
    await page.getByTestId('stripe-pay').click();
    await expect(page.getByTestId('stripe-error').textContent()).resolves.toContain('declined');
    expect(confirmations).toHaveLength(0);
    expect(stripeRequests[0]).toMatch(/^https:\/\/js\.stripe\.com\//);
    expect(await page.evaluate(() => (window as unknown as { __standIn: object }).__standIn)).toEqual({
      publishableKey: 'pk_test_e2e',
      clientSecret: expect.stringMatching(new RegExp(`^${fake.intentOf(order.id).id}_secret_`)),
    });
  });

  it('pays, waits for Stripe’s confirmation and lands on the order page showing it paid', async () => {
    const order = await newOrder();
    await page.goto(`/orders/${order.id}`);
    await page.getByTestId('pay-now').click();
    await page.waitForURL(`**/pay/${order.id}`);
    await page.getByTestId('stand-in-card').fill('4242424242424242');
    await page.getByTestId('stripe-pay').click();

    await page.waitForURL(`**/orders/${order.id}`);
    await expect(page.getByTestId('order-status').getAttribute('data-status')).resolves.toBe('paid');
    expect(confirmations.at(-1)).toEqual({
      clientSecret: expect.stringMatching(new RegExp(`^${fake.intentOf(order.id).id}_secret_`)),
      returnUrl: `${shop.baseUrl}/orders/${order.id}`,
      redirect: 'if_required',
    });
    const paid = await shop.t.request('GET', `/api/orders/${order.id}`, { token });
    expect(paid.json<Order>()).toMatchObject({
      status: 'paid',
      payment: { provider: 'stripe', status: 'succeeded' },
    });

    // Back on the pay page, a paid order offers the order, not the card form.
    await page.goto(`/pay/${order.id}`);
    await page.getByRole('link', { name: 'View order' }).waitFor();
    expect(await page.getByTestId('stripe-form').count()).toBe(0);
  });

  it('lists a payment of another amount on the operator’s Needs attention page, read on a phone', async () => {
    const order = await newOrder();
    const intent = fake.intentOf(order.id);
    const delivery = signedDelivery(stripeEvent('payment_intent.succeeded', intent, { amountReceived: 100 }));
    const res = await shop.t.request('POST', '/api/payments/stripe/webhook', {
      body: delivery.payload,
      headers: delivery.headers,
    });
    expect(res.statusCode).toBe(200);

    const { token: adminToken } = await shop.t.signInAdmin();
    const admin = await openPage(browser, shop.baseUrl);
    await signInWithToken(admin.context(), shop.baseUrl, adminToken);
    await admin.goto('/admin/orders');
    await admin.getByRole('link', { name: 'Needs attention' }).click();
    const item = admin.getByTestId('attention-item').filter({ hasText: order.id.slice(-8) });
    await item.waitFor();
    expect(await item.getAttribute('data-kind')).toBe('payment_unmatched');
    await expect(item.textContent()).resolves.toContain('Payment of another amount');
    await expect(item.textContent()).resolves.toContain('1.00');
    // Phone first: nothing on the page is wider than the screen.
    expect(await admin.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await admin.context().close();
  });
});
