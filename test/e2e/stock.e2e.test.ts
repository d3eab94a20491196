import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Product } from '../../src/modules/catalog/service.js';
import { stockOf } from '../support/shop.js';
import { launchBrowser, openPage } from './support/browser.js';
import { type Shop, startShop } from './support/server.js';

/** The product edit page on a phone: stock is read-only, changed only through "Adjust stock". */
let shop: Shop;
let browser: Browser;
let page: Page;
let product: Product;
let variantId: string;

beforeAll(async () => {
  [shop, browser] = await Promise.all([startShop(), launchBrowser()]);
  page = await openPage(browser, shop.baseUrl, 'phone');
  product = shop.products.find((p) => p.title === 'Oolong Gift Box')!;
  variantId = product.variants[0]!.id;
  // Units sold since the operator last looked: a save of the form must not put them back.
  const buyer = await shop.t.signUp();
  const order = await shop.t.request('POST', '/api/orders', {
    token: buyer.token,
    body: { items: [{ variantId, quantity: 2 }] },
  });
  expect(order.statusCode).toBe(201);
  await page.goto('/signin?next=%2Fadmin%2Fproducts');
  await page.getByLabel('Email').fill(shop.admin.email);
  await page.getByLabel('Password').fill(shop.admin.password);
  await page.getByTestId('signin-submit').click();
  await page.waitForURL('**/admin/products');
});

afterAll(async () => {
  await browser?.close();
  await shop?.close();
});

const figure = () => page.getByTestId('stock-figure').first().textContent();

describe('stock in the console', () => {
  it('shows stock read-only, and a title edit keeps the stock sales left', async () => {
    await page.goto(`/admin/products/${product.id}`);
    await expect.poll(figure).toBe('In stock: 3');
    expect(await page.getByTestId('variant-stock').count()).toBe(0);
    await expect(page.getByTestId('variant-stock-readonly').textContent()).resolves.toBe('3');
    await page.getByLabel('Title').fill('Oolong Gift Box, autumn');
    await page.getByTestId('admin-product-save').click();
    await page.getByTestId('admin-product-saved').waitFor();
    expect(await stockOf(shop.t, variantId)).toBe(3);
  });

  it('adds units with a reason and shows the movement in the history', async () => {
    await page.getByTestId('adjust-stock').first().click();
    const dialog = page.getByTestId('adjust-stock-dialog');
    await dialog.getByTestId('adjust-stock-amount').fill('0');
    await dialog.getByTestId('adjust-stock-reason').fill('delivery');
    await dialog.getByTestId('adjust-stock-save').click();
    await dialog.getByText('Enter a change other than 0').waitFor();
    await dialog.getByTestId('adjust-stock-amount').fill('20');
    await dialog.getByTestId('adjust-stock-save').click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(figure).toBe('In stock: 23');

    await page.getByTestId('stock-history-toggle').first().click();
    await expect.poll(() => page.getByTestId('stock-movement').count()).toBe(3);
    const newest = await page.getByTestId('stock-movement').first().textContent();
    expect(newest).toContain('+20');
    expect(newest).toContain('Adjustment');
    expect(newest).toContain('delivery');
    const sold = await page.getByTestId('stock-movement').nth(1).textContent();
    expect(sold).toContain('Sold');
  });

  it('refuses a set when the stock moved while the dialog was open, and shows the new figure', async () => {
    await page.getByTestId('adjust-stock').first().click();
    const dialog = page.getByTestId('adjust-stock-dialog');
    await dialog.getByTestId('adjust-stock-mode-set').check();
    await dialog.getByTestId('adjust-stock-amount').fill('50');
    await dialog.getByTestId('adjust-stock-reason').fill('stocktake');
    // A sale lands between reading the figure and saving the new one.
    const buyer = await shop.t.signUp();
    await shop.t.request('POST', '/api/orders', {
      token: buyer.token,
      body: { items: [{ variantId, quantity: 1 }] },
    });
    await dialog.getByTestId('adjust-stock-save').click();
    await dialog.getByTestId('adjust-stock-refused').waitFor();
    await expect
      .poll(() => dialog.getByTestId('adjust-stock-current').textContent())
      .toBe('Now in stock: 22');
    expect(await stockOf(shop.t, variantId)).toBe(22);
    await dialog.getByTestId('adjust-stock-save').click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(figure).toBe('In stock: 50');
  });

  it('fits a phone screen without sideways scrolling', async () => {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
