import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Product } from '../../src/modules/catalog/service.js';
import { placePaidOrder } from '../support/shop.js';
import { launchBrowser, openPage, signInWithToken } from './support/browser.js';
import { type Shop, startShop } from './support/server.js';

let shop: Shop;
let browser: Browser;
let admin: string;

const NEUTRAL = {
  discountBps: 0,
  commissionMultiplierBps: 10_000,
  freeShipping: false,
  monthlyCouponTemplateId: null,
};

beforeAll(async () => {
  [shop, browser] = await Promise.all([startShop(), launchBrowser()]);
  admin = (await shop.t.signInAdmin()).token;
  for (const level of [
    { rank: 2, name: 'Silver', threshold: 100, ...NEUTRAL, discountBps: 500 },
    { rank: 3, name: 'Gold', threshold: 500, ...NEUTRAL, discountBps: 800, freeShipping: true },
  ]) {
    const res = await shop.t.request('POST', '/api/admin/levels', { token: admin, body: level });
    expect(res.statusCode, res.body).toBe(201);
  }
});

afterAll(async () => {
  await browser?.close();
  await shop?.close();
});

const giftBox = () => shop.products.find((p) => p.title === 'Oolong Gift Box') as Product;

async function signedInPage(token: string, language?: 'zh-CN'): Promise<Page> {
  const page = await openPage(browser, shop.baseUrl);
  await signInWithToken(page.context(), shop.baseUrl, token);
  if (language)
    await page.context().addInitScript((lang) => localStorage.setItem('fission.lang', lang), language);
  return page;
}

const noSidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('my level, on a phone', () => {
  it('shows the level reached by paying, the growth, the progress to the next level and the benefits', async () => {
    const { token } = await shop.t.signUp({ name: 'Chen Jie' });
    await placePaidOrder(shop.t, token, giftBox().variants[0]!.id); // ¥128: 128 growth
    await shop.t.jobs.runDue();
    const page = await signedInPage(token);
    await page.goto('/account');
    await page.getByTestId('growth-link-level').click();
    await page.waitForURL('**/level');
    await expect.poll(() => page.getByTestId('level-name').textContent()).toBe('Silver');
    expect(await page.getByTestId('level-growth').textContent()).toBe('128');
    expect(await page.getByTestId('level-missing').textContent()).toBe('372 more growth to Gold');
    // From Silver's 100 to Gold's 500: 28 of 400 done.
    expect(await page.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('7');
    expect(await page.getByTestId('level-benefits').textContent()).toContain('5% off every regular order');
    const rows = page.getByTestId('levels-table').locator('tbody tr');
    expect(await rows.count()).toBe(3);
    expect(await rows.nth(2).textContent()).toContain('Free shipping');
    expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(0);

    // The level-up notification links here.
    await page.goto('/notifications');
    await page.getByText('Welcome to Silver').click();
    await page.waitForURL('**/level');
    await page.context().close();
  });

  it('reads in Chinese, and the top level says there is nothing left to reach', async () => {
    const { token } = await shop.t.signUp({ name: 'Wang Fang' });
    await placePaidOrder(shop.t, token, giftBox().variants[0]!.id, 4); // ¥512: Gold, the top
    await shop.t.jobs.runDue();
    const page = await signedInPage(token, 'zh-CN');
    await page.goto('/level');
    await expect.poll(() => page.getByTestId('level-name').textContent()).toBe('Gold');
    expect(await page.getByTestId('level-top').textContent()).toContain('最高等级');
    expect(await page.getByTestId('level-benefits').textContent()).toContain('包邮');
    expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(0);
    await page.context().close();
  });

  it('the operator adds a level in the console', async () => {
    const page = await signedInPage(admin);
    await page.goto('/admin/levels');
    await expect.poll(() => page.getByTestId('admin-level-row').count()).toBe(3);
    await page.getByTestId('add-level').click();
    const form = page.getByTestId('level-form');
    await form.getByLabel('Rank').fill('4');
    await form.getByLabel('Name').fill('Platinum');
    await form.getByLabel('From growth').fill('2000');
    await form.getByLabel('Discount (%)').fill('10');
    await page.getByTestId('save-level').click();
    await expect.poll(() => page.getByTestId('admin-level-row').count()).toBe(4);
    expect(await page.getByTestId('admin-levels-table').textContent()).toContain('Platinum');
    // A threshold below the level under it is refused, in words.
    await page.getByTestId('add-level').click();
    await form.getByLabel('Rank').fill('5');
    await form.getByLabel('Name').fill('Diamond');
    await form.getByLabel('From growth').fill('1000');
    await page.getByTestId('save-level').click();
    await expect.poll(() => form.getByRole('alert').textContent()).toContain('Higher ranks need more growth');
    // A discount above 90 % is refused by the form itself, before anything is sent.
    await form.getByLabel('From growth').fill('3000');
    await form.getByLabel('Discount (%)').fill('95');
    await page.getByTestId('save-level').click();
    await expect
      .poll(() => form.getByTestId('error-discount').textContent())
      .toBe('A level’s discount can be at most 90 %.');
    expect(await page.getByTestId('admin-level-row').count()).toBe(4);
    await page.context().close();
  });
});
