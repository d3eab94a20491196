import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Product } from '../../src/modules/catalog/service.js';
import type { Order } from '../../src/modules/orders/present.js';
import { launchBrowser, openPage, signInWithToken } from './support/browser.js';
import { type Shop, startShop } from './support/server.js';

/** A gift on two phones: the buyer checks out as a gift and sends the link; a friend claims it. */
let shop: Shop;
let browser: Browser;

beforeAll(async () => {
  [shop, browser] = await Promise.all([startShop(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await shop?.close();
});

const product = (title: string) => shop.products.find((p) => p.title === title) as Product;

const noSidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('a gift, on two phones', () => {
  it('is bought as a gift, its link copied, claimed by a friend who signs in, and shown claimed without the address', async () => {
    const buyer = await shop.t.signUp({ name: 'Wang Fang' });
    const friendEmail = `lin-${process.pid}@example.com`;
    await shop.t.signUp({ name: 'Lin Xiaoyu', email: friendEmail });

    // The buyer: "Send as a gift" hides the address form; the order goes with a note.
    const page = await openPage(browser, shop.baseUrl);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: shop.baseUrl });
    await signInWithToken(page.context(), shop.baseUrl, buyer.token);
    await page.goto(`/products/${product('Oolong Gift Box').id}`);
    await page.getByTestId('buy-now').click();
    await page.waitForURL(/\/checkout/);
    await page.getByTestId('address-picker').waitFor();
    await page.getByTestId('gift-toggle-input').check();
    expect(await page.getByTestId('address-picker').count()).toBe(0);
    await page.getByTestId('gift-message').fill('Happy birthday, Xiaoyu! 生日快乐');
    expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(0);
    await page.getByTestId('checkout-submit').click();
    await page.waitForURL('**/pay/*');
    await page.getByTestId('pay-succeed').click();
    await page.waitForURL(/\/orders\/[^/]+$/);
    const orderId = page.url().split('/').at(-1) as string;

    // The paid order's page: the claim link, copied to send.
    const card = page.getByTestId('order-gift');
    await expect.poll(() => card.getByTestId('gift-status').getAttribute('data-status')).toBe('unclaimed');
    await card.getByTestId('copy-gift-link').click();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/gifts\/[A-Za-z0-9_-]{22,}$/);
    expect(await card.getByTestId('gift-claim-url').textContent()).toBe(link);
    expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(0);

    // The friend, in a browser of their own: the gift without prices, sign in, an address.
    const friend = await openPage(browser, shop.baseUrl);
    await friend.goto(link);
    await friend.getByTestId('gift-page').waitFor();
    await expect(friend.getByTestId('gift-from').textContent()).resolves.toContain('Wang F.');
    await expect(friend.getByTestId('gift-message-shown').textContent()).resolves.toBe(
      'Happy birthday, Xiaoyu! 生日快乐',
    );
    await expect(friend.getByTestId('gift-items').textContent()).resolves.toContain('Oolong Gift Box');
    expect(await friend.getByTestId('gift-page').textContent()).not.toMatch(/¥|128\.00/);
    await friend.getByTestId('gift-sign-in-link').click();
    await friend.waitForURL(/\/signin\?next=/);
    await friend.getByLabel('Email').fill(friendEmail);
    await friend.getByLabel('Password').fill('correct horse battery');
    await friend.getByTestId('signin-submit').click();
    await friend.waitForURL(/\/gifts\//);
    await friend.getByTestId('gift-claim-form').waitFor();
    await friend.getByLabel('Recipient name').fill('Lin Xiaoyu');
    await friend.getByLabel('Phone').fill('+86 139 1234 5678');
    await friend.getByLabel('Address').fill('88 Recipient Road');
    await friend.getByLabel('City').fill('Hangzhou');
    expect(await noSidewaysScroll(friend)).toBeLessThanOrEqual(0);
    await friend.getByTestId('gift-claim-submit').click();
    await friend.getByTestId('gift-claimed').waitFor();
    await friend.getByTestId('gift-view-order').click();
    await friend.waitForURL(`**/orders/${orderId}`);
    await expect.poll(() => friend.getByTestId('order-detail').textContent()).toContain('88 Recipient Road');
    await friend.context().close();

    // Back on the buyer's order page: claimed, and no address anywhere on it.
    await page.reload();
    await expect.poll(() => card.getByTestId('gift-status').getAttribute('data-status')).toBe('claimed');
    await card.getByTestId('gift-claimed-text').waitFor();
    const shown = await page.getByTestId('order-detail').textContent();
    expect(shown).not.toContain('Recipient Road');
    expect(shown).not.toContain('1234 5678');
    expect(await page.getByTestId('request-after-sale').count()).toBe(0);
    const order = (
      await shop.t.request('GET', `/api/orders/${orderId}`, { token: buyer.token })
    ).json<Order>();
    expect(order).toMatchObject({ status: 'paid', address: null, gift: { status: 'claimed' } });
    await page.context().close();
  });

  it('tells a friend in Chinese that a gift was already claimed, and an unknown link that it is not valid', async () => {
    const buyer = await shop.t.signUp({ name: '王芳' });
    const first = await shop.t.signUp();
    const placed = await shop.t.request('POST', '/api/orders', {
      token: buyer.token,
      body: {
        items: [{ variantId: product('Bamboo Cutting Board').variants[0]!.id, quantity: 1 }],
        gift: {},
      },
    });
    const paid = await shop.t.request('POST', `/api/payments/sandbox/${placed.json<Order>().id}/succeed`, {
      token: buyer.token,
    });
    const link = paid.json<Order>().gift?.claimUrl as string;
    const claimed = await shop.t.request(
      'POST',
      `${new URL(link).pathname.replace('/gifts/', '/api/gifts/')}/claim`,
      {
        token: first.token,
        body: { address: { name: 'Li', phone: '13800138000', line1: '1 Road', city: 'Beijing' } },
      },
    );
    expect(claimed.statusCode, claimed.body).toBe(200);

    const page = await openPage(browser, shop.baseUrl);
    await page.context().addInitScript(() => localStorage.setItem('fission.lang', 'zh-CN'));
    await page.goto(new URL(link).pathname);
    await expect.poll(() => page.getByTestId('gift-taken').textContent()).toBe('这份礼物已被领取。');
    await expect(page.getByTestId('gift-from').textContent()).resolves.toContain('王*');
    await page.goto('/gifts/no-such-gift');
    await expect.poll(() => page.getByTestId('gift-not-found').textContent()).toContain('礼物链接无效');
    await page.context().close();
  });
});
