import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createProduct, expectLedgerSound } from '../../../test/support/shop.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { MIGRATIONS_DIR } from '../../platform/migrate.js';
import type { Commission } from '../distribution/reads.js';
import type { Order } from '../orders/present.js';
import type { ShareLink } from './service.js';

/** Share links end to end: creation, the redirect and its cookies, clicks, attribution, media, previews. */
let t: TestApp;
let webRoot: string;
type Person = Awaited<ReturnType<TestApp['signUp']>>;
let promoter: Person;
let stranger: Person;
let product: { id: string; variantId: string };

const INDEX_HTML = `<!doctype html><html><head><meta charset="UTF-8" /><title>Fission</title></head>
<body><div id="root"></div></body></html>`;

beforeAll(async () => {
  webRoot = mkdtempSync(join(tmpdir(), 'fission-web-'));
  writeFileSync(join(webRoot, 'index.html'), INDEX_HTML);
  t = await createTestApp({ PUBLIC_URL: 'https://shop.example' }, undefined, { webRoot });
  promoter = await t.signUp({ name: 'Mei <Promoter>' });
  stranger = await t.signUp();
  const created = await createProduct(t, { title: 'Jasmine "pearl" tea <b>', price: 6800, stock: 50 });
  product = { id: created.product.id, variantId: created.variantId };
});
afterEach(() => expectLedgerSound(t));
afterAll(async () => {
  await t.close();
  rmSync(webRoot, { recursive: true, force: true });
});

const share = (who: Person, body: unknown) =>
  t.request('POST', '/api/share-links', { token: who.token, body });
const follow = (code: string, headers: Record<string, string> = {}) =>
  t.request('GET', `/s/${code}`, { headers });
const cookiesOf = (res: { headers: Record<string, unknown> }) =>
  [res.headers['set-cookie']].flat().map(String);

function pngSize(png: Buffer) {
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('creating links', () => {
  it('makes one short link per person and target, with an absolute URL', async () => {
    const first = await share(promoter, { productId: product.id });
    expect(first.statusCode).toBe(201);
    const link = first.json<ShareLink>();
    expect(link).toMatchObject({ targetType: 'product', targetId: product.id });
    expect(link.code).toMatch(/^[0-9A-Za-z]{9}$/);
    expect(link.url).toBe(`https://shop.example/s/${link.code}`);
    expect((await share(promoter, { productId: product.id })).json<ShareLink>().code).toBe(link.code);
    expect((await share(stranger, { productId: product.id })).json<ShareLink>().code).not.toBe(link.code);
  });

  it('refuses a body naming no target or two, unknown fields, strangers and missing things', async () => {
    expect((await share(promoter, {})).statusCode).toBe(400);
    expect((await share(promoter, { productId: product.id, storeId: 'x' })).statusCode).toBe(400);
    expect((await share(promoter, { productId: product.id, extra: 1 })).statusCode).toBe(400);
    expect((await share(promoter, { productId: 42 })).statusCode).toBe(400);
    expect((await share(promoter, { productId: 'no-such-product' })).statusCode).toBe(404);
    expect((await share(promoter, { groupId: 'no-such-group' })).statusCode).toBe(404);
    const anonymous = await t.request('POST', '/api/share-links', { body: { productId: product.id } });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['content-type']).toContain('application/problem+json');
  });

  it('lists my links with their stats, newest first, paginated', async () => {
    const other = await createProduct(t, { title: 'Pu-erh cake' });
    await share(promoter, { productId: other.product.id });
    const firstPage = await t.request('GET', '/api/me/share-links?limit=1', { token: promoter.token });
    const page = firstPage.json<{ items: (ShareLink & { stats: object })[]; nextCursor: string | null }>();
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({
      targetId: other.product.id,
      stats: { clicks: 0, orders: 0, gmv: 0 },
      target: { title: 'Pu-erh cake', image: null, path: `/products/${other.product.id}` },
    });
    const rest = await t.request('GET', `/api/me/share-links?cursor=${page.nextCursor}`, {
      token: promoter.token,
    });
    expect(rest.json<{ items: ShareLink[] }>().items.map((l) => l.targetId)).toEqual([product.id]);
    const theirs = await t.request('GET', '/api/me/share-links', { token: stranger.token });
    expect(theirs.json<{ items: ShareLink[] }>().items.every((l) => l.targetId === product.id)).toBe(true);
  });
});

