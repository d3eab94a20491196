import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mail } from '../../src/modules/notifications/index.js';
import { launchBrowser, openPage, signInWithToken } from './support/browser.js';
import { type Shop, startShop } from './support/server.js';

/**
 * Support staff on a phone (390 px): an operator searches the people list for a customer by phone,
 * opens their page and disables them, after which the customer's session is gone and signing in
 * says the account is disabled; the operator sees only their sections and cannot change roles,
 * which an administrator does on the same page, in Chinese too. A forgotten password is reset
 * through the emailed link.
 */
let shop: Shop;
let browser: Browser;
let operatorToken: string;
let adminToken: string;
/** The inbox: every email the shop sent. */
const sent: Mail[] = [];

beforeAll(async () => {
  const mailer = { kind: 'log' as const, send: async (mail: Mail) => void sent.push(mail) };
  [shop, browser] = await Promise.all([startShop({ deps: { mailer } }), launchBrowser()]);
  adminToken = (await shop.t.signInAdmin()).token;
  const operator = await shop.t.signUp({ name: 'Support Sun' });
  await shop.t.services.accounts.grantRole(operator.user.id, 'operator');
  operatorToken = operator.token;
});

afterAll(async () => {
  await browser?.close();
  await shop?.close();
});

async function signedInAs(token: string, language: 'en' | 'zh-CN' = 'en'): Promise<Page> {
  const page = await openPage(browser, shop.baseUrl);
  if (language === 'zh-CN')
    await page.context().addInitScript(() => localStorage.setItem('fission.lang', 'zh-CN'));
  await signInWithToken(page.context(), shop.baseUrl, token);
  return page;
}

