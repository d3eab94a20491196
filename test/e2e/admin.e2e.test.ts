import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Product } from '../../src/modules/catalog/service.js';
import { launchBrowser, openPage } from './support/browser.js';
import { type Shop, startShop } from './support/server.js';

let shop: Shop;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [shop, browser] = await Promise.all([startShop(), launchBrowser()]);
  page = await openPage(browser, shop.baseUrl, 'desktop');
});

afterAll(async () => {
  await browser?.close();
  await shop?.close();
});

describe('admin console', () => {
  it('sends the admin through sign-in to the dashboard, and on to the product list', async () => {
    await page.goto('/admin');
    await page.waitForURL('**/signin?next=%2Fadmin');
    await page.getByLabel('Email').fill(shop.admin.email);
    await page.getByLabel('Password').fill(shop.admin.password);
    await page.getByTestId('signin-submit').click();
    await page.waitForURL('**/admin/dashboard');
    await page.getByTestId('admin-nav').getByRole('link', { name: 'Products' }).click();
    await page.waitForURL('**/admin/products');
    await expect.poll(() => page.getByTestId('admin-product-row').count()).toBe(shop.products.length);
  });

  it('creates a product whose prices are exact minor units, and the storefront finds it', async () => {
    await page.getByTestId('admin-new-product').click();
    await page.getByLabel('Title').fill('Lychee Black Tea');
    await page.getByLabel('Description').fill('Smoky black tea with lychee sweetness.');
    await page.getByLabel('Category').selectOption({ label: 'Tea' });
    await page.getByLabel('Commission override (%)').fill('5.5');
    const first = page.getByTestId('variant-row').nth(0);
    await first.getByTestId('variant-sku').fill('TEA-LYC-100');
    await first.getByTestId('variant-title').fill('100 g');
    await first.getByTestId('variant-price').fill('12.90');
    await first.getByTestId('variant-stock').fill('7');
    await page.getByTestId('add-variant').click();
    const second = page.getByTestId('variant-row').nth(1);
    await second.getByTestId('variant-sku').fill('TEA-LYC-250');
    await second.getByTestId('variant-title').fill('250 g');
    await second.getByTestId('variant-price').fill('0.29');
    await second.getByTestId('variant-stock').fill('3');
    await second.getByTestId('variant-price').fill('12.3.4');
    await page.getByTestId('admin-product-save').click();
    await page.getByText('Enter a price like 12.90').waitFor();

    await second.getByTestId('variant-price').fill('29.99');
    await page.getByTestId('admin-product-save').click();
    await page.getByTestId('admin-product-saved').waitFor();

    const found = await shop.t.request('GET', '/api/products?q=lychee');
    const [product] = found.json<{ items: Product[] }>().items;
    expect(product?.variants.map((v) => v.price)).toEqual([1290, 2999]);
    expect(product?.commissionRateBps).toBe(550);
    expect(product?.category).toBe('tea');

    await page.goto('/');
    await page.getByTestId('search-input').fill('lychee');
    await page.getByTestId('search-input').press('Enter');
    await expect.poll(() => page.getByTestId('product-card').count()).toBe(1);
    const card = page.getByTestId('product-card').first();
    await expect(card.textContent()).resolves.toContain('Lychee Black Tea');
    await expect(card.textContent()).resolves.toContain('from');
  });

  it('archives a product so the storefront no longer lists it', async () => {
    await page.goto('/admin/products?q=teapot');
    await page.getByTestId('admin-archive').click();
    await page.getByTestId('admin-restore').waitFor({ state: 'detached' });
    await page.goto('/?q=teapot');
    await page.getByTestId('empty-products').waitFor();
  });
});
