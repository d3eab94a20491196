import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Product } from '../../src/modules/catalog/service.js';
import type { Order } from '../../src/modules/orders/present.js';
import { launchBrowser, openPage, signInWithToken } from './support/browser.js';
import { type Shop, startShop } from './support/server.js';

/**
 * Reviews on a phone: a buyer reviews a delivered order from its page with a body that tries stored
 * XSS; the product page shows it as the characters typed (no element injected, no script run); an
 * operator hides it from the console's moderation page and it leaves the product page.
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

const XSS = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script> Smooth & fragrant';

/** A delivered order (paid, shipped, receipt confirmed) of one tin of Jasmine, through the API. */
async function deliveredOrder(token: string, adminToken: string, product: Product): Promise<Order> {
  const placed = await shop.t.request('POST', '/api/orders', {
    token,
    body: { items: [{ variantId: product.variants[0]!.id, quantity: 1 }] },
  });
  const order = placed.json<Order>();
  await shop.t.request('POST', `/api/payments/sandbox/${order.id}/succeed`, { token });
  const shipped = await shop.t.request('POST', `/api/admin/orders/${order.id}/ship`, {
    token: adminToken,
    body: { carrier: 'SF Express', trackingNumber: 'SF1000000001' },
  });
  expect(shipped.statusCode, shipped.body).toBe(200);
  const received = await shop.t.request('POST', `/api/orders/${order.id}/receipt`, { token });
  expect(received.statusCode, received.body).toBe(200);
  return order;
}

describe('a review of a delivered order', () => {
  it('is written on the order page, shown as text on the product page, and hidden from the console', async () => {
    const buyer = await shop.t.signUp({ name: 'Review Ruan' });
    const admin = await shop.t.signInAdmin();
    const tea = shop.products.find((p) => p.title === 'Jasmine Green Tea') as Product;
    const order = await deliveredOrder(buyer.token, admin.token, tea);

    const page = await openPage(browser, shop.baseUrl);
    await signInWithToken(page.context(), shop.baseUrl, buyer.token);
    await page.goto(`/orders/${order.id}`);
    const form = page.getByTestId(`review-form-${order.items[0]!.id}`);
    await form.waitFor();
    await form.getByTestId('star-4').check({ force: true });
    await form.getByTestId('review-body-input').fill(XSS);
    // Phone first: the form fits the screen without sideways scrolling.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await form.getByTestId('review-submit').click();
    await page.getByTestId('own-review').waitFor();
    await expect.poll(() => page.getByTestId('follow-up-later').count()).toBe(1);

    await page.goto(`/products/${tea.id}`);
    const reviews = page.getByTestId('product-reviews');
    const card = reviews.getByTestId('review-card');
    await card.waitFor();
    await expect(card.getByTestId('review-body').textContent()).resolves.toBe(XSS);
    await expect(card.getByTestId('verified-purchase').isVisible()).resolves.toBe(true);
    await expect.poll(() => reviews.getByTestId('rating-count').textContent()).toBe('1 review');
    // Nothing the buyer typed became an element, and no script of theirs ran.
    await expect(reviews.locator('img[src="x"], script').count()).resolves.toBe(0);
    await expect(page.evaluate(() => (window as { __xss?: number }).__xss)).resolves.toBeUndefined();

    const operatorPage = await openPage(browser, shop.baseUrl);
    await signInWithToken(operatorPage.context(), shop.baseUrl, admin.token);
    await operatorPage.goto('/admin/moderation');
    await operatorPage.getByTestId('moderation-tab-reviews').click();
    const listed = operatorPage.getByTestId('review-card').filter({ hasText: 'Smooth & fragrant' });
    await listed.waitFor();
    await expect(operatorPage.locator('[data-testid="admin-reviews"] img[src="x"]').count()).resolves.toBe(0);
    await listed.getByTestId('review-hide').click();
    await listed.getByTestId('review-hide-reason').fill('Markup spam');
    await listed.getByTestId('review-hide-confirm').click();
    await expect.poll(() => listed.getByTestId('review-hidden-reason').count()).toBe(1);

    await page.reload();
    await page.getByTestId('no-reviews').waitFor();
    await expect.poll(() => page.getByTestId('review-card').count()).toBe(0);
    await expect(page.getByTestId('rating-count').textContent()).resolves.toBe('0 reviews');
    // The buyer still sees their review on the order page, marked hidden.
    await page.goto(`/orders/${order.id}`);
    await page.getByTestId('own-review-hidden').waitFor();
  });
});
