import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Address, MAX_ADDRESSES } from '../../src/modules/addresses/index.js';
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

const jasmine = () => shop.products.find((p) => p.title === 'Jasmine Green Tea') as Product;

async function signedInPage(token: string, language?: 'zh-CN'): Promise<Page> {
  const page = await openPage(browser, shop.baseUrl);
  await signInWithToken(page.context(), shop.baseUrl, token);
  if (language)
    await page.context().addInitScript((lang) => localStorage.setItem('fission.lang', lang), language);
  return page;
}

const HOME = {
  name: '陈杰',
  phone: '+86 138 0013 8000',
  province: '浙江省',
  city: '杭州市',
  district: '西湖区',
  line1: '文三路 90 号',
};
const OFFICE = {
  name: '陈杰',
  phone: '+86 138 0013 8000',
  province: '上海市',
  city: '上海市',
  district: '徐汇区',
  line1: '漕溪北路 88 号',
};

async function saveAddress(token: string, body: Record<string, unknown>) {
  const res = await shop.t.request('POST', '/api/me/addresses', { token, body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Address>();
}

/** A coupon the operator offers and the buyer claims, by the admin API. */
async function heldCoupon(token: string, title: string, amountOff: number, validDays: number) {
  const { token: admin } = await shop.t.signInAdmin();
  const template = await shop.t.request('POST', '/api/admin/coupons', {
    token: admin,
    body: { title, kind: 'amount_off', amountOff, validDays },
  });
  expect(template.statusCode, template.body).toBe(201);
  const claim = await shop.t.request('POST', `/api/coupons/${template.json<{ id: string }>().id}/claim`, {
    token,
  });
  expect(claim.statusCode, claim.body).toBe(201);
  return claim.json<{ id: string }>();
}

const noSidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('saved addresses and the best coupon at checkout, on a phone', () => {
  it('opens checkout on the default address and the coupon that saves the most, then pays', async () => {
    const { token } = await shop.t.signUp({ name: 'Chen Jie' });
    await saveAddress(token, HOME);
    const office = await saveAddress(token, { ...OFFICE, isDefault: true });
    await heldCoupon(token, 'Five off', 500, 30);
    const later = await heldCoupon(token, 'Twelve off, later', 1200, 30);
    const sooner = await heldCoupon(token, 'Twelve off, sooner', 1200, 3);
    const page = await signedInPage(token);

    await page.goto(`/products/${jasmine().id}`);
    await page.getByTestId('variant-option').filter({ hasText: '100 g tin' }).click();
    await page.getByTestId('buy-now').click();
    await page.waitForURL(/\/checkout\?buy=/);

    const picker = page.getByTestId('address-picker');
    const chosen = picker.locator('input[name="address"]:checked');
    await expect.poll(() => chosen.getAttribute('value')).toBe(office.id);
    await expect(picker.getByTestId('address-choice').first().textContent()).resolves.toContain(
      '上海市徐汇区',
    );
    // The variant is named on the line, and of two equal savings the one expiring first is chosen.
    await expect(page.getByTestId('checkout-line-title').textContent()).resolves.toContain(
      'Jasmine Green Tea · 100 g tin',
    );
    const coupon = page.getByTestId('coupon-picker').locator('input[name="coupon"]:checked');
    await expect.poll(() => coupon.getAttribute('value')).toBe(sooner.id);
    expect(later.id).not.toBe(sooner.id);
    await expect(page.getByTestId('checkout-discount').textContent()).resolves.toContain('12.00');
    await expect(page.getByTestId('checkout-total').textContent()).resolves.toContain('40.00');
    expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(0);
    await expect(page.getByTestId('checkout-submit').isVisible()).resolves.toBe(true);
    await page.getByTestId('checkout-submit').click();

    await page.waitForURL('**/pay/*');
    await expect(page.getByTestId('pay-amount').textContent()).resolves.toContain('40.00');
    await page.getByTestId('pay-succeed').click();
    await page.waitForURL(/\/orders\/[^/]+$/);
    await expect(page.getByTestId('order-status').getAttribute('data-status')).resolves.toBe('paid');
    await expect(page.getByTestId('order-address').textContent()).resolves.toContain(
      '上海市徐汇区漕溪北路 88 号',
    );

    const orders = (await shop.t.request('GET', '/api/me/orders', { token })).json<{ items: Order[] }>()
      .items;
    expect(orders).toEqual([
      expect.objectContaining({
        status: 'paid',
        discount: 1200,
        total: 4000,
        address: expect.objectContaining({ addressId: office.id, province: '上海市', district: '徐汇区' }),
      }),
    ]);
    await page.context().close();
  });

  it('lets the person remove the preselected coupon, and adds a new address inline, saved to the account', async () => {
    const { token } = await shop.t.signUp({ name: 'Wang Fang' });
    await heldCoupon(token, 'Three off', 300, 30);
    const page = await signedInPage(token);
    await page.goto(`/products/${jasmine().id}`);
    await page.getByTestId('buy-now').click();
    await page.waitForURL(/\/checkout\?buy=/);

    // No saved address yet: the form stands alone, and is checked before anything is sent.
    await page.getByTestId('coupon-picker').locator('input[name="coupon"]:checked').waitFor();
    await page.getByTestId('coupon-choice-none').check();
    await page.getByTestId('checkout-submit').click();
    await page.getByTestId('error-name').waitFor();
    await page.getByLabel('Recipient name').fill('王芳');
    await page.getByLabel('Phone').fill('+86 139 0000 0000');
    await page.getByLabel('Street address').fill('1 Nanjing Road');
    await page.getByLabel('City').fill('Shanghai');
    await page.getByTestId('checkout-submit').click();
    await page.waitForURL('**/pay/*');

    const book = (await shop.t.request('GET', '/api/me/addresses', { token })).json<{ items: Address[] }>();
    expect(book.items).toEqual([
      expect.objectContaining({ name: '王芳', city: 'Shanghai', isDefault: true }),
    ]);
    const [order] = (await shop.t.request('GET', '/api/me/orders', { token })).json<{ items: Order[] }>()
      .items;
    expect(order).toMatchObject({ discount: 0, address: { addressId: book.items[0]?.id } });
    await page.context().close();
  });

  it('sends a typed address with this order only when the address book is full', async () => {
    const { token } = await shop.t.signUp({ name: 'Sun Li' });
    for (let i = 0; i < MAX_ADDRESSES; i++)
      await saveAddress(token, { ...HOME, line1: `文三路 ${i + 1} 号` });
    const page = await signedInPage(token);
    await page.goto(`/products/${jasmine().id}`);
    await page.getByTestId('buy-now').click();
    await page.waitForURL(/\/checkout\?buy=/);
    await page.getByTestId('address-choice-new').check();
    await page.getByText('Your address book is full').waitFor();
    await page.getByLabel('Recipient name').fill('孙丽');
    await page.getByLabel('Phone').fill('+86 137 0000 0000');
    await page.getByLabel('Street address').fill('8 Huaihai Road');
    await page.getByLabel('City').fill('Shanghai');
    await page.getByTestId('checkout-submit').click();
    await page.waitForURL('**/pay/*');

    const book = (await shop.t.request('GET', '/api/me/addresses', { token })).json<{ items: Address[] }>();
    expect(book.items).toHaveLength(MAX_ADDRESSES);
    const [order] = (await shop.t.request('GET', '/api/me/orders', { token })).json<{ items: Order[] }>()
      .items;
    expect(order?.address).toMatchObject({ name: '孙丽', line1: '8 Huaihai Road', city: 'Shanghai' });
    expect((order?.address as { addressId?: string | null } | undefined)?.addressId ?? null).toBeNull();
    await page.context().close();
  });

  it('keeps an address book on the account page, in Chinese from the province down', async () => {
    const { token } = await shop.t.signUp({ name: 'Zhao Lei' });
    const home = await saveAddress(token, HOME);
    const page = await signedInPage(token, 'zh-CN');
    await page.goto('/account');
    const book = page.getByTestId('address-book');
    await book.getByTestId('address-entry').first().waitFor();

    await book.getByTestId('address-add').click();
    const labels = await book.getByTestId('address-editor').locator('label').allTextContents();
    expect(labels.slice(0, 6)).toEqual([
      '收货人',
      '手机号码',
      '省份（选填）',
      '城市',
      '区/县（选填）',
      '详细地址（街道、门牌号）',
    ]);
    await book.getByTestId('address-phone').fill('12');
    await book.getByTestId('address-save').click();
    await book.getByTestId('error-phone').waitFor();
    await book.getByTestId('address-name').fill('赵磊');
    await book.getByTestId('address-phone').fill('139 0000 0000');
    await book.getByTestId('address-province').fill('上海市');
    await book.getByTestId('address-city').fill('上海市');
    await book.getByTestId('address-district').fill('徐汇区');
    await book.getByTestId('address-line1').fill('漕溪北路 88 号');
    await book.getByTestId('address-save').click();
    await expect.poll(() => book.getByTestId('address-entry').count()).toBe(2);
    // A municipality is written once: 上海市徐汇区…
    await expect(book.getByTestId('address-entry').nth(1).textContent()).resolves.toContain(
      '上海市徐汇区漕溪北路 88 号',
    );

    await book.getByTestId('address-entry').nth(1).getByTestId('address-make-default').click();
    await expect.poll(() => book.getByTestId('address-entry').first().textContent()).toContain('徐汇区');
    expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(0);

    // Deleting the default hands it to the other address.
    await book.getByTestId('address-entry').first().getByTestId('address-delete').click();
    await page.getByTestId('confirm-dialog').getByRole('button', { name: '删除' }).click();
    await expect.poll(() => book.getByTestId('address-entry').count()).toBe(1);
    const left = (await shop.t.request('GET', '/api/me/addresses', { token })).json<{ items: Address[] }>();
    expect(left.items).toEqual([expect.objectContaining({ id: home.id, isDefault: true })]);
    await page.context().close();
  });

  it('shows a locked share-to-unlock coupon’s progress where its Claim button would be', async () => {
    const { token: admin } = await shop.t.signInAdmin();
    const template = await shop.t.request('POST', '/api/admin/coupons', {
      token: admin,
      body: { title: 'Share and save', kind: 'amount_off', amountOff: 3000, shareToUnlock: 3 },
    });
    expect(template.statusCode, template.body).toBe(201);
    const { token } = await shop.t.signUp({ name: 'Sharer' });
    const page = await signedInPage(token);
    await page.goto('/coupons');
    const offer = page.getByTestId('coupon-offer').filter({ hasText: 'Share and save' });
    // "Locked" until its progress arrives, then the count.
    await expect.poll(() => offer.getByTestId('coupon-locked').textContent()).toBe('0 of 3 friends');
    expect(await offer.getByTestId('claim-coupon').count()).toBe(0);
    await expect(offer.getByTestId('coupon-value').textContent()).resolves.toContain('30.00');
    await page.context().close();
  });
});
