import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Order } from '../../src/modules/orders/present.js';
import { launchBrowser, openPage, signInWithToken } from './support/browser.js';
import { type Shop, startShop } from './support/server.js';

/**
 * The shop's chrome and the console on a phone (390 × 844, and the narrowest common phone, 320):
 * the header's search field keeps its width and its whole placeholder, the tab bar has Earn, and
 * no console screen scrolls sideways.
 */
let shop: Shop;
let browser: Browser;
let buyerToken: string;
let adminToken: string;
let order: Order;
let couponId: string;

const LANGUAGES = ['en', 'zh-CN'] as const;

beforeAll(async () => {
  [shop, browser] = await Promise.all([startShop(), launchBrowser()]);
  buyerToken = (await shop.t.signUp({ name: 'Lin Wei' })).token;
  adminToken = (await shop.t.signInAdmin()).token;
  // Something in every console list: an order that is paid, a coupon and a group-buy campaign.
  const variantId = shop.products[0]!.variants[0]!.id;
  const placed = await shop.t.request('POST', '/api/orders', {
    token: buyerToken,
    body: {
      items: [{ variantId, quantity: 2 }],
      address: { name: 'Lin Wei', phone: '+86 138 0000 0000', line1: '88 Century Avenue', city: 'Shanghai' },
    },
  });
  expect(placed.statusCode, placed.body).toBe(201);
  order = placed.json<Order>();
  const paid = await shop.t.request('POST', `/api/payments/sandbox/${order.id}/succeed`, {
    token: buyerToken,
  });
  expect(paid.statusCode, paid.body).toBeLessThan(300);
  await shop.t.request('POST', '/api/orders', {
    token: buyerToken,
    body: { items: [{ variantId: shop.products[1]!.variants[0]!.id, quantity: 1 }] },
  });
  const coupon = await shop.t.request('POST', '/api/admin/coupons', {
    token: adminToken,
    body: { title: 'Spring tea: ¥10 off orders over ¥99', kind: 'amount_off', amountOff: 1000 },
  });
  expect(coupon.statusCode, coupon.body).toBe(201);
  couponId = coupon.json<{ id: string }>().id;
  const campaign = await shop.t.request('POST', '/api/admin/group-buys', {
    token: adminToken,
    body: { variantId, groupSize: 3, price: 2490, durationMinutes: 1440 },
  });
  expect(campaign.statusCode, campaign.body).toBe(201);
});

afterAll(async () => {
  await browser?.close();
  await shop?.close();
});

async function signedIn(token: string, language: (typeof LANGUAGES)[number] = 'en') {
  const page = await openPage(browser, shop.baseUrl);
  await signInWithToken(page.context(), shop.baseUrl, token);
  await page.context().addInitScript((lang) => localStorage.setItem('fission.lang', lang), language);
  return page;
}

/** True when nothing on the page is wider than the screen (the page cannot be scrolled sideways). */
const fitsWidth = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

/**
 * The search field's width, and whether its placeholder fits: measured in the field's font against
 * the field, and typed in, to read the field's own scroll width (the text box a search field shares
 * with its clear button).
 */
async function measureSearch(page: Page) {
  const input = page.getByTestId('search-input');
  const empty = await input.evaluate((field: HTMLInputElement) => {
    const style = getComputedStyle(field);
    const context = document.createElement('canvas').getContext('2d')!;
    context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const box = field.getBoundingClientRect();
    return {
      width: box.width,
      inScreen: box.left >= 0 && box.right <= window.innerWidth,
      placeholder: field.placeholder,
      placeholderFits: context.measureText(field.placeholder).width <= field.clientWidth,
    };
  });
  await input.fill(empty.placeholder);
  const overflows = await input.evaluate((field: HTMLInputElement) => field.scrollWidth > field.clientWidth);
  await input.fill('');
  return { ...empty, overflows };
}

