import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Order } from '../../src/modules/orders/present.js';
import { launchBrowser, openPage, signInWithToken } from './support/browser.js';
import { type Shop, startShop } from './support/server.js';

/**
 * The pay page in Chinese: a failed attempt shows as a step of the order (not the server's
 * `payment_failed` key), and paying an order that was paid meanwhile is refused in Chinese.
 */

let shop: Shop;
let browser: Browser;
let buyer: Page;
let buyerToken: string;

async function placeOrder() {
  const variantId = shop.products[0]?.variants[0]?.id;
  const res = await shop.t.request('POST', '/api/orders', {
    token: buyerToken,
    body: {
      items: [{ variantId, quantity: 1 }],
      address: { name: '陈杰', phone: '+86 138 0000 0000', line1: '世纪大道 88 号', city: '上海' },
    },
  });
  expect(res.statusCode).toBe(201);
  return res.json<Order>();
}

beforeAll(async () => {
  [shop, browser] = await Promise.all([startShop(), launchBrowser()]);
  buyerToken = (await shop.t.signUp({ name: '陈杰' })).token;
  buyer = await openPage(browser, shop.baseUrl, 'phone');
  await buyer.context().addInitScript(() => localStorage.setItem('fission.lang', 'zh-CN'));
  await signInWithToken(buyer.context(), shop.baseUrl, buyerToken);
});

afterAll(async () => {
  await browser?.close();
  await shop?.close();
});

describe('paying, in Chinese', () => {
  it('shows a failed attempt as a step of the order, in Chinese', async () => {
    const order = await placeOrder();
    await buyer.goto(`/pay/${order.id}`);
    await buyer.getByTestId('pay-fail').click();
    await buyer.waitForURL(`**/orders/${order.id}`);
    const step = buyer.getByTestId('timeline-payment_failed');
    await expect(step.textContent()).resolves.toContain('付款失败');
    const page = (await buyer.textContent('main')) ?? '';
    expect(page).not.toContain('payment_failed');
  });

  it('refuses paying an order that was paid meanwhile, in Chinese', async () => {
    const order = await placeOrder();
    await buyer.goto(`/pay/${order.id}`);
    await buyer.getByTestId('pay-succeed').waitFor();
    // Paid in another tab while this page still offers to pay.
    const paid = await shop.t.request('POST', `/api/payments/sandbox/${order.id}/succeed`, {
      token: buyerToken,
    });
    expect(paid.statusCode).toBe(200);
    await buyer.getByTestId('pay-succeed').click();
    const error = buyer.getByTestId('error-message');
    await expect(error.textContent()).resolves.toContain('此订单已付款');
    expect(await error.textContent()).not.toMatch(/[A-Za-z]{4,}/);
  });
});
