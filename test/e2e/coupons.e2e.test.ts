import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Product } from '../../src/modules/catalog/service.js';
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

const oolong = () => shop.products.find((p) => p.title === 'Oolong Gift Box') as Product;

/** A page signed in as someone, through the session cookies signing in leaves. */
async function signedInPage(token: string, size: 'phone' | 'desktop' = 'phone'): Promise<Page> {
  const page = await openPage(browser, shop.baseUrl, size);
  await signInWithToken(page.context(), shop.baseUrl, token);
  return page;
}

describe('coupons', () => {
  it('the operator creates a coupon in the admin console', async () => {
    const { token } = await shop.t.signInAdmin();
    const admin = await signedInPage(token, 'desktop');
    await admin.goto('/admin/coupons');
    await admin.getByTestId('admin-new-coupon').click();
    const form = admin.getByTestId('coupon-form');
    await form.getByLabel('Title').fill('Tea lovers: 20 off');
    await form.getByLabel(/^Amount off/).fill('20.00');
    await form.getByLabel(/^Minimum spend/).fill('100.00');
    await form.getByLabel(/^Total quantity/).fill('50');
    await admin.getByTestId('save-coupon').click();
    await admin.waitForURL('**/admin/coupons');
    await expect
      .poll(() => admin.getByTestId('admin-coupon-row').filter({ hasText: 'Tea lovers: 20 off' }).count())
      .toBe(1);
    await expect(admin.getByTestId('admin-coupon-row').first().textContent()).resolves.toContain('0 / 50');
    await admin.context().close();
  });

  it('a buyer claims it in the coupon centre, chooses it at checkout, sees the discounted total and pays', async () => {
    const { token } = await shop.t.signUp({ name: 'Mei' });
    const page = await signedInPage(token);

    await page.goto('/coupons');
    const offer = page.getByTestId('coupon-offer').filter({ hasText: 'Tea lovers: 20 off' });
    await expect(offer.getByTestId('coupon-value').textContent()).resolves.toContain('20.00');
    await offer.getByTestId('claim-coupon').click();
    await offer.getByTestId('coupon-claimed').waitFor();
    await expect(offer.getByTestId('claim-coupon').isDisabled()).resolves.toBe(true);

    await page.goto(`/products/${oolong().id}`);
    await page.getByTestId('buy-now').click();
    await page.waitForURL(/\/checkout\?buy=/);
    await page.getByLabel('Recipient name').fill('Mei Chen');
    await page.getByLabel('Phone').fill('+86 139 0000 0000');
    await page.getByLabel('Address').fill('1 Nanjing Road');
    await page.getByLabel('City').fill('Shanghai');
    await expect(page.getByTestId('checkout-subtotal').textContent()).resolves.toContain('128.00');

    await page.getByTestId('coupon-picker').getByText('Tea lovers: 20 off').click();
    await expect(page.getByTestId('checkout-discount').textContent()).resolves.toContain('20.00');
    await expect(page.getByTestId('checkout-total').textContent()).resolves.toContain('108.00');
    await page.getByTestId('checkout-submit').click();

    await page.waitForURL('**/pay/*');
    await expect(page.getByTestId('pay-amount').textContent()).resolves.toContain('108.00');
    await page.getByTestId('pay-succeed').click();
    await page.waitForURL(/\/orders\/[^/]+$/);
    await expect(page.getByTestId('order-status').getAttribute('data-status')).resolves.toBe('paid');

    const orders = await shop.t.request('GET', '/api/me/orders', { token });
    expect(orders.json<{ items: Order[] }>().items).toEqual([
      expect.objectContaining({ status: 'paid', subtotal: 12_800, discount: 2000, total: 10_800 }),
    ]);

    await page.goto('/my-coupons');
    await page.getByTestId('my-coupons-empty').waitFor();
    await page.getByTestId('coupon-tab-used').click();
    await expect(page.getByTestId('my-coupon').textContent()).resolves.toContain('Tea lovers: 20 off');
    await page.context().close();
  });

  it('the operator sets an invitation reward; the inviter sees it explained and gets points once their friend pays', async () => {
    const { token: adminToken } = await shop.t.signInAdmin();
    const admin = await signedInPage(adminToken, 'desktop');
    await admin.goto('/admin/invitation-rewards');
    const form = admin.getByTestId('invitation-reward-form');
    await form.getByLabel('Points', { exact: true }).check();
    await form.getByLabel('Points per invited friend').fill('150');
    await admin.getByTestId('save-invitation-reward').click();
    await admin.getByText('Saved.').waitFor();
    await admin.context().close();

    const inviter = await shop.t.signUp({ name: 'Inviter' });
    const page = await signedInPage(inviter.token);
    await page.goto('/account');
    await expect(page.getByTestId('invite-reward').textContent()).resolves.toContain('150 points');
    await expect(page.getByTestId('points-balance').textContent()).resolves.toBe('0 points');

    const friend = await shop.t.signUp({ inviteCode: inviter.user.inviteCode });
    const variantId = oolong().variants[0]?.id as string;
    const placed = await shop.t.request('POST', '/api/orders', {
      token: friend.token,
      body: { items: [{ variantId, quantity: 1 }] },
    });
    await shop.t.request('POST', `/api/payments/sandbox/${placed.json<Order>().id}/succeed`, {
      token: friend.token,
    });
    // The reward is a deferred reaction: a job queued with the payment.
    await shop.t.jobs.runDue();
    await page.reload();
    await expect.poll(() => page.getByTestId('points-balance').textContent()).toBe('150 points');
    await page.context().close();
  });
});
