import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

async function signedInPage(token: string, language?: 'zh-CN'): Promise<Page> {
  const page = await openPage(browser, shop.baseUrl);
  await signInWithToken(page.context(), shop.baseUrl, token);
  if (language)
    await page.context().addInitScript((lang) => localStorage.setItem('fission.lang', lang), language);
  return page;
}

const noSidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** A shopkeeper with a store, a buyer's paid order through it, and a week's check-in streak. */
async function shopkeeperWithHonours() {
  const t = shop.t;
  const seller = await t.signUp({ name: 'Lin Xiaomei' });
  expect((await t.request('POST', '/api/shopkeepers', { token: seller.token })).statusCode).toBe(201);
  const store = await t.request('POST', '/api/stores', {
    token: seller.token,
    body: { name: 'Xiaomei’s tea corner', slug: 'xiaomei-tea' },
  });
  expect(store.statusCode, store.body).toBe(201);

  const buyer = await t.signUp();
  const variantId = shop.products[0]?.variants[0]?.id as string;
  const placed = await t.request('POST', '/api/orders', {
    token: buyer.token,
    body: { items: [{ variantId, quantity: 1 }], storeSlug: 'xiaomei-tea' },
  });
  expect(placed.statusCode, placed.body).toBe(201);
  const order = placed.json<Order>();
  const paid = await t.request('POST', `/api/payments/sandbox/${order.id}/succeed`, { token: buyer.token });
  expect(paid.statusCode, paid.body).toBe(200);
  // The check-in endpoint is another part's: its event, published as it will publish it.
  await t.db.transaction((tx) =>
    t.services.events.publish(tx, 'checkin.made', {
      userId: seller.user.id,
      day: '2026-12-01',
      streak: 7,
      points: 10,
    }),
  );
  await t.jobs.runDue();
  return seller;
}

describe('badges, on a phone', () => {
  it('a shopkeeper sees their badges on /badges, on their store page and on /promote', async () => {
    const seller = await shopkeeperWithHonours();
    const page = await signedInPage(seller.token);

    await page.goto('/account');
    await page.getByTestId('growth-link-badges').click();
    await page.waitForURL('**/badges');
    const firstSale = page.getByTestId('badge-first_sale');
    await expect.poll(() => firstSale.getAttribute('data-tier')).toBe('bronze');
    await expect(firstSale.getByTestId('badge-tier').textContent()).resolves.toContain('Bronze');
    await expect(page.getByTestId('badge-check_in_streak').getAttribute('data-tier')).resolves.toBe('bronze');
    await expect(
      page.getByTestId('badge-check_in_streak').getByTestId('badge-progress').textContent(),
    ).resolves.toBe('Best streak 7 of 30 days');
    // One customer so far: customers is still locked, with its progress to bronze.
    const customers = page.getByTestId('badge-customers');
    await expect(customers.getAttribute('data-tier')).resolves.toBe('none');
    await expect(customers.getAttribute('class')).resolves.toContain('badge-card-locked');
    await expect(customers.getByTestId('badge-progress').textContent()).resolves.toBe('1 of 10 customers');
    await expect(page.getByTestId('badges-earned').textContent()).resolves.toBe('2 badges earned');
    expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(0);

    await page.goto('/stores/xiaomei-tea');
    const onStore = page.getByTestId('store-badges');
    await onStore.waitFor();
    await expect(onStore.getByTestId('earned-badge-first_sale').getAttribute('data-tier')).resolves.toBe(
      'bronze',
    );
    await expect(onStore.getByTestId('earned-badge-check_in_streak').textContent()).resolves.toContain(
      'Check-in streak',
    );
    await expect(onStore.getByTestId('earned-badge-customers').count()).resolves.toBe(0);
    expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(0);

    await page.goto('/promote');
    const onPromote = page.getByTestId('promote-badge-list');
    await onPromote.waitFor();
    await expect(onPromote.getByTestId('earned-badge-first_sale').isVisible()).resolves.toBe(true);
    await page.context().close();
  });

  it('reads in Chinese, and a visitor sees the same badges on the store page', async () => {
    const page = await signedInPage((await shop.t.signUp()).token, 'zh-CN');
    await page.goto('/stores/xiaomei-tea');
    const onStore = page.getByTestId('store-badges');
    await onStore.waitFor();
    await expect(onStore.textContent()).resolves.toContain('首单达成');
    await expect(onStore.textContent()).resolves.toContain('铜牌');
    await page.goto('/badges');
    await page.getByTestId('badge-grid').waitFor();
    await expect(
      page.getByTestId('badge-customers').getByTestId('badge-progress').textContent(),
    ).resolves.toBe('0/10 位客户');
    await expect(page.getByTestId('badge-customers').getByTestId('badge-tier').textContent()).resolves.toBe(
      '尚未获得',
    );
    await page.context().close();
  });

  it('the operator sees the holders per badge and tier in the console', async () => {
    const { token } = await shop.t.signInAdmin();
    const page = await signedInPage(token);
    await page.goto('/admin');
    await page.getByTestId('admin-nav').getByRole('link', { name: 'Badges' }).click();
    await page.waitForURL('**/admin/honours');
    const rows = page.getByTestId('admin-honours-row');
    await expect.poll(() => rows.count()).toBe(16);
    const firstSale = rows.filter({ hasText: 'First sale' });
    await expect(firstSale.getByTestId('honour-holders').textContent()).resolves.toBe('1');
    await expect(firstSale.textContent()).resolves.toContain('Lin Xiaomei');
    expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(0);
    await page.context().close();
  });
});