describe('the header on a phone', () => {
  for (const width of [390, 320]) {
    for (const language of LANGUAGES) {
      it(`shows the whole search field at ${width} px in ${language}, signed in or not`, async () => {
        for (const token of [null, buyerToken]) {
          const page = token ? await signedIn(token, language) : await openPage(browser, shop.baseUrl);
          if (!token)
            await page
              .context()
              .addInitScript((lang) => localStorage.setItem('fission.lang', lang), language);
          await page.setViewportSize({ width, height: 844 });
          await page.goto('/');
          await page.getByTestId('product-card').first().waitFor();
          if (token) await page.getByTestId('notification-bell').waitFor();
          const search = await measureSearch(page);
          expect(search.placeholder).toBe(language === 'en' ? 'Search products' : '搜索商品');
          expect(search, `${language} at ${width} px`).toMatchObject({
            inScreen: true,
            placeholderFits: true,
            overflows: false,
          });
          expect(search.width).toBeGreaterThanOrEqual(width === 320 ? 130 : 180);
          // The compact language control is there, and reachable.
          await expect(page.getByTestId('language-switch').isVisible()).resolves.toBe(true);
          expect(await fitsWidth(page)).toBe(true);
          await page.context().close();
        }
      });
    }
  }

  it('moves the full language choice to the account page, and it still switches the shop', async () => {
    const page = await signedIn(buyerToken);
    await page.goto('/account');
    const section = page.getByTestId('account-language');
    await section.waitFor();
    // One control for one setting: the header's compact one steps aside here.
    await expect(page.getByTestId('language-switch').count()).resolves.toBe(1);
    await section.getByTestId('language-switch').selectOption('zh-CN');
    await page.getByRole('heading', { name: '语言' }).waitFor();
    await section.getByTestId('language-switch').selectOption('en');
    await page.getByRole('heading', { name: 'Language' }).waitFor();
    await page.context().close();
  });
});

describe('the tab bar', () => {
  for (const width of [390, 320]) {
    for (const language of LANGUAGES) {
      it(`has Home, Discover, Cart, Orders, Earn and Me at ${width} px in ${language}, and Earn opens the promoter centre`, async () => {
        const page = await signedIn(buyerToken, language);
        await page.setViewportSize({ width, height: 844 });
        await page.goto('/');
        const tabs = page.getByRole('navigation', { name: language === 'en' ? 'Shortcuts' : '快捷导航' });
        const labels = await tabs.getByRole('link').evaluateAll((links) =>
          links.map((link) => {
            const box = link.getBoundingClientRect();
            const text = link.querySelector('span');
            return {
              text: link.textContent?.trim(),
              inScreen:
                box.left >= 0 && box.right <= window.innerWidth + 0.5 && box.bottom <= window.innerHeight,
              tall: box.height >= 44,
              clipped: text ? text.scrollWidth > text.clientWidth + 1 : true,
            };
          }),
        );
        const words =
          language === 'en'
            ? ['Home', 'Discover', 'Cart', 'Orders', 'Earn', 'Me']
            : ['首页', '发现', '购物车', '订单', '赚钱', '我的'];
        expect(labels.map((l) => l.text)).toEqual(words);
        for (const label of labels)
          expect(label, label.text).toMatchObject({ inScreen: true, tall: true, clipped: false });

        await page.getByTestId('bottom-nav-earn').click();
        await page.waitForURL('**/promote');
        await page.getByTestId('promote-centre').waitFor();
        await expect(page.getByTestId('bottom-nav-earn').getAttribute('class')).resolves.toContain('active');
        await page.context().close();
      });
    }
  }

  it('tells pages its height, the safe area included, and none on a wide screen', async () => {
    const page = await openPage(browser, shop.baseUrl);
    await page.goto('/');
    const heights = await page.evaluate(() => {
      const probe = document.createElement('div');
      probe.id = 'tab-bar-probe';
      probe.style.height = 'var(--tab-bar-height)';
      document.body.append(probe);
      const nav = document.querySelector('.bottom-nav')!.getBoundingClientRect().height;
      return { variable: probe.getBoundingClientRect().height, nav };
    });
    expect(heights.variable).toBeGreaterThan(0);
    expect(heights.variable).toBe(heights.nav);
    await page.setViewportSize({ width: 1280, height: 900 });
    const wide = await page.evaluate(
      () => document.getElementById('tab-bar-probe')!.getBoundingClientRect().height,
    );
    expect(wide).toBe(0);
    await page.context().close();
  });
});

