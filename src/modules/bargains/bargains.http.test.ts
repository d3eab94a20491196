import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { errorPaths, expectProblem } from '../../../test/support/problem.js';
import { RACE } from '../../../test/support/races.js';
import { createProduct, expectLedgerSound, placePaidOrder } from '../../../test/support/shop.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import type { Order } from '../orders/index.js';
import { cutSchedule } from './rules.js';
import type { Bargain } from './schemas.js';

/** API.md, bargains: a seeded cut schedule that ends exactly at the floor, one help per friend. */
let t: TestApp;
let admin: string;
type Person = Awaited<ReturnType<TestApp['signUp']>>;
const DAY = 86_400_000;

beforeAll(async () => {
  t = await createTestApp();
  admin = (await t.signInAdmin()).token;
});
afterEach(() => expectLedgerSound(t));
afterAll(() => t.close());

async function campaign(body: Record<string, unknown> = {}) {
  const { product, variantId } = await createProduct(t, { price: 10_000, stock: 20 });
  const res = await t.request('POST', '/api/admin/bargains', {
    token: admin,
    body: { variantId, floorPrice: 1_000, helpersNeeded: 3, durationMinutes: 60, ...body },
  });
  expect(res.statusCode, res.body).toBe(201);
  return { campaignId: res.json<{ id: string }>().id, variantId, product };
}

const start = (person: Person, campaignId: string, headers: Record<string, string> = {}) =>
  t.request('POST', '/api/bargains', { token: person.token, body: { campaignId }, headers });

async function started(person: Person, campaignId: string, headers: Record<string, string> = {}) {
  const res = await start(person, campaignId, headers);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Bargain>();
}

const help = (person: Person, bargainId: string, headers: Record<string, string> = {}) =>
  t.request('POST', `/api/bargains/${bargainId}/helps`, { token: person.token, headers });

const friends = (n: number, prefix = 'Friend') =>
  Promise.all(Array.from({ length: n }, (_, i) => t.signUp({ name: `${prefix} ${i + 1} Lee` })));

const orderBargain = (person: Person, bargainId: string, variantId: string, extra = {}) =>
  t.request('POST', '/api/orders', {
    token: person.token,
    body: { items: [{ variantId, quantity: 1 }], bargain: { bargainId }, ...extra },
  });

describe('POST /api/admin/bargains', () => {
  it('refuses terms that cannot end exactly at the floor (400 with the field) and anyone but an admin', async () => {
    const { variantId } = await createProduct(t, { price: 10_000, stock: 5 });
    const cases: [Record<string, unknown>, string][] = [
      [{ floorPrice: 10_000 }, '/floorPrice'],
      [{ floorPrice: 9_999 }, '/helpersNeeded'],
      [{ helpersNeeded: 1 }, '/helpersNeeded'],
      [{ helpersNeeded: 51 }, '/helpersNeeded'],
      [{ durationMinutes: 0 }, '/durationMinutes'],
      [{ minCut: 5_000 }, '/minCut'],
      [{ maxCut: 100 }, '/maxCut'],
      [{ floorPrice: -1 }, '/floorPrice'],
    ];
    for (const [patch, path] of cases) {
      const res = await t.request('POST', '/api/admin/bargains', {
        token: admin,
        body: { variantId, floorPrice: 1_000, helpersNeeded: 3, durationMinutes: 60, ...patch },
      });
      expect(errorPaths(expectProblem(res, 400)), JSON.stringify(patch)).toContain(path);
    }
    const body = { variantId: 'nope', floorPrice: 1, helpersNeeded: 2, durationMinutes: 60 };
    expectProblem(await t.request('POST', '/api/admin/bargains', { token: admin, body }), 404);
    const buyer = await t.signUp();
    expectProblem(await t.request('POST', '/api/admin/bargains', { token: buyer.token, body }), 403);
  });
});

