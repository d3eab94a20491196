import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, signInWithToken } from './support/browser.js';
import { type Shop, startShop } from './support/server.js';

/** A shop selling inside WeChat: the console shows the profile and its sources; bargains are gone. */
let shop: Shop;
let browser: Browser;

beforeAll(async () => {
  [shop, browser] = await Promise.all([startShop({ env: { POLICY_PROFILE: 'wechat' } }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await shop?.close();
});

describe('the market policy profile, on a phone', () => {
  it('is shown in the console with each rule’s source, and what it forbids is not offered', async () => {
    const admin = (await shop.t.signInAdmin()).token;
    const page = await openPage(browser, shop.baseUrl);
    await signInWithToken(page.context(), shop.baseUrl, admin);
    await page.goto('/admin/policy');
    await expect.poll(() => page.getByTestId('policy-profile').textContent()).toBe('WeChat (wechat)');
    const bargains = page.getByTestId('policy-rules').locator('[data-rule="bargains"]');
    await expect(bargains.textContent()).resolves.toContain('Not allowed');
    await expect(bargains.textContent()).resolves.toContain('WeChat External Link');
    const levels = page.getByTestId('policy-rules').locator('[data-rule="maxCommissionLevels"]');
    await expect(levels.textContent()).resolves.toContain('2 levels');
    await expect(
      page.getByTestId('policy-compare').locator('th[aria-current="true"]').textContent(),
    ).resolves.toBe('WeChat (wechat)');
    // The console offers no bargain campaigns where the profile forbids them, nor does the shop.
    await expect(page.locator('a[href="/admin/bargains"]').count()).resolves.toBe(0);
    await page.goto('/bargains');
    await expect.poll(() => page.getByTestId('bargains-not-available').count()).toBe(1);
    await page.goto('/');
    await expect.poll(() => page.getByTestId('product-card').count()).toBeGreaterThan(0);
    await expect(page.getByTestId('home-bargains').count()).resolves.toBe(0);
  });
});
