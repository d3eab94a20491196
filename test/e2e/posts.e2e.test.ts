import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProduct } from '../support/shop.js';
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

async function signedInPage(token: string): Promise<Page> {
  const page = await openPage(browser, shop.baseUrl);
  await signInWithToken(page.context(), shop.baseUrl, token);
  return page;
}

describe('posts on a phone', () => {
  it('renders a stored-XSS body as text: no injected element, no script run', async () => {
    const author = await shop.t.signUp({ name: 'Mallory' });
    const body =
      '<img src=x onerror="window.__xss=1"><b id="injected">bold</b><script>window.__xss=2</script>';
    const created = await shop.t.request('POST', '/api/posts', { token: author.token, body: { body } });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<{ id: string }>().id;

    const page = await openPage(browser, shop.baseUrl);
    await page.goto(`/posts/${id}`);
    await expect.poll(() => page.getByTestId('post-body').textContent()).toBe(body);
    await expect(page.locator('#injected').count()).resolves.toBe(0);
    await expect(page.locator('[data-testid="post-body"] img').count()).resolves.toBe(0);
    await expect(
      page.evaluate(() => (window as unknown as { __xss?: number }).__xss),
    ).resolves.toBeUndefined();
    // The feed's tile shows it as text too.
    await page.goto('/feed');
    await expect
      .poll(() => page.getByTestId('post-tile').filter({ hasText: 'id="injected"' }).count())
      .toBe(1);
    await expect(page.locator('#injected').count()).resolves.toBe(0);
    await page.close();
  });

  it('a post with a product tag is written in the composer; another person likes it and follows the author', async () => {
    const { product } = await createProduct(shop.t, { title: 'Anji white tea, 50 g', price: 6800 });
    const author = await shop.t.signUp({ name: 'Lin Xiaomei' });
    const page = await signedInPage(author.token);
    await page.goto('/posts/new');
    await page.getByTestId('compose-body').fill('My favourite white tea this spring');
    await page.getByTestId('compose-product-search').fill('Anji');
    await page.getByTestId('compose-product-result').filter({ hasText: 'Anji white tea' }).click();
    await expect.poll(() => page.getByTestId('compose-product').count()).toBe(1);
    await page.getByTestId('compose-publish').click();
    await page.waitForURL(/\/posts\/(?!new$)[^/]+$/);
    await expect.poll(() => page.getByTestId('post-product').textContent()).toContain('Anji white tea');
    const postUrl = new URL(page.url()).pathname;
    const postId = postUrl.split('/').at(-1) as string;
    await expect(page.getByTestId('post-product').getAttribute('href')).resolves.toBe(
      `/products/${product.id}?post=${postId}`,
    );
    await page.close();

    const reader = await shop.t.signUp({ name: 'Wang Fang' });
    const other = await signedInPage(reader.token);
    await other.goto(postUrl);
    await expect.poll(() => other.getByTestId('like-count').textContent()).toBe('0');
    await other.getByTestId('like-button').click();
    await expect.poll(() => other.getByTestId('like-count').textContent()).toBe('1');
    await other.getByTestId('post-author').click();
    await other.waitForURL(/\/users\//);
    await expect.poll(() => other.getByTestId('profile-name').textContent()).toBe('Lin Xiaomei');
    await other.getByTestId('follow-button').click();
    await expect.poll(() => other.getByTestId('profile-followers').textContent()).toContain('1');
    await expect.poll(() => other.getByTestId('follow-button').textContent()).toBe('Unfollow');

    const followers = await shop.t.request('GET', `/api/users/${author.user.id}/followers`);
    expect(followers.json<{ items: { id: string }[] }>().items.map((p) => p.id)).toEqual([reader.user.id]);
    const liked = await shop.t.request('GET', `/api/posts/${postId}`, { token: reader.token });
    expect(liked.json()).toMatchObject({ likes: 1, liked: true });
    await other.close();
  });

  it('a reader reports the post and a comment with the shared report button, and it fits a phone', async () => {
    const author = await shop.t.signUp({ name: 'Zhao Lei' });
    const created = await shop.t.request('POST', '/api/posts', {
      token: author.token,
      body: { body: 'Cheapest tea in town, DM me' },
    });
    const postId = created.json<{ id: string }>().id;
    const commenter = await shop.t.signUp({ name: 'Spammy Sun' });
    const comment = await shop.t.request('POST', `/api/posts/${postId}/comments`, {
      token: commenter.token,
      body: { body: 'Visit my shop for free coupons' },
    });
    expect(comment.statusCode, comment.body).toBe(201);
    const commentId = comment.json<{ id: string }>().id;

    const reader = await shop.t.signUp({ name: 'Careful Qian' });
    const page = await signedInPage(reader.token);
    await page.goto(`/posts/${postId}`);
    const actions = page.locator('.post-actions');
    await actions.getByTestId('report-button').click();
    await actions.getByTestId('report-reason-spam').check();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await actions.getByTestId('report-send').click();
    await expect.poll(() => actions.getByTestId('report-sent').count()).toBe(1);

    const theComment = page.getByTestId('comment').filter({ hasText: 'free coupons' });
    await theComment.getByTestId('report-button').click();
    await theComment.getByTestId('report-reason-fake').check();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await theComment.getByTestId('report-send').click();
    await expect.poll(() => theComment.getByTestId('report-sent').count()).toBe(1);
    await page.screenshot({ path: '/tmp/wiring-post-report.png', fullPage: true });
    await page.close();

    const { token } = await shop.t.signInAdmin();
    const queue = await shop.t.request('GET', '/api/admin/moderation/reports?limit=50', { token });
    const reported = queue.json<{
      items: { type: string; id: string; reasons: { reason: string; count: number }[] }[];
    }>().items;
    expect(reported.find((e) => e.type === 'post' && e.id === postId)?.reasons).toEqual([
      { reason: 'spam', count: 1 },
    ]);
    expect(reported.find((e) => e.type === 'comment' && e.id === commentId)?.reasons).toEqual([
      { reason: 'fake', count: 1 },
    ]);
  });
});
