import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, uniqueEmail } from './support/browser.js';
import { type Shop, startShop } from './support/server.js';

let shop: Shop;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [shop, browser] = await Promise.all([startShop(), launchBrowser()]);
  page = await openPage(browser, shop.baseUrl);
});

afterAll(async () => {
  await browser?.close();
  await shop?.close();
});

const cards = () => page.getByTestId('product-card');

async function search(text: string) {
  await page.getByTestId('search-input').fill(text);
  await page.getByTestId('search-input').press('Enter');
}

describe('storefront', () => {
  it('signs a new buyer up and brings them back where they came from', async () => {
    const email = uniqueEmail('shopper');
    await page.goto('/signup?invite=NOPE&next=/account');
    await expect(page.getByLabel('Invite code (optional)').inputValue()).resolves.toBe('NOPE');
    await page.getByLabel('Name').fill('Mei');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('short');
    await page.getByTestId('signup-submit').click();
    await page.getByText('Use at least 8 characters').waitFor();

    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByTestId('signup-submit').click();
    // The invite code does not exist: the server's field error appears beside the field.
    await page.getByTestId('error-inviteCode').waitFor();
    await page.getByLabel('Invite code (optional)').fill('');
    await page.getByTestId('signup-submit').click();

    await page.waitForURL('**/account');
    await expect(page.getByTestId('account-email').textContent()).resolves.toBe(email);
    const code = await page.getByTestId('invite-code').textContent();
    await expect(page.getByTestId('invite-link').textContent()).resolves.toContain(`/signup?invite=${code}`);
  });

  it('shows the grid, narrows it by search and by category', async () => {
    await page.goto('/');
    await page.getByTestId('product-card').first().waitFor();
    expect(await cards().count()).toBe(4);
    await expect(page.getByTestId('out-of-stock').count()).resolves.toBe(1);

    await search('jasmine');
    await page.getByTestId('search-heading').waitFor();
    await expect.poll(() => cards().count()).toBe(1);
    await expect(cards().first().textContent()).resolves.toContain('Jasmine Green Tea');

    await search('durian');
    await expect(page.getByTestId('empty-products').textContent()).resolves.toContain(
      'No products match “durian”',
    );

    await page.goto('/');
    await page.getByTestId('category-chip').filter({ hasText: 'kitchen' }).click();
    await expect.poll(() => cards().count()).toBe(2);
  });

  it('opens a product, switches variants and keeps quantity within stock', async () => {
    await page.goto('/?q=jasmine');
    await cards().first().click();
    await expect(page.getByTestId('product-title').textContent()).resolves.toBe('Jasmine Green Tea');
    await expect(page.getByTestId('product-price').textContent()).resolves.toContain('29.90');

    await page.getByTestId('variant-option').filter({ hasText: '100 g tin' }).click();
    await expect(page.getByTestId('product-price').textContent()).resolves.toContain('52.00');
    await page.getByTestId('quantity').getByRole('spinbutton').fill('50');
    // Only 10 of the 100 g tin are in stock.
    await expect(page.getByTestId('quantity').getByRole('spinbutton').inputValue()).resolves.toBe('10');
  });

  it('answers unknown products and the admin area with their own pages', async () => {
    await page.goto('/products/no-such-product');
    await page.getByTestId('product-not-found').waitFor();
    await page.goto('/admin');
    await page.getByTestId('not-allowed').waitFor();
  });

  it('switches the interface to Simplified Chinese and remembers it', async () => {
    await page.goto('/');
    await page.getByTestId('language-switch').selectOption('zh-CN');
    await page.getByText('好物，来自朋友的分享').waitFor();
    await page.reload();
    await page.getByText('好物，来自朋友的分享').waitFor();
    await page.getByTestId('language-switch').selectOption('en');
  });

  it('words the server’s refusals of sign-up and sign-in in Chinese, with no English from the server', async () => {
    const zh = await openPage(browser, shop.baseUrl);
    const input = (name: string) => zh.locator(`input[name="${name}"]`);
    await zh.goto('/signup');
    await zh.getByTestId('language-switch').selectOption('zh-CN');
    await zh.getByText('创建账号').first().waitFor();
    // Checked before it is sent, worded like the server's field error.
    await input('email').fill('not-an-email');
    await zh.getByTestId('signup-submit').click();
    await expect(zh.getByTestId('error-email').textContent()).resolves.toMatch(/[\u4e00-\u9fff]/);
    await expect(zh.getByTestId('error-name').textContent()).resolves.toBe('请填写姓名。');

    // A taken email (the shop's administrator exists) and an unknown invite code: the server refuses.
    await input('name').fill('美');
    await input('email').fill('admin@fission.test');
    await input('password').fill('correct horse battery');
    await input('inviteCode').fill('NOPE');
    await zh.getByTestId('signup-submit').click();
    await expect(zh.getByTestId('error-inviteCode').textContent()).resolves.toBe(
      '没有人使用这个邀请码，请检查或留空。',
    );
    await input('inviteCode').fill('');
    await zh.getByTestId('signup-submit').click();
    await zh.getByText('该邮箱已注册，请直接登录。').waitFor();
    await expect(zh.getByTestId('error-message').textContent()).resolves.not.toMatch(/[A-Za-z]{3,}/);

    await zh.goto('/signin');
    await input('email').fill('admin@fission.test');
    await input('password').fill('not the password');
    await zh.getByTestId('signin-submit').click();
    await zh.getByText('邮箱或密码错误。').waitFor();
    await zh.context().close();
  });

  it('words a refused store address in Chinese: the server’s reserved-word rule, not its English', async () => {
    const zh = await openPage(browser, shop.baseUrl);
    const input = (name: string) => zh.locator(`input[name="${name}"]`);
    await zh.goto('/signup?next=/my-store');
    await zh.getByTestId('language-switch').selectOption('zh-CN');
    await input('name').fill('林');
    await input('email').fill(uniqueEmail('zh-shopkeeper'));
    await input('password').fill('correct horse battery');
    await zh.getByTestId('signup-submit').click();
    await zh.waitForURL('**/my-store');
    await zh.getByTestId('become-shopkeeper').click();
    const form = zh.getByTestId('store-form');
    await input('name').fill('林的茶铺');
    await input('slug').fill('admin');
    await form.getByTestId('store-save').click();
    await expect(form.getByTestId('error-slug').textContent()).resolves.toBe('该网址为保留地址，请换一个。');
    await zh.context().close();
  });
});
