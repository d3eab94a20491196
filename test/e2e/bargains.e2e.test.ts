import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Product } from '../../src/modules/catalog/service.js';
import type { Order } from '../../src/modules/orders/present.js';
import { launchBrowser, openPage, signInWithToken } from './support/browser.js';
import { type Shop, startShop } from './support/server.js';

/**
 * A bargain (砍价) on a phone: started on the bargains page, cut to its floor by two friends who
 * open its link, bought at the floor through checkout; then the operator's console in Chinese.
 */
let shop: Shop;
let browser: Browser;
let admin: string;

const board = () => shop.products.find((p) => p.title === 'Bamboo Cutting Board') as Product;
const SHIPPING_FEE = 800;

beforeAll(async () => {
  [shop, browser] = await Promise.all([startShop(), launchBrowser()]);
  admin = (await shop.t.signInAdmin()).token;
  // Unlike a flash sale, a bargain order pays its shipping: the board ships for a flat fee.
  const template = await shop.t.request('POST', '/api/admin/shipping-templates', {
    token: admin,
    body: {
      name: 'Flat delivery',
      basis: 'flat',
      defaultRule: { first: 1, firstFee: SHIPPING_FEE, extra: 1, extraFee: 0 },
      regionRules: [],
    },
  });
  expect(template.statusCode, template.body).toBe(201);
  const assigned = await shop.t.request('PUT', `/api/admin/products/${board().id}/shipping`, {
    token: admin,
    body: { templateId: template.json<{ id: string }>().id },
  });
  expect(assigned.statusCode, assigned.body).toBe(200);
});

afterAll(async () => {
  await browser?.close();
  await shop?.close();
});

const noSidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
const priceOf = async (page: Page) =>
  Number(await page.getByTestId('bargain-progress').getAttribute('data-price'));

async function signedInPage(token: string) {
  const page = await openPage(browser, shop.baseUrl);
  await signInWithToken(page.context(), shop.baseUrl, token);
  return page;
}

