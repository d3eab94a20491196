import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Product } from '../../src/modules/catalog/service.js';
import type { Community } from '../../src/modules/communities/index.js';
import type { Order } from '../../src/modules/orders/present.js';
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

const jasmine = () => shop.products.find((p) => p.title === 'Jasmine Green Tea') as Product;

async function signedInPage(token: string, language?: 'zh-CN'): Promise<Page> {
  const page = await openPage(browser, shop.baseUrl);
  await signInWithToken(page.context(), shop.baseUrl, token);
  if (language)
    await page.context().addInitScript((lang) => localStorage.setItem('fission.lang', lang), language);
  return page;
}

const noSidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('a neighbourhood community, on a phone', () => {
  it('a neighbour joins, buys for pickup, and the leader hands the order over against its code', async () => {
    const leader = await shop.t.signUp({ name: 'Zhou Min' });
    expect((await shop.t.request('POST', '/api/leaders', { token: leader.token })).statusCode).toBe(201);
    const created = await shop.t.request('POST', '/api/communities', {
      token: leader.token,
      body: {
        name: 'West Lake Garden',
        pickupPoint: {
          name: 'Gate 3 store',
          address: '18 Nanshan Road, Hangzhou',
          openingHours: '8:00–21:00',
          location: { lat: 30.2489, lng: 120.1624 },
        },
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const community = created.json<Community>();

    // The shop pays leaders 5% of each order collected at their pickup point.
    const admin = await shop.t.signInAdmin();
    const rate = await shop.t.request('PUT', '/api/admin/distribution/settings', {
      token: admin.token,
      body: { leaderRateBps: 500 },
    });
    expect(rate.statusCode, rate.body).toBe(200);

    // The neighbour finds the community, sees its pickup point and joins.
    const neighbour = await shop.t.signUp({ name: 'Wang Fang' });
    const page = await signedInPage(neighbour.token);
    await page.goto(`/communities/${community.id}`);
    await expect(page.getByTestId('community-page').textContent()).resolves.toContain('Gate 3 store');
    await expect(page.getByTestId('map-link').getAttribute('href')).resolves.toContain('openstreetmap.org');
    await expect(page.getByTestId('members-count').textContent()).resolves.toContain('0 members');
    await page.getByTestId('join-community').click();
    await page.getByTestId('member-badge').waitFor();
    await expect.poll(() => page.getByTestId('members-count').textContent()).toContain('1 member');
    expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(0);

    // At checkout they choose the pickup point: no address, no shipping fee.
    await page.goto(`/products/${jasmine().id}`);
    await page.getByTestId('buy-now').click();
    await page.waitForURL(/\/checkout\?buy=/);
    await page.getByTestId('choose-pickup').check();
    await expect(page.getByTestId('pickup-summary').textContent()).resolves.toContain('18 Nanshan Road');
    await expect.poll(() => page.getByTestId('address-picker').count()).toBe(0);
    await page.getByTestId('checkout-submit').click();
    await page.waitForURL('**/pay/*');
    await page.getByTestId('pay-succeed').click();
    await page.waitForURL(/\/orders\/[^/]+$/);
    const orderId = page.url().split('/').at(-1) as string;

    // The order page shows the code, as digits and as a QR code.
    const codeElement = page.getByTestId('pickup-code');
    await codeElement.waitFor();
    const code = (await codeElement.getAttribute('data-code')) as string;
    expect(code).toMatch(/^\d{8}$/);
    await expect(codeElement.textContent()).resolves.toBe(`${code.slice(0, 4)} ${code.slice(4)}`);
    await page.getByTestId('pickup-qr').waitFor();
    await expect
      .poll(() => page.getByTestId('pickup-qr').evaluate((img) => (img as HTMLImageElement).naturalWidth))
      .toBeGreaterThan(0);
    expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(0);
    await page.context().close();

    // The leader, in Chinese, sees the packing list and hands the order over by typing the code.
    const leaderPage = await signedInPage(leader.token, 'zh-CN');
    await leaderPage.goto(`/leader/${community.id}`);
    await leaderPage.getByTestId('tab-waves').click();
    await leaderPage.getByTestId('wave').first().click();
    await expect(leaderPage.getByTestId('packing-list').textContent()).resolves.toContain('Wang Fang');
    await leaderPage.getByTestId('tab-handover').click();
    await leaderPage.getByTestId('verify-code').fill('0000 0000' === code ? '1111 1111' : '0000 0000');
    await leaderPage.getByTestId('verify-submit').click();
    await leaderPage.getByTestId('error-message').waitFor();
    await leaderPage.getByTestId('verify-code').fill(`${code.slice(0, 4)} ${code.slice(4)}`);
    await leaderPage.getByTestId('verify-submit').click();
    await expect(leaderPage.getByTestId('handed-over').textContent()).resolves.toContain('Wang Fang');
    expect(await noSidewaysScroll(leaderPage)).toBeLessThanOrEqual(0);
    // Her earnings page shows the leader commission on the order, named as such.
    await leaderPage.goto('/promote');
    await leaderPage.getByTestId('promote-tab-commissions').click();
    const earned = leaderPage.locator('[data-testid="commission-row"][data-role="leader"]');
    await expect.poll(() => earned.textContent()).toContain('团长佣金');
    await leaderPage.context().close();

    const order = (
      await shop.t.request('GET', `/api/orders/${orderId}`, { token: neighbour.token })
    ).json<Order>();
    expect(order).toMatchObject({
      status: 'completed',
      shippingFee: 0,
      address: null,
      pickup: { status: 'collected' },
    });
  });
});

describe('a community group buy, on a phone', () => {
  it('a neighbour starts a group from the community page and it is collected at the pickup point', async () => {
    const leader = await shop.t.signUp({ name: 'Zhou Min' });
    await shop.t.request('POST', '/api/leaders', { token: leader.token });
    const community = (
      await shop.t.request('POST', '/api/communities', {
        token: leader.token,
        body: { name: 'Lotus Court', pickupPoint: { name: 'North gate', address: '7 Lotus Road' } },
      })
    ).json<Community>();
    const admin = await shop.t.signInAdmin();
    const created = await shop.t.request('POST', '/api/admin/group-buys', {
      token: admin.token,
      body: {
        variantId: jasmine().variants[0]!.id,
        groupSize: 2,
        price: 100,
        durationMinutes: 60,
        communityId: community.id,
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const neighbour = await shop.t.signUp({ name: 'Wang Fang' });
    await shop.t.request('POST', `/api/communities/${community.id}/members`, { token: neighbour.token });

    const page = await signedInPage(neighbour.token);
    await page.goto(`/communities/${community.id}`);
    const deals = page.getByTestId('community-group-buys');
    await expect.poll(() => deals.textContent()).toContain(jasmine().title);
    await deals.getByTestId('start-group').click();
    await page.waitForURL(/\/checkout\?buy=/);
    // Collected at the community's pickup point: chosen already, and no delivery to choose.
    await expect(page.getByTestId('pickup-summary').textContent()).resolves.toContain('7 Lotus Road');
    expect(await page.locator('input[name="receive"]').count()).toBe(1);
    expect(await page.getByTestId('address-picker').count()).toBe(0);
    await page.getByTestId('checkout-submit').click();
    await page.waitForURL('**/pay/*');
    await page.getByTestId('pay-succeed').click();
    // A paid group order lands on its group's page, which says whose neighbours it is for.
    await page.waitForURL(/\/groups\/[^/]+$/);
    await expect.poll(() => page.getByTestId('community-only').textContent()).toContain('Lotus Court');
    const groupId = page.url().split('/').at(-1) as string;
    const mine = (await shop.t.request('GET', '/api/me/orders', { token: neighbour.token })).json<{
      items: Order[];
    }>().items;
    expect(mine).toEqual([
      expect.objectContaining({
        pickup: expect.objectContaining({ communityId: community.id }),
        groupBuy: expect.objectContaining({ groupId, role: 'leader' }),
      }),
    ]);
    expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(0);
    await page.context().close();
  });
});

/**
 * A camera that films a QR code: Chromium's fake capture device plays a Y4M file, here one frame
 * of the code's modules in black on white (luma only; chroma neutral), 640×480.
 */
function qrVideo(text: string): string {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  const [width, height] = [640, 480];
  const scale = Math.floor(400 / (size + 8));
  const offsetX = Math.floor((width - size * scale) / 2);
  const offsetY = Math.floor((height - size * scale) / 2);
  const luma = Buffer.alloc(width * height, 255);
  for (let y = 0; y < size * scale; y++)
    for (let x = 0; x < size * scale; x++)
      if (qr.modules.get(Math.floor(y / scale), Math.floor(x / scale)))
        luma[(offsetY + y) * width + offsetX + x] = 0;
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const file = join(tmpdir(), `fission-qr-${process.pid}-${Date.now()}.y4m`);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  writeFileSync(
    file,
    Buffer.concat([Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`), frame, frame]),
  );
  return file;
}

describe('handing over by the phone camera', () => {
  it('reads the buyer’s QR code from the camera and completes the order', async () => {
    const leader = await shop.t.signUp({ name: 'Zhou Min' });
    await shop.t.request('POST', '/api/leaders', { token: leader.token });
    const community = (
      await shop.t.request('POST', '/api/communities', {
        token: leader.token,
        body: { name: 'River Bend', pickupPoint: { name: 'Lobby', address: '3 River Road' } },
      })
    ).json<Community>();
    const neighbour = await shop.t.signUp({ name: 'Chen Jie' });
    await shop.t.request('POST', `/api/communities/${community.id}/members`, { token: neighbour.token });
    const placed = await shop.t.request('POST', '/api/orders', {
      token: neighbour.token,
      body: {
        items: [{ variantId: jasmine().variants[0]!.id, quantity: 1 }],
        pickup: { communityId: community.id },
      },
    });
    const paid = (
      await shop.t.request('POST', `/api/payments/sandbox/${placed.json<Order>().id}/succeed`, {
        token: neighbour.token,
      })
    ).json<Order>();
    const video = qrVideo(paid.pickupCode as string);
    const camera = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--use-fake-ui-for-media-stream',
        '--use-fake-device-for-media-stream',
        `--use-file-for-fake-video-capture=${video}`,
      ],
    });
    try {
      const context = await camera.newContext({
        baseURL: shop.baseUrl,
        viewport: { width: 390, height: 844 },
      });
      context.setDefaultTimeout(15_000);
      await context.grantPermissions(['camera'], { origin: shop.baseUrl });
      await signInWithToken(context, shop.baseUrl, leader.token);
      const page = await context.newPage();
      await page.goto(`/leader/${community.id}`);
      await page.getByTestId('scan-qr').click();
      await expect(page.getByTestId('handed-over').textContent()).resolves.toContain('Chen Jie');
      await expect.poll(() => page.getByTestId('verify-code').inputValue()).toBe(paid.pickupCode);
    } finally {
      await camera.close();
      rmSync(video, { force: true });
    }
    const order = (
      await shop.t.request('GET', `/api/orders/${paid.id}`, { token: neighbour.token })
    ).json<Order>();
    expect(order.status).toBe('completed');
  });
});
