import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, signInWithToken } from './support/browser.js';
import { type Shop, startShop } from './support/server.js';

/**
 * Issue 20 on a phone: a second account of a promoter ships to the promoter's home; the operator
 * sees the flag with its evidence on the order and on the promoter, and reverses or releases it.
 */
let shop: Shop;
let browser: Browser;
let admin: Page;

const HOME = {
  name: 'Li Wei',
  phone: '+86 138 0013 8000',
  line1: 'Room 5, No. 88 Jianguo Road',
  city: 'Beijing',
};
const HOME_RETYPED = {
  name: 'Zhang San',
  phone: '139 0000 0001',
  line1: 'ROOM 5 NO 88 JIANGUO ROAD',
  city: 'beijing',
};

beforeAll(async () => {
  [shop, browser] = await Promise.all([startShop(), launchBrowser()]);
  const { token } = await shop.t.signInAdmin();
  admin = await openPage(browser, shop.baseUrl, 'phone');
  await signInWithToken(admin.context(), shop.baseUrl, token);
});

afterAll(async () => {
  await browser?.close();
  await shop?.close();
});

async function buy(token: string, body: object) {
  const variantId = shop.products[0]?.variants[0]?.id;
  const placed = await shop.t.request('POST', '/api/orders', {
    token,
    body: { items: [{ variantId, quantity: 1 }], ...body },
  });
  expect(placed.statusCode, placed.body).toBe(201);
  const id = placed.json<{ id: string }>().id;
  const paid = await shop.t.request('POST', `/api/payments/sandbox/${id}/succeed`, { token });
  expect(paid.statusCode, paid.body).toBe(200);
  return id;
}

describe('fraud flags in the console', () => {
  it('shows a shared address with its evidence on the order, and the operator reverses it with a note', async () => {
    const promoter = await shop.t.signUp({ name: 'Wei Li' });
    await buy(promoter.token, { address: HOME });
    const link = await shop.t.request('POST', '/api/share-links', {
      token: promoter.token,
      body: { productId: shop.products[0]?.id },
    });
    const shareCode = link.json<{ code: string }>().code;
    const second = await shop.t.signUp({ name: 'Zhang San' });
    const ringOrder = await buy(second.token, { address: HOME_RETYPED, shareCode });
    const otherRingOrder = await buy((await shop.t.signUp()).token, { address: HOME_RETYPED, shareCode });

    await admin.goto(`/admin/orders/${ringOrder}`);
    const card = admin.getByTestId('order-commission-flags').getByTestId('flagged-commission').first();
    await expect
      .poll(() => card.getByTestId('flag').first().getAttribute('data-signal'))
      .toBe('shared_address');
    await expect(card.textContent()).resolves.toContain('Same address as one of the promoter’s own orders');
    await expect(card.getByTestId('flag-held').textContent()).resolves.toContain('Shared delivery address');
    await card.getByTestId('flag-review-note').fill('Second account of the promoter');
    await card.getByTestId('flag-reverse').click();
    await card.getByTestId('confirm-ok').click();
    await expect.poll(() => card.getByTestId('flag-decision').textContent()).toContain('Reversed by');
    await expect(card.textContent()).resolves.toContain('Second account of the promoter');
    // Nothing overflows sideways on a phone.
    const overflow = await admin.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    await admin.goto('/admin/promoters');
    const row = admin.getByTestId('admin-promoter-row').filter({ hasText: 'Wei Li' });
    await expect.poll(() => row.textContent()).toContain('Shared delivery address 1');
    await row.getByTestId('promoter-flags-open').click();
    const flags = admin.getByTestId('promoter-flags').getByTestId('flagged-commission');
    await expect.poll(() => flags.count()).toBe(2);
    const open = flags.filter({ has: admin.getByTestId('flag-release') });
    await expect.poll(() => open.count()).toBe(1);
    await open.getByTestId('flag-release').click();
    await expect.poll(() => open.count()).toBe(0);
    const released = await shop.t.request('GET', `/api/admin/commission-flags?orderId=${otherRingOrder}`, {
      token: (await shop.t.signInAdmin()).token,
    });
    expect(
      released.json<{ items: { level: number; review: { decision: string } | null }[] }>().items,
    ).toContainEqual(
      expect.objectContaining({ level: 1, review: expect.objectContaining({ decision: 'released' }) }),
    );
  });
});
