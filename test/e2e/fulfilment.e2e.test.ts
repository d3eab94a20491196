import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Order } from '../../src/modules/orders/present.js';
import { launchBrowser, openPage, signInWithToken } from './support/browser.js';
import { type Shop, startShop } from './support/server.js';

/**
 * Fulfilment across two screens: the buyer (on a phone) pays in the sandbox, the operator ships
 * from the console, the buyer sees the parcel on its way and confirms receipt. Then the operator
 * ships a CSV, and the buyer cancels an unpaid order.
 */
let shop: Shop;
let browser: Browser;
let buyer: Page;
let admin: Page;
let buyerToken: string;

async function signedInPage(token: string, size: 'phone' | 'desktop') {
  const page = await openPage(browser, shop.baseUrl, size);
  await signInWithToken(page.context(), shop.baseUrl, token);
  return page;
}

async function placeOrder(sku: string) {
  const variantId = shop.products.flatMap((p) => p.variants).find((v) => v.sku === sku)?.id;
  const res = await shop.t.request('POST', '/api/orders', {
    token: buyerToken,
    body: {
      items: [{ variantId, quantity: 1 }],
      address: { name: 'Lin Wei', phone: '+86 138 0000 0000', line1: '88 Century Avenue', city: 'Shanghai' },
    },
  });
  expect(res.statusCode).toBe(201);
  return res.json<Order>();
}

const statusOf = (page: Page) => page.getByTestId('order-status').first().getAttribute('data-status');

beforeAll(async () => {
  [shop, browser] = await Promise.all([startShop(), launchBrowser()]);
  buyerToken = (await shop.t.signUp({ name: 'Lin Wei' })).token;
  buyer = await signedInPage(buyerToken, 'phone');
  admin = await signedInPage((await shop.t.signInAdmin()).token, 'phone');
});

afterAll(async () => {
  await browser?.close();
  await shop?.close();
});