describe('following a link', () => {
  it('redirects to the product page with the code, and sets the attribution and device cookies', async () => {
    const { code } = (await share(promoter, { productId: product.id })).json<ShareLink>();
    const res = await follow(code);
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe(`/products/${product.id}?ref=${code}`);
    const cookies = cookiesOf(res);
    expect(cookies.find((c) => c.startsWith('fission_ref='))).toContain(`fission_ref=${code};`);
    expect(cookies.find((c) => c.startsWith('fission_device='))).toMatch(/HttpOnly; SameSite=Lax/);
    const again = await follow(code, { cookie: 'fission_device=abcdefghijklmnop1234' });
    expect(cookiesOf(again).some((c) => c.startsWith('fission_device='))).toBe(false);
  });

  it('answers an unknown or malformed code with a 404 page', async () => {
    for (const code of ['ZZZZZZZZZ', 'not!a!code', 'x'.repeat(64)]) {
      const res = await follow(encodeURIComponent(code));
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.body).toContain('这个链接不存在');
    }
  });

  it('counts every click, many at once, without losing any', async () => {
    const { code } = (await share(stranger, { productId: product.id })).json<ShareLink>();
    const responses = await Promise.all(Array.from({ length: 120 }, () => follow(code)));
    expect(responses.every((r) => r.statusCode === 302)).toBe(true);
    const stats = await t.request('GET', `/api/share-links/${code}/stats`, { token: stranger.token });
    expect(stats.json()).toEqual({ clicks: 120, orders: 0, gmv: 0 });
    const rows = await t.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM share_clicks WHERE code = $1',
      [code],
    );
    expect(rows[0]?.n).toBe(120);
  });

  it('shows stats to the link owner only', async () => {
    const { code } = (await share(promoter, { productId: product.id })).json<ShareLink>();
    expect(
      (await t.request('GET', `/api/share-links/${code}/stats`, { token: stranger.token })).statusCode,
    ).toBe(404);
    expect((await t.request('GET', `/api/share-links/${code}/stats`)).statusCode).toBe(401);
  });

  it('lands a store link on the store page by its slug', async () => {
    const owner = await t.signUp();
    await t.request('POST', '/api/shopkeepers', { token: owner.token });
    const store = await t.request('POST', '/api/stores', {
      token: owner.token,
      body: { name: 'Leaf', slug: 'leaf-shop' },
    });
    const { code } = (await share(promoter, { storeId: store.json<{ id: string }>().id })).json<ShareLink>();
    expect((await follow(code)).headers.location).toBe(`/stores/leaf-shop?ref=${code}`);
  });
});

describe('over a real socket', () => {
  it('answers a cached code before the framework exactly as the route does, counting every click', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const fresh = await createProduct(t, { title: 'Socket tea' });
    const { code } = (await share(stranger, { productId: fresh.product.id })).json<ShareLink>();
    const visit = (headers: Record<string, string> = {}) =>
      fetch(`${address}/s/${code}`, { redirect: 'manual', headers });
    const first = await visit(); // not cached yet: the Fastify route resolves and caches it
    const second = await visit({ 'x-forwarded-for': '203.0.113.9', 'user-agent': 'chat-app/1.0' });
    const returning = await visit({ cookie: 'fission_device=returning-visitor-0001' });
    for (const res of [first, second]) {
      expect(res.status).toBe(302);
      expect(res.headers.get('location')).toBe(`/products/${fresh.product.id}?ref=${code}`);
      expect(res.headers.get('cache-control')).toBe('private, no-store');
      const cookies = res.headers.getSetCookie();
      expect(cookies[0]).toMatch(
        // Secure: this shop's PUBLIC_URL is https, so it is reached over https whatever the proxy says.
        new RegExp(`^fission_ref=${code}; Max-Age=\\d+; Path=/; HttpOnly; SameSite=Lax; Secure$`),
      );
      expect(cookies[1]).toMatch(
        /^fission_device=[0-9a-f-]{36}; Max-Age=\d+; Path=\/; HttpOnly; SameSite=Lax; Secure$/,
      );
    }
    expect(returning.headers.getSetCookie()).toEqual([expect.stringMatching(/^fission_ref=/)]);
    // Only the framework stamps a request id: the first visit went through it, the later ones did not.
    expect(first.headers.get('x-request-id')).not.toBeNull();
    expect(second.headers.get('x-request-id')).toBeNull();
    const stats = await t.request('GET', `/api/share-links/${code}/stats`, { token: stranger.token });
    expect(stats.json()).toMatchObject({ clicks: 3 });
    const rows = await t.db.query<{ ip: string; user_agent: string; device_id: string }>(
      'SELECT ip, user_agent, device_id FROM share_clicks WHERE code = $1 ORDER BY id',
      [code],
    );
    expect(rows[1]).toMatchObject({ ip: '203.0.113.9', user_agent: 'chat-app/1.0' });
    expect(rows[2]?.device_id).toBe('returning-visitor-0001');
  });
});

