import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Order } from '../../src/modules/orders/present.js';
import { createProduct } from '../support/shop.js';
import { launchBrowser, openPage, signInWithToken } from './support/browser.js';
import { type Shop, startShop } from './support/server.js';

/**
 * Content that sells, end to end on a phone (issue 13): an author tags a product in the composer, a
 * reader likes the post, follows the author and buys the product from it; the author sees the
 * commission in the promoter centre and the sale in the post's stats. Then someone shares the post,
 * a third person buys through that link with the operator's `contentCredit` set to split, and both
 * the sharer and the author see their part. (The split's arithmetic is proved in
 * src/modules/distribution/content-credit.http.test.ts; this covers the web path once.)
 */
let shop: Shop;
let browser: Browser;
let author: Awaited<ReturnType<Shop['t']['signUp']>>;
let authorPage: Page;
let postPath = '';

const PRICE = 6800;
const LEVEL_ONE = PRICE / 10; // DISTRIBUTION_RATES_BPS: level 1 is 10%

beforeAll(async () => {
  [shop, browser] = await Promise.all([startShop(), launchBrowser()]);
  await createProduct(shop.t, { title: 'Anji white tea, 50 g', price: PRICE, stock: 20 });
  author = await shop.t.signUp({ name: 'Lin Xiaomei' });
  authorPage = await signedInPage(author.token);
});

afterAll(async () => {
  await browser?.close();
  await shop?.close();
});

async function signedInPage(token: string, size: 'phone' | 'desktop' = 'phone'): Promise<Page> {
  const page = await openPage(browser, shop.baseUrl, size);
  await signInWithToken(page.context(), shop.baseUrl, token);
  return page;
}

/** A new person with a saved address, signed in on a phone. */
async function buyerPage(name: string) {
  const person = await shop.t.signUp({ name });
  const saved = await shop.t.request('POST', '/api/me/addresses', {
    token: person.token,
    body: { name, phone: '+86 138 0000 0000', city: 'Hangzhou', line1: '18 Wensan Road' },
  });
  expect(saved.statusCode, saved.body).toBe(201);
  return { person, page: await signedInPage(person.token) };
}

/** From the post on screen: open its product tag, Buy now, check out and pay in the sandbox. */
async function buyFromPost(page: Page, token: string): Promise<Order> {
  await page.getByTestId('post-product').filter({ hasText: 'Anji white tea' }).click();
  await page.waitForURL(/\/products\/[^/]+\?post=/);
  await page.getByTestId('buy-now').first().click();
  await page.waitForURL('**/checkout?buy=*');
  await page.getByTestId('checkout-submit').click();
  await page.waitForURL('**/pay/*');
  await page.getByTestId('pay-succeed').click();
  await page.waitForURL(/\/orders\/[^/]+$/);
  await expect.poll(() => page.getByTestId('order-status').getAttribute('data-status')).toBe('paid');
  // The order page says where it was found, and leads back there.
  await expect(page.getByTestId('order-source').getAttribute('href')).resolves.toBe(postPath);
  await expect(page.getByTestId('order-source').textContent()).resolves.toBe('Bought from a post');
  const orderId = new URL(page.url()).pathname.split('/').at(-1) as string;
  return (await shop.t.request('GET', `/api/orders/${orderId}`, { token })).json<Order>();
}

async function commissionRows(page: Page) {
  await page.goto('/promote');
  await page.getByTestId('promote-tab-commissions').click();
  return page.getByTestId('commission-row');
}

