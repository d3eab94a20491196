import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Product } from '../../src/modules/catalog/service.js';
import { launchBrowser, openPage, signInWithToken } from './support/browser.js';
import { type Shop, startShop } from './support/server.js';

let shop: Shop;
let browser: Browser;
let page: Page;
let host: { token: string };
let viewer: { token: string; user: { id: string } };
let roomId: string;

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Serious and critical axe violations on the page now (evaluated past the page's CSP, as accessibility.e2e does). */
async function violations(on: Page): Promise<string[]> {
  await on.evaluate(AXE);
  const found = (await on.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (d: Document, o: object) => Promise<{ violations: unknown[] }> } }
    ).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  })) as { id: string; impact: string | null; nodes: { target: string[] }[] }[];
  return found
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const fitsWidth = (on: Page) => on.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

const oolong = () => shop.products.find((p) => p.title === 'Oolong Gift Box') as Product;

beforeAll(async () => {
  [shop, browser] = await Promise.all([
    startShop({ env: { LIVE_STREAM_ORIGINS: 'https://stream.invalid' } }),
    launchBrowser(),
  ]);
  host = await shop.t.signUp({ name: 'Host Lin' });
  await shop.t.request('POST', '/api/shopkeepers', { token: host.token });
  const room = await shop.t.request('POST', '/api/live-rooms', {
    token: host.token,
    body: {
      title: 'Oolong night',
      startsAt: new Date(Date.now() + 60_000).toISOString(),
      // Nothing answers here (the test is offline): the room's pin and chat do not depend on the video.
      streamUrl: 'https://stream.invalid/live/oolong.m3u8',
    },
  });
  roomId = room.json<{ id: string }>().id;
  await shop.t.request('POST', `/api/live-rooms/${roomId}/start`, { token: host.token });
  await shop.t.request('POST', `/api/live-rooms/${roomId}/pins`, {
    token: host.token,
    body: { productId: oolong().id },
  });
  viewer = await shop.t.signUp({ name: 'Viewer Wu' });
  page = await openPage(browser, shop.baseUrl);
  await signInWithToken(page.context(), shop.baseUrl, viewer.token);
});

afterAll(async () => {
  await browser?.close();
  await shop?.close();
});

