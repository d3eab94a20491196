import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { CSRF_COOKIE, csrfTokenFor, SESSION_COOKIE } from '../../../src/platform/http/session.js';
import { watchForServerProse } from './server-prose.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

/** A fresh browser context (no shared storage) on the shop, in English; phone-sized by default. */
export async function openPage(
  browser: Browser,
  baseUrl: string,
  size: 'phone' | 'desktop' = 'phone',
): Promise<Page> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale: 'en-US',
    viewport: size === 'phone' ? PHONE : DESKTOP,
  });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  watchForServerProse(page);
  return page;
}

/** Signs a browser context in with a session token, leaving it the cookies signing in would. */
export async function signInWithToken(context: BrowserContext, baseUrl: string, token: string) {
  await context.addCookies([
    { name: SESSION_COOKIE, value: token, url: baseUrl, httpOnly: true, sameSite: 'Lax' },
    { name: CSRF_COOKIE, value: csrfTokenFor(token), url: baseUrl, sameSite: 'Lax' },
  ]);
}

/** The session token of a page signed in through the UI (its HttpOnly cookie), for API calls. */
export async function sessionTokenOf(page: Page): Promise<string> {
  const cookies = await page.context().cookies();
  return cookies.find((cookie) => cookie.name === SESSION_COOKIE)?.value ?? '';
}

let counter = 0;
/** An email no other test in this run uses. */
export const uniqueEmail = (label: string) => `${label}-${process.pid}-${++counter}@example.com`;
