import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

const fitsThePhone = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
const csvFile = (name: string, text: string) => ({
  name,
  mimeType: 'text/csv',
  buffer: Buffer.from(text, 'utf8'),
});

describe('catalog import on a phone (390 × 844)', () => {
  it('lists every row’s problem, then imports a clean file with a progress bar that reaches the end', async () => {
    await page.goto('/admin/products');
    await page.getByTestId('admin-import-products').click();
    await page.getByTestId('product-import-page').waitFor();

    await page
      .getByTestId('product-import-file')
      .setInputFiles(csvFile('bad.csv', 'title,sku,price,stock\nGood,E2E-1,10,1\n,E2E-2,abc,1\n'));
    await page.getByTestId('product-import-check').click();
    await expect.poll(() => page.getByTestId('product-import-problem').count()).toBe(2);
    const problems = await page.getByTestId('product-import-problem').allTextContents();
    expect(problems.join(' | ')).toContain('Needs a value.');
    expect(problems.join(' | ')).toContain('Not a price');
    expect(await page.getByTestId('product-import-start').count()).toBe(0);
    expect(await fitsThePhone()).toBe(true);

    const rows = ['title,sku,price,stock,category'];
    for (let i = 0; i < 60; i += 1) rows.push(`E2E tea ${i},E2E-T-${i},${i + 1}.50,${i},tea`);
    await page.getByTestId('product-import-file').setInputFiles(csvFile('teas.csv', rows.join('\n')));
    await page.getByTestId('product-import-check').click();
    await page.getByTestId('product-import-clean').waitFor();
    await expect(page.getByTestId('product-import-clean').textContent()).resolves.toContain(
      '60 products to add',
    );
    await page.getByTestId('product-import-start').click();
    const progress = page.getByTestId('product-import-progress');
    await progress.waitFor();
    expect(await progress.getAttribute('data-status')).toBe('running');

    await shop.t.jobs.runDue();
    await expect.poll(() => progress.getAttribute('data-status'), { timeout: 15_000 }).toBe('done');
    await expect(page.locator('#product-import-bar').getAttribute('value')).resolves.toBe('100');
    await expect(progress.textContent()).resolves.toContain('60 of 60 rows');
    expect(await fitsThePhone()).toBe(true);
  });

  it('changes the price of ticked products from the bulk bar, and exports the list', async () => {
    await page.goto('/admin/products?q=E2E%20tea%201');
    await expect.poll(() => page.getByTestId('admin-product-row').count()).toBeGreaterThan(1);
    await page.getByTestId('bulk-select-all').check();
    await page.getByTestId('bulk-action').selectOption('price');
    await page.getByTestId('bulk-by').selectOption('amount');
    await page.getByTestId('bulk-value').fill('-1');
    expect(await fitsThePhone()).toBe(true);
    await page.getByTestId('bulk-apply').click();
    await page.getByTestId('bulk-result').waitFor();
    await expect(page.getByTestId('bulk-result').textContent()).resolves.toMatch(
      /Changed: \d+\. Refused: 0\./,
    );
    const [{ price } = { price: 0 }] = await shop.t.db.query<{ price: number }>(
      `SELECT price FROM variants WHERE sku = 'E2E-T-1'`,
    );
    expect(price).toBe(150);

    const download = page.waitForEvent('download');
    await page.getByTestId('admin-products-export').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^products-\d{4}-\d{2}-\d{2}\.csv$/);
  });

  it('reads in Chinese', async () => {
    await page.evaluate(() => localStorage.setItem('fission.lang', 'zh-CN'));
    await page.goto('/admin/products/import');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('导入商品');
    await page.evaluate(() => localStorage.setItem('fission.lang', 'en'));
  });
});
