import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../../../test/support/problem.js';
import { createProduct } from '../../../test/support/shop.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import type { Order } from '../orders/present.js';

/**
 * The dashboard's deeper tables over HTTP, fed by the real paths: a share link bought through with a
 * coupon (payback, links, products, coupons), a post read and a live room opened (the event log).
 */
let t: TestApp;
let admin: { token: string };
let today: string;

beforeAll(async () => {
  t = await createTestApp({ LIVE_STREAM_ORIGINS: 'https://video.example.com' });
  admin = await t.signInAdmin();
  today = t.clock.now().toISOString().slice(0, 10);
});
afterAll(() => t.close());

const get = (path: string, token = admin.token) => t.request('GET', path, { token });
const period = () => `from=${today}&to=${today}`;

async function settle() {
  await t.jobs.runDue();
  await t.services.analytics.refreshRollups();
}

async function pay(token: string, body: Record<string, unknown>) {
  const placed = await t.request('POST', '/api/orders', { token, body });
  expect(placed.statusCode, placed.body).toBe(201);
  const order = placed.json<Order>();
  const paid = await t.request('POST', `/api/payments/sandbox/${order.id}/succeed`, { token });
  expect(paid.statusCode).toBe(200);
  return order;
}

describe('the deeper tables', () => {
  it('follow a share link bought through with a coupon into payback, links, products and coupons', async () => {
    const { product, variantId } = await createProduct(t, { title: 'Oolong tin', price: 3000, stock: 50 });
    const coupon = await t.request('POST', '/api/admin/coupons', {
      token: admin.token,
      body: { title: '5 off oolong', kind: 'amount_off', amountOff: 500 },
    });
    expect(coupon.statusCode, coupon.body).toBe(201);
    const templateId = coupon.json<{ id: string }>().id;
    const promoter = await t.signUp();
    const made = await t.request('POST', '/api/share-links', {
      token: promoter.token,
      body: { productId: product.id },
    });
    const code = made.json<{ code: string }>().code;
    for (let i = 0; i < 5; i++) await t.request('GET', `/s/${code}`);
    const buyer = await t.signUp();
    const claimed = await t.request('POST', `/api/coupons/${templateId}/claim`, { token: buyer.token });
    expect(claimed.statusCode, claimed.body).toBe(201);
    const couponId = claimed.json<{ id: string }>().id;
    await pay(buyer.token, { items: [{ variantId, quantity: 1 }], shareCode: code, couponId });
    await settle();

    const promoters = await get(`/api/admin/analytics/promoters?${period()}`);
    expect(promoters.statusCode, promoters.body).toBe(200);
    const p = promoters.json<{
      marginBasis: string;
      promoters: {
        promoter: { id: string; name: string };
        orders: number;
        netSales: number;
        commission: number;
      }[];
      links: {
        code: string;
        openings: number;
        orders: number;
        sales: number;
        target: { id: string; title: string };
      }[];
      teams: { promoter: { id: string }; team: { shape: string; size: number } | null }[];
    }>();
    expect(p.marginBasis).toBe('net_sales');
    const mine = p.promoters.find((x) => x.promoter.id === promoter.user.id);
    expect(mine).toMatchObject({ orders: 1, netSales: 2500 });
    expect(mine?.commission).toBeGreaterThan(0);
    expect(p.links).toContainEqual(
      expect.objectContaining({
        code,
        openings: 5,
        orders: 1,
        sales: 2500,
        target: expect.objectContaining({ id: product.id, title: 'Oolong tin' }),
      }),
    );
    // The structure module drew the promoter's team (the buyer bound to them).
    const team = p.teams.find((x) => x.promoter.id === promoter.user.id);
    expect(team?.team?.size).toBeGreaterThanOrEqual(1);

    const products = (await get(`/api/admin/analytics/products?${period()}`)).json<{
      byShares: {
        product: { id: string; title: string };
        shares: number;
        openings: number;
        orders: number;
      }[];
      byConversion: { product: { id: string }; conversion: number }[];
    }>();
    expect(products.byShares).toContainEqual(
      expect.objectContaining({
        product: { id: product.id, title: 'Oolong tin' },
        shares: 1,
        openings: 5,
        orders: 1,
      }),
    );
    expect(products.byConversion).toContainEqual(
      expect.objectContaining({ product: expect.objectContaining({ id: product.id }), conversion: 0.2 }),
    );

    const incentives = (await get(`/api/admin/analytics/incentives?${period()}`)).json<{
      coupons: {
        template: { id: string; title: string };
        unlocked: number;
        orders: number;
        sales: number;
        cost: number;
      }[];
    }>();
    expect(incentives.coupons).toContainEqual({
      template: { id: templateId, title: '5 off oolong' },
      unlocked: 1,
      orders: 1,
      sales: 2500,
      cost: 500,
      costShare: 0.2,
    });

    const cohorts = await get(`/api/admin/analytics/cohorts?${period()}`);
    expect(cohorts.statusCode).toBe(200);
    // Today's first orders are a cohort too young to measure.
    expect(cohorts.json<{ cohorts: unknown[]; tooYoung: number }>()).toMatchObject({
      cohorts: [],
      tooYoung: 1,
    });

    for (const [route, line] of [
      ['promoters.csv', `link,${code},`],
      ['products.csv', `by_shares,${product.id},Oolong tin,1,5,1,2500`],
      ['incentives.csv', `coupon,${templateId},5 off oolong,1,1,2500,500`],
      ['cohorts.csv', 'week,channel,size'],
    ] as const) {
      const csv = await get(`/api/admin/analytics/${route}?${period()}`);
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-type']).toMatch(/text\/csv/);
      expect(csv.body).toContain(line);
    }
  });

  it('records a post read and a live room opened in the event log, once per viewer and room', async () => {
    const author = await t.signUp();
    const reader = await t.signUp();
    const post = await t.request('POST', '/api/posts', {
      token: author.token,
      body: { body: 'Brewing notes' },
    });
    expect(post.statusCode, post.body).toBe(201);
    const postId = post.json<{ id: string }>().id;
    await t.request('GET', `/api/posts/${postId}`, { token: reader.token });
    await t.request('GET', `/api/posts/${postId}`, { token: author.token }); // the author's own read: no view
    // A host's room, ended: its stream is the replay, sent whole and closed (the real route).
    expect((await t.request('POST', '/api/shopkeepers', { token: author.token })).statusCode).toBe(201);
    const room = await t.request('POST', '/api/live-rooms', {
      token: author.token,
      body: {
        title: 'Tasting',
        startsAt: new Date(t.clock.now().getTime() + 3_600_000).toISOString(),
        streamUrl: 'https://video.example.com/live/tea.m3u8',
      },
    });
    expect(room.statusCode, room.body).toBe(201);
    const roomId = room.json<{ id: string }>().id;
    await t.request('POST', `/api/live-rooms/${roomId}/start`, { token: author.token });
    await t.request('POST', `/api/live-rooms/${roomId}/end`, { token: author.token });
    for (const token of [reader.token, reader.token, undefined])
      expect((await t.request('GET', `/api/live-rooms/${roomId}/events`, { token })).statusCode).toBe(200);
    await settle();
    const rows = await t.db.query<{
      kind: string;
      subject: string;
      user_id: string | null;
      dedupe_key: string | null;
    }>(
      `SELECT kind, subject, user_id, dedupe_key FROM analytics_events WHERE kind IN ('post_viewed', 'live_joined') ORDER BY id`,
    );
    expect(rows.filter((r) => r.kind === 'post_viewed')).toEqual([
      expect.objectContaining({ subject: postId, user_id: reader.user.id }),
    ]);
    const joins = rows.filter((r) => r.kind === 'live_joined');
    expect(joins).toHaveLength(2);
    // No viewer key (an address) is kept in the log.
    expect(joins.every((j) => j.subject === roomId && !j.dedupe_key?.includes('ip:'))).toBe(true);
  });
});