describe('a bargain', () => {
  it('starts at the variant’s price and reaches the floor after exactly helpersNeeded helps', async () => {
    const { campaignId, product } = await campaign();
    const listed = (await t.request('GET', '/api/bargain-campaigns')).json<{ items: { id: string }[] }>();
    expect(listed.items.map((c) => c.id)).toContain(campaignId);
    const me = await t.signUp({ name: 'Starter Wang' });
    const bargain = await started(me, campaignId);
    expect(bargain).toMatchObject({
      campaignId,
      price: 10_000,
      startPrice: 10_000,
      floorPrice: 1_000,
      helpersNeeded: 3,
      helps: [],
      status: 'open',
      mine: true,
      product: { id: product.id },
    });
    // The schedule is disclosed and reproducible from its seed.
    const { seed, cuts } = bargain.schedule;
    expect(cutSchedule({ seed, startPrice: 10_000, floorPrice: 1_000, helpers: 3 })).toEqual(cuts);

    const [f1, f2, f3, f4] = await friends(4);
    let price = 10_000;
    for (const [k, friend] of [f1, f2, f3].entries()) {
      const res = await help(friend!, bargain.id);
      expect(res.statusCode, res.body).toBe(201);
      const { cut } = res.json<{ cut: number; price: number }>();
      expect(cut).toBe(cuts[k]);
      expect(cut).toBeGreaterThanOrEqual(1);
      price -= cut;
      expect(res.json()).toMatchObject({ price, status: k === 2 ? 'succeeded' : 'open' });
    }
    expect(price).toBe(1_000);
    const after = (
      await t.request('GET', `/api/bargains/${bargain.id}`, { token: f1!.token })
    ).json<Bargain>();
    expect(after).toMatchObject({
      price: 1_000,
      status: 'succeeded',
      mine: false,
      helpedByYou: true,
      orderId: null,
    });
    // Helpers by masked name, never their ids.
    expect(after.helps.map((h) => h.user.name)).toEqual(['Friend L.', 'Friend L.', 'Friend L.']);
    expect(JSON.stringify(after)).not.toContain(f1!.user.id);
    const finished = expectProblem(await help(f4!, bargain.id), 409);
    expect(finished).toMatchObject({ reason: 'bargain_finished', params: { status: 'succeeded' } });
  });

  it('refuses the starter helping (422), a second help (409), a second open bargain (409)', async () => {
    const { campaignId } = await campaign();
    const me = await t.signUp();
    const bargain = await started(me, campaignId);
    expect(expectProblem(await help(me, bargain.id), 422).reason).toBe('bargain_own');
    const [friend] = await friends(1);
    expect((await help(friend!, bargain.id)).statusCode).toBe(201);
    expect(expectProblem(await help(friend!, bargain.id), 409).reason).toBe('bargain_already_helped');
    const again = expectProblem(await start(me, campaignId), 409);
    expect(again).toMatchObject({ reason: 'bargain_already_open', params: { bargainId: bargain.id } });
    expectProblem(await t.request('POST', '/api/bargains/nope/helps', { token: friend!.token }), 404);
    expectProblem(await start(me, 'nope'), 404);
    expectProblem(await t.request('POST', `/api/bargains/${bargain.id}/helps`), 401);
  });

  it(`gives racing helpers each their own cut, never past the floor ${RACE}`, async () => {
    const { campaignId } = await campaign({ helpersNeeded: 5, floorPrice: 5_000 });
    const me = await t.signUp();
    const bargain = await started(me, campaignId);
    const crowd = await friends(12, 'Crowd');
    const answers = await Promise.all(crowd.map((f) => help(f, bargain.id)));
    const codes = answers.map((a) => a.statusCode).sort();
    expect(codes.filter((c) => c === 201)).toHaveLength(5);
    expect(codes.filter((c) => c === 409)).toHaveLength(7);
    const cuts = answers.filter((a) => a.statusCode === 201).map((a) => a.json<{ cut: number }>().cut);
    expect(cuts.sort()).toEqual([...bargain.schedule.cuts].sort());
    const after = (await t.request('GET', `/api/bargains/${bargain.id}`)).json<Bargain>();
    expect(after.price).toBe(5_000);
    expect(after.helps).toHaveLength(5);
  });

  it('expires at its deadline: no more help, no order, and a new bargain may start', async () => {
    const { campaignId, variantId } = await campaign({ durationMinutes: 5 });
    const me = await t.signUp();
    const bargain = await started(me, campaignId);
    t.clock.advance(5 * 60_000);
    const [friend] = await friends(1);
    expect(expectProblem(await help(friend!, bargain.id), 409).params).toMatchObject({ status: 'expired' });
    expect(expectProblem(await orderBargain(me, bargain.id, variantId), 409).reason).toBe('bargain_expired');
    expect((await t.request('GET', `/api/bargains/${bargain.id}`)).json<Bargain>().status).toBe('expired');
    expect((await start(me, campaignId)).statusCode).toBe(201);
  });
});

