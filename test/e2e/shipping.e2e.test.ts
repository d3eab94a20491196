import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Product } from '../../src/modules/catalog/service.js';
import { launchBrowser, openPage, signInWithToken } from './support/browser.js';
import { type Shop, startShop } from './support/server.js';

let shop: Shop;
let browser: Browser;
let page: Page;
let adminToken: string;

const jasmine = () => shop.products.find((p) => p.title === 'Jasmine Green Tea') as Product;

beforeAll(async () => {
  [shop, browser] = await Promise.all([startShop(), launchBrowser()]);
  adminToken = (await shop.t.signInAdmin()).token;
  const template = await shop.t.request('POST', '/api/admin/shipping-templates', {
    token: adminToken,
    body: {
      name: 'Standard delivery',
      basis: 'flat',
      freeOverAmount: 9900,
      defaultRule: { first: 1, firstFee: 800, extra: 1, extraFee: 0 },
      regionRules: [{ provinces: ['新疆'], first: 1, firstFee: 2000, extra: 1, extraFee: 0 }],
    },
  });
  expect(template.statusCode).toBe(201);
  const assigned = await shop.t.request('PUT', `/api/admin/products/${jasmine().id}/shipping`, {
    token: adminToken,
    body: { templateId: template.json<{ id: string }>().id },
  });
  expect(assigned.statusCode).toBe(200);
  page = await openPage(browser, shop.baseUrl);
  await signInWithToken(page.context(), shop.baseUrl, (await shop.t.signUp()).token);
});

afterAll(async () => {
  await browser?.close();
  await shop?.close();
});

describe('shipping fees', () => {
  it('shows the fee for the typed province before paying, charges it, and shows it on the order', async () => {
    await page.goto(`/products/${jasmine().id}`);
    await page.getByTestId('variant-option').filter({ hasText: '50 g tin' }).click();
    await page.getByTestId('add-to-cart').click();
    await page.getByTestId('added-to-cart').waitFor();
    await page.goto('/checkout');
    await page.getByLabel('Recipient name').fill('Lin Wei');
    await page.getByLabel('Phone').fill('+86 138 0000 0000');
    await page.getByLabel('Address').fill('88 Century Avenue');
    await page.getByLabel('City').fill('Shanghai');
    await expect.poll(() => page.getByTestId('checkout-shipping-fee').textContent()).toContain('8.00');
    await expect.poll(() => page.getByTestId('checkout-shipping-to-free').textContent()).toContain('69.10');
    await page.getByLabel('Province / state').fill('新疆');
    await expect.poll(() => page.getByTestId('checkout-shipping-fee').textContent()).toContain('20.00');
    await expect.poll(() => page.getByTestId('checkout-total').textContent()).toContain('49.90');

    await page.getByTestId('checkout-submit').click();
    await page.waitForURL('**/pay/*');
    await expect(page.getByTestId('pay-amount').textContent()).resolves.toContain('49.90');
    await page.getByTestId('pay-succeed').click();
    await page.waitForURL(/\/orders\/[^/]+$/);
    await expect.poll(() => page.getByTestId('order-shipping-fee').textContent()).toContain('20.00');
    await expect(page.getByTestId('order-total').textContent()).resolves.toContain('49.90');
  });

  it('lists the templates in the console and picks a product’s template on its page, on a phone', async () => {
    const admin = await openPage(browser, shop.baseUrl);
    await signInWithToken(admin.context(), shop.baseUrl, adminToken);
    await admin.goto('/admin/shipping');
    await expect
      .poll(() => admin.getByTestId('shipping-template-row').first().textContent())
      .toContain('Standard delivery');
    await admin.goto(`/admin/products/${jasmine().id}`);
    const picker = admin.getByTestId('product-shipping-template');
    await expect.poll(async () => (await picker.inputValue()) !== '').toBe(true);
    await picker.selectOption('');
    await admin.getByTestId('save-product-shipping').click();
    await admin.getByTestId('product-shipping-saved').waitFor();
    const now = await shop.t.request('GET', `/api/admin/products/${jasmine().id}/shipping`, {
      token: adminToken,
    });
    expect(now.json()).toMatchObject({ templateId: null });
    await admin.context().close();
  });
});
