import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Product } from '../../src/modules/catalog/service.js';
import { groupBuySteps } from '../../src/modules/groupbuy/test-steps.js';
import type { Order } from '../../src/modules/orders/index.js';
import { launchBrowser, openPage, sessionTokenOf, signInWithToken, uniqueEmail } from './support/browser.js';
import { type Shop, startShop } from './support/server.js';

/**
 * The shopper's path from a share link, on a phone (390×844): the product page's action bar in
 * reach above the tab bar, Buy now surviving sign-up and a full page load with its attribution, and
 * a group page that shows a join at once to the joiner and live to the others.
 */
let shop: Shop;
let browser: Browser;
let campaignId: string;

const product = (title: string) => shop.products.find((p) => p.title === title) as Product;
const jasmine = () => product('Jasmine Green Tea');
const board = () => product('Bamboo Cutting Board');

beforeAll(async () => {
  [shop, browser] = await Promise.all([startShop(), launchBrowser()]);
  const { token } = await shop.t.signInAdmin();
  const created = await shop.t.request('POST', '/api/admin/group-buys', {
    token,
    body: { variantId: board().variants[0]!.id, groupSize: 3, price: 6900, durationMinutes: 120 },
  });
  expect(created.statusCode, created.body).toBe(201);
  campaignId = created.json<{ id: string }>().id;
});

afterAll(async () => {
  await browser?.close();
  await shop?.close();
});

async function fillAddressAndPay(page: Page) {
  await page.getByLabel('Recipient name').fill('Zhao Min');
  await page.getByLabel('Phone').fill('+86 139 0000 0000');
  await page.getByLabel('Address').fill('1 Nanjing Road');
  await page.getByLabel('City').fill('Shanghai');
  await page.getByTestId('checkout-submit').click();
  await page.waitForURL('**/pay/*');
  await page.getByTestId('pay-succeed').click();
}

async function signedInPage(token: string): Promise<Page> {
  const page = await openPage(browser, shop.baseUrl);
  await signInWithToken(page.context(), shop.baseUrl, token);
  return page;
}

describe('the product page action bar', () => {
  it('is on screen without scrolling at 390×844 and sits above the tab bar', async () => {
    const page = await openPage(browser, shop.baseUrl);
    await page.goto(`/products/${board().id}`);
    const bar = page.getByTestId('action-bar');
    await bar.getByTestId('start-group').waitFor();
    await expect(bar.getByTestId('buy-now').textContent()).resolves.toMatch(/Buy alone.*89\.00/);
    await expect(bar.getByTestId('start-group').textContent()).resolves.toMatch(/Start a group.*69\.00/);
    // "Start a group" is offered once, in the bar, not again in the deal's card.
    expect(await page.getByTestId('start-group').count()).toBe(1);

    const viewport = page.viewportSize() ?? { width: 0, height: 0 };
    expect(viewport).toEqual({ width: 390, height: 844 });
    const barBox = await bar.boundingBox();
    const tabsBox = await page.locator('.bottom-nav').boundingBox();
    expect(barBox && tabsBox).toBeTruthy();
    if (!barBox || !tabsBox) return;
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    expect(barBox.y).toBeGreaterThanOrEqual(0);
    expect(barBox.y + barBox.height).toBeLessThanOrEqual(tabsBox.y + 0.5);
    expect(tabsBox.y + tabsBox.height).toBeLessThanOrEqual(viewport.height + 0.5);
    for (const id of ['add-to-cart', 'buy-now', 'start-group']) {
      const box = await bar.getByTestId(id).boundingBox();
      expect(box, id).toBeTruthy();
      if (!box) continue;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
      expect(box.y + box.height).toBeLessThanOrEqual(tabsBox.y + 0.5);
      // What the thumb taps is the button itself, not the tab bar over it.
      const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      const hit = await page.evaluate(
        ({ x, y }) => document.elementFromPoint(x, y)?.closest('[data-testid]')?.getAttribute('data-testid'),
        centre,
      );
      expect(hit).toBe(id);
    }

    // Scrolled to the end of a long page, the bar is still there, still above the tabs.
    await page.mouse.wheel(0, 5000);
    await page.waitForFunction(() => window.scrollY > 0);
    const after = await bar.boundingBox();
    expect(after?.y).toBeCloseTo(barBox.y, 0);
    await page.context().close();
  });

  it('reads in Chinese too', async () => {
    const page = await openPage(browser, shop.baseUrl);
    await page.addInitScript(() => localStorage.setItem('fission.lang', 'zh-CN'));
    await page.goto(`/products/${board().id}`);
    const bar = page.getByTestId('action-bar');
    await bar.getByTestId('start-group').waitFor();
    await expect(bar.getByTestId('buy-now').textContent()).resolves.toContain('单独购买');
    await expect(bar.getByTestId('start-group').textContent()).resolves.toContain('发起拼团');
    await page.context().close();
  });
});

