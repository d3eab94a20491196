import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Product } from '../../src/modules/catalog/service.js';
import type { Order } from '../../src/modules/orders/present.js';
import { launchBrowser, openPage, signInWithToken } from './support/browser.js';
import { type Shop, startShop } from './support/server.js';

/**
 * Checkout's totals with a member discount: the level's line shows, the coupon the picker chooses
 * is priced on the goods after it, and the total shown is what the order charges.
 */
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

describe('member pricing at checkout', () => {
  it('shows the member discount, the coupon on what is left, and the total the order charges', async () => {
    const admin = await shop.t.signInAdmin();
    const levels = await shop.t.request('GET', '/api/admin/levels', { token: admin.token });
    const first = levels.json<{ items: { rank: number; name: string; threshold: number }[] }>().items[0];
    const level = await shop.t.request('PUT', '/api/admin/levels/1', {
      token: admin.token,
      body: {
        name: first?.name ?? 'Member',
        threshold: 0,
        discountBps: 500,
        commissionMultiplierBps: 10_000,
        freeShipping: false,
        monthlyCouponTemplateId: null,
      },
    });
    expect(level.statusCode, level.body).toBe(200);
    const template = await shop.t.request('POST', '/api/admin/coupons', {
      token: admin.token,
      body: { title: 'Members: 10 % off', kind: 'percent_off', percentOffBps: 1_000 },
    });
    expect(template.statusCode, template.body).toBe(201);
    const { token } = await shop.t.signUp({ name: 'Lan' });
    const claim = await shop.t.request('POST', `/api/coupons/${template.json<{ id: string }>().id}/claim`, {
      token,
    });
    expect(claim.statusCode, claim.body).toBe(201);

    const page = await openPage(browser, shop.baseUrl, 'phone');
    await signInWithToken(page.context(), shop.baseUrl, token);
    await page.goto(`/products/${oolong().id}`);
    await page.getByTestId('buy-now').click();
    await page.waitForURL(/\/checkout\?buy=/);
    await page.getByLabel('Recipient name').fill('Lan Zhou');
    await page.getByLabel('Phone').fill('+86 139 0000 0001');
    await page.getByLabel('Address').fill('2 Nanjing Road');
    await page.getByLabel('City').fill('Shanghai');
    await expect(page.getByTestId('checkout-subtotal').textContent()).resolves.toContain('128.00');
    // 5 % of 128.00 = 6.40; the coupon's 10 % is of 121.60 = 12.16; 128.00 − 6.40 − 12.16 = 109.44.
    await expect.poll(() => page.getByTestId('checkout-member-discount').textContent()).toContain('6.40');
    await expect.poll(() => page.getByTestId('checkout-discount').textContent()).toContain('12.16');
    await expect.poll(() => page.getByTestId('checkout-total').textContent()).toContain('109.44');
    await page.getByTestId('checkout-submit').click();

    await page.waitForURL('**/pay/*');
    await expect(page.getByTestId('pay-amount').textContent()).resolves.toContain('109.44');
    const orders = await shop.t.request('GET', '/api/me/orders', { token });
    expect(orders.json<{ items: Order[] }>().items[0]).toMatchObject({
      subtotal: 12_800,
      memberDiscount: 640,
      discount: 640 + 1_216,
      total: 10_944,
    });

    // My coupons say where each came from.
    await page.goto('/my-coupons?status=used');
    await expect.poll(() => page.getByTestId('my-coupon-source').first().textContent()).toBe('Claimed');
    await page.context().close();
  });
});
