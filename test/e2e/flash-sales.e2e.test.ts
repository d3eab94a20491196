import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Product } from '../../src/modules/catalog/service.js';
import type { Order } from '../../src/modules/orders/present.js';
import { launchBrowser, openPage, signInWithToken } from './support/browser.js';
import { type Shop, startShop } from './support/server.js';

/** A flash sale on a phone: the home page's section, the countdown, the stock bar, the buy. */
let shop: Shop;
let browser: Browser;
let admin: string;

beforeAll(async () => {
  [shop, browser] = await Promise.all([startShop(), launchBrowser()]);
  admin = (await shop.t.signInAdmin()).token;
});

afterAll(async () => {
  await browser?.close();
  await shop?.close();
});

const product = (title: string) => shop.products.find((p) => p.title === title) as Product;
const hoursFromNow = (h: number) => new Date(shop.t.clock.now().getTime() + h * 3_600_000).toISOString();

async function createSale(title: string, body: Record<string, unknown>) {
  const res = await shop.t.request('POST', '/api/admin/flash-sales', {
    token: admin,
    body: { variantId: product(title).variants[0]!.id, quantity: 4, perUserLimit: 1, ...body },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>();
}

const noSidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('a flash sale, on a phone', () => {
  it('shows on the home page with its stock bar and countdown, and sells at the flash price', async () => {
    await createSale('Bamboo Cutting Board', {
      price: 3900,
      startsAt: hoursFromNow(-1),
      endsAt: hoursFromNow(2),
    });
    await createSale('Jasmine Green Tea', { price: 990, startsAt: hoursFromNow(3), endsAt: hoursFromNow(4) });
    const buyer = await shop.t.signUp({ name: 'Wang Fang' });
    const page = await openPage(browser, shop.baseUrl);
    await signInWithToken(page.context(), shop.baseUrl, buyer.token);
    await page.goto('/');
    const section = page.getByTestId('home-flash-sales');
    await expect.poll(() => section.getByTestId('flash-sale').count()).toBe(2);
    const [onNow, soon] = [
      section.locator('[data-testid="flash-sale"][data-status="live"]'),
      section.locator('[data-testid="flash-sale"][data-status="upcoming"]'),
    ];
    await expect(onNow.getByTestId('stock-bar').getAttribute('data-remaining')).resolves.toBe('4');
    await expect(onNow.getByTestId('flash-countdown').textContent()).resolves.toMatch(
      /Ends in \d\d:\d\d:\d\d/,
    );
    await expect(soon.getByTestId('flash-countdown').textContent()).resolves.toMatch(
      /Starts in 0[23]:\d\d:\d\d/,
    );
    expect(await soon.getByTestId('flash-buy').count()).toBe(0);
    expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(0);

    await onNow.getByTestId('flash-buy').click();
    await page.waitForURL(/\/checkout\?buy=/);
    await expect(page.getByTestId('checkout-subtotal').textContent()).resolves.toContain('39.00');
    // The flash price is the whole deal: no coupon or points to add.
    expect(await page.getByTestId('coupon-picker').count()).toBe(0);
    await page.getByLabel('Recipient name').fill('Wang Fang');
    await page.getByLabel('Phone').fill('+86 139 0000 0000');
    await page.getByLabel('Address').fill('1 Nanjing Road');
    await page.getByLabel('City').fill('Shanghai');
    await page.getByTestId('checkout-submit').click();
    await page.waitForURL('**/pay/*');
    await page.getByTestId('pay-succeed').click();
    await page.waitForURL(/\/orders\/[^/]+$/);
    const orderId = page.url().split('/').at(-1) as string;
    const order = (
      await shop.t.request('GET', `/api/orders/${orderId}`, { token: buyer.token })
    ).json<Order>();
    expect(order).toMatchObject({ status: 'paid', total: 3900, shippingFee: 0 });

    // Back on the sale's page, one unit fewer is left; a second one is over her limit.
    await page.goto('/flash-sales');
    const card = page.locator('[data-testid="flash-sale"][data-status="live"]');
    await expect.poll(() => card.getByTestId('stock-bar').getAttribute('data-remaining')).toBe('3');
    await card.getByTestId('flash-buy').click();
    await page.waitForURL(/\/checkout\?buy=/);
    await page.getByTestId('checkout-form').waitFor();
    if ((await page.getByLabel('Recipient name').count()) > 0) {
      await page.getByLabel('Recipient name').fill('Wang Fang');
      await page.getByLabel('Phone').fill('+86 139 0000 0000');
      await page.getByLabel('Address').fill('1 Nanjing Road');
      await page.getByLabel('City').fill('Shanghai');
    }
    await page.getByTestId('checkout-submit').click();
    await expect.poll(() => page.getByTestId('error-message').textContent()).toContain('allows 1 per person');
    await page.context().close();
  });

  it('the operator creates one in the console, in Chinese, and closes it', async () => {
    const page = await openPage(browser, shop.baseUrl);
    await page.context().addInitScript(() => localStorage.setItem('fission.lang', 'zh-CN'));
    await signInWithToken(page.context(), shop.baseUrl, admin);
    await page.goto('/admin/flash-sales');
    await page.getByTestId('flash-search').fill('Oolong');
    await expect.poll(() => page.getByTestId('flash-variant').locator('option').count()).toBeGreaterThan(1);
    await page.getByTestId('flash-variant').selectOption({ index: 1 });
    await page.getByTestId('flash-price-input').fill('200');
    // Above the regular price: the server's field error, in Chinese.
    const local = (h: number) => {
      const d = new Date(Date.now() + h * 3_600_000 - new Date().getTimezoneOffset() * 60_000);
      return d.toISOString().slice(0, 16);
    };
    await page.getByTestId('flash-starts').fill(local(1));
    await page.getByTestId('flash-ends').fill(local(5));
    await page.getByTestId('flash-submit').click();
    await expect.poll(() => page.getByTestId('error-message').textContent()).toContain('秒杀价须低于原价');
    await page.getByTestId('flash-price-input').fill('99');
    await page.getByTestId('flash-submit').click();
    await page.getByTestId('flash-sale-created').waitFor();
    const row = page.locator('[data-testid="admin-flash-sale-row"]', { hasText: 'Oolong Gift Box' });
    await expect.poll(() => row.getAttribute('data-status')).toBe('upcoming');
    await row.getByTestId('flash-sale-close').click();
    await expect.poll(() => row.getAttribute('data-status')).toBe('ended');
    await page.context().close();
  });
});