describe('a bargain, on a phone', () => {
  it('is started, cut to its floor by two friends through its link, and bought at the floor', async () => {
    const created = await shop.t.request('POST', '/api/admin/bargains', {
      token: admin,
      body: { variantId: board().variants[0]!.id, floorPrice: 5900, helpersNeeded: 2, durationMinutes: 60 },
    });
    expect(created.statusCode, created.body).toBe(201);
    const [buyer, ...friends] = await Promise.all([
      shop.t.signUp({ name: 'Wang Fang' }),
      shop.t.signUp({ name: 'Li Na' }),
      shop.t.signUp({ name: 'Zhou Min' }),
    ]);

    const page = await signedInPage(buyer.token);
    await page.goto('/bargains');
    const card = page.getByTestId('bargain-campaign').filter({ hasText: 'Bamboo Cutting Board' });
    await expect(card.getByTestId('bargain-floor').textContent()).resolves.toContain('59.00');
    await card.getByTestId('bargain-start').click();
    await page.waitForURL(/\/bargains\/[^/]+$/);
    const link = page.url();
    const progress = page.getByTestId('bargain-progress');
    await expect.poll(() => progress.getAttribute('data-price')).toBe('8900');
    expect(await progress.getAttribute('data-floor')).toBe('5900');
    await expect(page.getByTestId('bargain-countdown').textContent()).resolves.toMatch(
      /Ends in 0[01]:\d\d:\d\d/,
    );
    await page.getByTestId('bargain-share').waitFor();
    expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(0);

    // Signed out, the link asks to sign in and come back to it.
    const guest = await openPage(browser, shop.baseUrl);
    await guest.goto(link);
    const signIn = await guest.getByTestId('bargain-sign-in').getAttribute('href');
    expect(decodeURIComponent(signIn ?? '')).toBe(`/signin?next=${new URL(link).pathname}`);
    await guest.context().close();

    let price = 8900;
    for (const friend of friends) {
      const helper = await signedInPage(friend.token);
      await helper.goto(link);
      await helper.getByTestId('bargain-help').click();
      await expect.poll(() => helper.getByTestId('bargain-your-cut').textContent()).toMatch(/You cut CN¥/);
      expect(await noSidewaysScroll(helper)).toBeLessThanOrEqual(0);
      await helper.context().close();
      await page.reload();
      await expect.poll(() => priceOf(page)).toBeLessThan(price);
      price = await priceOf(page);
    }
    // After the last helper the price is the floor, and the bar is full.
    expect(price).toBe(5900);
    await expect.poll(() => page.getByTestId('bargain-page').getAttribute('data-status')).toBe('succeeded');
    expect(await page.getByTestId('bargain-helper').count()).toBe(2);
    expect(await page.locator('[role="progressbar"]').getAttribute('aria-valuenow')).toBe('100');

    await page.getByTestId('bargain-buy').click();
    await page.waitForURL(/\/checkout\?buy=/);
    await expect(page.getByTestId('checkout-subtotal').textContent()).resolves.toContain('59.00');
    // The bargain's price is the whole deal: no coupon or points to add; shipping as usual.
    expect(await page.getByTestId('coupon-picker').count()).toBe(0);
    await page.getByLabel('Recipient name').fill('Wang Fang');
    await page.getByLabel('Phone').fill('+86 139 0000 0000');
    await page.getByLabel('Address').fill('1 Nanjing Road');
    await page.getByLabel('City').fill('Shanghai');
    await expect.poll(() => page.getByTestId('checkout-total').textContent()).toContain('67.00');
    await page.getByTestId('checkout-submit').click();
    await page.waitForURL('**/pay/*');
    await page.getByTestId('pay-succeed').click();
    await page.waitForURL(/\/orders\/[^/]+$/);
    const orderId = page.url().split('/').at(-1) as string;
    const order = (
      await shop.t.request('GET', `/api/orders/${orderId}`, { token: buyer.token })
    ).json<Order>();
    expect(order).toMatchObject({
      status: 'paid',
      subtotal: 5900,
      shippingFee: SHIPPING_FEE,
      total: 5900 + SHIPPING_FEE,
    });

    // Bought: the bargain's page links to the order instead of offering it again.
    await page.goto(link);
    await expect
      .poll(() => page.getByTestId('bargain-order').getAttribute('href'))
      .toBe(`/orders/${orderId}`);
    expect(await page.getByTestId('bargain-buy').count()).toBe(0);
    await page.context().close();
  });

  // After the first test: its campaign's figures and its two new, never-ordering helpers are flagged.
  it('the operator words a bad floor in Chinese, sees the figures and flagged helps, and closes a campaign', async () => {
    const page = await openPage(browser, shop.baseUrl);
    await page.context().addInitScript(() => localStorage.setItem('fission.lang', 'zh-CN'));
    await signInWithToken(page.context(), shop.baseUrl, admin);
    await page.goto('/admin/bargains');
    await page.getByTestId('admin-nav').getByText('砍价', { exact: true }).waitFor();
    const sold = page.locator('[data-testid="admin-bargain-row"]', { hasText: 'Bamboo Cutting Board' });
    await expect.poll(() => sold.getByTestId('admin-bargain-figures').textContent()).toContain('已购买 1');
    await expect(sold.locator('[data-flagged]').getAttribute('data-flagged')).resolves.toBe('2');
    const flagged = page.getByTestId('bargain-flagged-row');
    await expect.poll(() => flagged.count()).toBe(2);
    await expect(flagged.first().textContent()).resolves.toContain('新账号（注册不满 7 天）');

    await page.getByTestId('bargain-search').fill('Oolong');
    await expect.poll(() => page.getByTestId('bargain-variant').locator('option').count()).toBeGreaterThan(1);
    await page.getByTestId('bargain-variant').selectOption({ index: 1 });
    await page.getByLabel('底价', { exact: true }).fill('200');
    await page.getByTestId('bargain-submit').click();
    // Above the regular price: the server's field error, beneath the field, in Chinese.
    await expect.poll(() => page.getByTestId('error-floorPrice').textContent()).toContain('底价须低于原价');
    await page.getByLabel('底价', { exact: true }).fill('99');
    await page.getByTestId('bargain-submit').click();
    await page.getByTestId('bargain-campaign-created').waitFor();
    const row = page.locator('[data-testid="admin-bargain-row"]', { hasText: 'Oolong Gift Box' });
    await expect.poll(() => row.getAttribute('data-status')).toBe('active');
    await row.getByTestId('bargain-campaign-close').click();
    await expect.poll(() => row.getAttribute('data-status')).toBe('closed');
    expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(0);
    await page.context().close();
  });
});
