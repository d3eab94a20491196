import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoShop } from '../../src/demo/seed.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { launchBrowser, openPage, signInWithToken } from './support/browser.js';

/** The console's dashboard on the demo shop: every chart drawn from a fortnight of its story. */
let t: TestApp;
let baseUrl: string;
let browser: Browser;
let adminToken: string;

const CHARTS = [
  'chart-sales',
  'chart-channels',
  'chart-buyers',
  'chart-refunds',
  'chart-sharing',
  'chart-funnel',
];

beforeAll(async () => {
  t = await createTestApp();
  [, browser] = await Promise.all([seedDemoShop(t.services, t.db, t), launchBrowser()]);
  adminToken = (await t.signInAdmin()).token;
  baseUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('the dashboard', () => {
  it('is where the console opens, with every chart and figure of the demo shop', async () => {
    const page = await openPage(browser, baseUrl, 'desktop');
    await signInWithToken(page.context(), baseUrl, adminToken);
    await page.goto('/admin');
    await page.waitForURL('**/admin/dashboard');
    for (const chart of CHARTS) await page.getByTestId(chart).locator('svg').waitFor();
    // The demo's orders and link openings are in the figures, not zeros.
    const figure = async (id: string) => (await page.getByTestId(id).locator('dd').textContent()) ?? '';
    expect(Number((await figure('stat-orders')).replace(/\D/g, ''))).toBeGreaterThan(0);
    expect(Number((await figure('stat-share-clicks')).replace(/\D/g, ''))).toBeGreaterThan(0);
    expect(await figure('stat-gmv')).toMatch(/[1-9]/);
    await expect(page.getByTestId('analytics-empty').count()).resolves.toBe(0);
    // Drawn series: the sales chart has bars, the funnel one shape per step.
    await expect.poll(() => page.getByTestId('chart-sales').locator('svg path').count()).toBeGreaterThan(5);
    const steps = page.getByTestId('analytics-funnel-row');
    await expect.poll(() => steps.count()).toBe(4);
    const counts = (await steps.locator('td:nth-child(2)').allTextContents()).map(Number);
    expect(counts[0]).toBeGreaterThan(0);
    expect(counts[3]).toBeGreaterThan(0);
    for (let i = 1; i < counts.length; i++) expect(counts[i]).toBeLessThanOrEqual(counts[i - 1] as number);
    await expect.poll(() => page.getByTestId('analytics-channel-row').count()).toBe(7);
    await expect.poll(() => page.getByTestId('analytics-day-row').count()).toBe(14);
    // The demo's invitations reach past the first generation, and some week brought new buyers.
    await expect.poll(() => page.getByTestId('analytics-generation-row').count()).toBeGreaterThan(1);
    const brought = await page.getByTestId('analytics-week-row').locator('td:nth-child(3)').allTextContents();
    expect(brought.map(Number).some((n) => n > 0)).toBe(true);
    await page.context().close();
  });

  it('filters by period and exports the daily table as CSV', async () => {
    const page = await openPage(browser, baseUrl, 'desktop');
    await signInWithToken(page.context(), baseUrl, adminToken);
    await page.goto('/admin/dashboard');
    await page.getByTestId('chart-sales').locator('svg').waitFor();
    const to = await page.getByTestId('analytics-to').inputValue();
    await page.getByTestId('analytics-from').fill(to);
    await page.getByTestId('analytics-apply').click();
    await page.waitForURL(`**/admin/dashboard?from=${to}&to=${to}`);
    await expect.poll(() => page.getByTestId('analytics-day-row').count()).toBe(1);
    const download = page.waitForEvent('download');
    await page.getByTestId('analytics-daily-export').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^analytics-daily-.*\.csv$/);
    await page.context().close();
  });

  it('shows cohorts, promoter payback with team shapes, top products and incentives from the demo shop', async () => {
    const page = await openPage(browser, baseUrl);
    await signInWithToken(page.context(), baseUrl, adminToken);
    await page.goto('/admin/dashboard');
    for (const chart of ['chart-cohorts', 'chart-payback', 'chart-products', 'chart-incentives'])
      await page.getByTestId(chart).locator('svg').waitFor();
    // The demo's store and share cohorts are old enough for a first week; its promoters earned commissions.
    await expect.poll(() => page.getByTestId('analytics-cohort-channel-row').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('analytics-payback-row').count()).toBeGreaterThan(1);
    // The structure module classified the busiest promoter's team (Lin Xiaomei's is an umbrella).
    await expect
      .poll(() => page.getByTestId('analytics-team-row').first().textContent())
      .toMatch(/Umbrella|Tower|Honeycomb/);
    await expect.poll(() => page.getByTestId('analytics-link-row').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('analytics-products-shares-row').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('analytics-group-buy-row').count()).toBeGreaterThan(0);
    // No promoter's buyers refund unusually often in the demo: the empty state says so.
    await page.getByTestId('analytics-outliers-empty').waitFor();
    const download = page.waitForEvent('download');
    await page.getByTestId('analytics-promoters-export').click();
    expect((await download).suggestedFilename()).toMatch(/^analytics-promoters-.*\.csv$/);
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(sideways).toBeLessThanOrEqual(0);
    await page.context().close();
  });

  it('reads in Chinese and never scrolls sideways on a phone', async () => {
    const page = await openPage(browser, baseUrl);
    await signInWithToken(page.context(), baseUrl, adminToken);
    await page.context().addInitScript(() => localStorage.setItem('fission.lang', 'zh-CN'));
    await page.goto('/admin/dashboard');
    await page.getByRole('heading', { name: '数据看板' }).waitFor();
    await page.getByTestId('chart-funnel').locator('svg').waitFor();
    await expect
      .poll(() => page.getByTestId('chart-funnel').locator('svg text').allTextContents())
      .toEqual(expect.arrayContaining([expect.stringContaining('打开链接')]));
    await page.getByRole('heading', { name: '推广员回报' }).waitFor();
    await page.getByRole('heading', { name: '各渠道的留存与复购（同期群）' }).waitFor();
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(sideways).toBeLessThanOrEqual(0);
    await page.context().close();
  });
});
