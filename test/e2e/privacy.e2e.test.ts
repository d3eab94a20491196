import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Product } from '../../src/modules/catalog/service.js';
import { launchBrowser, openPage, uniqueEmail } from './support/browser.js';
import { type Shop, startShop } from './support/server.js';

/**
 * Issue 20 on a phone: a group page shows its members masked ("Chen J.") and marks "You"; a
 * signed-in promoter sees what a share earns on the product page, the group page and the share sheet.
 */
let shop: Shop;
let browser: Browser;
let board: Product;
let campaignId: string;

beforeAll(async () => {
  [shop, browser] = await Promise.all([startShop(), launchBrowser()]);
  board = shop.products.find((p) => p.title === 'Bamboo Cutting Board') as Product;
  const { token } = await shop.t.signInAdmin();
  const created = await shop.t.request('POST', '/api/admin/group-buys', {
    token,
    body: { variantId: board.variants[0]!.id, groupSize: 3, price: 6900, durationMinutes: 120 },
  });
  expect(created.statusCode).toBe(201);
  campaignId = created.json().id;
});

afterAll(async () => {
  await browser?.close();
  await shop?.close();
});

async function signUp(page: Page, name: string) {
  await page.goto('/signup');
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Email').fill(uniqueEmail('privacy'));
  await page.getByLabel('Password').fill('correct horse battery');
  await page.getByTestId('signup-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/signup'));
}

async function checkOutAndPay(page: Page) {
  await page.waitForURL(/\/checkout\?buy=/);
  await page.getByLabel('Recipient name').fill('Chen Jie');
  await page.getByLabel('Phone').fill('+86 139 0000 0000');
  await page.getByLabel('Address').fill('1 Nanjing Road');
  await page.getByLabel('City').fill('Shanghai');
  await page.getByTestId('checkout-submit').click();
  await page.waitForURL('**/pay/*');
  await page.getByTestId('pay-succeed').click();
  await page.waitForURL(/\/groups\/[^/]+$/);
}

/** What the server says one unit earns, formatted as the page formats money ("6.90"). */
async function expectedEarn(at: { variantId?: string; campaignId?: string }) {
  const { token } = await shop.t.signUp();
  const res = await shop.t.request('GET', `/api/me/share-earnings?productIds=${board.id}`, { token });
  const [item] = res.json<{
    items: {
      variants: { variantId: string; earn: number }[];
      groupBuys: { campaignId: string; earn: number }[];
    }[];
  }>().items;
  const earn = at.campaignId
    ? item!.groupBuys.find((g) => g.campaignId === at.campaignId)!.earn
    : item!.variants.find((v) => v.variantId === at.variantId)!.earn;
  expect(earn).toBeGreaterThan(0);
  return (earn / 100).toFixed(2);
}

describe('privacy and share earnings', () => {
  it('masks group members, marks you, and shows what a share earns', async () => {
    const a = await openPage(browser, shop.baseUrl);
    await signUp(a, 'Chen Jie');
    await a.goto(`/products/${board.id}`);
    // The product page: "Earn ¥x" beside the price, and again in the share sheet.
    const listEarn = await expectedEarn({ variantId: board.variants[0]!.id });
    await expect(a.getByTestId('earn-badge').first().textContent()).resolves.toContain(listEarn);
    await a.getByTestId('share-button').click();
    await expect(a.getByTestId('share-earn').textContent()).resolves.toContain(listEarn);
    await a.getByTestId('share-close').click();

    await a.getByTestId('group-offer').waitFor();
    await a.getByTestId('start-group').click();
    await checkOutAndPay(a);
    const groupUrl = new URL(a.url()).pathname;

    const b = await openPage(browser, shop.baseUrl);
    await signUp(b, '王芳');
    await b.goto(groupUrl);
    await b.getByTestId('join-group').click();
    await checkOutAndPay(b);
    await b.getByTestId('group-progress').filter({ hasText: '2 of 3 joined' }).waitFor();

    // B sees A as "Chen J.", never "Chen Jie", and is told which member is them.
    const members = (await b.locator('.member-list').textContent()) ?? '';
    expect(members).toContain('Chen J.');
    expect(members).not.toContain('Chen Jie');
    expect(members).toContain('王*');
    expect(members).toContain('You');
    await expect(b.locator('.avatar-you').count()).resolves.toBe(1);

    // A stranger, signed out, sees the same masked names.
    const stranger = await openPage(browser, shop.baseUrl);
    await stranger.goto(groupUrl);
    await stranger.getByTestId('group-members').waitFor();
    const page = (await stranger.locator('.group-page').textContent()) ?? '';
    expect(page).toContain('Chen J.');
    expect(page).not.toContain('Chen Jie');
    expect(page).not.toContain('王芳');

    // The group page earns at the group price.
    const groupEarn = await expectedEarn({ campaignId });
    await expect(b.getByTestId('earn-badge').first().textContent()).resolves.toContain(groupEarn);
  });
});