describe('POST /api/orders with bargain', () => {
  it('charges the price reached, once; a cancelled order frees the bargain; others may not buy it', async () => {
    const { campaignId, variantId } = await campaign({ helpersNeeded: 2 });
    const me = await t.signUp();
    const bargain = await started(me, campaignId);
    const [friend, stranger] = await friends(2);
    const cut = (await help(friend!, bargain.id)).json<{ price: number }>();

    expect(expectProblem(await orderBargain(stranger!, bargain.id, variantId), 422).reason).toBe(
      'bargain_not_yours',
    );
    const two = await t.request('POST', '/api/orders', {
      token: me.token,
      body: { items: [{ variantId, quantity: 2 }], bargain: { bargainId: bargain.id } },
    });
    expect(expectProblem(two, 400).reason).toBe('bargain_single_item');
    const withCoupon = expectProblem(await orderBargain(me, bargain.id, variantId, { couponId: 'x' }), 400);
    expect(errorPaths(withCoupon)).toEqual(['/couponId']);

    const first = await orderBargain(me, bargain.id, variantId);
    expect(first.statusCode, first.body).toBe(201);
    const order = first.json<Order>();
    expect(order.subtotal).toBe(cut.price);
    // Helps stop once the starter bought at the price reached.
    const late = await t.signUp();
    expect(expectProblem(await help(late, bargain.id), 409).params).toMatchObject({ status: 'ordered' });
    expect(expectProblem(await orderBargain(me, bargain.id, variantId), 409).reason).toBe(
      'bargain_already_ordered',
    );
    const cancelled = await t.request('POST', `/api/orders/${order.id}/cancel`, { token: me.token });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    const second = await orderBargain(me, bargain.id, variantId);
    expect(second.statusCode, second.body).toBe(201);
    const paid = await t.request('POST', `/api/payments/sandbox/${second.json<Order>().id}/succeed`, {
      token: me.token,
    });
    expect(paid.statusCode).toBe(200);
    const mine = (await t.request('GET', '/api/me/bargains', { token: me.token })).json<{
      items: Bargain[];
    }>();
    expect(mine.items[0]).toMatchObject({ id: bargain.id, orderId: second.json<Order>().id });
    // Someone else sees no order id.
    const seen = (
      await t.request('GET', `/api/bargains/${bargain.id}`, { token: stranger!.token })
    ).json<Bargain>();
    expect(seen.orderId).toBeNull();
  });
});

describe('helpers made only to help', () => {
  it('are flagged to the operator: new accounts without orders, a shared device', async () => {
    const { campaignId, variantId } = await campaign({ helpersNeeded: 4 });
    const me = await t.signUp({ name: 'Flag Starter' });
    const bargain = await started(me, campaignId, { cookie: 'fission_device=dev-starter-1' });
    // A seasoned friend: an account older than a week with a paid order, on their own device.
    const seasoned = await t.signUp({ name: 'Seasoned Friend' });
    await placePaidOrder(t, seasoned.token, variantId);
    t.clock.advance(8 * DAY);
    const fresh = await t.signUp({ name: 'Fresh Account' });
    const sockPuppet = await t.signUp({ name: 'Sock Puppet' });
    await placePaidOrder(t, sockPuppet.token, variantId);
    const bargain2 = await started(me, (await campaign({ helpersNeeded: 4 })).campaignId, {
      cookie: 'fission_device=dev-starter-1',
    });
    for (const [person, device] of [
      [seasoned, 'dev-seasoned'],
      [fresh, 'dev-fresh'],
      [sockPuppet, 'dev-starter-1'],
    ] as const)
      expect((await help(person, bargain2.id, { cookie: `fission_device=${device}` })).statusCode).toBe(201);
    expect(bargain.id).not.toBe(bargain2.id);

    const flagged = await t.request('GET', '/api/admin/bargain-helps/flagged', { token: admin });
    expect(flagged.statusCode, flagged.body).toBe(200);
    const items = flagged
      .json<{ items: { helper: { name: string }; signals: string[]; bargainId: string }[] }>()
      .items.filter((i) => i.bargainId === bargain2.id);
    expect(items.map((i) => [i.helper.name, i.signals]).sort()).toEqual([
      ['Fresh Account', ['new_account', 'no_orders']],
      ['Sock Puppet', ['new_account', 'starter_device']],
    ]);
    const campaigns = await t.request('GET', '/api/admin/bargains', { token: admin });
    const row = campaigns.json<{ items: { id: string; figures: Record<string, number> }[] }>().items;
    expect(row.find((c) => c.id === bargain2.campaignId)?.figures).toEqual({
      started: 1,
      succeeded: 0,
      ordered: 0,
      flaggedHelps: 2,
    });
    const buyer = await t.signUp();
    expectProblem(await t.request('GET', '/api/admin/bargain-helps/flagged', { token: buyer.token }), 403);
    expectProblem(
      await t.request('GET', '/api/admin/bargain-helps/flagged?cursor=zzz', { token: admin }),
      400,
    );
  });
});

describe('a closed campaign', () => {
  it('starts no new bargain; open ones keep going', async () => {
    const { campaignId } = await campaign();
    const me = await t.signUp();
    const bargain = await started(me, campaignId);
    const closed = await t.request('POST', `/api/admin/bargains/${campaignId}/close`, { token: admin });
    expect(closed.json()).toMatchObject({ status: 'closed' });
    const other = await t.signUp();
    expect(expectProblem(await start(other, campaignId), 409).reason).toBe('bargain_campaign_closed');
    const [friend] = await friends(1);
    expect((await help(friend!, bargain.id)).statusCode).toBe(201);
    const listed = (await t.request('GET', '/api/bargain-campaigns')).json<{ items: { id: string }[] }>();
    expect(listed.items.map((c) => c.id)).not.toContain(campaignId);
  });
});
