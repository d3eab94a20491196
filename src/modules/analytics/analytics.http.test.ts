import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../../../test/support/problem.js';
import { createProduct, placePaidOrder } from '../../../test/support/shop.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import type { Order } from '../orders/present.js';

/** The dashboard's routes over HTTP, fed by real shares, openings, sign-ups and payments. */
let t: TestApp;
let admin: { token: string };
let today: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signInAdmin();
  today = t.clock.now().toISOString().slice(0, 10);
});
afterAll(() => t.close());

const deviceOf = (res: { headers: Record<string, unknown> }) => {
  const cookies = [res.headers['set-cookie']].flat().map(String);
  const device = cookies.find((c) => c.startsWith('fission_device='));
  return device?.split(';')[0]?.slice('fission_device='.length);
};

/** Someone signs up from a device (the cookie a share link's redirect set). */
async function signUpOn(device: string | undefined, inviteCode?: string) {
  const res = await t.request('POST', '/api/auth/register', {
    headers: device ? { cookie: `fission_device=${device}` } : {},
    body: {
      email: `visitor-${Math.random().toString(36).slice(2, 10)}@example.com`,
      password: 'correct horse battery',
      name: 'Visitor',
      ...(inviteCode ? { inviteCode } : {}),
    },
  });
  expect(res.statusCode).toBe(201);
  return res.json<{ token: string; user: { id: string; inviteCode: string } }>();
}

async function payThroughLink(token: string, variantId: string, shareCode: string) {
  const placed = await t.request('POST', '/api/orders', {
    token,
    body: { items: [{ variantId, quantity: 1 }], shareCode },
  });
  expect(placed.statusCode).toBe(201);
  const order = placed.json<Order>();
  expect((await t.request('POST', `/api/payments/sandbox/${order.id}/succeed`, { token })).statusCode).toBe(
    200,
  );
  return order;
}

async function settle() {
  await t.jobs.runDue();
  await t.services.analytics.refreshRollups();
}

const get = (path: string, token = admin.token) => t.request('GET', path, { token });