describe('a live room', () => {
  it('shows the pinned product with its price, and chat as it happens, as text', async () => {
    await page.goto(`/live/${roomId}`);
    await page.getByTestId('live-pin').waitFor();
    await expect(page.getByTestId('live-pin-title').textContent()).resolves.toBe('Oolong Gift Box');
    await expect(page.getByTestId('live-pin-price').textContent()).resolves.toContain('128.00');

    // The host writes markup; it arrives over the stream and shows as the characters typed.
    await shop.t.request('POST', `/api/live-rooms/${roomId}/messages`, {
      token: host.token,
      body: { body: '<img src=x onerror="window.pwned=1"><b>Welcome!</b>' },
    });
    await expect
      .poll(() => page.getByTestId('live-message-body').allTextContents())
      .toContain('<img src=x onerror="window.pwned=1"><b>Welcome!</b>');
    expect(await page.locator('.live-messages b, .live-messages img').count()).toBe(0);
    expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();

    await page.getByTestId('live-chat-input').fill('Is it roasted?');
    await page.getByTestId('live-chat-send').click();
    await expect
      .poll(() => page.getByTestId('live-message-body').allTextContents())
      .toContain('Is it roasted?');
  });

  it('fits a phone and passes axe, in English and Chinese', async () => {
    expect(await violations(page)).toEqual([]);
    expect(await fitsWidth(page)).toBe(true);
    await page.evaluate(() => localStorage.setItem('fission.lang', 'zh-CN'));
    await page.reload();
    await page.getByTestId('live-pin').waitFor();
    await expect(page.getByTestId('live-pin-buy').textContent()).resolves.toBe('去购买');
    expect(await fitsWidth(page)).toBe(true);
    await page.goto('/live');
    await page.getByTestId('live-room-card').first().waitFor();
    expect(await violations(page)).toEqual([]);
    expect(await fitsWidth(page)).toBe(true);
    await page.evaluate(() => localStorage.setItem('fission.lang', 'en'));
    await page.goto(`/live/${roomId}`);
    await page.getByTestId('live-pin').waitFor();
  });

  it('reports the host’s chat message with the shared report button, on a phone', async () => {
    await page.goto(`/live/${roomId}`);
    const message = page.getByTestId('live-message').filter({ hasText: 'Welcome!' });
    await message.getByTestId('report-button').click();
    await message.getByTestId('report-reason-abuse').check();
    expect(await fitsWidth(page)).toBe(true);
    await page.screenshot({ path: '/tmp/wiring-live-report.png', fullPage: true });
    await message.getByTestId('report-send').click();
    await expect.poll(() => message.getByTestId('report-sent').count()).toBe(1);
    // Your own messages carry no report button.
    const mine = page.getByTestId('live-message').filter({ hasText: 'Is it roasted?' });
    expect(await mine.getByTestId('report-button').count()).toBe(0);

    const { token } = await shop.t.signInAdmin();
    const queue = await shop.t.request('GET', '/api/admin/moderation/reports?type=chat_message', { token });
    expect(
      queue.json<{ items: { reasons: { reason: string; count: number }[] }[] }>().items[0]?.reasons,
    ).toEqual([{ reason: 'abuse', count: 1 }]);
  });

  it('moves the pin when the host pins another product', async () => {
    const board = shop.products.find((p) => p.title === 'Bamboo Cutting Board') as Product;
    await shop.t.request('POST', `/api/live-rooms/${roomId}/pins`, {
      token: host.token,
      body: { productId: board.id },
    });
    await expect.poll(() => page.getByTestId('live-pin-title').textContent()).toBe('Bamboo Cutting Board');
    await shop.t.request('POST', `/api/live-rooms/${roomId}/pins`, {
      token: host.token,
      body: { productId: oolong().id },
    });
    await expect.poll(() => page.getByTestId('live-pin-title').textContent()).toBe('Oolong Gift Box');
  });

  it('buys the pinned product, and the order carries the room as its source', async () => {
    await page.getByTestId('live-pin-buy').click();
    await page.waitForURL(`**/products/${oolong().id}?live=${roomId}`);
    await page.getByTestId('buy-now').click();
    await page.waitForURL(/\/checkout/);
    await page.getByLabel('Recipient name').fill('Wu Fang');
    await page.getByLabel('Phone').fill('+86 138 0000 0001');
    await page.getByLabel('Address').fill('1 Nanjing Road');
    await page.getByLabel('City').fill('Shanghai');
    await page.getByTestId('checkout-submit').click();
    await page.waitForURL('**/pay/*');
    await page.getByTestId('pay-succeed').click();
    await page.waitForURL(/\/orders\/[^/]+$/);

    const orders = await shop.t.request('GET', '/api/me/orders', { token: viewer.token });
    const [order] = orders.json<{ items: { source: unknown; total: number }[] }>().items;
    expect(order?.source).toEqual({ type: 'live', id: roomId });
    const stats = await shop.t.request('GET', `/api/live-rooms/${roomId}/stats`, { token: host.token });
    expect(stats.json()).toMatchObject({ orders: 1, gmv: 12800, pinClicks: 1 });
  });

  it('shows the host the figures and lets them end the session into a replay with the pins at their times', async () => {
    const hostPage = await openPage(browser, shop.baseUrl);
    await signInWithToken(hostPage.context(), shop.baseUrl, host.token);
    await hostPage.goto(`/my-live/${roomId}`);
    await expect.poll(() => hostPage.getByTestId('live-stat-orders').textContent()).toContain('1');
    expect(await violations(hostPage)).toEqual([]);
    expect(await fitsWidth(hostPage)).toBe(true);
    await hostPage.getByTestId('live-end').click();
    await expect.poll(() => hostPage.getByTestId('host-room-page').getAttribute('data-status')).toBe('ended');

    await page.goto(`/live/${roomId}`);
    await page.getByTestId('live-replay').waitFor();
    await expect.poll(() => page.getByTestId('live-pin-times').locator('li').count()).toBe(3);
    await expect(page.getByTestId('live-pin-times').textContent()).resolves.toContain('Bamboo Cutting Board');
    await hostPage.context().close();
  });
});
