import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Product } from '../../src/modules/catalog/service.js';
import { launchBrowser, openPage, signInWithToken } from './support/browser.js';
import { type Shop, startShop } from './support/server.js';

let shop: Shop;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [shop, browser] = await Promise.all([startShop(), launchBrowser()]);
  page = await openPage(browser, shop.baseUrl);
  await signInWithToken(page.context(), shop.baseUrl, (await shop.t.signInAdmin()).token);
});

afterAll(async () => {
  await browser?.close();
  await shop?.close();
});

const rowSlugs = () =>
  page.getByTestId('admin-category-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-slug')));
const row = (slug: string) => page.locator(`[data-testid="admin-category-row"][data-slug="${slug}"]`);
const fitsThePhone = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe('categories on a phone (390 × 844)', () => {
  it('lists the categories in order as readable cards, and adds one with names in both languages', async () => {
    await page.goto('/admin/categories');
    await expect.poll(rowSlugs).toEqual(['tea', 'kitchen']);
    expect(await fitsThePhone()).toBe(true);
    // Stacked: every cell is labelled on its own line instead of a table too wide for the phone.
    await expect(row('tea').locator('td[data-label="Products"]').textContent()).resolves.toContain(
      '2 on sale',
    );

    await page.getByTestId('category-save').click();
    await page.getByTestId('error-nameEn').waitFor();

    await page.getByLabel('Name in English').fill('Snacks');
    await page.getByLabel('Name in Chinese').fill('零食');
    await page.getByTitle('Cookie').click();
    await page.getByTestId('category-save').click();
    await expect.poll(rowSlugs).toEqual(['tea', 'kitchen', 'snacks']);
    await expect(row('snacks').textContent()).resolves.toContain('零食');
    expect(await fitsThePhone()).toBe(true);
  });

  it('moves a category up, edits its names and icon, and deletes only an unused one', async () => {
    await row('snacks').getByTestId('category-up').click();
    await expect.poll(rowSlugs).toEqual(['tea', 'snacks', 'kitchen']);
    await expect(row('tea').getByTestId('category-up').isDisabled()).resolves.toBe(true);

    await row('tea').getByTestId('category-edit').click();
    await page.getByLabel('Name in Chinese').fill('茶叶');
    await page.getByTitle('Cup').click();
    await page.getByTestId('category-save').click();
    await expect.poll(() => row('tea').textContent()).toContain('茶叶');

    await row('kitchen').getByTestId('category-delete').click();
    await page.getByTestId('confirm-ok').click();
    await expect
      .poll(() => page.getByTestId('error-message').textContent())
      .toBe('2 products are in this category: move them to another category first.');
    expect(await rowSlugs()).toEqual(['tea', 'snacks', 'kitchen']);

    await row('snacks').getByTestId('category-delete').click();
    await page.getByTestId('confirm-ok').click();
    await expect.poll(rowSlugs).toEqual(['tea', 'kitchen']);
  });

  it('puts a product in a category with the picker, which names the categories in order', async () => {
    const teapot = shop.products.find((p) => p.title === 'Ceramic Teapot') as Product;
    await page.goto(`/admin/products/${teapot.id}`);
    const picker = page.getByTestId('category-picker');
    await expect.poll(() => picker.inputValue()).toBe('kitchen');
    await expect(picker.locator('option').allTextContents()).resolves.toEqual([
      'No category',
      'Tea',
      'Kitchen',
    ]);
    expect(await fitsThePhone()).toBe(true);
    await picker.selectOption({ label: 'Tea' });
    await page.getByTestId('admin-product-save').click();
    await page.getByTestId('admin-product-saved').waitFor();
    const saved = await shop.t.request('GET', `/api/products/${teapot.id}`);
    expect(saved.json<Product>().category).toBe('tea');
  });

  it('shows the shopper the category names in Chinese, with their icons, on the home and product pages', async () => {
    await page.evaluate(() => localStorage.setItem('fission.lang', 'zh-CN'));
    await page.goto('/');
    const chips = page.getByTestId('category-chip');
    await expect.poll(() => chips.allTextContents()).toEqual(['全部', '茶叶', 'Kitchen']);
    await expect(chips.nth(1).locator('svg').count()).resolves.toBe(1);
    const jasmine = shop.products.find((p) => p.title === 'Jasmine Green Tea') as Product;
    await page.goto(`/products/${jasmine.id}`);
    await expect.poll(() => page.getByTestId('product-category').textContent()).toBe('茶叶');
  });
});
