import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Order } from '../../src/modules/orders/present.js';
import type { AdminItem, Redemption } from '../../src/modules/points-mall/schemas.js';
import { givePoints } from '../support/points-mall.js';
import { launchBrowser, openPage, signInWithToken } from './support/browser.js';
import { type Shop, startShop } from './support/server.js';

let shop: Shop;
let browser: Browser;
let adminToken: string;

beforeAll(async () => {
  [shop, browser] = await Promise.all([startShop(), launchBrowser()]);
  adminToken = (await shop.t.signInAdmin()).token;
});

afterAll(async () => {
  await browser?.close();
  await shop?.close();
});

async function mallItem(body: Record<string, unknown>) {
  const res = await shop.t.request('POST', '/api/admin/points-mall/items', { token: adminToken, body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<AdminItem>();
}

async function signedInPage(token: string): Promise<Page> {
  const page = await openPage(browser, shop.baseUrl);
  await signInWithToken(page.context(), shop.baseUrl, token);
  return page;
}

const noSidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('the points mall, on a phone', () => {
  it('shows my balance and each item’s state, and redeems a product to a new address', async () => {
    const variantId = shop.products[0]?.variants[0]?.id as string;
    const tea = await mallItem({
      title: 'A tin of tea',
      kind: 'product',
      variantId,
      costPoints: 300,
      stock: 4,
    });
    const gone = await mallItem({ title: 'Tasting seat', kind: 'perk', costPoints: 50, stock: 0 });
    const dear = await mallItem({ title: 'Tea master call', kind: 'perk', costPoints: 5000, stock: 2 });
    const { token, user } = await shop.t.signUp({ name: 'Zhou Min' });
    await givePoints(shop.t, user.id, 500);
    const page = await signedInPage(token);

    await page.goto('/points-mall');
    await expect(page.getByTestId('mall-balance').textContent()).resolves.toContain('500 points');
    const card = (title: string) => page.getByTestId('mall-item').filter({ hasText: title });
    await expect(
      card(gone.title).getByTestId('mall-item-availability').getAttribute('data-availability'),
    ).resolves.toBe('mall_sold_out');
    await expect(card(dear.title).getByTestId('mall-item-availability').textContent()).resolves.toBe(
      'Not enough points',
    );
    await expect(card(tea.title).getByTestId('mall-item-stock').textContent()).resolves.toBe('4 left');
    expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(0);

    await card(tea.title).click();
    await page.waitForURL(`**/points-mall/${tea.id}`);
    await page.getByTestId('address-picker').waitFor();
    await page.getByLabel('Recipient name').fill('周敏');
    await page.getByLabel('Phone').fill('+86 137 0000 0000');
    await page.getByLabel('Street address').fill('8 Huaihai Road');
    await page.getByLabel('City').fill('Shanghai');
    await page.getByTestId('mall-redeem').click();
    const dialog = page.getByTestId('mall-redeem-confirm-dialog');
    await expect(dialog.textContent()).resolves.toContain('300 points');
    await page.getByTestId('mall-redeem-confirm-ok').click();
    await page.getByTestId('mall-redeemed').waitFor();
    await expect.poll(() => page.getByTestId('mall-balance').textContent()).toContain('200 points');
    await expect.poll(() => page.getByTestId('mall-item-stock').textContent()).toBe('3 left');
    expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(0);

    const [order] = (await shop.t.request('GET', '/api/me/orders', { token })).json<{ items: Order[] }>()
      .items;
    expect(order).toMatchObject({
      status: 'paid',
      total: 0,
      pointsUsed: 300,
      address: expect.objectContaining({ name: '周敏', city: 'Shanghai' }),
    });

    await page.getByTestId('mall-redeemed').getByRole('link').click();
    await page.waitForURL(`**/orders/${order?.id}`);
    await expect(page.getByTestId('order-status').getAttribute('data-status')).resolves.toBe('paid');

    await page.goto('/points-mall/redemptions');
    const mine = page.getByTestId('my-redemption');
    await expect(mine.count()).resolves.toBe(1);
    await expect(mine.first().textContent()).resolves.toContain('A tin of tea');
    const redemptions = (await shop.t.request('GET', '/api/me/points-mall/redemptions', { token })).json<{
      items: Redemption[];
    }>().items;
    expect(redemptions).toEqual([expect.objectContaining({ itemId: tea.id, orderId: order?.id })]);
    await page.context().close();
  });

  it('the operator marks a redeemed perk done in the console', async () => {
    const perk = await mallItem({ title: 'Name on the tea wall', kind: 'perk', costPoints: 10, stock: 5 });
    const { token, user } = await shop.t.signUp({ name: 'Lin Tao' });
    await givePoints(shop.t, user.id, 10);
    const redeemed = await shop.t.request('POST', `/api/points-mall/${perk.id}/redemptions`, { token });
    expect(redeemed.statusCode, redeemed.body).toBe(201);

    const page = await signedInPage(adminToken);
    await page.goto('/admin/points-mall');
    // count() does not wait for the list to load; poll until it has.
    await expect
      .poll(() => page.getByTestId('admin-mall-item').filter({ hasText: perk.title }).count())
      .toBe(1);
    await page.getByTestId('admin-mall-tab-redemptions').click();
    const row = page.getByTestId('admin-mall-redemption').filter({ hasText: 'Lin Tao' });
    await row.getByTestId('admin-mall-mark-done').click();
    await expect.poll(() => row.count()).toBe(0);
    const mine = (await shop.t.request('GET', '/api/me/points-mall/redemptions', { token })).json<{
      items: Redemption[];
    }>().items;
    expect(mine).toEqual([expect.objectContaining({ status: 'done' })]);
    await page.context().close();
  });
});
