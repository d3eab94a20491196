import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, dayIn } from '../../src/platform/calendar.js';
import { launchBrowser, openPage, signInWithToken } from './support/browser.js';
import { type Shop, startShop } from './support/server.js';

let shop: Shop;
let browser: Browser;

beforeAll(async () => {
  [shop, browser] = await Promise.all([startShop(), launchBrowser()]);
  // Noon of the next 15th (UTC, the shop's zone): days of the month lie behind today for a make-up
  // card, and the test never straddles midnight.
  const now = shop.t.clock.now();
  const target = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 15, 12));
  while (target <= now) target.setUTCMonth(target.getUTCMonth() + 1);
  shop.t.clock.advance(target.getTime() - now.getTime());
});

afterAll(async () => {
  await browser?.close();
  await shop?.close();
});

const today = () => dayIn('UTC', shop.t.clock.now());

async function signedInPage(token: string, language?: 'zh-CN'): Promise<Page> {
  const page = await openPage(browser, shop.baseUrl);
  await signInWithToken(page.context(), shop.baseUrl, token);
  if (language)
    await page.context().addInitScript((lang) => localStorage.setItem('fission.lang', lang), language);
  return page;
}

const noSidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
const text = (page: Page, testId: string) => page.getByTestId(testId).textContent();

describe('the daily check-in on a phone', () => {
  it('checks in, sees the points on the account page, and mends a missed day with a make-up card', async () => {
    const { token, user } = await shop.t.signUp({ name: 'Chen Jie' });
    // Three days in a row up to yesterday (5 + 5 + 10 points), the day before them missed.
    for (const back of [3, 2, 1]) await shop.t.services.checkins.checkInOn(user.id, addDays(today(), -back));
    const missed = addDays(today(), -4);
    const page = await signedInPage(token);

    await page.goto('/account');
    await page.getByTestId('growth-link-checkIn').click();
    await page.waitForURL('**/check-in');
    await expect.poll(() => text(page, 'checkin-streak')).toBe('3-day streak');
    await expect(text(page, 'checkin-button')).resolves.toBe('Check in · +10 points');
    await expect(text(page, 'checkin-tomorrow')).resolves.toContain('+15 points');
    const todayCell = page.locator(`[data-testid="checkin-day"][data-day="${today()}"]`);
    await expect(todayCell.getAttribute('aria-current')).resolves.toBe('date');
    expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(0);

    await page.getByTestId('checkin-button').click();
    await expect.poll(() => text(page, 'checkin-done')).toBe('Checked in today · +10 points');
    await expect.poll(() => text(page, 'checkin-streak')).toBe('4-day streak');
    await expect.poll(() => todayCell.getAttribute('data-state')).toBe('checked');

    // A missed day of this month: tap, confirm, and it joins the streak, marked apart.
    const missedCell = page.locator(`[data-testid="checkin-day"][data-day="${missed}"]`);
    await expect(missedCell.getAttribute('data-state')).resolves.toBe('missed');
    await expect(text(page, 'checkin-cards')).resolves.toContain('1 make-up card left');
    await missedCell.click();
    await page.getByTestId('checkin-make-up-ok').click();
    await expect.poll(() => missedCell.getAttribute('data-state')).toBe('made-up');
    await expect.poll(() => text(page, 'checkin-streak')).toBe('5-day streak');
    await expect(text(page, 'checkin-made-up')).resolves.toContain('5 days');
    await expect(text(page, 'checkin-cards')).resolves.toContain('0 make-up cards left');

    await page.goto('/account');
    await expect.poll(() => text(page, 'points-balance')).toBe('30 points');
    await expect(page.getByTestId('points-card').textContent()).resolves.toContain('Daily check-in');
  });

  it('says so kindly when today’s check-in was made in another tab, in Chinese too', async () => {
    const { token } = await shop.t.signUp({ name: 'Wang Fang' });
    const page = await signedInPage(token, 'zh-CN');
    await page.goto('/check-in');
    await expect.poll(() => text(page, 'checkin-button')).toBe('签到 · +5 积分');
    // The other tab checks in first.
    expect((await shop.t.request('POST', '/api/me/check-ins', { token })).statusCode).toBe(201);
    await page.getByTestId('checkin-button').click();
    await expect.poll(() => text(page, 'checkin-elsewhere')).toContain('已经签到');
    await expect.poll(() => text(page, 'checkin-done')).toBe('今日已签到 · +5 积分');
    await expect(page.getByTestId('error-message').count()).resolves.toBe(0);
  });

  it('lets the operator change the bonus table in the console, with field errors', async () => {
    const { token } = await shop.t.signInAdmin();
    const page = await signedInPage(token);
    await page.goto('/admin/check-ins');
    const form = page.getByTestId('checkin-settings-form');
    await form.getByLabel('Day 1', { exact: true }).fill('8');
    await form.getByLabel('Make-up cards per month').fill('12');
    await page.getByTestId('save-checkin-settings').click();
    await expect.poll(() => text(page, 'error-makeUpCardsPerMonth')).toContain('10');
    await form.getByLabel('Make-up cards per month').fill('2');
    await page.getByTestId('save-checkin-settings').click();
    await expect.poll(() => page.getByTestId('checkin-settings-saved').count()).toBe(1);
    const saved = await shop.t.request('GET', '/api/admin/check-ins/settings', { token });
    expect(saved.json()).toEqual({
      streakPoints: [8, 5, 10, 10, 15, 15, 30],
      beyondPoints: 30,
      makeUpCardsPerMonth: 2,
    });
    expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(0);
  });
});
