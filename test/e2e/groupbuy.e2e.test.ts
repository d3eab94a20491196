import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Product } from '../../src/modules/catalog/service.js';
import { launchBrowser, openPage, uniqueEmail } from './support/browser.js';
import { type Shop, startShop } from './support/server.js';

/**
 * A group of three in three separate browsers: A opens it from the product page and pays, B joins
 * through A's share link, C completes it; A and B see it succeed on their own screens.
 */
let shop: Shop;
let browser: Browser;

beforeAll(async () => {
  [shop, browser] = await Promise.all([startShop(), launchBrowser()]);
  const board = shop.products.find((p) => p.title === 'Bamboo Cutting Board') as Product;
  const { token } = await shop.t.signInAdmin();
  const created = await shop.t.request('POST', '/api/admin/group-buys', {
    token,
    body: { variantId: board.variants[0]!.id, groupSize: 3, price: 6900, durationMinutes: 120 },
  });
  expect(created.statusCode).toBe(201);
});

afterAll(async () => {
  await browser?.close();
  await shop?.close();
});

const board = () => shop.products.find((p) => p.title === 'Bamboo Cutting Board') as Product;

async function signUp(page: Page, name: string) {
  await page.goto('/signup');
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Email').fill(uniqueEmail('group'));
  await page.getByLabel('Password').fill('correct horse battery');
  await page.getByTestId('signup-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/signup'));
}

/** From the checkout page: an address, the order at the group price, the sandbox payment. */
async function checkOutAndPay(page: Page) {
  await page.waitForURL(/\/checkout\?buy=/);
  await page.getByLabel('Recipient name').fill('Chen Jing');
  await page.getByLabel('Phone').fill('+86 139 0000 0000');
  await page.getByLabel('Address').fill('1 Nanjing Road');
  await page.getByLabel('City').fill('Shanghai');
  await expect(page.getByTestId('checkout-subtotal').textContent()).resolves.toContain('69.00');
  await page.getByTestId('checkout-submit').click();
  await page.waitForURL('**/pay/*');
  await page.getByTestId('pay-succeed').click();
  await page.waitForURL(/\/groups\/[^/]+$/);
}

const groupStatus = (page: Page) => page.getByTestId('group-status').getAttribute('data-status');

describe('a group buy of three', () => {
  it('is opened by A, joined by B through the share link, completed by C, and succeeds for all', async () => {
    const a = await openPage(browser, shop.baseUrl);
    await signUp(a, 'Ada');
    await a.goto(`/products/${board().id}`);
    await a.getByTestId('group-offer').waitFor();
    await a.getByTestId('start-group').click();
    await checkOutAndPay(a);
    await a.getByTestId('group-progress').filter({ hasText: '1 of 3 joined' }).waitFor();
    await expect(groupStatus(a)).resolves.toBe('open');
    await expect(a.getByTestId('group-countdown').textContent()).resolves.toMatch(/Ends in \d\d:\d\d:\d\d/);
    await expect(a.getByTestId('regular-price').textContent()).resolves.toContain('89.00');

    // A shares the group: the link (with its QR code and poster) goes to a friend.
    await a.getByTestId('share-button').click();
    const shared = (await a.getByTestId('share-url').textContent()) ?? '';
    const code = shared.trim().split('/s/')[1];
    expect(code).toBeTruthy();
    await a.getByTestId('share-poster').waitFor();
    await a.getByTestId('share-close').click();

    const b = await openPage(browser, shop.baseUrl);
    await signUp(b, 'Bo');
    await b.goto(`/s/${code}`);
    await b.waitForURL(/\/groups\/[^/?]+\?ref=/);
    await b.getByTestId('join-group').click();
    await checkOutAndPay(b);
    await b.getByTestId('group-progress').filter({ hasText: '2 of 3 joined' }).waitFor();

    const c = await openPage(browser, shop.baseUrl);
    await signUp(c, 'Cai');
    await c.goto(new URL(b.url()).pathname);
    await c.getByTestId('join-group').click();
    await checkOutAndPay(c);
    await c.locator('[data-testid="group-status"][data-status="succeeded"]').waitFor();

    // A and B were watching their group pages: they update on their own.
    for (const page of [a, b]) {
      await page.locator('[data-testid="group-status"][data-status="succeeded"]').waitFor();
      await expect(page.getByTestId('group-progress').textContent()).resolves.toBe('3 of 3 joined');
      expect(await page.getByTestId('group-member').count()).toBe(3);
    }

    await b.goto('/my-group-buys');
    await b.getByTestId('my-group-buy').waitFor();
    await expect(
      b.getByTestId('my-group-buy').getByTestId('group-status').getAttribute('data-status'),
    ).resolves.toBe('succeeded');
  });
});