describe('attribution through a link', () => {
  it('credits the link owner for an order placed with the cookie, and counts it in the stats', async () => {
    const { code } = (await share(promoter, { productId: product.id })).json<ShareLink>();
    const buyer = await t.signUp();
    const cookie = { cookie: `fission_ref=${code}` };
    const placed = await t.request('POST', '/api/orders', {
      token: buyer.token,
      body: { items: [{ variantId: product.variantId, quantity: 2 }] },
      headers: cookie,
    });
    expect(placed.statusCode).toBe(201);
    const order = placed.json<Order>();
    await t.request('POST', `/api/payments/sandbox/${order.id}/succeed`, { token: buyer.token });
    const commissions = await t.request('GET', '/api/me/commissions', { token: promoter.token });
    expect(commissions.json<{ items: Commission[] }>().items).toContainEqual(
      expect.objectContaining({ orderId: order.id, level: 1, amount: 1360, status: 'pending' }),
    );
    const stats = await t.request('GET', `/api/share-links/${code}/stats`, { token: promoter.token });
    expect(stats.json()).toMatchObject({ orders: 1, gmv: 13_600 });
    const binding = await t.request('GET', '/api/me/binding', { token: buyer.token });
    expect(binding.json()).toMatchObject({ origin: { type: 'share_link', ref: code } });
  });

  it('attributes a code this process has never resolved (say, after a restart) without waiting on itself', async () => {
    const fresh = await createProduct(t, { title: 'Never clicked', price: 5000 });
    const { code } = (await share(promoter, { productId: fresh.product.id })).json<ShareLink>();
    const buyer = await t.signUp();
    const placed = await t.request('POST', '/api/orders', {
      token: buyer.token,
      body: { items: [{ variantId: fresh.variantId, quantity: 1 }], shareCode: code },
    });
    const order = placed.json<Order>();
    const paid = await t.request('POST', `/api/payments/sandbox/${order.id}/succeed`, { token: buyer.token });
    expect(paid.statusCode).toBe(200);
    const commissions = await t.request('GET', '/api/me/commissions', { token: promoter.token });
    expect(commissions.json<{ items: Commission[] }>().items).toContainEqual(
      expect.objectContaining({ orderId: order.id, level: 1, amount: 500 }),
    );
  });

  it('gives nothing when the sharer buys through their own link', async () => {
    const { code } = (await share(promoter, { productId: product.id })).json<ShareLink>();
    const placed = await t.request('POST', '/api/orders', {
      token: promoter.token,
      body: { items: [{ variantId: product.variantId, quantity: 1 }], shareCode: code },
    });
    const order = placed.json<Order>();
    await t.request('POST', `/api/payments/sandbox/${order.id}/succeed`, { token: promoter.token });
    const commissions = await t.request('GET', '/api/me/commissions', { token: promoter.token });
    expect(commissions.json<{ items: Commission[] }>().items.some((c) => c.orderId === order.id)).toBe(false);
  });
});

