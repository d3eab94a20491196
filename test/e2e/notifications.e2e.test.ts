import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicUser } from '../../src/modules/accounts/service.js';
import type { Product } from '../../src/modules/catalog/service.js';
import { launchBrowser, openPage, sessionTokenOf, uniqueEmail } from './support/browser.js';
import { type Shop, startShop } from './support/server.js';

let shop: Shop;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [shop, browser] = await Promise.all([startShop(), launchBrowser()]);
  // Notifications are written by jobs: run them as a real process does.
  shop.t.jobs.start(100);
  page = await openPage(browser, shop.baseUrl);
});

afterAll(async () => {
  await browser?.close();
  await shop?.close();
});

const board = () => shop.products.find((p) => p.title === 'Bamboo Cutting Board') as Product;
const token = () => sessionTokenOf(page);

describe('notifications', () => {
  it('a buyer who signs up sees an empty notification centre', async () => {
    await page.goto('/signup');
    await page.getByLabel('Name').fill('Mei');
    await page.getByLabel('Email').fill(uniqueEmail('notified'));
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByTestId('signup-submit').click();
    await page.getByTestId('notification-bell').click();
    await page.waitForURL('**/notifications');
    await page.getByTestId('notifications-empty').waitFor();
    expect(await page.getByTestId('notification-count').count()).toBe(0);
  });

  it('pays an order, sees the bell count and the notification, and lands on the order from it', async () => {
    await page.goto(`/products/${board().id}`);
    await page.getByTestId('add-to-cart').click();
    await page.getByTestId('added-to-cart').waitFor();
    await page.goto('/checkout');
    await page.getByLabel('Recipient name').fill('Mei Chen');
    await page.getByLabel('Phone').fill('+86 138 0000 0001');
    await page.getByLabel('Address').fill('1 Nanjing Road');
    await page.getByLabel('City').fill('Shanghai');
    await page.getByTestId('checkout-submit').click();
    await page.waitForURL('**/pay/*');
    await page.getByTestId('pay-succeed').click();
    await page.waitForURL(/\/orders\/[^/]+$/);
    const orderPath = new URL(page.url()).pathname;

    // The bell asks again on each page change, on focus and every 30 s.
    await expect
      .poll(
        async () => {
          await page.goto('/');
          return page
            .getByTestId('notification-count')
            .textContent({ timeout: 2_000 })
            .catch(() => null);
        },
        { timeout: 15_000 },
      )
      .toBe('1');

    await page.getByTestId('notification-bell').click();
    await page.waitForURL('**/notifications');
    const item = page.getByTestId('notification').first();
    await expect(item.textContent()).resolves.toContain('Payment received');
    await expect(item.getAttribute('href')).resolves.toBe(orderPath);
    await item.click();
    await page.waitForURL(`**${orderPath}`);
    await expect(page.getByTestId('order-status').getAttribute('data-status')).resolves.toBe('paid');
    // Opening it marked it read: the bell has no count left.
    await page.getByTestId('notification-count').waitFor({ state: 'detached' });
  });

  it('keeps the chosen language and email settings on the server', async () => {
    await page.goto('/account');
    const paid = page.getByTestId('email-pref-order.paid');
    await expect(paid.isChecked()).resolves.toBe(true);
    await paid.uncheck();
    await expect
      .poll(async () => {
        const prefs = await shop.t.request('GET', '/api/me/notification-preferences', {
          token: await token(),
        });
        return prefs.json<{ email: Record<string, boolean> }>().email['order.paid'];
      })
      .toBe(false);

    await page.getByTestId('language-switch').selectOption('zh-CN');
    await expect
      .poll(async () => {
        const me = await shop.t.request('GET', '/api/me', { token: await token() });
        return me.json<PublicUser>().language;
      })
      .toBe('zh-CN');
    await page.goto('/notifications');
    await expect(page.locator('h1').textContent()).resolves.toBe('消息');
  });
});