describe('a post that sells', () => {
  it('is written with a product tag; a reader likes it, follows the author and buys from it', async () => {
    await authorPage.goto('/posts/new');
    await authorPage.getByTestId('compose-body').fill('My favourite white tea this spring');
    await authorPage.getByTestId('compose-product-search').fill('Anji');
    await authorPage.getByTestId('compose-product-result').filter({ hasText: 'Anji white tea' }).click();
    await authorPage.getByTestId('compose-publish').click();
    // Not /posts/new itself: that matches before the publish has navigated.
    await authorPage.waitForURL(/\/posts\/(?!new$)[^/]+$/);
    postPath = new URL(authorPage.url()).pathname;

    const { person, page } = await buyerPage('Wang Fang');
    await page.goto(postPath);
    await page.getByTestId('like-button').click();
    await expect.poll(() => page.getByTestId('like-count').textContent()).toBe('1');
    await page.getByTestId('post-author').click();
    await page.getByTestId('follow-button').click();
    await expect.poll(() => page.getByTestId('follow-button').textContent()).toBe('Unfollow');
    await page.goBack();
    await page.waitForURL(`**${postPath}`);

    const order = await buyFromPost(page, person.token);
    expect(order.source).toEqual({ type: 'post', id: postPath.split('/').at(-1) });
    await page.context().close();
  });

  it('shows the author the commission and the sale in the post’s stats', async () => {
    const rows = await commissionRows(authorPage);
    await expect.poll(() => rows.count()).toBe(1);
    await expect(rows.getAttribute('data-amount')).resolves.toBe(String(LEVEL_ONE));
    await expect(rows.getAttribute('data-status')).resolves.toBe('pending');
    // The reader did not choose to be public: the author sees "Wang F.", never the full name.
    await expect(rows.textContent()).resolves.toContain('Purchase by Wang F.');
    await expect(rows.textContent()).resolves.not.toContain('Wang Fang');

    await authorPage.goto(postPath);
    await expect.poll(() => authorPage.getByTestId('post-stat-orders').textContent()).toBe('1');
    const gmv = authorPage.getByTestId('post-stat-gmv');
    await expect(gmv.getAttribute('data-amount')).resolves.toBe(String(PRICE));
    await expect(gmv.textContent()).resolves.toContain('68.00');
  });
});

describe('a post shared by someone else, with the operator’s content credit split', () => {
  it('pays the sharer and the author their part of a purchase through the share link', async () => {
    const admin = await signedInPage((await shop.t.signInAdmin()).token, 'desktop');
    await admin.goto('/admin/distribution');
    await admin.getByTestId('content-credit').selectOption('split');
    await admin.getByTestId('settings-save').click();
    await admin.getByTestId('settings-saved').waitFor();
    await admin.context().close();

    const sharer = await shop.t.signUp({ name: 'Zhao Lei' });
    const sharerPage = await signedInPage(sharer.token);
    await sharerPage.goto(postPath);
    await sharerPage.getByTestId('share-button').click();
    const shareUrl = (await sharerPage.getByTestId('share-url').textContent()) ?? '';
    expect(shareUrl).toMatch(/\/s\/[A-Za-z0-9_-]+$/);

    const { person, page } = await buyerPage('Chen Jie');
    await page.goto(shareUrl);
    await page.waitForURL(`**${postPath}*`);
    const order = await buyFromPost(page, person.token);
    expect(order.source).toMatchObject({ type: 'post' });
    await page.context().close();

    // Level 1 (680) split: the author floor(half), the sharer the rest.
    const sharerRows = await commissionRows(sharerPage);
    await expect.poll(() => sharerRows.count()).toBe(1);
    await expect(sharerRows.getAttribute('data-amount')).resolves.toBe(String(LEVEL_ONE / 2));
    await expect(sharerRows.getAttribute('data-role')).resolves.toBe('sharer');

    const authorRows = await commissionRows(authorPage);
    const split = authorRows.and(authorPage.locator('[data-role="author"]'));
    await expect.poll(() => split.count()).toBe(1);
    await expect(split.getAttribute('data-amount')).resolves.toBe(String(LEVEL_ONE / 2));
    await expect(split.textContent()).resolves.toContain('Your share as the author');
    await expect.poll(() => authorRows.count()).toBe(2);
    await sharerPage.context().close();
  });
});

describe('the tab bar on a phone', () => {
  // Six tabs since Discover joined: every one stays on the bar's single row, none pushed below it.
  for (const language of ['en', 'zh-CN'] as const) {
    for (const width of [390, 320]) {
      it(`keeps every tab on one row at ${width} px in ${language}`, async () => {
        const page = await signedPage(language);
        await page.setViewportSize({ width, height: 844 });
        await page.goto('/feed');
        await expect.poll(() => page.locator('.bottom-nav a').count()).toBe(6);
        const boxes = await page
          .locator('.bottom-nav a')
          .evaluateAll((links) => links.map((a) => a.getBoundingClientRect()));
        const bar = await page.locator('.bottom-nav').evaluate((nav) => nav.getBoundingClientRect());
        for (const box of boxes) {
          expect(box.top).toBe(boxes[0]?.top);
          expect(box.bottom).toBeLessThanOrEqual(bar.bottom + 0.5);
          expect(box.right).toBeLessThanOrEqual(width + 0.5);
        }
        await page.context().close();
      });
    }
  }
});

async function signedPage(language: 'en' | 'zh-CN') {
  const page = await signedInPage(author.token);
  await page.context().addInitScript((lang) => localStorage.setItem('fission.lang', lang), language);
  return page;
}