describe('link counters fed by order events', () => {
  const statsOf = async (code: string) =>
    (await t.request('GET', `/api/share-links/${code}/stats`, { token: promoter.token })).json();

  async function paidThrough(code: string, price: number) {
    const { variantId } = await createProduct(t, { price, stock: 5 });
    const buyer = await t.signUp();
    const placed = await t.request('POST', '/api/orders', {
      token: buyer.token,
      body: { items: [{ variantId, quantity: 1 }], shareCode: code },
    });
    const order = placed.json<Order>();
    await t.request('POST', `/api/payments/sandbox/${order.id}/succeed`, { token: buyer.token });
    return order;
  }

  it('counts a paid order, takes partial refunds off the GMV and a full refund off both', async () => {
    const fresh = await createProduct(t, { title: 'Counted tea' });
    const { code } = (await share(promoter, { productId: fresh.product.id })).json<ShareLink>();
    const first = await paidThrough(code, 10_000);
    await paidThrough(code, 4000);
    expect(await statsOf(code)).toEqual({ clicks: 0, orders: 2, gmv: 14_000 });

    await t.services.orders.refundOrder(first.id, 'a broken lid', { amount: 2500, items: [] });
    expect(await statsOf(code)).toEqual({ clicks: 0, orders: 2, gmv: 11_500 });
    await t.services.orders.refundOrder(first.id, 'the rest');
    expect(await statsOf(code)).toEqual({ clicks: 0, orders: 1, gmv: 4000 });
  });

  it('reads its own counters, not the orders table', async () => {
    const fresh = await createProduct(t, { title: 'Own counters' });
    const { code } = (await share(promoter, { productId: fresh.product.id })).json<ShareLink>();
    const order = await paidThrough(code, 3000);
    // An order's code changed behind sharing's back does not move the link's figures.
    await t.db.query('UPDATE orders SET share_code = NULL WHERE id = $1', [order.id]);
    expect(await statsOf(code)).toMatchObject({ orders: 1, gmv: 3000 });
    await t.db.query('UPDATE orders SET share_code = $2 WHERE id = $1', [order.id, code]);
  });

  it('backfills from existing orders the figures the events give (migration 023)', async () => {
    const fresh = await createProduct(t, { title: 'Backfilled tea' });
    const { code } = (await share(promoter, { productId: fresh.product.id })).json<ShareLink>();
    const kept = await paidThrough(code, 5000);
    const gone = await paidThrough(code, 2000);
    await t.services.orders.refundOrder(kept.id, 'part', { amount: 1000, items: [] });
    await t.services.orders.refundOrder(gone.id, 'all');
    const byEvents = await statsOf(code);
    expect(byEvents).toMatchObject({ orders: 1, gmv: 4000 });

    const sql = readFileSync(join(MIGRATIONS_DIR, '023_share_link_counters.sql'), 'utf8');
    const backfill = sql.slice(sql.indexOf('-- Backfill'));
    await t.db.transaction(async (tx) => {
      await tx.query('DELETE FROM share_link_counters');
      await tx.query('DELETE FROM share_link_orders');
      await tx.exec(backfill);
    });
    expect(await statsOf(code)).toEqual(byEvents);
  });
});

describe('QR codes, posters and previews', () => {
  it('draws the QR code of the link as SVG and a 750×1334 PNG poster', async () => {
    const { code } = (await share(promoter, { productId: product.id })).json<ShareLink>();
    const qr = await t.request('GET', `/api/share-links/${code}/qr.svg`);
    expect(qr.headers['content-type']).toContain('image/svg+xml');
    expect(qr.body).toContain('<svg');
    const poster = await t.request('GET', `/api/share-links/${code}/poster.png`);
    expect(poster.statusCode).toBe(200);
    expect(poster.headers['content-type']).toBe('image/png');
    expect(pngSize(poster.rawPayload)).toEqual({ width: 750, height: 1334 });
    expect((await t.request('GET', '/api/share-links/ZZZZZZZZZ/poster.png')).statusCode).toBe(404);
  });

  it('draws a 1200×630 link preview of a product', async () => {
    const res = await t.request('GET', `/api/share-previews/product/${product.id}/image.png`);
    expect(pngSize(res.rawPayload)).toEqual({ width: 1200, height: 630 });
    expect((await t.request('GET', '/api/share-previews/product/nope/image.png')).statusCode).toBe(404);
    expect((await t.request('GET', '/api/share-previews/planet/x/image.png')).statusCode).toBe(400);
  });

  it('puts escaped Open Graph tags on the page a share link lands on, for crawlers', async () => {
    const { code } = (await share(promoter, { productId: product.id })).json<ShareLink>();
    const landing = (await follow(code, { 'user-agent': 'facebookexternalhit/1.1' })).headers
      .location as string;
    const page = await t.request('GET', landing);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain(
      '<meta property="og:title" content="Jasmine &quot;pearl&quot; tea &lt;b&gt;">',
    );
    expect(page.body).toContain(
      `<meta property="og:url" content="https://shop.example/products/${product.id}">`,
    );
    expect(page.body).toContain(
      `<meta property="og:image" content="https://shop.example/api/share-previews/product/${product.id}/image.png?ref=${code}">`,
    );
    // Who recommends it, masked as strangers see names, and escaped.
    expect(page.body).toContain('<meta property="og:description" content="Mei &lt;. recommends this · ');
    expect(page.body).toContain('<title>Jasmine &quot;pearl&quot; tea &lt;b&gt; · Fission</title>');
    expect(page.body).not.toContain('<b>');
  });

  it('serves other pages the plain app, and a missing build file as a 404', async () => {
    const home = await t.request('GET', '/products/no-such-product');
    expect(home.body).not.toContain('og:title');
    expect(home.body).toContain('<div id="root">');
    expect((await t.request('GET', '/assets/missing-chunk.js')).statusCode).toBe(404);
  });
});

