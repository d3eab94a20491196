import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../../../test/support/problem.js';
import { createProduct, placePaidOrder } from '../../../test/support/shop.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import type { Order } from '../orders/present.js';
import type { ShopPreview, Simulation, SimulationInput } from './schemas.js';

/** The `shop` population over HTTP, on a small shop built by hand: its graph, its rates, a run on it. */
let t: TestApp;
let admin: string;
let buyer: string;

const deviceOf = (res: { headers: Record<string, unknown> }) =>
  [res.headers['set-cookie']]
    .flat()
    .map(String)
    .find((c) => c.startsWith('fission_device='))
    ?.split(';')[0]
    ?.slice('fission_device='.length);

async function payThroughLink(token: string, variantId: string, shareCode: string) {
  const placed = await t.request('POST', '/api/orders', {
    token,
    body: { items: [{ variantId, quantity: 1 }], shareCode },
  });
  expect(placed.statusCode, placed.body).toBe(201);
  const id = placed.json<Order>().id;
  expect((await t.request('POST', `/api/payments/sandbox/${id}/succeed`, { token })).statusCode).toBe(200);
}

beforeAll(async () => {
  t = await createTestApp();
  admin = (await t.signInAdmin()).token;
  const { product, variantId } = await createProduct(t, { price: 2000, stock: 50 });
  // The promoter invites two people, buys, and shares a link.
  const promoter = await t.signUp();
  const invitedA = await t.signUp({ inviteCode: promoter.user.inviteCode });
  const invitedB = await t.signUp({ inviteCode: promoter.user.inviteCode });
  buyer = invitedA.token;
  await placePaidOrder(t, promoter.token, variantId);
  const made = await t.request('POST', '/api/share-links', {
    token: promoter.token,
    body: { productId: product.id },
  });
  expect(made.statusCode).toBe(201);
  const code = made.json<{ code: string }>().code;
  // Two devices open it: one signs up there and buys twice through it (a binding), the other only looks.
  const opened = await t.request('GET', `/s/${code}`);
  await t.request('GET', `/s/${code}`);
  const visitor = await t.request('POST', '/api/auth/register', {
    headers: { cookie: `fission_device=${deviceOf(opened)}` },
    body: { email: 'visitor@example.com', password: 'correct horse battery', name: 'Visitor' },
  });
  expect(visitor.statusCode).toBe(201);
  const visitorToken = visitor.json<{ token: string }>().token;
  await payThroughLink(visitorToken, variantId, code);
  await payThroughLink(visitorToken, variantId, code);
  // A stranger buys directly; A follows B (a new friendship) and the promoter (one they had already).
  const stranger = await t.signUp();
  await placePaidOrder(t, stranger.token, variantId);
  for (const followee of [invitedB.user.id, promoter.user.id]) {
    const res = await t.request('POST', `/api/users/${followee}/followers`, { token: invitedA.token });
    expect(res.statusCode).toBe(200);
  }
  await t.jobs.runDue();
  // A week later: each of the three buyers has been a customer for a week.
  t.clock.advance(7 * 86_400_000);
});
afterAll(() => t.close());

const preview = () => t.request('GET', '/api/admin/simulations/shop-population', { token: admin });

