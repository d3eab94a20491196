import { type Browser, chromium, type Page } from 'playwright-core';
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

let counter = 0;
/** An email no other test in this run uses. */
export const uniqueEmail = (label: string) => `${label}-${process.pid}-${++counter}@example.com`;
