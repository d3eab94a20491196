import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, signInWithToken } from './support/browser.js';
import { type Shop, startShop } from './support/server.js';

/** The console draws a team's structure, and a promoter sees their trust value, on a phone. */
let shop: Shop;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [shop, browser] = await Promise.all([startShop(), launchBrowser()]);
  page = await openPage(browser, shop.baseUrl);
});

afterAll(async () => {
  await browser?.close();
  await shop?.close();
});

describe('structure and trust', () => {
  it('draws a chain of invitations as a tower with its metrics', async () => {
    const root = await shop.t.signUp({ name: 'Root Promoter' });
    let last = root;
    for (let i = 0; i < 4; i++) last = await shop.t.signUp({ inviteCode: last.user.inviteCode });
    const admin = await shop.t.signInAdmin();
    await signInWithToken(page.context(), shop.baseUrl, admin.token);

    await page.goto(`/admin/structure?promoter=${root.user.id}`);
    const chart = page.getByTestId('structure-chart');
    await chart.locator('svg').waitFor();
    await expect(chart.getAttribute('data-shape')).resolves.toBe('tower');
    await expect(page.getByTestId('structure-shape').textContent()).resolves.toBe('Tower');
    await expect(page.getByTestId('structure-depth').textContent()).resolves.toBe('4');
    await expect.poll(() => chart.locator('svg text').allTextContents()).toContain('Root Promoter');
    await expect.poll(() => page.getByTestId('structure-top-row').count()).toBe(0);
  });

  it('shows the promoter their own trust value and what moves it', async () => {
    const promoter = await shop.t.signUp();
    const own = await openPage(browser, shop.baseUrl);
    await signInWithToken(own.context(), shop.baseUrl, promoter.token);
    await own.goto('/promote');
    await expect(own.getByTestId('my-trust-score').textContent()).resolves.toContain('100');
    await own.getByText('What moves it').click();
    await expect.poll(() => own.getByTestId('trust-part').count()).toBe(5);
    await own.context().close();
  });

  it('never scrolls sideways at 390 px, in English or Chinese', async () => {
    const promoter = await shop.t.signUp();
    await shop.t.signUp({ inviteCode: promoter.user.inviteCode });
    const admin = await shop.t.signInAdmin();
    for (const language of ['en', 'zh-CN']) {
      const view = await openPage(browser, shop.baseUrl);
      await signInWithToken(view.context(), shop.baseUrl, admin.token);
      await view.context().addInitScript((lang) => localStorage.setItem('fission.lang', lang), language);
      const overflowing: string[] = [];
      for (const [route, ready] of [
        [`/admin/structure?promoter=${promoter.user.id}`, 'structure-chart'],
        ['/admin/trust', 'trust-threshold-form'],
        [`/admin/trust/${promoter.user.id}`, 'trust-parts'],
        ['/promote', 'my-trust-score'],
      ] as const) {
        await view.goto(route);
        await view.getByTestId(ready).waitFor();
        await view.waitForLoadState('networkidle');
        const fits = await view.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
        if (!fits) overflowing.push(route);
      }
      expect(overflowing, language).toEqual([]);
      await view.context().close();
    }
  });
});
