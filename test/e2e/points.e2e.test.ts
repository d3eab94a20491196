import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Product } from '../../src/modules/catalog/service.js';
import type { Order } from '../../src/modules/orders/present.js';
import { launchBrowser, openPage, signInWithToken } from './support/browser.js';
import { type Shop, startShop } from './support/server.js';

let shop: Shop;
let browser: Browser;

beforeAll(async () => {
  [shop, browser] = await Promise.all([startShop(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await shop?.close();
});

const oolong = () => shop.products.find((p) => p.title === 'Oolong Gift Box') as Product;

async function signedInPage(token: string, language?: 'zh-CN'): Promise<Page> {
  const page = await openPage(browser, shop.baseUrl);
  await signInWithToken(page.context(), shop.baseUrl, token);
  if (language)
    await page.context().addInitScript((lang) => localStorage.setItem('fission.lang', lang), language);
  return page;
}

const ADDRESS = {
  name: '陈杰',
  phone: '+86 138 0013 8000',
  province: '浙江省',
  city: '杭州市',
  district: '西湖区',
  line1: '文三路 90 号',
};

/** A paid order of the oolong box (¥128): 128 points, credited by the deferred reaction. */
async function paidOrder(token: string) {
  const placed = await shop.t.request('POST', '/api/orders', {
    token,
    body: { items: [{ variantId: oolong().variants[0]!.id, quantity: 1 }], address: ADDRESS },
  });
  expect(placed.statusCode, placed.body).toBe(201);
  const paid = await shop.t.request('POST', `/api/payments/sandbox/${placed.json<Order>().id}/succeed`, {
    token,
  });
  expect(paid.statusCode, paid.body).toBe(200);
  await shop.t.request('POST', '/api/test/clock', { body: { advanceMs: 1000 } });
}

const noSidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('points on a phone', () => {
  it('shows the points a paid order earned on /points, then pays part of the next order with them', async () => {
    const { token, user } = await shop.t.signUp({ name: 'Chen Jie' });
    await shop.t.request('POST', '/api/me/addresses', { token, body: ADDRESS });
    await paidOrder(token);
    // Older points about to expire, so the page has something under "Expiring".
    const soon = new Date(Date.now() + 10 * 86_400_000);
    await shop.t.db.transaction((tx) =>
      shop.t.services.points.postWithExpiry(tx, {
        userId: user.id,
        delta: 2_000,
        reason: 'task',
        ref: `e2e:points:${user.id}`,
        expiresAt: soon,
      }),
    );

    const page = await signedInPage(token);
    await page.goto('/points');
    await expect(page.getByTestId('points-page-balance').textContent()).resolves.toContain('2128');
    await expect(page.getByTestId('points-expiring').textContent()).resolves.toContain('2000');
    const history = page.getByTestId('points-posting');
    await expect(history.count()).resolves.toBe(2);
    await expect(history.nth(0).textContent()).resolves.toContain('Task reward');
    await expect(history.nth(1).textContent()).resolves.toContain('Paid order');
    await expect(history.nth(1).textContent()).resolves.toContain('+128');
    expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(0);

    // Checkout: ¥128 payable, half may be paid with points: 2,128 points cover ¥21.28.
    await page.goto(`/products/${oolong().id}`);
    await page.getByTestId('buy-now').click();
    await page.waitForURL(/\/checkout\?buy=/);
    const toggle = page.getByTestId('points-toggle');
    await expect(toggle.textContent()).resolves.toContain('Use 2128 points, save');
    await expect(toggle.textContent()).resolves.toContain('21.28');
    await page.getByTestId('use-points').check();
    await expect(page.getByTestId('checkout-points-discount').textContent()).resolves.toContain('21.28');
    await expect(page.getByTestId('checkout-total').textContent()).resolves.toContain('106.72');
    expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(0);
    await page.getByTestId('checkout-submit').click();

    await page.waitForURL('**/pay/*');
    await expect(page.getByTestId('pay-amount').textContent()).resolves.toContain('106.72');
    await page.getByTestId('pay-succeed').click();
    await page.waitForURL(/\/orders\/[^/]+$/);
    await expect(page.getByTestId('order-points-discount').textContent()).resolves.toContain('21.28');

    const [order] = (await shop.t.request('GET', '/api/me/orders', { token })).json<{ items: Order[] }>()
      .items;
    expect(order).toMatchObject({ total: 10_672, pointsUsed: 2_128, pointsDiscount: 2_128 });

    // In Chinese, the history names the spend in words, not codes; the paid ¥106.72 earns 106.
    await page.context().close();
    await shop.t.request('POST', '/api/test/clock', { body: { advanceMs: 1000 } });
    const zh = await signedInPage(token, 'zh-CN');
    await zh.goto('/points');
    await expect(zh.getByTestId('points-page-balance').textContent()).resolves.toContain('106 积分');
    const zhHistory = await zh.getByTestId('points-history').textContent();
    expect(zhHistory).toContain('订单付款');
    expect(zhHistory).toContain('下单抵扣');
    expect(zhHistory).not.toMatch(/checkout|order/);
    await zh.context().close();
  });
});