describe('overview and funnel', () => {
  it('follow a share from the link to a repeat order', async () => {
    const { product, variantId } = await createProduct(t, { price: 2000, stock: 50 });
    const promoter = await t.signUp();
    // The promoter is a buyer too: their shares count for the K-factor.
    await placePaidOrder(t, promoter.token, variantId);
    const made = await t.request('POST', '/api/share-links', {
      token: promoter.token,
      body: { productId: product.id },
    });
    expect(made.statusCode).toBe(201);
    const code = made.json<{ code: string }>().code;

    // Two people open the link; one signs up from that device and buys twice, the other only looks.
    const first = await t.request('GET', `/s/${code}`);
    const looker = await t.request('GET', `/s/${code}`);
    const device = deviceOf(first);
    expect(device).toBeDefined();
    expect(deviceOf(looker)).not.toBe(device);
    const visitor = await signUpOn(device);
    await payThroughLink(visitor.token, variantId, code);
    await payThroughLink(visitor.token, variantId, code);
    // Someone who signs up without opening a link is in no step of the funnel.
    const stranger = await signUpOn(undefined);
    await placePaidOrder(t, stranger.token, variantId);
    await settle();

    const funnel = await get(`/api/admin/analytics/funnel?from=${today}&to=${today}`);
    expect(funnel.statusCode).toBe(200);
    expect(funnel.json<{ steps: unknown[] }>().steps).toEqual([
      { step: 'visit', count: 2 },
      { step: 'signup', count: 1 },
      { step: 'first_order', count: 1 },
      { step: 'repeat_order', count: 1 },
    ]);

    const overview = await get('/api/admin/analytics/overview');
    expect(overview.statusCode).toBe(200);
    const o = overview.json<Record<string, number>>();
    expect(o).toMatchObject({
      gmv: 4 * 2000,
      orders: 4,
      buyers: 3,
      newBuyers: 3,
      sharedGmv: 2 * 2000,
      sharedOrders: 2,
      shareLinks: 1,
      shareClicks: 2,
      averageOrderValue: 2000,
    });
    expect(o.commissionsEarned).toBeGreaterThan(0);
    // One referrer (the promoter, a buyer who shared) brought one new buyer.
    expect(o.kFactor).toBe(1);

    // A full refund takes the order's GMV and its commission back out.
    const orders = await t.request('GET', '/api/me/orders', { token: visitor.token });
    const refundedId = orders.json<{ items: Order[] }>().items[0]?.id;
    expect(
      (await t.request('POST', `/api/admin/orders/${refundedId}/refund`, { token: admin.token })).statusCode,
    ).toBe(200);
    await settle();
    const after = (await get('/api/admin/analytics/overview')).json<Record<string, number>>();
    expect(after.gmv).toBe(3 * 2000);
    expect(after.sharedGmv).toBe(2000);
    expect(after.commissionsEarned).toBeLessThan(o.commissionsEarned as number);

    const daily = await get(`/api/admin/analytics/daily?from=${today}&to=${today}`);
    expect(daily.statusCode).toBe(200);
    const [day] = daily.json<{ days: Record<string, unknown>[] }>().days;
    expect(day).toMatchObject({ day: today, gmv: 3 * 2000, orders: 4, refunds: 2000, shareClicks: 2 });
    expect(day?.byChannel).toContainEqual({ channel: 'share', gmv: 2000, orders: 2 });
    expect(day?.byChannel).toContainEqual({ channel: 'direct', gmv: 4000, orders: 2 });

    const fission = await get(`/api/admin/analytics/fission?from=${today}&to=${today}`);
    expect(fission.statusCode).toBe(200);
    const f = fission.json<{ weeks: Record<string, unknown>[]; generations: Record<string, unknown>[] }>();
    expect(f.weeks).toEqual([expect.objectContaining({ week: today, referrers: 1, brought: 1, kFactor: 1 })]);
    // Everyone here signed up uninvited: generation 0; of them the promoter, the visitor and the stranger bought.
    expect(f.generations[0]).toMatchObject({ generation: 0, firstOrder: 3, repeatOrder: 1 });

    const csv = await get(`/api/admin/analytics/daily.csv?from=${today}&to=${today}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body).toContain(`${today},6000,4,`);
    const funnelCsv = await get(`/api/admin/analytics/funnel.csv?from=${today}&to=${today}`);
    expect(funnelCsv.body).toContain('visit,2');
  });

  it('an invited sign-up counts for the K-factor of its inviter', async () => {
    const later = new Date(t.clock.now().getTime() + 40 * 86_400_000).toISOString().slice(0, 10);
    t.clock.advance(40 * 86_400_000);
    // Sessions expire in 30 days: the operator signs in again.
    admin = await t.signInAdmin();
    const { variantId } = await createProduct(t, { price: 1500, stock: 10 });
    const inviter = await t.signUp();
    await placePaidOrder(t, inviter.token, variantId);
    const invitee = await signUpOn(undefined, inviter.user.inviteCode);
    await placePaidOrder(t, invitee.token, variantId);
    // Invited but not yet buying: the inviter stays one referrer, and the new buyers are two.
    await signUpOn(undefined, inviter.user.inviteCode);
    await settle();
    const o = (await get(`/api/admin/analytics/overview?from=${later}&to=${later}`)).json<
      Record<string, number>
    >();
    expect(o).toMatchObject({ orders: 2, newBuyers: 2, kFactor: 1, shareLinks: 0, sharedOrders: 0 });
  });
});

describe('business metrics', () => {
  it('count what the tests above did: orders and GMV, refunds, redirects, the job queue', async () => {
    await t.jobs.runDue();
    const res = await t.request('GET', '/metrics');
    expect(res.statusCode).toBe(200);
    const value = (name: string, labels = '') =>
      Number(new RegExp(`^${name}${labels.replace(/[{}]/g, '\\$&')} (\\S+)$`, 'm').exec(res.body)?.[1]);
    // Six orders paid above (four of 20.00, two of 15.00), one refunded in full, two link openings.
    expect(value('fission_orders_paid_total')).toBe(6);
    expect(value('fission_gmv_minor_total')).toBe(4 * 2000 + 2 * 1500);
    expect(value('fission_refunds_minor_total')).toBe(2000);
    expect(value('fission_share_redirects_total')).toBe(2);
    expect(value('fission_commissions_earned_minor_total')).toBeGreaterThan(0);
    expect(value('fission_jobs_backlog', '{state="due"}')).toBe(0);
    expect(value('fission_analytics_events_dropped_total')).toBe(0);
  });
});

describe('periods', () => {
  it.each([
    ['from=2026-02-30&to=2026-03-01', '/from', 'date'],
    ['to=2026-13-01', '/to', 'date'],
    ['from=2026-03-02&to=2026-03-01', '/to', 'afterFrom'],
    ['from=2025-01-01&to=2026-01-03', '/to', 'maxRange'],
  ])('%s is refused with %s %s', async (query, path, rule) => {
    for (const route of ['overview', 'funnel', 'daily', 'fission']) {
      const res = await get(`/api/admin/analytics/${route}?${query}`);
      const problem = expectProblem(res, 400);
      expect(problem.errors).toContainEqual(expect.objectContaining({ path, rule }));
    }
  });

  it('malformed dates and unknown fields are field errors, not 500s', async () => {
    expectProblem(await get('/api/admin/analytics/overview?from=yesterday'), 400);
    expectProblem(await get('/api/admin/analytics/funnel?from=2026-01-01&days=3'), 400);
  });

  it('a whole year is allowed and every day is listed', async () => {
    const res = await get('/api/admin/analytics/daily?from=2024-01-01&to=2024-12-31');
    expect(res.statusCode).toBe(200);
    expect(res.json<{ days: unknown[] }>().days).toHaveLength(366);
  });
});

describe('who may read the dashboard', () => {
  it('admins only: a buyer is 403, nobody signed in 401', async () => {
    const buyer = await t.signUp();
    for (const route of [
      'overview',
      'funnel',
      'daily',
      'fission',
      'daily.csv',
      'funnel.csv',
      'fission.csv',
    ]) {
      expectProblem(await get(`/api/admin/analytics/${route}`, buyer.token), 403);
      expectProblem(await t.request('GET', `/api/admin/analytics/${route}`), 401);
    }
  });
});