const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('people in the console', () => {
  it('an operator finds a customer by phone and disables them; the customer is signed out and cannot sign in', async () => {
    const customer = await shop.t.signUp({ name: 'Fraud Fang', email: 'fang.fraud@example.com' });
    await shop.t.request('POST', '/api/me/addresses', {
      token: customer.token,
      body: {
        name: 'Fang',
        phone: '138 5555 0199',
        province: '浙江省',
        city: '杭州市',
        line1: '西湖路 1 号',
      },
    });

    const page = await signedInAs(operatorToken);
    await page.goto('/admin/people');
    // Support staff see their sections only.
    await page.getByTestId('admin-nav').waitFor();
    await expect
      .poll(() => page.getByTestId('admin-nav').locator('a[href="/admin/distribution"]').count())
      .toBe(0);
    await page.getByTestId('people-search').fill('13855550199');
    await page.getByTestId('people-search-submit').click();
    await expect.poll(() => page.getByTestId('person-row').count()).toBe(1);
    await expect(page.getByTestId('person-row').textContent()).resolves.toContain('Fraud Fang');
    expect(await overflow(page)).toBeLessThanOrEqual(0);

    await page.getByTestId('person-link').click();
    await page.waitForURL(`**/admin/people/${customer.user.id}`);
    await expect(page.getByTestId('person-name').textContent()).resolves.toBe('Fraud Fang');
    // An operator sees the roles but cannot change them.
    await expect.poll(() => page.getByTestId('person-roles').count()).toBe(0);
    expect(await overflow(page)).toBeLessThanOrEqual(0);

    await page.getByTestId('person-disable').click();
    await page.getByTestId('person-confirm-ok').click();
    await page.getByTestId('person-done').waitFor();
    await page.getByTestId('person-disabled').waitFor();
    await page.getByTestId('person-enable').waitFor();

    expect((await shop.t.request('GET', '/api/me', { token: customer.token })).statusCode).toBe(401);
    const signIn = await openPage(browser, shop.baseUrl);
    await signIn.goto('/signin');
    await signIn.getByLabel('Email').fill('fang.fraud@example.com');
    await signIn.getByLabel('Password').fill('correct horse battery');
    await signIn.getByTestId('signin-submit').click();
    await expect
      .poll(() => signIn.getByTestId('signin-form').textContent())
      .toContain('This account is disabled');

    // And the list says so too.
    await page.goto('/admin/people?q=fang.fraud');
    await page.getByTestId('person-row').getByTestId('person-disabled').waitFor();

    // The audit log shows who disabled the account, searched by the person.
    await page.goto('/admin/audit');
    await page.getByTestId('audit-filter-target-type').fill('user');
    await page.getByTestId('audit-filter-target-id').fill(customer.user.id);
    await page.getByTestId('audit-search').click();
    const disabling = page.locator('[data-testid="audit-entry"][data-action="user.disable"]');
    await expect.poll(() => disabling.count()).toBe(1);
    await expect(disabling.textContent()).resolves.toMatch(/Support Sun.*Support staff/);
    await expect.poll(() => page.getByTestId('audit-retention').count()).toBe(0);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
  });

  it('an operator opens an order and can ship it, without the admin-only refund or commission flags', async () => {
    const buyer = await shop.t.signUp();
    const variantId = shop.products[0]!.variants[0]!.id;
    const placed = await shop.t.request('POST', '/api/orders', {
      token: buyer.token,
      body: { items: [{ variantId, quantity: 1 }] },
    });
    const orderId = placed.json<{ id: string }>().id;
    await shop.t.request('POST', `/api/payments/sandbox/${orderId}/succeed`, { token: buyer.token });
    const page = await signedInAs(operatorToken);
    await page.goto(`/admin/orders/${orderId}`);
    await page.getByTestId('admin-order-detail').waitFor();
    await expect.poll(() => page.getByTestId('ship-form').count()).toBe(1);
    expect(await page.getByTestId('admin-order-complete').count()).toBe(1);
    expect(await page.getByTestId('admin-order-refund').count()).toBe(0);
    expect(await page.getByTestId('order-commission-flags').count()).toBe(0);
    expect(await page.getByTestId('error-message').count()).toBe(0);
  });

  it('an administrator grants and revokes a role on the person’s page, in Chinese', async () => {
    const person = await shop.t.signUp({ name: '李客服' });
    const page = await signedInAs(adminToken, 'zh-CN');
    await page.goto(`/admin/people/${person.user.id}`);
    await page.getByTestId('toggle-role-operator').click();
    await expect.poll(() => page.getByTestId('person-done').textContent()).toBe('已授予：客服。');
    await expect(page.getByTestId('toggle-role-operator').getAttribute('aria-pressed')).resolves.toBe('true');
    const me = await shop.t.request('GET', '/api/admin/orders', { token: person.token });
    expect(me.statusCode).toBe(200);
    await page.getByTestId('toggle-role-operator').click();
    await expect.poll(() => page.getByTestId('person-done').textContent()).toBe('已撤销：客服。');
    expect((await shop.t.request('GET', '/api/admin/orders', { token: person.token })).statusCode).toBe(403);
  });

  it('a forgotten password is reset through the emailed link', async () => {
    const person = await shop.t.signUp({ email: 'forgot.e2e@example.com' });
    const page = await openPage(browser, shop.baseUrl);
    await page.goto('/signin');
    await page.getByTestId('forgot-link').click();
    await page.waitForURL('**/forgot-password');
    await page.getByLabel('Email').fill('forgot.e2e@example.com');
    await page.getByTestId('forgot-submit').click();
    await page.getByTestId('forgot-sent').waitFor();
    await expect.poll(() => sent.filter((m) => m.to === person.user.email).length).toBe(1);
    const mail = sent.find((m) => m.to === person.user.email)!;
    const link = /(http\S+\/reset-password\?token=\S+)/.exec(mail.text)?.[1];
    expect(link, mail.text).toBeDefined();
    await page.goto(link!);
    await page.getByLabel('New password').fill('a fresh new secret');
    await page.getByTestId('reset-submit').click();
    await page.getByTestId('reset-done').waitFor();
    const login = await shop.t.request('POST', '/api/auth/login', {
      body: { email: 'forgot.e2e@example.com', password: 'a fresh new secret' },
    });
    expect(login.statusCode).toBe(200);
  });
});
