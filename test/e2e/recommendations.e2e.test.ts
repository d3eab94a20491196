import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Product } from '../../src/modules/catalog/service.js';
import { placePaidOrder } from '../support/shop.js';
import { launchBrowser, openPage, signInWithToken } from './support/browser.js';
import { type Shop, startShop } from './support/server.js';

/** Recommendations on a phone: a friend's purchase shows on the home page, badged on the product page. */
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

describe('recommendations', () => {
  it('shows a friend’s purchase as "for you" with a friends-bought reason, and the badge on its page', async () => {
    const me = await shop.t.signUp({ name: 'Chen Jie' });
    const friend = await shop.t.signUp({ name: 'Wang Fang' });
    const follow = await shop.t.request('POST', `/api/users/${friend.user.id}/followers`, {
      token: me.token,
    });
    expect(follow.statusCode).toBe(200);
    await shop.t.services.recommendations.trainNow();

    const page = await openPage(browser, shop.baseUrl);
    await signInWithToken(page.context(), shop.baseUrl, me.token);
    await page.goto('/');
    // Before the friend buys anything: no friends-bought reason anywhere.
    await expect.poll(() => page.getByTestId('home-for-you').count()).toBe(1);
    expect(await page.locator('[data-testid="for-you-reason"][data-type="friends_bought"]').count()).toBe(0);

    const gift = product('Oolong Gift Box');
    await placePaidOrder(shop.t, friend.token, gift.variants[0]!.id);
    await shop.t.jobs.runDue();

    await page.goto('/');
    const first = page.getByTestId('for-you-item').first();
    await expect.poll(() => first.getByTestId('for-you-reason').textContent()).toBe('Wang Fang bought this');
    await expect(first.textContent()).resolves.toContain('Oolong Gift Box');
    await first.click();
    await page.waitForURL(`**/products/${gift.id}`);
    await expect
      .poll(() => page.getByTestId('friends-bought-badge').first().textContent())
      .toBe('Wang Fang bought this');
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
  });

  it('gives the operator the last training and a button to retrain now', async () => {
    const admin = await shop.t.signInAdmin();
    const page = await openPage(browser, shop.baseUrl);
    await signInWithToken(page.context(), shop.baseUrl, admin.token);
    await page.goto('/admin/recommendations');
    await expect.poll(() => page.getByTestId('last-training').count()).toBe(1);
    await expect(page.getByTestId('training-duration').textContent()).resolves.toMatch(/\d+\.\d s/);
    const before = await page.getByTestId('training-row').count();
    await page.getByTestId('retrain').click();
    await expect.poll(() => page.getByTestId('retrain-queued').count()).toBe(1);
    await shop.t.jobs.runDue();
    await page.reload();
    await expect.poll(() => page.getByTestId('training-row').count()).toBe(before + 1);
  });
});
