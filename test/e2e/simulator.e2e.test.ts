import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, signInWithToken } from './support/browser.js';
import { type Shop, startShop } from './support/server.js';

/** The console's incentive simulator: two schemes run with a progress bar, then side by side. */
let shop: Shop;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [shop, browser] = await Promise.all([startShop(), launchBrowser()]);
  page = await openPage(browser, shop.baseUrl);
  const admin = await shop.t.signInAdmin();
  await signInWithToken(page.context(), shop.baseUrl, admin.token);
});

afterAll(async () => {
  await browser?.close();
  await shop?.close();
});

const fill = (scope: string, name: string, value: string) =>
  page.getByTestId(scope).locator(`input[name="${name}"]`).fill(value);

describe('the incentive simulator', () => {
  it('runs two schemes to completion with a progress bar and compares them week by week', async () => {
    await page.goto('/admin/simulator');
    await page.getByTestId('simulator-empty').waitFor();
    await fill('simulator-population', 'people', '60000');
    await fill('simulator-population', 'runs', '60');
    await fill('simulator-population', 'weeks', '8');
    // A third level under cn-strict: scheme B must be warned.
    await fill('simulator-scheme-b', 'level-3', '2');
    await page.getByTestId('simulator-run').click();

    await page.getByTestId('simulator-progress').waitFor();
    await page.getByTestId('simulator-results').waitFor({ timeout: 60_000 });
    await expect(page.getByTestId('simulator-progress').count()).resolves.toBe(0);
    await page.getByTestId('simulator-chart').locator('svg').waitFor();
    await expect.poll(() => page.getByTestId('simulator-week-row').count()).toBe(8);
    const warnings = await page
      .getByTestId('simulator-warnings')
      .locator('li')
      .evaluateAll((items) => items.map((li) => li.getAttribute('data-code')));
    expect(warnings).toContain('levels_beyond_policy');
    // Both columns of GMV hold figures, and the schemes differ.
    const gmv = await page.getByTestId('total-gmv').allTextContents();
    expect(gmv).toHaveLength(2);
    expect(gmv[0]).not.toBe(gmv[1]);
    // On a phone (390 px) the page, its chart and its tables never scroll sideways.
    await expect(
      page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    ).resolves.toBe(true);
  });

  it('opens on the two newest finished simulations, listed below', async () => {
    await page.goto('/admin/simulator');
    await page.getByTestId('simulator-results').waitFor();
    await expect.poll(() => page.getByTestId('simulator-recent-row').count()).toBe(2);
    expect(new URL(page.url()).searchParams.get('a')).toBeTruthy();
  });

  it('cancels a run in progress', async () => {
    await page.goto('/admin/simulator');
    await fill('simulator-population', 'people', '1000000');
    await fill('simulator-population', 'runs', '100');
    await page.getByTestId('simulator-run').click();
    await page.getByTestId('simulator-cancel').click();
    await page.getByTestId('simulator-failed').waitFor();
    await expect(page.getByTestId('simulator-failed').textContent()).resolves.toContain('cancelled');
    await expect(page.getByTestId('simulator-results').count()).resolves.toBe(0);
  });

  it('runs both schemes on this shop, showing its size and measured rates', async () => {
    await shop.t.signUp();
    const [users] = await shop.t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
    await page.goto('/admin/simulator');
    await page.getByTestId('simulator-population').locator('select[name="kind"]').selectOption('shop');
    const size = page.getByTestId('simulator-shop-size');
    await size.waitFor();
    await expect(size.textContent()).resolves.toContain(`${users?.n.toLocaleString()} people`);
    // No orders yet: the rates are the stated defaults, shown as placeholders; one is overridden.
    await expect(page.getByTestId('simulator-shop').textContent()).resolves.toContain('default');
    await fill('simulator-population', 'shop-orderRate', '40');
    await fill('simulator-population', 'runs', '5');
    await page.getByTestId('simulator-run').click();
    await page.getByTestId('simulator-results').waitFor({ timeout: 60_000 });
    await expect(page.getByTestId('simulator-results').textContent()).resolves.toContain(
      `${users?.n.toLocaleString()} people`,
    );
    await page.getByTestId('simulator-recent-row').first().getByText('This shop').waitFor();
  });

  it('is in the console navigation and speaks Chinese', async () => {
    const view = await openPage(browser, shop.baseUrl);
    const admin = await shop.t.signInAdmin();
    await signInWithToken(view.context(), shop.baseUrl, admin.token);
    await view.context().addInitScript(() => localStorage.setItem('fission.lang', 'zh-CN'));
    await view.goto('/admin/products');
    await view.getByTestId('admin-nav').getByText('激励模拟器').click();
    await view.getByTestId('admin-simulator').getByText('运行两套方案').waitFor();
    await view.context().close();
  });
});
