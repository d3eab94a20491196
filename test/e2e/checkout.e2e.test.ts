import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Product } from '../../src/modules/catalog/service.js';
import { launchBrowser, openPage, sessionTokenOf, signInWithToken, uniqueEmail } from './support/browser.js';
import { type Shop, startShop } from './support/server.js';

let shop: Shop;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [shop, browser] = await Promise.all([startShop(), launchBrowser()]);
  page = await openPage(browser, shop.baseUrl);
});

afterAll(async () => {
  await browser?.close();
  await shop?.close();
});

const jasmine = () => shop.products.find((p) => p.title === 'Jasmine Green Tea') as Product;

describe('buying', () => {
  it('adds to cart, signs up at checkout, places one order, pays in the sandbox and sees it paid', async () => {
    await page.goto(`/products/${jasmine().id}`);
    await page.getByTestId('variant-option').filter({ hasText: '100 g tin' }).click();
    await page.getByTestId('quantity').getByRole('button', { name: 'Increase quantity' }).click();
    await page.getByTestId('add-to-cart').click();
    await page.getByTestId('added-to-cart').waitFor();
    await expect(page.getByTestId('cart-count').textContent()).resolves.toBe('2');

    await page.goto('/cart');
    await expect(page.getByTestId('cart-subtotal').textContent()).resolves.toContain('104.00');
    await page.getByTestId('go-checkout').click();

    // A guest is asked to sign in, signs up instead, and comes back to the checkout.
    await page.waitForURL('**/signin?next=%2Fcheckout');
    await page.getByRole('link', { name: 'Sign up' }).last().click();
    await page.getByLabel('Name').fill('Lin');
    await page.getByLabel('Email').fill(uniqueEmail('buyer'));
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByTestId('signup-submit').click();
    await page.waitForURL('**/checkout');

    await page.getByLabel('Recipient name').fill('Lin Wei');
    await page.getByLabel('Phone').fill('+86 138 0000 0000');
    await page.getByLabel('Address').fill('88 Century Avenue');
    await page.getByLabel('City').fill('Shanghai');
    await expect(page.getByTestId('checkout-subtotal').textContent()).resolves.toContain('104.00');
    // A double click must not order twice: both requests carry the same Idempotency-Key.
    await page.getByTestId('checkout-submit').dblclick();

    await page.waitForURL('**/pay/*');
    await expect(page.getByTestId('pay-amount').textContent()).resolves.toContain('104.00');
    await page.getByTestId('sandbox-notice').waitFor();
    await page.getByTestId('pay-succeed').click();

    await page.waitForURL(/\/orders\/[^/]+$/);
    await expect(page.getByTestId('order-status').getAttribute('data-status')).resolves.toBe('paid');
    await expect(page.getByTestId('order-timeline').textContent()).resolves.toContain('Paid');
    await expect(page.getByTestId('cart-count').textContent()).resolves.toBe('0');

    const token = await sessionTokenOf(page);
    const orders = await shop.t.request('GET', '/api/me/orders', { token });
    expect(orders.json<{ items: unknown[] }>().items).toHaveLength(1);
    const product = await shop.t.request('GET', `/api/products/${jasmine().id}`);
    const tin = product.json<Product>().variants.find((v) => v.sku === 'TEA-JAS-100');
    expect(tin?.stock).toBe(8);
  });

  it('lists the order under My orders', async () => {
    await page.goto('/orders');
    await page.getByTestId('order-row').first().waitFor();
    expect(await page.getByTestId('order-row').count()).toBe(1);
    await expect(page.getByTestId('order-row').first().textContent()).resolves.toContain('Jasmine Green Tea');
  });

  it('lets the operator complete and then refund the paid order from the admin console', async () => {
    const { token } = await shop.t.signInAdmin();
    const admin = await openPage(browser, shop.baseUrl, 'desktop');
    await signInWithToken(admin.context(), shop.baseUrl, token);
    await admin.goto('/admin/orders?status=paid');
    await expect.poll(() => admin.getByTestId('admin-order-row').count()).toBe(1);
    await admin.getByTestId('admin-order-row').getByRole('link').click();

    const status = admin.getByTestId('admin-order-detail').getByTestId('order-status');
    await admin.getByTestId('admin-order-complete').click();
    await admin.getByTestId('confirm-ok').click();
    await expect.poll(() => status.getAttribute('data-status')).toBe('completed');

    await admin.getByTestId('admin-order-refund').click();
    await admin.getByTestId('confirm-ok').click();
    await expect.poll(() => status.getAttribute('data-status')).toBe('refunded');
    await expect(admin.getByTestId('order-timeline').textContent()).resolves.toContain('Refunded');
    await admin.context().close();
  });
});
