import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, uniqueEmail } from './support/browser.js';
import { type Shop, startShop } from './support/server.js';

/**
 * The browser side of the security work: the built app runs under its Content-Security-Policy
 * without a violation, the session lives in an HttpOnly cookie (nothing in localStorage), writes
 * carry the CSRF token, and a write without it is refused.
 */

let shop: Shop;
let browser: Browser;

beforeAll(async () => {
  [shop, browser] = await Promise.all([startShop(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await shop?.close();
});

/** A page that records every CSP violation (the listener is installed before any page script). */
async function watchedPage(size: 'phone' | 'desktop' = 'phone') {
  const page = await openPage(browser, shop.baseUrl, size);
  await page.context().addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { __cspViolations: seen });
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return page;
}

const violations = (page: Page) =>
  page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);

describe('security in the browser', () => {
  it('signs up into an HttpOnly cookie, stays signed in on reload, writes with the CSRF token, signs out', async () => {
    const page = await watchedPage();
    const email = uniqueEmail('cookie');
    await page.goto('/signup?next=/account');
    await page.getByLabel('Name').fill('Mei');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByTestId('signup-submit').click();
    await page.waitForURL('**/account');
    await expect(page.getByTestId('account-email').textContent()).resolves.toBe(email);

    const session = (await page.context().cookies()).find((c) => c.name === 'fission_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    expect(await page.evaluate(() => Object.keys(localStorage))).not.toContain('fission.token');
    expect(await page.evaluate(() => document.cookie)).not.toContain('fission_session');

    await page.reload();
    await expect(page.getByTestId('account-email').textContent()).resolves.toBe(email);

    // A cookie-authenticated write through the app: the language switch saves the choice.
    const saved = page.waitForResponse((res) => res.url().endsWith('/api/me/language'));
    await page.getByTestId('language-switch').selectOption('zh-CN');
    expect((await saved).status()).toBe(200);
    await page.getByTestId('language-switch').selectOption('en');

    // The same write without the token, as a forged request would be sent, is refused.
    const forged = await page.evaluate(async () => {
      const res = await fetch('/api/me/language', {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ language: 'zh-CN' }),
      });
      return { status: res.status, body: await res.json() };
    });
    expect(forged).toMatchObject({ status: 403, body: { reason: 'csrf_failed' } });

    await page.getByTestId('sign-out').click();
    await page.waitForURL((url) => url.pathname === '/');
    await expect
      .poll(async () => (await page.context().cookies()).map((c) => c.name))
      .not.toContain('fission_session');
    expect(await violations(page)).toEqual([]);
    await page.close();
  });

  it('shows the shop, a product and the cart with no CSP violation', async () => {
    const page = await watchedPage();
    const response = await page.goto('/');
    expect(response?.headers()['content-security-policy']).toContain(
      "script-src 'self' https://js.stripe.com",
    );
    await page.getByTestId('product-card').first().click();
    await page.waitForURL('**/products/**');
    await page.goto('/cart');
    expect(await violations(page)).toEqual([]);
    await page.close();
  });

  it('renders the API reference at /docs under its own policy', async () => {
    const page = await watchedPage('desktop');
    const response = await page.goto('/docs');
    expect(response?.status()).toBe(200);
    // The reference parses the whole document in the page first: seconds on a busy machine.
    await page.getByText('Fission API').first().waitFor({ timeout: 30_000 });
    expect(await violations(page)).toEqual([]);
    await page.close();
  });
});
