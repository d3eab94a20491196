import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, signInWithToken } from './support/browser.js';
import { type Shop, startShop } from './support/server.js';

/**
 * The audit log on a phone: the operator changes a price, finds the change by its product, reads
 * it before → after, narrows the list by clicking the action, changes the retention and sees that
 * recorded too; and the page in Chinese.
 */
let shop: Shop;
let browser: Browser;
let admin: Page;
let token: string;

beforeAll(async () => {
  [shop, browser] = await Promise.all([startShop(), launchBrowser()]);
  token = (await shop.t.signInAdmin()).token;
  admin = await openPage(browser, shop.baseUrl, 'phone');
  await signInWithToken(admin.context(), shop.baseUrl, token);
});

afterAll(async () => {
  await browser?.close();
  await shop?.close();
});

describe('the audit log in the console', () => {
  it('shows a price change before → after, found by its product, with who made it', async () => {
    const product = shop.products[0];
    const variant = product?.variants[0];
    if (!product || !variant) throw new Error('the shop has no product');
    const changed = await shop.t.request('PATCH', `/api/admin/products/${product.id}`, {
      token,
      body: {
        variants: [{ id: variant.id, sku: variant.sku, title: variant.title, price: variant.price + 100 }],
      },
    });
    expect(changed.statusCode, changed.body).toBe(200);

    await admin.goto('/admin/audit');
    await admin.getByTestId('audit-filter-target-type').fill('product');
    await admin.getByTestId('audit-filter-target-id').fill(product.id);
    await admin.getByTestId('audit-search').click();
    const entries = admin.getByTestId('audit-entry');
    await expect.poll(() => entries.count()).toBe(1);
    const entry = entries.first();
    await expect(entry.getByTestId('audit-action').getAttribute('data-code')).resolves.toBe('product.update');
    await expect(entry.getByTestId('audit-action').textContent()).resolves.toBe('Product · changed');
    const change = entry.getByTestId('audit-change');
    await expect(change.getAttribute('data-field')).resolves.toBe(`variants.${variant.sku}.price`);
    await expect(change.getByTestId('audit-before').textContent()).resolves.toBe(String(variant.price));
    await expect(change.getByTestId('audit-after').textContent()).resolves.toBe(String(variant.price + 100));
    await expect(entry.getByTestId('audit-request-id').textContent()).resolves.toBe(
      changed.headers['x-request-id'],
    );
    await expect(entry.getByTestId('audit-actor').textContent()).resolves.not.toBe('');
    // The filter is in the address, so the search can be linked to.
    expect(new URL(admin.url()).searchParams.get('targetId')).toBe(product.id);
    const overflow = await admin.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it('says so when nothing matches, and clears the search', async () => {
    await admin.goto('/admin/audit?action=nothing.like.this');
    await admin.getByTestId('audit-empty').waitFor();
    await admin.getByTestId('audit-clear').click();
    await expect.poll(() => admin.getByTestId('audit-entry').count()).toBeGreaterThan(0);
  });

  it('changes the retention, and the change shows in the log', async () => {
    await admin.goto('/admin/audit');
    const days = admin.getByTestId('audit-retention-days');
    await expect.poll(() => days.inputValue()).toBe('365');
    await days.fill('90');
    await admin.getByTestId('audit-retention-save').click();
    await admin.getByTestId('audit-retention-saved').waitFor();
    const first = admin.getByTestId('audit-entry').first();
    await expect
      .poll(() => first.getByTestId('audit-action').getAttribute('data-code'))
      .toBe('audit.settings.update');
    await expect(first.getByTestId('audit-after').textContent()).resolves.toBe('90');
    // Clicking the action narrows the list to it.
    await first.getByTestId('audit-action').click();
    await expect.poll(() => new URL(admin.url()).searchParams.get('action')).toBe('audit.settings.update');
    await expect.poll(() => admin.getByTestId('audit-entry').count()).toBe(1);
    expect((await shop.t.request('GET', '/api/admin/audit/settings', { token })).json()).toEqual({
      retentionDays: 90,
    });
  });

  it('reads in Chinese', async () => {
    const page = await openPage(browser, shop.baseUrl, 'phone');
    await signInWithToken(page.context(), shop.baseUrl, token);
    await page.context().addInitScript(() => localStorage.setItem('fission.lang', 'zh-CN'));
    await page.goto('/admin/audit');
    await expect.poll(() => page.getByTestId('admin-audit').locator('h1').textContent()).toBe('操作日志');
    await expect.poll(() => page.getByTestId('audit-entry').count()).toBeGreaterThan(0);
    await expect(page.getByTestId('audit-search').textContent()).resolves.toBe('搜索');
    await page.context().close();
  });
});
