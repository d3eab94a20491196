import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, sessionTokenOf, signInWithToken, uniqueEmail } from './support/browser.js';
import { type Shop, startShop } from './support/server.js';

/**
 * axe-core on the main pages, as a phone shows them (the admin console on a phone and a desktop): a serious or
 * critical violation (a field without a label, a button without a name, text without contrast, a
 * page without landmarks) fails the test with the rule and the elements it found.
 */
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

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

/** The serious and critical violations on the page as it is now, one line each. */
async function violations(on: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: the shop's Content-Security-Policy (rightly) refuses a
  // script tag with inline code, which is what addScriptTag would add.
  await on.evaluate(AXE);
  const found = await on.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (context: Document, options: object) => Promise<unknown> } }
    ).axe;
    const result = (await axe.run(document, { resultTypes: ['violations'] })) as { violations: unknown[] };
    return result.violations;
  });
  return (found as AxeViolation[])
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function expectAccessible(on: Page, ready: string) {
  await on.getByTestId(ready).first().waitFor();
  expect(await violations(on), `on ${on.url()}`).toEqual([]);
}

const jasmine = () => shop.products.find((p) => p.title === 'Jasmine Green Tea')!;

describe('the main pages pass axe (no serious or critical violations)', () => {
  it('home and catalogue', async () => {
    await page.goto('/');
    await expectAccessible(page, 'product-card');
  });

  it('product page', async () => {
    await page.goto(`/products/${jasmine().id}`);
    await expectAccessible(page, 'product-title');
  });

  it('cart', async () => {
    await page.getByTestId('add-to-cart').click();
    await page.getByTestId('added-to-cart').waitFor();
    await page.goto('/cart');
    await expectAccessible(page, 'cart-subtotal');
  });

  it('sign-in', async () => {
    await page.goto('/signin?next=%2Fcheckout');
    await expectAccessible(page, 'signin-submit');
  });

  it('checkout', async () => {
    const email = uniqueEmail('a11y');
    await shop.t.request('POST', '/api/auth/register', {
      body: { email, password: 'correct horse battery', name: 'Lin' },
    });
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByTestId('signin-submit').click();
    await page.waitForURL('**/checkout');
    await expectAccessible(page, 'checkout-form');
  });

  it('orders', async () => {
    const token = await sessionTokenOf(page);
    const variantId = jasmine().variants[0]!.id;
    const placed = await shop.t.request('POST', '/api/orders', {
      token,
      body: { items: [{ variantId, quantity: 1 }] },
    });
    expect(placed.statusCode, placed.body).toBe(201);
    await page.goto('/orders');
    await expectAccessible(page, 'order-row');
  });

  it('promoter centre', async () => {
    await page.goto('/promote');
    await page.waitForURL('**/promote**');
    await page.locator('main').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await violations(page), `on ${page.url()}`).toEqual([]);
  });

  it('account page, with its language choice', async () => {
    await page.goto('/account');
    await expectAccessible(page, 'account-language');
  });

  it('the admin console on a phone: its tab strip and stacked tables', async () => {
    const admin = await openPage(browser, shop.baseUrl);
    await signInWithToken(admin.context(), shop.baseUrl, (await shop.t.signInAdmin()).token);
    for (const [route, ready] of [
      ['/admin/orders', 'admin-order-row'],
      ['/admin/products', 'admin-product-row'],
      ['/admin/coupons', 'admin-coupons'],
      ['/admin/group-buys', 'admin-group-buys'],
      ['/admin/promoters', 'admin-nav'],
      ['/admin/withdrawals', 'admin-nav'],
      ['/admin/people', 'person-row'],
      ['/admin/audit', 'audit-retention'],
      ['/admin/moderation', 'moderation-queue'],
    ] as const) {
      await admin.goto(route);
      await admin.waitForLoadState('networkidle');
      await expectAccessible(admin, ready);
    }
    await admin.context().close();
  });

  it('forgot password and reset password', async () => {
    const guest = await openPage(browser, shop.baseUrl);
    await guest.goto('/forgot-password');
    await expectAccessible(guest, 'forgot-submit');
    await guest.goto('/reset-password?token=abc');
    await expectAccessible(guest, 'reset-submit');
    await guest.context().close();
  });

  it('the admin console’s orders', async () => {
    const admin = await openPage(browser, shop.baseUrl, 'desktop');
    await admin.goto('/signin?next=%2Fadmin%2Forders');
    await admin.getByLabel('Email').fill(shop.admin.email);
    await admin.getByLabel('Password').fill(shop.admin.password);
    await admin.getByTestId('signin-submit').click();
    await admin.waitForURL('**/admin/orders');
    await admin.waitForLoadState('networkidle');
    await admin.locator('main').waitFor();
    expect(await violations(admin), `on ${admin.url()}`).toEqual([]);
    await admin.context().close();
  });
});
