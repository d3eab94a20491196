import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Product } from '../../src/modules/catalog/service.js';
import { plainPngOf, pngOf } from '../support/images.js';
import { launchBrowser, openPage, signInWithToken } from './support/browser.js';
import { type Shop, startShop } from './support/server.js';

let shop: Shop;
let browser: Browser;
let page: Page;
let product: Product;

beforeAll(async () => {
  [shop, browser] = await Promise.all([startShop(), launchBrowser()]);
  page = await openPage(browser, shop.baseUrl); // 390 × 844
  await signInWithToken(page.context(), shop.baseUrl, (await shop.t.signInAdmin()).token);
  product = shop.products[0] as Product;
});

afterAll(async () => {
  await browser?.close();
  await shop?.close();
});

const file = (name: string, buffer: Buffer, mimeType = 'image/png') => ({ name, mimeType, buffer });

describe('product pictures in the console, on a phone', () => {
  it('uploads, reorders and removes pictures, and the product page shows them with a srcset', async () => {
    await page.goto(`/admin/products/${product.id}`);
    const input = page.getByTestId('product-image-file');
    const items = page.getByTestId('product-image-item');

    await input.setInputFiles(file('not-a-picture.png', Buffer.from('just text, renamed\n')));
    await page.getByText('That file is not a picture').waitFor();
    expect(await items.count()).toBe(0);

    // Each upload is checked and resized on the server: wait for its thumbnail, not a fixed time.
    await input.setInputFiles(file('gradient.png', await pngOf(1600, 1200)));
    await items.nth(0).waitFor();
    await input.setInputFiles(file('plain.png', await plainPngOf(900, 900)));
    await items.nth(1).waitFor();
    const [first, second] = await Promise.all(
      [0, 1].map((i) => items.nth(i).locator('img').getAttribute('src')),
    );
    expect(first).toMatch(/-1280\.webp$/);
    expect(second).toMatch(/-900\.webp$/);

    await page.getByRole('button', { name: 'Move picture 2 earlier' }).click();
    await items.nth(0).locator(`img[src="${second}"]`).waitFor();
    await page.getByRole('button', { name: 'Remove picture 2' }).click();
    await items.nth(1).waitFor({ state: 'detached' });
    await page.getByTestId('admin-product-save').click();
    await page.getByTestId('admin-product-saved').waitFor();

    const saved = (await shop.t.request('GET', `/api/products/${product.id}`)).json<Product>();
    expect(saved.images).toEqual([second]);

    await page.goto(`/products/${product.id}`);
    const picture = page.getByTestId('gallery').locator('img').first();
    await picture.waitFor();
    expect(await picture.getAttribute('src')).toBe(second);
    expect(await picture.getAttribute('srcset')).toMatch(
      /-320\.webp 320w, .*-640\.webp 640w, .*-900\.webp 900w$/,
    );
    // Drawn for real: the browser loaded one of the widths through the site's image policy.
    await expect
      .poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), {
        timeout: 10_000,
      })
      .toBeGreaterThan(0);
    const box = await picture.boundingBox();
    expect(box?.width ?? 0).toBeLessThanOrEqual(390);
  });
});

describe('a store logo, on a phone', () => {
  it('is uploaded by the shopkeeper and shown on the store page', async () => {
    const keeper = await shop.t.signUp({ name: 'Logo Keeper' });
    await shop.t.request('POST', '/api/shopkeepers', { token: keeper.token });
    const slug = `logo-${Date.now().toString(36)}`;
    await shop.t.request('POST', '/api/stores', { token: keeper.token, body: { name: 'Logo tea', slug } });
    const phone = await openPage(browser, shop.baseUrl);
    await signInWithToken(phone.context(), shop.baseUrl, keeper.token);
    await phone.goto('/my-store');
    await phone.getByTestId('store-logo-file').setInputFiles(file('logo.png', await plainPngOf(500, 500)));
    const preview = phone.getByTestId('store-logo').locator('img[src^="/uploads/"]');
    await preview.waitFor();
    const src = await preview.getAttribute('src');
    await phone.getByTestId('store-save').click();
    await phone.getByTestId('store-saved').waitFor();

    await phone.goto(`/stores/${slug}`);
    await phone.locator(`img.store-logo[src="${src}"]`).waitFor();
    await phone.context().close();
  });
});