describe('fulfilment', () => {
  it('goes paid → shipped (in the console) → completed (the buyer confirms receipt)', async () => {
    const order = await placeOrder('TEA-OOL-BOX');
    await buyer.goto(`/pay/${order.id}`);
    await buyer.getByTestId('pay-succeed').click();
    await buyer.waitForURL(`**/orders/${order.id}`);
    await expect.poll(() => statusOf(buyer)).toBe('paid');
    await buyer.getByTestId('shipment-pending').waitFor();

    // The operator finds it under "To ship" and ships it.
    await admin.goto('/admin/orders');
    await admin.getByTestId('filter-to-ship').click();
    await admin.waitForURL('**/admin/orders?status=paid');
    await expect.poll(() => admin.getByTestId('admin-order-row').count()).toBe(1);
    await admin.getByTestId('admin-order-row').getByRole('link').click();
    await admin.getByTestId('ship-submit').click();
    await admin.getByTestId('error-carrier').waitFor();
    await admin.getByLabel('Carrier').fill('SF Express');
    await admin.getByLabel('Tracking number').fill('SF 1234 5678 90');
    await admin.getByTestId('ship-submit').click();
    await expect.poll(() => statusOf(admin)).toBe('shipped');
    await expect(admin.getByTestId('shipment-tracking').textContent()).resolves.toBe('SF1234567890');
    await admin.getByTestId('ship-form').waitFor({ state: 'detached' });

    // The buyer sees it on its way, with the date it would confirm itself.
    await buyer.reload();
    await expect.poll(() => statusOf(buyer)).toBe('shipped');
    await expect(buyer.getByTestId('shipment-carrier').textContent()).resolves.toBe('SF Express');
    await expect(buyer.getByTestId('shipment-tracking').textContent()).resolves.toBe('SF1234567890');
    await buyer.getByTestId('auto-confirm-at').waitFor();
    await expect(buyer.getByTestId('timeline-shipped').textContent()).resolves.toContain(
      'SF Express · SF1234567890',
    );
    const width = await buyer.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);

    // Asked first; saying no changes nothing.
    await buyer.getByTestId('confirm-receipt').click();
    await buyer.getByRole('button', { name: 'Cancel' }).click();
    expect(await statusOf(buyer)).toBe('shipped');
    await buyer.getByTestId('confirm-receipt').click();
    await buyer.getByTestId('confirm-ok').click();
    await expect.poll(() => statusOf(buyer)).toBe('completed');
    await expect(buyer.getByTestId('timeline-completed').textContent()).resolves.toContain(
      'Confirmed by the buyer',
    );
    await buyer.getByTestId('confirm-receipt').waitFor({ state: 'detached' });
    expect(
      (await shop.t.request('GET', `/api/orders/${order.id}`, { token: buyerToken })).json<Order>().status,
    ).toBe('completed');
  });

  it('ships from a CSV in the console and reports each row', async () => {
    const paid = await placeOrder('KIT-BOARD');
    await shop.t.request('POST', `/api/payments/sandbox/${paid.id}/succeed`, { token: buyerToken });
    const unpaid = await placeOrder('TEA-JAS-50');
    await admin.goto('/admin/orders');
    await admin.getByTestId('ship-csv-link').click();
    await admin.waitForURL('**/admin/orders/ship-csv');
    await admin
      .getByTestId('ship-csv-text')
      .fill(
        `orderId,carrier,trackingNumber\n${paid.id},YTO Express,YT0001\n${unpaid.id},YTO Express,YT0002\n`,
      );
    await admin.getByTestId('ship-csv-submit').click();
    await admin.getByTestId('ship-csv-result').waitFor();
    const rows = admin.getByTestId('ship-csv-row');
    await expect(rows.nth(0).getAttribute('data-status')).resolves.toBe('shipped');
    await expect(rows.nth(1).getAttribute('data-status')).resolves.toBe('refused');
    await expect(rows.nth(1).textContent()).resolves.toContain('not paid yet');
    await expect(rows.nth(1).textContent()).resolves.toContain('Line 3');
    const shipped = (
      await shop.t.request('GET', `/api/orders/${paid.id}`, { token: buyerToken })
    ).json<Order>();
    expect(shipped.shipment).toMatchObject({ carrier: 'YTO Express', trackingNumber: 'YT0001' });
  });

  it('lets the buyer cancel an unpaid order, in Chinese too', async () => {
    const order = await placeOrder('TEA-JAS-50');
    await buyer.goto(`/orders/${order.id}`);
    await expect.poll(() => statusOf(buyer)).toBe('pending_payment');
    await buyer.getByTestId('cancel-order').click();
    await buyer.getByTestId('confirm-ok').click();
    await expect.poll(() => statusOf(buyer)).toBe('cancelled');
    await buyer.getByTestId('cancel-order').waitFor({ state: 'detached' });
    await buyer.getByTestId('pay-now').waitFor({ state: 'detached' });
    await buyer.evaluate(() => localStorage.setItem('fission.lang', 'zh-CN'));
    await buyer.reload();
    await expect(buyer.getByTestId('timeline-cancelled').textContent()).resolves.toContain('买家取消了订单');
  });

  it('reports refused CSV rows in Chinese, never with the server’s English', async () => {
    const unpaid = await placeOrder('TEA-JAS-50');
    await admin.evaluate(() => localStorage.setItem('fission.lang', 'zh-CN'));
    await admin.goto('/admin/orders/ship-csv');
    await admin
      .getByTestId('ship-csv-text')
      .fill(
        `orderId,carrier,trackingNumber\n${unpaid.id},YTO Express,YT0003\nno-such-order,YTO,YT0004\n${unpaid.id},YTO,YT#5\n`,
      );
    await admin.getByTestId('ship-csv-submit').click();
    await admin.getByTestId('ship-csv-result').waitFor();
    const rows = admin.getByTestId('ship-csv-row');
    await expect(rows.nth(0).textContent()).resolves.toContain('尚未付款');
    await expect(rows.nth(1).textContent()).resolves.toContain('没有这个编号的订单');
    await expect(rows.nth(2).textContent()).resolves.toContain('物流单号只能包含');
    const text = (await admin.getByTestId('ship-csv-result').textContent()) ?? '';
    expect(text).not.toMatch(/not paid|No order|tracking|letters/i);
    await admin.evaluate(() => localStorage.setItem('fission.lang', 'en'));
  });
});