describe("in the sharer's language, and who recommends it", () => {
  let chen: Person;
  let code: string;
  let tea: { id: string };

  beforeAll(async () => {
    chen = await t.signUp({ name: '陈杰' });
    await t.request('PUT', '/api/me/language', { token: chen.token, body: { language: 'zh-CN' } });
    tea = (await createProduct(t, { title: '茉莉花茶', price: 6800 })).product;
    code = (await share(chen, { productId: tea.id })).json<ShareLink>().code;
  });

  it("tells the landing page who recommends the item, masked, in the sharer's language", async () => {
    const res = await t.request('GET', `/api/share-links/${code}/sharer`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      code,
      name: '陈*',
      initial: '陈',
      language: 'zh-CN',
      targetType: 'product',
      targetId: tea.id,
    });
    const page = await t.request('GET', `/products/${tea.id}?ref=${code}`);
    expect(page.body).toContain('<meta property="og:description" content="陈* 推荐 · 茉莉花茶">');
    expect(page.body).toContain('<meta property="og:locale" content="zh_CN">');
    // A code of another item recommends nothing here.
    const other = await t.request('GET', `/products/${product.id}?ref=${code}`);
    expect(other.body).not.toContain('陈*');
    const unknown = await t.request('GET', '/api/share-links/ZZZZZZZZZ/sharer');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ reason: 'share_link_not_found', params: { code: 'ZZZZZZZZZ' } });
  });

  it("draws the poster and preview in the sharer's language, cached by content whatever the Host", async () => {
    const en = await t.request(
      'GET',
      `/api/share-links/${(await share(promoter, { productId: tea.id })).json<ShareLink>().code}/poster.png`,
    );
    const zh = await t.request('GET', `/api/share-links/${code}/poster.png`, {
      headers: { host: 'evil.example' },
    });
    const again = await t.request('GET', `/api/share-links/${code}/poster.png`, {
      headers: { host: 'other.example' },
    });
    expect(zh.statusCode).toBe(200);
    expect(zh.headers.etag).toBe(again.headers.etag);
    expect(zh.headers.etag).not.toBe(en.headers.etag);
    expect(zh.rawPayload.equals(en.rawPayload)).toBe(false);
    const preview = (ref?: string) =>
      t.request('GET', `/api/share-previews/product/${tea.id}/image.png${ref ? `?ref=${ref}` : ''}`);
    const [plain, recommended] = [await preview(), await preview(code)];
    expect(plain.statusCode).toBe(200);
    expect(recommended.headers.etag).not.toBe(plain.headers.etag);
    // A changed price is drawn at once: the key is what is drawn, not the link or the page.
    await t.db.query('UPDATE variants SET price = 5900 WHERE product_id = $1', [tea.id]);
    expect((await preview(code)).headers.etag).not.toBe(recommended.headers.etag);
    const cheaper = await t.request('GET', `/api/share-links/${code}/poster.png`);
    expect(cheaper.headers.etag).not.toBe(zh.headers.etag);
    // The sharer's own poster carries their name; a stranger opening its address sees it masked.
    const own = await t.request('GET', `/api/share-links/${code}/poster.png`, { token: chen.token });
    expect(own.statusCode).toBe(200);
    expect(own.headers.etag).not.toBe(cheaper.headers.etag);
    const missing = await t.request('GET', '/api/share-previews/product/nope/image.png');
    expect(missing.json()).toMatchObject({ reason: 'share_target_not_found', params: { targetId: 'nope' } });
  });
});

