import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

const DAY = 86_400_000;

/** Friends of `userId` whose first orders were paid: published as invitations publish them. */
async function conversions(userId: string, count: number) {
  for (let i = 0; i < count; i++)
    await shop.t.db.transaction((tx) =>
      shop.t.services.events.publish(tx, 'invitation.converted', {
        userId,
        inviteeId: `${userId}-friend-${i}`,
        orderId: `${userId}-order-${i}`,
      }),
    );
  await shop.t.jobs.runDue();
}

const noSidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('competitions on a phone', () => {
  it('a person finds a running competition and sees its leaderboard with their own rank, then opts out', async () => {
    const { token: admin } = await shop.t.signInAdmin();
    const now = Date.now();
    const created = await shop.t.request('POST', '/api/admin/competitions', {
      token: admin,
      body: {
        title: 'Team growth week',
        description: 'Invite friends whose first order is paid.',
        metric: 'team_growth',
        startsAt: new Date(now - 60_000).toISOString(),
        endsAt: new Date(now + 3 * DAY).toISOString(),
        prizes: [
          { fromRank: 1, toRank: 1, kind: 'points', points: 500 },
          { fromRank: 2, toRank: 3, kind: 'points', points: 200 },
        ],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const leader = await shop.t.signUp({ name: 'Liu Yang' });
    const me = await shop.t.signUp({ name: 'Chen Jie' });
    const third = await shop.t.signUp({ name: 'Zhou Min' });
    await conversions(leader.user.id, 3);
    await conversions(me.user.id, 2);
    await conversions(third.user.id, 1);

    const page = await openPage(browser, shop.baseUrl);
    await signInWithToken(page.context(), shop.baseUrl, me.token);
    await page.goto('/competitions');
    const running = page.getByTestId('competitions-running');
    await running.getByTestId('competition-card').filter({ hasText: 'Team growth week' }).click();
    await page.waitForURL(/\/competitions\/[^/]+$/);

    const board = page.getByTestId('leaderboard');
    await expect.poll(() => board.locator('li').count()).toBe(3);
    const rows = await board.locator('li').allTextContents();
    expect(rows[0]).toContain('Liu Y.');
    expect(rows[2]).toContain('Zhou M.');
    expect(await page.getByTestId('leaderboard-me').textContent()).toContain('Chen Jie');
    expect(await page.getByTestId('leaderboard-me').textContent()).toContain('2');
    expect(await page.getByTestId('my-rank').textContent()).toContain('#2');
    expect(await page.getByTestId('my-prize').textContent()).toContain('200 points');
    expect(await page.getByTestId('competition-countdown').textContent()).toMatch(/Ends in\s+2d/);
    expect(await page.content()).not.toContain('Liu Yang');
    expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(0);

    // Opting out: gone from the board everyone sees, still told where they stand.
    const listed = page.getByTestId('leaderboard-listed');
    expect(await listed.isChecked()).toBe(true);
    await listed.click();
    await expect.poll(() => page.getByTestId('leaderboard-me').count()).toBe(0);
    await expect.poll(() => board.locator('li').count()).toBe(2);
    expect(await page.getByTestId('my-standing').textContent()).toContain('hidden');
    expect(await page.getByTestId('my-rank').textContent()).toContain('#2');
    await page.close();
  });
});