describe('the rollups behind past days', () => {
  it('read a past day from the rollup, and recount it when one of its orders is refunded later', async () => {
    const { variantId } = await createProduct(t, { price: 4100, stock: 5 });
    const buyer = await t.signUp();
    const order = await pay(buyer.token, { items: [{ variantId, quantity: 1 }] });
    const day = t.clock.now().toISOString().slice(0, 10);
    await settle();
    t.clock.advance(3 * 86_400_000);
    admin = await t.signInAdmin();
    const gmvOf = async () =>
      (await get(`/api/admin/analytics/daily?from=${day}&to=${day}`)).json<{ days: { gmv: number }[] }>()
        .days[0]?.gmv;
    const before = (await gmvOf()) as number;
    expect(before).toBeGreaterThanOrEqual(4100);
    const refunded = await t.request('POST', `/api/admin/orders/${order.id}/refund`, { token: admin.token });
    expect(refunded.statusCode).toBe(200);
    await t.jobs.runDue();
    // Until the job's pass the past day is as it was rolled up; the pass recounts that day alone.
    expect(await gmvOf()).toBe(before);
    await t.services.analytics.refreshRollups();
    expect(await gmvOf()).toBe(before - 4100);
  });
});

describe('who may read them, and what periods', () => {
  const ROUTES = ['cohorts', 'promoters', 'products', 'incentives'];
  it('admins only: a buyer is 403, nobody signed in 401', async () => {
    const buyer = await t.signUp();
    for (const route of [...ROUTES, ...ROUTES.map((r) => `${r}.csv`)]) {
      expectProblem(await get(`/api/admin/analytics/${route}`, buyer.token), 403);
      expectProblem(await t.request('GET', `/api/admin/analytics/${route}`), 401);
    }
  });

  it.each([
    ['from=2026-02-30&to=2026-03-01', '/from', 'date'],
    ['from=2026-03-02&to=2026-03-01', '/to', 'afterFrom'],
    ['from=2025-01-01&to=2026-01-03', '/to', 'maxRange'],
  ])('%s is refused with %s %s', async (query, path, rule) => {
    for (const route of [...ROUTES, 'cohorts.csv']) {
      const problem = expectProblem(await get(`/api/admin/analytics/${route}?${query}`), 400);
      expect(problem.errors).toContainEqual(expect.objectContaining({ path, rule }));
    }
  });

  it('unknown fields are field errors', async () => {
    expectProblem(await get('/api/admin/analytics/promoters?limit=3'), 400);
  });
});
