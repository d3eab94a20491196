import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Product } from '../../src/modules/catalog/service.js';
import type { Order } from '../../src/modules/orders/present.js';
import { launchBrowser, openPage, signInWithToken } from './support/browser.js';
import { type Shop, startShop } from './support/server.js';

/**
 * A product opened from a post or live room (`?post=` / `?live=`) is bought through it: the cart
 * line or the Buy now keeps the source and checkout sends it. A Map stands in for the posts module.
 */
let shop: Shop;
let browser: Browser;
let page: Page;
let token: string;
let author: { user: { id: string } };

beforeAll(async () => {
  [shop, browser] = await Promise.all([startShop(), launchBrowser()]);
  author = await shop.t.signUp({ name: 'Tea writer' });
  const posts = new Map([['post-e2e', author.user.id]]);
  shop.t.services.contentSources.register('post', async (_conn, id) => posts.get(id));
  const buyer = await shop.t.signUp({ name: 'Lin' });
  token = buyer.token;
  const saved = await shop.t.request('POST', '/api/me/addresses', {
    token,
    body: { name: 'Lin Wei', phone: '+86 138 0000 0000', city: 'Shanghai', line1: '88 Century Avenue' },
  });
  expect(saved.statusCode, saved.body).toBe(201);
  page = await openPage(browser, shop.baseUrl);
  await signInWithToken(page.context(), shop.baseUrl, token);
});

afterAll(async () => {
  await browser?.close();
  await shop?.close();
});

const jasmine = () => shop.products.find((p) => p.title === 'Jasmine Green Tea') as Product;

async function latestOrder(): Promise<Order> {
  const orders = await shop.t.request('GET', '/api/me/orders', { token });
  return orders.json<{ items: Order[] }>().items[0] as Order;
}

describe('buying through a post', () => {
  it('keeps the post with the cart line and sends it at checkout; the author earns', async () => {
    await page.goto(`/products/${jasmine().id}?post=post-e2e`);
    await page.getByTestId('add-to-cart').click();
    await page.getByTestId('added-to-cart').waitFor();
    await page.goto('/cart');
    await page.getByTestId('go-checkout').click();
    await page.waitForURL('**/checkout');
    await page.getByTestId('checkout-submit').click();
    await page.waitForURL('**/pay/*');
    expect((await latestOrder()).source).toEqual({ type: 'post', id: 'post-e2e' });
    await page.getByTestId('pay-succeed').click();
    await page.waitForURL(/\/orders\/[^/]+$/);
    const [row] = await shop.t.db.query<{ promoter_id: string }>(
      'SELECT promoter_id FROM commissions WHERE order_id = $1 AND level = 1',
      [(await latestOrder()).id],
    );
    expect(row?.promoter_id).toBe(author.user.id);
  });

  it('sends the live room of a Buy now, and says so when it is not available', async () => {
    await page.goto(`/products/${jasmine().id}?live=gone-room`);
    await page.getByTestId('buy-now').click();
    await page.waitForURL('**/checkout?buy=*');
    await page.getByTestId('checkout-submit').click();
    await page
      .getByText('The post or live room you found this in is no longer available', { exact: false })
      .waitFor();
    expect(page.url()).toContain('/checkout');
  });
});