describe('the console on a phone', () => {
  it('lists orders readably at 390 px: each status, total and action visible and tappable', async () => {
    const page = await openPage(browser, shop.baseUrl);
    await page.goto('/signin?next=%2Fadmin%2Forders');
    await page.getByLabel('Email').fill(shop.admin.email);
    await page.getByLabel('Password').fill(shop.admin.password);
    await page.getByTestId('signin-submit').click();
    await page.waitForURL('**/admin/orders');
    const rows = page.getByTestId('admin-order-row');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await fitsWidth(page)).toBe(true);
    const tabBarTop = await page.evaluate(
      () => document.querySelector('.bottom-nav')!.getBoundingClientRect().top,
    );
    for (const row of await rows.all()) {
      await row.scrollIntoViewIfNeeded();
      const status = row.getByTestId('order-status');
      await expect(status.isVisible()).resolves.toBe(true);
      await expect(
        row
          .getByText(/¥\s?\d/)
          .first()
          .isVisible(),
      ).resolves.toBe(true);
      const action = row.getByRole('link', { name: 'View' });
      await action.scrollIntoViewIfNeeded();
      const box = (await action.boundingBox())!;
      expect(box.height).toBeGreaterThanOrEqual(44);
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
      // Not under the tab bar: the link itself is what a tap at its centre hits.
      const hit = await action.evaluate((link, y) => {
        const box = link.getBoundingClientRect();
        const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        return { ours: top === link || link.contains(top), below: box.bottom <= y };
      }, tabBarTop);
      expect(hit).toEqual({ ours: true, below: true });
    }
    await rows
      .filter({ has: page.locator('[data-status="paid"]') })
      .getByRole('link', { name: 'View' })
      .click();
    await page.waitForURL(`**/admin/orders/${order.id}`);
    expect(await fitsWidth(page)).toBe(true);
    await page.context().close();
  });

  it('never scrolls sideways on any console screen at 390 px, in English or Chinese', async () => {
    const routes = [
      '/admin/products',
      '/admin/products/new',
      `/admin/products/${shop.products[0]!.id}`,
      '/admin/orders',
      '/admin/orders/ship-csv',
      `/admin/orders/${order.id}`,
      '/admin/distribution',
      '/admin/withdrawals',
      '/admin/promoters',
      '/admin/structure',
      '/admin/trust',
      '/admin/coupons',
      '/admin/coupons/new',
      `/admin/coupons/${couponId}`,
      '/admin/invitation-rewards',
      '/admin/group-buys',
      '/admin/attention',
      '/admin/after-sales',
      '/admin/audit',
      '/admin/moderation',
      '/admin/posts',
    ];
    for (const language of LANGUAGES) {
      const page = await signedIn(adminToken, language);
      const overflowing: string[] = [];
      for (const route of routes) {
        await page.goto(route);
        await page.getByTestId('admin-layout').waitFor();
        await page.waitForLoadState('networkidle');
        await page.locator('.admin-main .spinner').waitFor({ state: 'detached' });
        if (!(await fitsWidth(page))) overflowing.push(route);
        // The open section's tab is in view in the sideways-scrolling strip.
        const tab = page.getByTestId('admin-nav').locator('a.active');
        if ((await tab.count()) > 0) {
          const inView = await tab.evaluate((link) => {
            const box = link.getBoundingClientRect();
            return box.left >= 0 && box.right <= window.innerWidth;
          });
          expect(inView, `the tab of ${route}`).toBe(true);
        }
      }
      expect(overflowing, language).toEqual([]);
      await page.context().close();
    }
    // Nineteen screens in two languages: about a minute on a busy two-core machine.
  }, 120_000);

  it('reaches every console section from the tab strip on a phone', async () => {
    const page = await signedIn(adminToken);
    await page.goto('/admin/products');
    const nav = page.getByTestId('admin-nav');
    await nav.getByRole('link', { name: 'After-sales' }).click();
    await page.waitForURL('**/admin/after-sales');
    expect(await fitsWidth(page)).toBe(true);
    await nav.getByRole('link', { name: 'Products' }).click();
    await page.waitForURL('**/admin/products');
    await page.context().close();
  });
});