describe('GET /api/admin/simulations/shop-population', () => {
  it('counts the shop’s people, friendships and buyers, and measures its rates', async () => {
    const res = await preview();
    expect(res.statusCode, res.body).toBe(200);
    const shop = res.json<ShopPreview>();
    const [users] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
    // The admin, the promoter, the two invited, the visitor and the stranger.
    expect(shop.people).toBe(6);
    expect(users?.n).toBe(6);
    // promoter–A, promoter–B (invitations), visitor–promoter (binding), A–B (follow).
    expect(shop.friendships).toBe(4);
    expect(shop.seedCustomers).toBe(3);
    expect(shop.window.days).toBe(90);
    const { rates } = shop;
    // One of the three buyers shared.
    expect(rates.shareRate).toMatchObject({ value: 3333, source: 'measured', numerator: 1, denominator: 3 });
    // Two visitors; the promoter's link reached their three friends.
    expect(rates.visitRate).toMatchObject({ value: 6667, source: 'measured', numerator: 2, denominator: 3 });
    expect(rates.orderRate).toMatchObject({ value: 5000, source: 'measured', numerator: 1, denominator: 2 });
    // One repeat order over three customer-weeks.
    expect(rates.repeatRate).toMatchObject({ value: 3333, source: 'measured', numerator: 1 });
    expect(rates.repeatRate.denominator).toBeCloseTo(3, 3);
    expect(rates.averageOrderValue).toMatchObject({ value: 2000, source: 'measured' });
    expect(rates.marginBps.source).toBe('default');
  });

  it('is for admins only', async () => {
    expectProblem(await t.request('GET', '/api/admin/simulations/shop-population', { token: buyer }), 403);
    expectProblem(await t.request('GET', '/api/admin/simulations/shop-population'), 401);
  });
});

const shopBody: SimulationInput = {
  scheme: {
    commissionBps: [1000],
    groupBuy: null,
    invitationReward: 0,
    coupon: null,
    policyProfile: 'default',
  },
  population: { kind: 'shop', orderRate: 4000, marginBps: 4000 },
  weeks: 4,
  runs: 10,
  seed: 3,
};

async function untilFinished(id: string): Promise<Simulation> {
  for (;;) {
    const sim = (await t.request('GET', `/api/admin/simulations/${id}`, { token: admin })).json<Simulation>();
    if (sim.status !== 'running') return sim;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('a shop simulation', () => {
  it('runs on the shop’s graph and buyers, with its rates and the overrides', async () => {
    const res = await t.request('POST', '/api/admin/simulations', { token: admin, body: shopBody });
    expect(res.statusCode, res.body).toBe(202);
    const sim = await untilFinished(res.json<{ id: string }>().id);
    expect(sim).toMatchObject({ status: 'done', population: shopBody.population });
    expect(sim.result?.model).toMatchObject({ people: 6, friendships: 4 });
    expect(sim.result?.shop?.seedCustomers).toBe(3);
    expect(sim.result?.shop?.rates.orderRate).toEqual({ value: 4000, source: 'override' });
    expect(sim.result?.shop?.rates.shareRate).toMatchObject({ value: 3333, source: 'measured' });
    // The three buyers order again at the measured rate: repeat orders happen from week 1.
    expect(sim.result?.totals.orders.mean).toBeGreaterThan(0);
    // The worker thread got the same graph, buyers and rates as a run in this thread (the clock runs
    // on meanwhile, so only the customer-weeks behind the repeat rate may differ).
    const inline = await t.services.simulator.runInline(shopBody, null);
    const res2 = await t.request('GET', `/api/admin/simulations/${inline.id}`, { token: admin });
    const { shop: shopHere, ...here } = res2.json<Simulation>().result ?? {};
    const { shop: shopThere, ...there } = sim.result ?? {};
    expect(here).toEqual(there);
    expect(shopHere?.rates.shareRate).toEqual(shopThere?.rates.shareRate);
  });

  it.each([
    ['a rate above 100 %', { kind: 'shop', shareRate: 10_001 }, '/population/shareRate'],
    ['a synthetic field', { kind: 'shop', people: 100 }, '/population'],
    ['an unknown kind', { kind: 'city' }, '/population/kind'],
  ])('refuses %s with 400', async (_, population, path) => {
    const res = await t.request('POST', '/api/admin/simulations', {
      token: admin,
      body: { ...shopBody, population },
    });
    const problem = expectProblem(res, 400);
    expect(problem.errors?.map((e) => e.path).join(' ')).toContain(path);
  });

  it('refuses a non-admin', async () => {
    const res = await t.request('POST', '/api/admin/simulations', { token: buyer, body: shopBody });
    expectProblem(res, 403);
  });
});
