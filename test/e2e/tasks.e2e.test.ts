import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Product } from '../../src/modules/catalog/service.js';
import { launchBrowser, openPage, signInWithToken } from './support/browser.js';
import { type Shop, startShop } from './support/server.js';

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

async function signedInPage(token: string): Promise<Page> {
  const page = await openPage(browser, shop.baseUrl);
  await signInWithToken(page.context(), shop.baseUrl, token);
  return page;
}

const noSidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** Shares the product from its page through the real share button, then closes the sheet. */
async function shareFromProductPage(page: Page, productId: string) {
  await page.goto(`/products/${productId}`);
  await page.getByTestId('share-button').click();
  const dialog = page.getByTestId('share-dialog');
  await dialog.getByTestId('share-url').waitFor();
  await dialog.getByTestId('share-close').click();
}

describe('tasks, on a phone', () => {
  it('the operator sets a weekly task in the console; a buyer shares two products and sees it done with its reward', async () => {
    const { token: adminToken } = await shop.t.signInAdmin();
    const admin = await signedInPage(adminToken);
    await admin.goto('/admin/tasks');
    await admin.getByTestId('admin-new-task').click();
    const form = admin.getByTestId('task-form');
    await form.locator('input[name="title"]').fill('Share 2 products');
    await form.locator('select[name="kind"]').selectOption('share_products');
    await form.locator('select[name="period"]').selectOption('weekly');
    await form.locator('input[name="target"]').fill('2');
    await form.locator('input[name="rewardPoints"]').fill('20');
    await form.getByTestId('save-task').click();
    await admin.waitForURL(/\/admin\/tasks$/);
    const row = admin.getByTestId('admin-task-row').filter({ hasText: 'Share 2 products' });
    await expect(row.textContent()).resolves.toContain('20 points');

    const { token } = await shop.t.signUp({ name: 'Chen Jie' });
    const page = await signedInPage(token);
    await page.goto('/tasks');
    const task = page.getByTestId('task').filter({ hasText: 'Share 2 products' });
    await expect(task.getByTestId('task-progress').textContent()).resolves.toBe('0 / 2');
    await expect(task.getByTestId('task-reward').textContent()).resolves.toContain('20 points');
    await expect(page.getByTestId('task-group-weekly').isVisible()).resolves.toBe(true);
    expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(0);

    // "Go" leads to the catalogue, where products are shared from their pages.
    await task.getByTestId('task-go').click();
    await page.waitForURL((url) => url.pathname === '/');
    await shareFromProductPage(page, product('Jasmine Green Tea').id);
    await shareFromProductPage(page, product('Bamboo Cutting Board').id);
    // Progress is counted by the jobs the shares queued (the server's poller is off in tests).
    await shop.t.jobs.runDue();

    await page.goto('/tasks');
    const done = page.getByTestId('task').filter({ hasText: 'Share 2 products' });
    await done.getByTestId('task-done').waitFor();
    await expect(done.getByTestId('task-progress').textContent()).resolves.toBe('2 / 2');
    await expect(done.getByTestId('task-go').count()).resolves.toBe(0);
    await expect(done.getByTestId('task-reward').textContent()).resolves.toContain('20 points');
    const points = await shop.t.request('GET', '/api/me/points', { token });
    expect(points.json()).toMatchObject({ balance: 20 });
    expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(0);

    // In Chinese: the page's own words translated, the operator's title as written.
    await page.evaluate(() => localStorage.setItem('fission.lang', 'zh-CN'));
    await page.reload();
    await expect(done.getByTestId('task-done').textContent()).resolves.toBe('已完成');
    await expect(done.getByTestId('task-reward').textContent()).resolves.toContain('20 积分');
    await expect(page.getByTestId('task-group-weekly').textContent()).resolves.toContain('本周任务');

    // Deactivated, the task is gone from the buyer's page, which then says there is nothing to do.
    await admin.reload();
    await row.getByTestId('deactivate-task').click();
    await admin.getByTestId('deactivate-task-ok').click();
    await expect.poll(() => row.textContent()).toContain('Inactive');
    await page.goto('/tasks');
    await page.getByTestId('tasks-empty').waitFor();
  });
});