describe('Buy now from a share link, signed out', () => {
  it('survives sign-up and a full page load, keeps the attribution, and the sharer’s link counts the order', async () => {
    const sharer = await shop.t.signUp({ name: 'Mei' });
    const link = await shop.t.request('POST', '/api/share-links', {
      token: sharer.token,
      body: { productId: jasmine().id },
    });
    expect(link.statusCode, link.body).toBe(201);
    const { code } = link.json<{ code: string }>();

    const buyer = await openPage(browser, shop.baseUrl);
    await buyer.goto(`/s/${code}`);
    await buyer.waitForURL(`**/products/${jasmine().id}?ref=${code}`);
    await buyer.getByTestId('action-bar').getByTestId('buy-now').click();
    await buyer.waitForURL('**/signin?next=*');
    await buyer.getByRole('link', { name: 'Sign up' }).last().click();
    await buyer.waitForURL('**/signup?next=*');
    await buyer.getByLabel('Name').fill('Zhao');
    await buyer.getByLabel('Email').fill(uniqueEmail('shopper'));
    await buyer.getByLabel('Password').fill('correct horse battery');
    await buyer.getByTestId('signup-submit').click();
    await buyer.waitForURL(/\/checkout\?buy=/);

    // A full page load (as a sign-up that reloads, or the buyer pulling to refresh) keeps the item.
    await buyer.reload();
    await buyer.getByTestId('checkout-form').waitFor();
    await expect(buyer.getByTestId('checkout-subtotal').textContent()).resolves.toContain('29.90');
    await expect(buyer.getByTestId('checkout-form').textContent()).resolves.toContain('Jasmine Green Tea');
    // The attribution rides with the purchase itself, not only in the share cookie.
    await buyer.context().clearCookies({ name: 'fission_ref' });
    const checkoutUrl = buyer.url();

    await fillAddressAndPay(buyer);
    await buyer.waitForURL(/\/orders\/[^/]+$/);
    const orderId = new URL(buyer.url()).pathname.split('/').pop() ?? '';
    const order = await shop.t.request('GET', `/api/orders/${orderId}`, {
      token: await sessionTokenOf(buyer),
    });
    expect(order.json<Order>()).toMatchObject({ shareCode: code, status: 'paid' });

    // The placed Buy now is not offered again.
    await buyer.goto(checkoutUrl);
    await buyer.getByText('This Buy now has expired').waitFor();
    await buyer.context().close();

    const promoter = await signedInPage(sharer.token);
    await promoter.goto('/promote/links');
    const row = promoter.getByTestId('share-link-row');
    await row.first().waitFor();
    await expect
      .poll(async () => {
        await promoter.reload();
        await row.first().waitFor();
        return row.getByTestId('stat-orders').textContent();
      })
      .toBe('1');
    await promoter.context().close();
  });
});

describe('the group page', () => {
  it('shows the joiner they are in at once, and the others the new member without a reload', async () => {
    const steps = groupBuySteps(shop.t);
    const variantId = board().variants[0]!.id;
    const leader = await shop.t.signUp({ name: 'Ada' });
    const opened = await steps.joinAndPay(leader.token, variantId, { campaignId });
    const groupId = opened.groupBuy?.groupId ?? '';
    expect(groupId).toBeTruthy();

    const a = await signedInPage(leader.token);
    await a.goto(`/groups/${groupId}`);
    await a.getByTestId('group-youre-in').waitFor();
    await expect(a.getByTestId('group-youre-in').textContent()).resolves.toBe('You’re in — share to fill it');
    expect(await a.getByTestId('join-group').count()).toBe(0);
    await expect(a.getByTestId('group-member-actions').getByTestId('share-button').isVisible()).resolves.toBe(
      true,
    );
    await expect(a.getByTestId('group-progress').textContent()).resolves.toBe('1 of 3 joined');
    // Marks this document: a reload or a navigation would lose it.
    await a.evaluate(() => {
      (window as unknown as { stillHere: boolean }).stillHere = true;
    });

    const joiner = await shop.t.signUp({ name: 'Bo' });
    const b = await signedInPage(joiner.token);
    await b.goto(`/groups/${groupId}`);
    await b.getByTestId('join-group').click();
    await b.waitForURL(/\/checkout\?buy=/);
    await fillAddressAndPay(b);
    await b.waitForURL(`**/groups/${groupId}`);
    // The first group the joiner sees after paying already has them in it (no cached copy).
    await b.getByTestId('group-progress').waitFor();
    await expect(b.getByTestId('group-progress').textContent()).resolves.toBe('2 of 3 joined');
    await expect(b.getByTestId('group-youre-in').isVisible()).resolves.toBe(true);
    expect(await b.getByTestId('join-group').count()).toBe(0);

    await a.getByTestId('group-progress').filter({ hasText: '2 of 3 joined' }).waitFor();
    expect(await a.getByTestId('group-member').count()).toBe(2);
    await expect(a.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).resolves.toBe(
      true,
    );
    await a.context().close();
    await b.context().close();
  });
});
