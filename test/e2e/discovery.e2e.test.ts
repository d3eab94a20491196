import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage } from './support/browser.js';
import { type Shop, startShop } from './support/server.js';

/** The home page's sections and the search results view, on a phone, in English and Chinese. */
let shop: Shop;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [shop, browser] = await Promise.all([startShop(), launchBrowser()]);
  const jasmine = shop.products.find((p) => p.title === 'Jasmine Green Tea');
  const variantId = jasmine?.variants[0]?.id as string;
  await shop.t.services.groupBuys.createCampaign({
    variantId,
    groupSize: 2,
    price: 1990,
    durationMinutes: 600,
  });
  await shop.t.services.coupons.createTemplate({
    title: '¥5 off anything',
    description: 'One per person.',
    kind: 'amount_off',
    amountOff: 500,
    minSpend: 0,
    validDays: 30,
  });
  page = await openPage(browser, shop.baseUrl);
});

afterAll(async () => {
  await browser?.close();
  await shop?.close();
});

const fitsThePhone = () =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

describe('discovery', () => {
  it('opens on sections: group deals with their price, coupons, new in and popular', async () => {
    await page.goto('/');
    const deal = page.getByTestId('group-deal').first();
    await deal.waitFor();
    // en-US writes the yuan as CN¥.
    await expect(deal.textContent()).resolves.toMatch(/Group CN¥19\.90/);
    await expect(page.getByTestId('home-coupon').first().textContent()).resolves.toContain('¥5 off anything');
    await page.getByTestId('home-new-in').getByTestId('section-product').first().waitFor();
    await page.getByTestId('home-popular').getByTestId('section-product').first().waitFor();
    // The badge on the product's own card in the full list, matched by product id on the web side.
    const card = page.getByTestId('product-card').filter({ hasText: 'Jasmine Green Tea' });
    await expect(card.getByTestId('group-price-badge').textContent()).resolves.toBe('Group CN¥19.90');
    await expect(page.getByTestId('product-card').count()).resolves.toBe(shop.products.length);
    expect(await fitsThePhone()).toBe(true);
  });

  it('searches with a count, sorts by price and filters by a price range', async () => {
    await page.goto('/?q=tea');
    await page.getByTestId('search-heading').waitFor();
    const count = page.getByTestId('result-count');
    await count.waitFor();
    const cards = page.getByTestId('product-card');
    const shown = await cards.count();
    await expect(count.textContent()).resolves.toBe(`${shown} products`);
    await expect(cards.first().textContent()).resolves.toContain('Jasmine Green Tea');

    await page.getByTestId('sort-select').selectOption('price_desc');
    await expect.poll(() => cards.first().textContent()).toContain('Ceramic Teapot');
    expect(page.url()).toContain('sort=price_desc');

    await page.getByTestId('min-price').fill('100');
    await page.getByTestId('max-price').fill('50');
    await page.getByTestId('apply-price').click();
    await page.getByTestId('price-error').waitFor();

    await page.getByTestId('min-price').fill('20');
    await page.getByTestId('max-price').fill('130');
    await page.getByTestId('apply-price').click();
    await expect.poll(() => page.url()).toContain('maxPrice=13000');
    await expect.poll(() => cards.allTextContents()).not.toContainEqual(expect.stringContaining('Teapot'));
    await expect(count.textContent()).resolves.toBe(`${await cards.count()} products`);
    expect(await fitsThePhone()).toBe(true);
  });

  it('speaks Chinese: sections, badges and the result count', async () => {
    await page.evaluate(() => localStorage.setItem('fission.lang', 'zh-CN'));
    await page.goto('/');
    await page.getByText('拼团特惠').waitFor();
    await expect(page.getByTestId('group-deal').first().textContent()).resolves.toContain('拼团价');
    await page.getByText('新品上架').waitFor();
    await page.goto('/?q=tea');
    await expect.poll(() => page.getByTestId('result-count').textContent()).toMatch(/^共 \d+ 件商品$/);
    expect(await fitsThePhone()).toBe(true);
  });
});
