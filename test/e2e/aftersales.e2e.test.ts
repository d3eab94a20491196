import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Product } from '../../src/modules/catalog/service.js';
import type { Order } from '../../src/modules/orders/present.js';
import { launchBrowser, openPage, uniqueEmail } from './support/browser.js';
import { type Shop, startShop } from './support/server.js';

/**
 * After-sales on a phone: the buyer asks for a refund of one of two units from the order page and
 * sees the amount before sending; the operator approves it in the console; the buyer sees it refunded.
 */
let shop: Shop;
let browser: Browser;

beforeAll(async () => {
  [shop, browser] = await Promise.all([startShop(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await shop?.close();
});

async function signUp(page: Page, email: string) {
  await page.goto('/signup');
  await page.getByLabel('Name').fill('Refund Ren');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('correct horse battery');
  await page.getByTestId('signup-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/signup'));
}

/** A paid order of 2 × Jasmine (29.90) and 1 × Bamboo board (89.00), placed through the API. */
async function paidOrder(email: string): Promise<Order> {
  const login = await shop.t.request('POST', '/api/auth/login', {
    body: { email, password: 'correct horse battery' },
  });
  const token = login.json<{ token: string }>().token;
  const tea = shop.products.find((p) => p.title === 'Jasmine Green Tea') as Product;
  const board = shop.products.find((p) => p.title === 'Bamboo Cutting Board') as Product;
  const placed = await shop.t.request('POST', '/api/orders', {
    token,
    body: {
      items: [
        { variantId: tea.variants[0]!.id, quantity: 2 },
        { variantId: board.variants[0]!.id, quantity: 1 },
      ],
    },
  });
  const order = placed.json<Order>();
  await shop.t.request('POST', `/api/payments/sandbox/${order.id}/succeed`, { token });
  return order;
}

describe('a refund before shipping', () => {
  it('is asked for on the order page with its amount shown, approved in the console, shown refunded', async () => {
    const buyer = await openPage(browser, shop.baseUrl);
    const email = uniqueEmail('aftersales');
    await signUp(buyer, email);
    const order = await paidOrder(email);

    await buyer.goto(`/orders/${order.id}`);
    await buyer.getByTestId('request-after-sale').click();
    const form = buyer.getByTestId('after-sale-form');
    await form.waitFor();
    // Everything is chosen at first: the whole order, 148.80.
    await expect.poll(() => buyer.getByTestId('after-sale-quote').textContent()).toContain('148.80');
    await buyer.getByTestId('after-sale-quantity').nth(0).selectOption('1');
    await buyer.getByTestId('after-sale-item').nth(1).uncheck();
    await expect.poll(() => buyer.getByTestId('after-sale-quote').textContent()).toContain('29.90');
    await buyer.getByTestId('after-sale-reason').fill('Ordered one tin too many');
    await buyer.getByTestId('after-sale-photos').fill('https://example.com/tin.jpg');
    // Phone first: the form fits the screen without sideways scrolling.
    const width = await buyer.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await buyer.getByTestId('after-sale-submit').click();
    const card = buyer.getByTestId('after-sale');
    await card.waitFor();
    await expect(card.getByTestId('after-sale-status').textContent()).resolves.toBe('Waiting for review');
    await expect(card.getByTestId('after-sale-amount').textContent()).resolves.toContain('29.90');

    const admin = await openPage(browser, shop.baseUrl);
    await admin.goto('/signin?next=%2Fadmin%2Fafter-sales');
    await admin.getByLabel('Email').fill(shop.admin.email);
    await admin.getByLabel('Password').fill(shop.admin.password);
    await admin.getByTestId('signin-submit').click();
    await admin.waitForURL('**/admin/after-sales');
    const request = admin.getByTestId('after-sale').filter({ hasText: 'Ordered one tin too many' });
    await request.getByTestId('after-sale-approve').click();
    await admin.getByTestId('admin-after-sales-empty').waitFor();

    await buyer.goto('/my-after-sales');
    await expect
      .poll(() => buyer.getByTestId('after-sale').first().getByTestId('after-sale-status').textContent())
      .toBe('Refunded');
    await buyer.goto(`/orders/${order.id}`);
    await buyer.getByTestId('order-refunded-amount').waitFor();
    await expect(buyer.getByTestId('order-timeline').textContent()).resolves.toContain('Partly refunded');
    await admin.goto('/admin/after-sales?status=refunded');
    await admin.getByTestId('after-sale').filter({ hasText: 'Ordered one tin too many' }).waitFor();
    await expect(buyer.getByTestId('order-refunded-amount').textContent()).resolves.toContain('29.90');
  });
});