describe('pages that inject names and titles', () => {
  // Regression: String.replace read `$&`, `$\`` and `$'` in a title as patterns and pasted the page's
  // own HTML into it (`$\`` is everything before the match: the whole head).
  it('escape them and never repeat the page', async () => {
    const nasty = "Tea $& $` $' <script>alert(1)</script>";
    // The masked name keeps the first word whole ("$&$`$'<script> W."): the patterns reach the page.
    const sharer = await t.signUp({ name: "$&$`$'<script> Wu" });
    const { product: p } = await createProduct(t, { title: nasty });
    const { code } = (await share(sharer, { productId: p.id })).json<ShareLink>();
    const page = (await t.request('GET', `/products/${p.id}?ref=${code}`)).body;
    expect(page.match(/<!doctype html>/gi)).toHaveLength(1);
    expect(page.match(/<head>/g)).toHaveLength(1);
    expect(page.match(/<\/head>/g)).toHaveLength(1);
    expect(page).not.toContain('<script>');
    expect(page).toContain(
      '<title>Tea $&amp; $` $&#39; &lt;script&gt;alert(1)&lt;/script&gt; · Fission</title>',
    );
    expect(page).toContain('content="$&amp;$`$&#39;&lt;script&gt; W. recommends this · Tea $&amp;');
  });
});

describe('sharing refusals', () => {
  it('say why, with typed params', async () => {
    const none = await share(promoter, {});
    expect(none.json()).toMatchObject({ reason: 'share_target_one_required', params: { named: 0 } });
    const missing = await share(promoter, { productId: 'no-such-product' });
    expect(missing.json()).toMatchObject({
      reason: 'share_target_not_found',
      params: { targetType: 'product', targetId: 'no-such-product' },
    });
    // Posts are shareable now that the posts module registers them: an unknown one is not found.
    const post = await share(promoter, { postId: 'p1' });
    expect(post.statusCode).toBe(404);
    expect(post.json()).toMatchObject({
      reason: 'share_target_not_found',
      params: { targetType: 'post', targetId: 'p1' },
    });
    const { code } = (await share(promoter, { productId: product.id })).json<ShareLink>();
    const theirs = await t.request('GET', `/api/share-links/${code}/stats`, { token: stranger.token });
    expect(theirs.json()).toMatchObject({ reason: 'share_link_not_found', params: { code } });
    const poster = await t.request('GET', '/api/share-links/ZZZZZZZZZ/poster.png');
    expect(poster.json()).toMatchObject({ reason: 'share_link_not_found' });
  });
});

describe('rate limits', () => {
  it('limits how fast one person makes links', async () => {
    const limited = await createTestApp({ RATE_LIMITS: 'on' });
    try {
      const person = await limited.signUp();
      const codes: number[] = [];
      for (let i = 0; i < 31; i++) {
        const { product: p } = await createProduct(limited);
        const res = await limited.request('POST', '/api/share-links', {
          token: person.token,
          body: { productId: p.id },
        });
        codes.push(res.statusCode);
      }
      expect(codes.slice(0, 30).every((c) => c === 201)).toBe(true);
      expect(codes[30]).toBe(429);
      const refused = await limited.request('POST', '/api/share-links', {
        token: person.token,
        body: { productId: 'any' },
      });
      expect(refused.json()).toMatchObject({
        reason: 'share_links_rate_limited',
        params: { max: 30, retryAfterSeconds: expect.any(Number) },
      });
    } finally {
      await limited.close();
    }
  });

  it('limits how fast one address fetches QR codes, posters and previews', async () => {
    const limited = await createTestApp({ RATE_LIMITS: 'on' });
    try {
      const person = await limited.signUp();
      const { product: p } = await createProduct(limited);
      const { code } = (
        await limited.request('POST', '/api/share-links', { token: person.token, body: { productId: p.id } })
      ).json<ShareLink>();
      const from = (ip: string) => ({ headers: { 'x-forwarded-for': ip } });
      const statuses = [];
      for (let i = 0; i < 121; i++)
        statuses.push(
          (await limited.request('GET', `/api/share-links/${code}/qr.svg`, from('198.51.100.7'))).statusCode,
        );
      expect(statuses.slice(0, 120).every((c) => c === 200)).toBe(true);
      expect(statuses[120]).toBe(429);
      // Another address is not held back.
      expect(
        (await limited.request('GET', `/api/share-links/${code}/qr.svg`, from('198.51.100.8'))).statusCode,
      ).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
