import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { expectProblem } from '../../../test/support/problem.js';
import { describeOnPostgres, POSTGRES_ONLY, RACE } from '../../../test/support/races.js';
import { createProduct, expectLedgerSound, stockOf } from '../../../test/support/shop.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import type { Order } from '../orders/index.js';
import type { Community, Membership } from './schemas.js';

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = (await t.signInAdmin()).token;
});
afterAll(() => t.close());

type Session = Awaited<ReturnType<TestApp['signUp']>>;

async function newLeader(): Promise<Session> {
  const session = await t.signUp({ name: 'Leader Li' });
  const res = await t.request('POST', '/api/leaders', { token: session.token });
  expect(res.statusCode, res.body).toBe(201);
  return { ...session, token: session.token };
}

async function openCommunity(token: string, body: Record<string, unknown> = {}): Promise<Community> {
  const res = await t.request('POST', '/api/communities', {
    token,
    body: {
      name: 'Sunny Garden',
      pickupPoint: {
        name: 'Gate 2 kiosk',
        address: '88 Wensan Road, Hangzhou',
        openingHours: '9:00–20:00',
        location: { lat: 30.28, lng: 120.13 },
      },
      description: 'Neighbours of Sunny Garden',
      ...body,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Community>();
}

async function join(token: string, communityId: string) {
  const res = await t.request('POST', `/api/communities/${communityId}/members`, { token });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Membership>();
}

async function placePickup(token: string, communityId: string, variantId: string, quantity = 1) {
  return t.request('POST', '/api/orders', {
    token,
    body: { items: [{ variantId, quantity }], pickup: { communityId } },
  });
}

async function pay(token: string, orderId: string): Promise<Order> {
  const res = await t.request('POST', `/api/payments/sandbox/${orderId}/succeed`, { token });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Order>();
}

/** A leader's community, a neighbour who joined it, and a paid pickup order of theirs. */
async function paidPickup(quantity = 1) {
  const leader = await newLeader();
  const community = await openCommunity(leader.token);
  const neighbour = await t.signUp({ name: 'Neighbour Wang' });
  await join(neighbour.token, community.id);
  const { variantId } = await createProduct(t, { price: 3900, stock: 20 });
  const placed = await placePickup(neighbour.token, community.id, variantId, quantity);
  expect(placed.statusCode, placed.body).toBe(201);
  const order = await pay(neighbour.token, placed.json<Order>().id);
  return { leader, community, neighbour, variantId, order };
}

const verify = (token: string, communityId: string, code: string) =>
  t.request('POST', `/api/communities/${communityId}/pickups`, { token, body: { code } });

describe('POST /api/leaders', () => {
  it('gives the role at once, as shopkeepers get theirs; asking twice is harmless', async () => {
    const { token, user } = await t.signUp();
    const res = await t.request('POST', '/api/leaders', { token });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: 'approved', user: { id: user.id, roles: ['leader'] } });
    expect((await t.request('POST', '/api/leaders', { token })).statusCode).toBe(201);
    expect((await t.request('GET', '/api/me', { token })).json<{ roles: string[] }>().roles).toEqual([
      'leader',
    ]);
    expect((await t.request('GET', '/api/me/leader', { token })).json()).toMatchObject({
      status: 'approved',
    });
  });

  it('401 without a token', async () => {
    expectProblem(await t.request('POST', '/api/leaders'), 401);
  });

  it('with LEADER_APPROVAL on, waits for the operator, who approves or rejects in the console', async () => {
    const strict = await createTestApp({ LEADER_APPROVAL: 'on' });
    try {
      const operator = (await strict.signInAdmin()).token;
      const a = await strict.signUp();
      const asked = await strict.request('POST', '/api/leaders', { token: a.token });
      expect(asked.statusCode).toBe(201);
      expect(asked.json()).toMatchObject({ status: 'pending', user: { roles: [] } });
      const early = await strict.request('POST', '/api/communities', {
        token: a.token,
        body: { name: 'X', pickupPoint: { name: 'Y', address: 'Z' } },
      });
      expect(expectProblem(early, 403).reason).toBe('leader_approval_pending');
      const queue = await strict.request('GET', '/api/admin/leaders?status=pending', { token: operator });
      expect(queue.json<{ items: { userId: string }[] }>().items.map((i) => i.userId)).toContain(a.user.id);
      const approved = await strict.request('POST', `/api/admin/leaders/${a.user.id}/approve`, {
        token: operator,
      });
      expect(approved.json()).toMatchObject({ status: 'approved', user: { roles: ['leader'] } });

      const b = await strict.signUp();
      await strict.request('POST', '/api/leaders', { token: b.token });
      const rejected = await strict.request('POST', `/api/admin/leaders/${b.user.id}/reject`, {
        token: operator,
        body: { reason: 'Please add your pickup point first' },
      });
      expect(rejected.json()).toMatchObject({
        status: 'rejected',
        rejectReason: 'Please add your pickup point first',
      });
      expect((await strict.request('GET', '/api/me/leader', { token: b.token })).json()).toMatchObject({
        status: 'rejected',
        reason: 'Please add your pickup point first',
      });
      const plain = await strict.signUp();
      expectProblem(await strict.request('GET', '/api/admin/leaders', { token: plain.token }), 403);
    } finally {
      await strict.close();
    }
  });
});

describe('POST /api/communities', () => {
  it('a leader opens a community with a pickup point; anyone reads it', async () => {
    const leader = await newLeader();
    const community = await openCommunity(leader.token);
    expect(community).toMatchObject({
      name: 'Sunny Garden',
      leader: { id: leader.user.id },
      pickupPoint: {
        name: 'Gate 2 kiosk',
        openingHours: '9:00–20:00',
        location: { lat: 30.28, lng: 120.13 },
      },
      cutoffTime: '20:00',
      membersCount: 0,
      viewer: { leader: true, member: false },
    });
    const seen = await t.request('GET', `/api/communities/${community.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json<Community>().viewer).toEqual({ member: false, leader: false, helper: false });
    const listed = await t.request('GET', `/api/communities?leaderId=${leader.user.id}`);
    expect(listed.json<{ items: Community[] }>().items.map((c) => c.id)).toEqual([community.id]);
  });

  it('the API.md body alone (name and pickup point name and address) is enough', async () => {
    const leader = await newLeader();
    const res = await t.request('POST', '/api/communities', {
      token: leader.token,
      body: { name: 'Lakeside', pickupPoint: { name: 'Shop 3', address: '1 Lake Road' } },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<Community>().pickupPoint).toEqual({
      name: 'Shop 3',
      address: '1 Lake Road',
      openingHours: null,
      location: null,
    });
  });

  it('403 leader_required for someone who is not a leader; 400 for a bad pickup point', async () => {
    const buyer = await t.signUp();
    const res = await t.request('POST', '/api/communities', {
      token: buyer.token,
      body: { name: 'X', pickupPoint: { name: 'Y', address: 'Z' } },
    });
    expect(expectProblem(res, 403).reason).toBe('leader_required');
    const leader = await newLeader();
    const bad = await t.request('POST', '/api/communities', {
      token: leader.token,
      body: { name: 'X', pickupPoint: { name: 'Y', address: 'Z', location: { lat: 91, lng: 0 } } },
    });
    expectProblem(bad, 400);
  });

  it('only its leader edits it: anyone else gets 404', async () => {
    const leader = await newLeader();
    const community = await openCommunity(leader.token);
    const other = await newLeader();
    expectProblem(
      await t.request('PATCH', `/api/communities/${community.id}`, {
        token: other.token,
        body: { name: 'Mine' },
      }),
      404,
    );
    const edited = await t.request('PATCH', `/api/communities/${community.id}`, {
      token: leader.token,
      body: { name: 'Sunny Garden East', cutoffTime: '18:30' },
    });
    expect(edited.json<Community>()).toMatchObject({ name: 'Sunny Garden East', cutoffTime: '18:30' });
  });
});

describe('POST /api/communities/:id/members', () => {
  it('joins (idempotent), shows the member their community, and leaves', async () => {
    const leader = await newLeader();
    const community = await openCommunity(leader.token);
    const neighbour = await t.signUp();
    expect(await join(neighbour.token, community.id)).toEqual({
      communityId: community.id,
      member: true,
      membersCount: 1,
      leftCommunityId: null,
    });
    expect((await join(neighbour.token, community.id)).membersCount).toBe(1);
    const mine = await t.request('GET', '/api/me/community', { token: neighbour.token });
    expect(mine.json<{ community: Community }>().community).toMatchObject({
      id: community.id,
      membersCount: 1,
      viewer: { member: true },
    });
    const left = await t.request('DELETE', `/api/communities/${community.id}/members`, {
      token: neighbour.token,
    });
    expect(left.json()).toMatchObject({ member: false, membersCount: 0 });
    expect((await t.request('GET', '/api/me/community', { token: neighbour.token })).json()).toEqual({
      community: null,
    });
  });

  it('a person belongs to one community: joining another moves them', async () => {
    const first = await openCommunity((await newLeader()).token);
    const second = await openCommunity((await newLeader()).token);
    const neighbour = await t.signUp();
    await join(neighbour.token, first.id);
    expect((await join(neighbour.token, second.id)).leftCommunityId).toBe(first.id);
    expect((await t.request('GET', `/api/communities/${first.id}`)).json<Community>().membersCount).toBe(0);
  });

  it('404 for an unknown community; 401 without a token', async () => {
    const neighbour = await t.signUp();
    expectProblem(await t.request('POST', '/api/communities/nope/members', { token: neighbour.token }), 404);
    expectProblem(await t.request('POST', '/api/communities/nope/members'), 401);
  });
});

describe('pickup orders', () => {
  it('API.md: a member’s pickup order gets its code once paid; the leader’s code check completes it', async () => {
    const { leader, community, neighbour, order } = await paidPickup();
    expect(order.status).toBe('paid');
    expect(order.address).toBeNull();
    expect(order.shippingFee).toBe(0);
    expect(order.pickupCode).toMatch(/^\d{8}$/);
    expect(order.pickup).toMatchObject({
      communityId: community.id,
      status: 'awaiting_collection',
      pickupPoint: { name: 'Gate 2 kiosk' },
    });
    const seen = await t.request('GET', `/api/orders/${order.id}`, { token: neighbour.token });
    expect(seen.json<Order>().pickupCode).toBe(order.pickupCode);
    // What leader commission and trust will start from: the order's community and its leader.
    expect(await t.services.communities.pickups.communityOfOrder(t.db, order.id)).toMatchObject({
      communityId: community.id,
      leaderId: leader.user.id,
      buyerId: neighbour.user.id,
      status: 'awaiting_collection',
    });

    const res = await verify(leader.token, community.id, order.pickupCode as string);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      id: order.id,
      status: 'completed',
      pickupCode: order.pickupCode,
      buyer: { id: neighbour.user.id, name: 'Neighbour Wang' },
      pickup: { status: 'collected' },
    });
    const after = (
      await t.request('GET', `/api/orders/${order.id}`, { token: neighbour.token })
    ).json<Order>();
    expect(after.status).toBe('completed');
    expect(after.timeline.at(-1)).toMatchObject({
      status: 'completed',
      note: 'collected at the pickup point',
    });
    await expectLedgerSound(t);
  });

  it('has no code before payment, and the code is typed with spaces as it is read out', async () => {
    const leader = await newLeader();
    const community = await openCommunity(leader.token);
    const neighbour = await t.signUp();
    await join(neighbour.token, community.id);
    const { variantId } = await createProduct(t);
    const placed = await placePickup(neighbour.token, community.id, variantId);
    expect(placed.json<Order>()).toMatchObject({ pickupCode: null, pickup: { status: 'awaiting_payment' } });
    const paid = await pay(neighbour.token, placed.json<Order>().id);
    const code = paid.pickupCode as string;
    const spaced = `${code.slice(0, 4)} ${code.slice(4)}`;
    expect((await verify(leader.token, community.id, spaced)).statusCode).toBe(200);
  });

  it('refuses a pickup at a community the buyer has not joined (422), and an address with it (400)', async () => {
    const community = await openCommunity((await newLeader()).token);
    const stranger = await t.signUp();
    const { variantId } = await createProduct(t);
    const res = await placePickup(stranger.token, community.id, variantId);
    expect(expectProblem(res, 422)).toMatchObject({
      reason: 'community_membership_required',
      params: { communityId: community.id },
    });
    await join(stranger.token, community.id);
    const both = await t.request('POST', '/api/orders', {
      token: stranger.token,
      body: {
        items: [{ variantId, quantity: 1 }],
        pickup: { communityId: community.id },
        address: { name: 'W', phone: '13800138000', line1: '1 Road', city: 'Hangzhou' },
      },
    });
    expectProblem(both, 400);
    expectProblem(await placePickup(stranger.token, 'no-such-community', variantId), 404);
  });

  it('a wrong code is 404; another community’s leader is 404; a second hand-over is 409', async () => {
    const { leader, community, order } = await paidPickup();
    const wrong = order.pickupCode === '00000000' ? '00000001' : '00000000';
    expectProblem(await verify(leader.token, community.id, wrong), 404);
    const otherLeader = await newLeader();
    const otherCommunity = await openCommunity(otherLeader.token);
    // Neither at their own community (the code is not theirs) nor at ours (the community is not theirs).
    expectProblem(await verify(otherLeader.token, otherCommunity.id, order.pickupCode as string), 404);
    expectProblem(await verify(otherLeader.token, community.id, order.pickupCode as string), 404);
    const buyer = await t.signUp();
    expectProblem(await verify(buyer.token, community.id, order.pickupCode as string), 404);

    expect((await verify(leader.token, community.id, order.pickupCode as string)).statusCode).toBe(200);
    const again = await verify(leader.token, community.id, order.pickupCode as string);
    expect(expectProblem(again, 409)).toMatchObject({
      reason: 'already_collected',
      params: { orderId: order.id },
    });
  });

  it(`two hand-overs of one code at once: one completes the order, the other is 409 ${RACE}`, async () => {
    const { leader, community, neighbour, order } = await paidPickup();
    const helper = await t.signUp({ name: 'Helper Zhou' });
    await join(helper.token, community.id);
    const named = await t.request('POST', `/api/communities/${community.id}/helpers`, {
      token: leader.token,
      body: { userId: helper.user.id },
    });
    expect(named.statusCode, named.body).toBe(200);
    const answers = await Promise.all([
      verify(leader.token, community.id, order.pickupCode as string),
      verify(helper.token, community.id, order.pickupCode as string),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    const completed = await t.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM order_events WHERE order_id = $1 AND status = 'completed'",
      [order.id],
    );
    expect(completed[0]?.n).toBe(1);
    expect(
      (await t.request('GET', `/api/orders/${order.id}`, { token: neighbour.token })).json<Order>().status,
    ).toBe('completed');
  });

  it('helpers the leader names verify codes; a removed helper no longer can', async () => {
    const { leader, community, order } = await paidPickup();
    const helper = await t.signUp();
    const notMember = await t.request('POST', `/api/communities/${community.id}/helpers`, {
      token: leader.token,
      body: { userId: helper.user.id },
    });
    expect(expectProblem(notMember, 422).reason).toBe('helper_not_member');
    await join(helper.token, community.id);
    await t.request('POST', `/api/communities/${community.id}/helpers`, {
      token: leader.token,
      body: { userId: helper.user.id },
    });
    const list = await t.request('GET', `/api/communities/${community.id}/helpers`, { token: leader.token });
    expect(list.json<{ items: { userId: string }[] }>().items.map((h) => h.userId)).toEqual([helper.user.id]);
    expectProblem(
      await t.request('GET', `/api/communities/${community.id}/helpers`, { token: helper.token }),
      404,
    );
    await t.request('DELETE', `/api/communities/${community.id}/helpers/${helper.user.id}`, {
      token: leader.token,
    });
    expectProblem(await verify(helper.token, community.id, order.pickupCode as string), 404);
  });

  it('nobody else reads a pickup code: another user 404, the operator’s views carry none', async () => {
    const { leader, community, order } = await paidPickup();
    const other = await t.signUp();
    expectProblem(await t.request('GET', `/api/orders/${order.id}`, { token: other.token }), 404);
    expect((await t.request('GET', '/api/me/orders', { token: other.token })).body).not.toContain(
      order.pickupCode as string,
    );
    const asAdmin = await t.request('GET', `/api/orders/${order.id}`, { token: admin });
    expect(asAdmin.json<Order>().pickupCode).toBeNull();
    const consoleView = await t.request('GET', `/api/admin/orders/${order.id}`, { token: admin });
    expect(consoleView.body).not.toContain(order.pickupCode as string);
    for (const url of [
      `/api/communities/${community.id}/pickups`,
      `/api/communities/${community.id}/waves`,
      `/api/communities/${community.id}/roster`,
    ]) {
      expectProblem(await t.request('GET', url, { token: other.token }), 404);
      const own = await t.request('GET', url, { token: leader.token });
      expect(own.statusCode, own.body).toBe(200);
      expect(own.body).not.toContain(order.pickupCode as string);
    }
  });

  it('a pickup order never ships by carrier (409 pickup_order)', async () => {
    const { order } = await paidPickup();
    const res = await t.request('POST', `/api/admin/orders/${order.id}/ship`, {
      token: admin,
      body: { carrier: 'SF Express', trackingNumber: 'SF1234567890' },
    });
    expect(expectProblem(res, 409).reason).toBe('pickup_order');
  });

  it('a refunded order’s code opens nothing (409 pickup_not_collectable)', async () => {
    const { leader, community, order } = await paidPickup();
    const refunded = await t.request('POST', `/api/admin/orders/${order.id}/refund`, { token: admin });
    expect(refunded.statusCode, refunded.body).toBe(200);
    const res = await verify(leader.token, community.id, order.pickupCode as string);
    expect(expectProblem(res, 409)).toMatchObject({
      reason: 'pickup_not_collectable',
      params: { status: 'closed' },
    });
  });
});

/** An app whose pickup codes come from `codes` in turn (the last one repeated), with two placed pickup orders in one community. */
async function withForcedCodes(codes: string[]) {
  let drawn = 0;
  const app = await createTestApp({}, undefined, {
    pickupCode: () => codes[Math.min(drawn++, codes.length - 1)] as string,
  });
  const leader = await app.signUp();
  await app.request('POST', '/api/leaders', { token: leader.token });
  const community = (
    await app.request('POST', '/api/communities', {
      token: leader.token,
      body: { name: 'Twin Towers', pickupPoint: { name: 'Desk', address: '5 Twin Road' } },
    })
  ).json<Community>();
  const { variantId } = await createProduct(app, { stock: 10 });
  const orders: { buyer: Session; order: Order }[] = [];
  for (let i = 0; i < 2; i++) {
    const buyer = await app.signUp();
    await app.request('POST', `/api/communities/${community.id}/members`, { token: buyer.token });
    const placed = await app.request('POST', '/api/orders', {
      token: buyer.token,
      body: { items: [{ variantId, quantity: 1 }], pickup: { communityId: community.id } },
    });
    expect(placed.statusCode, placed.body).toBe(201);
    orders.push({ buyer, order: placed.json<Order>() });
  }
  const payFor = (i: number) =>
    app.request('POST', `/api/payments/sandbox/${orders[i]?.order.id}/succeed`, {
      token: orders[i]?.buyer.token,
    });
  return { app, payFor, orders, drawn: () => drawn };
}

describe('pickup code collisions', () => {
  it('a drawn code another order of the community holds is drawn again: the payment goes through', async () => {
    const { app, payFor } = await withForcedCodes(['11111111', '11111111', '22222222']);
    try {
      const first = await payFor(0);
      expect(first.json<Order>().pickupCode).toBe('11111111');
      const second = await payFor(1);
      expect(second.statusCode, second.body).toBe(200);
      expect(second.json<Order>().pickupCode).toBe('22222222');
    } finally {
      await app.close();
    }
  });
});

describeOnPostgres('pickup code collisions at once', () => {
  it(`a code another payment took and has not committed yet is drawn again, not a failed payment ${POSTGRES_ONLY}`, async () => {
    const { app, payFor, orders } = await withForcedCodes(['33333333', '44444444']);
    try {
      // Another payment's transaction holds the code, uncommitted, while this one draws it.
      let commit = () => {};
      const held = new Promise<void>((resolve) => {
        commit = resolve;
      });
      let holding = () => {};
      const taken = new Promise<void>((resolve) => {
        holding = resolve;
      });
      const other = app.db.transaction(async (tx) => {
        await tx.query("UPDATE community_orders SET code = '33333333' WHERE order_id = $1", [
          orders[0]?.order.id,
        ]);
        holding();
        await held;
      });
      await taken;
      const payment = payFor(1);
      // The payment's UPDATE waits on the unique index for the other transaction.
      await expect
        .poll(
          async () =>
            (
              await app.db.query<{ n: number }>(
                `SELECT count(*)::int AS n FROM pg_stat_activity
                 WHERE wait_event_type = 'Lock' AND query LIKE 'UPDATE community_orders SET code = $2%'`,
              )
            )[0]?.n,
          { timeout: 10_000 },
        )
        .toBe(1);
      commit();
      await other;
      const paid = await payment;
      expect(paid.statusCode, paid.body).toBe(200);
      expect(paid.json<Order>().pickupCode).toBe('44444444');
    } finally {
      await app.close();
    }
  });
});

describe('delivery waves', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('an order placed before the cut-off ships in that wave; one placed exactly at it, in the next', async () => {
    const leader = await newLeader();
    const community = await openCommunity(leader.token, { cutoffTime: '20:00' });
    const neighbour = await t.signUp({ name: 'Early Bird' });
    const late = await t.signUp({ name: 'Night Owl' });
    await join(neighbour.token, community.id);
    await join(late.token, community.id);
    const { variantId } = await createProduct(t, { stock: 50 });
    // The platform runs on UTC here: the cut-off is 20:00 UTC of the day the clock is on.
    const cutoff = new Date(community.nextCutoffAt);
    const offset = t.clock.now().getTime() - Date.now();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(cutoff.getTime() - offset - 1);
    const before = await placePickup(neighbour.token, community.id, variantId, 2);
    vi.setSystemTime(cutoff.getTime() - offset);
    const at = await placePickup(late.token, community.id, variantId, 1);
    vi.useRealTimers();
    expect(before.json<Order>().pickup?.wave.cutoffAt).toBe(cutoff.toISOString());
    expect(at.json<Order>().pickup?.wave.cutoffAt).toBe(
      new Date(cutoff.getTime() + 86_400_000).toISOString(),
    );
    await pay(neighbour.token, before.json<Order>().id);
    await pay(late.token, at.json<Order>().id);

    const waves = await t.request('GET', `/api/communities/${community.id}/waves`, { token: leader.token });
    const items = waves.json<{ items: { id: string; cutoffAt: string; orders: number }[] }>().items;
    expect(items.map((w) => [w.cutoffAt, w.orders])).toEqual([
      [new Date(cutoff.getTime() + 86_400_000).toISOString(), 1],
      [cutoff.toISOString(), 1],
    ]);
    const packing = await t.request('GET', `/api/communities/${community.id}/waves/${items[1]?.id}`, {
      token: leader.token,
    });
    expect(packing.statusCode, packing.body).toBe(200);
    expect(packing.json()).toMatchObject({
      lines: [{ variantId, quantity: 2 }],
      orders: [
        { orderId: before.json<Order>().id, buyer: { name: 'Early Bird' }, status: 'awaiting_collection' },
      ],
    });
    const stranger = await newLeader();
    expectProblem(
      await t.request('GET', `/api/communities/${community.id}/waves/${items[1]?.id}`, {
        token: stranger.token,
      }),
      404,
    );
  });

  it('the packing list adds up quantities of one product over the wave’s paid orders only', async () => {
    const leader = await newLeader();
    const community = await openCommunity(leader.token);
    const { variantId } = await createProduct(t, { stock: 50 });
    const buyers = [await t.signUp(), await t.signUp(), await t.signUp()];
    const orders: Order[] = [];
    for (const [i, buyer] of buyers.entries()) {
      await join(buyer.token, community.id);
      const placed = await placePickup(buyer.token, community.id, variantId, i + 1);
      orders.push(placed.json<Order>());
    }
    await pay(buyers[0]!.token, orders[0]!.id);
    await pay(buyers[1]!.token, orders[1]!.id); // the third stays unpaid: nothing to pack for it
    const wave = orders[0]!.pickup!.wave.id;
    const packing = await t.request('GET', `/api/communities/${community.id}/waves/${wave}`, {
      token: leader.token,
    });
    expect(packing.json<{ lines: { quantity: number }[]; orders: unknown[] }>()).toMatchObject({
      lines: [{ quantity: 3 }],
    });
    expect(packing.json<{ orders: unknown[] }>().orders).toHaveLength(2);
  });
});

describe('uncollected orders', () => {
  const DAY = 86_400_000;

  async function advance(app: TestApp, ms: number) {
    const res = await app.request('POST', '/api/test/clock', { body: { advanceMs: ms } });
    expect(res.statusCode).toBe(200);
  }

  it('remind the buyer a day before, then refund the order in full (the default policy)', async () => {
    const app = await createTestApp({ PICKUP_COLLECT_DAYS: '2' });
    try {
      const leaderSession = await app.signUp();
      await app.request('POST', '/api/leaders', { token: leaderSession.token });
      const community = (
        await app.request('POST', '/api/communities', {
          token: leaderSession.token,
          body: { name: 'Far Hill', pickupPoint: { name: 'Post room', address: '2 Hill Road' } },
        })
      ).json<Community>();
      const neighbour = await app.signUp();
      await app.request('POST', `/api/communities/${community.id}/members`, { token: neighbour.token });
      const { variantId } = await createProduct(app, { stock: 5 });
      const placed = await app.request('POST', '/api/orders', {
        token: neighbour.token,
        body: { items: [{ variantId, quantity: 2 }], pickup: { communityId: community.id } },
      });
      const orderId = placed.json<Order>().id;
      const paid = await app.request('POST', `/api/payments/sandbox/${orderId}/succeed`, {
        token: neighbour.token,
      });
      const collectBy = new Date(paid.json<Order>().pickup?.collectBy as string).getTime();
      const untilReminder = collectBy - DAY - app.clock.now().getTime();

      await advance(app, untilReminder - 60_000);
      await app.jobs.runDue();
      const notes = async () =>
        (await app.request('GET', '/api/me/notifications', { token: neighbour.token }))
          .json<{ items: { type: string }[] }>()
          .items.filter((n) => n.type === 'pickup.reminder');
      expect(await notes()).toHaveLength(0);
      await advance(app, 16 * 60_000);
      await app.jobs.runDue();
      expect(await notes()).toHaveLength(1);

      await advance(app, DAY);
      await app.jobs.runDue();
      const after = (
        await app.request('GET', `/api/orders/${orderId}`, { token: neighbour.token })
      ).json<Order>();
      expect(after.status).toBe('refunded');
      expect(after.refundedAmount).toBe(after.total);
      expect(after.pickup?.status).toBe('closed');
      expect(after.pickupCode).toBeNull();
      expect(await stockOf(app, variantId)).toBe(5);
      expect(await notes()).toHaveLength(1);
      await expectLedgerSound(app);
    } finally {
      await app.close();
    }
  });

  it('with UNCOLLECTED_PICKUP_POLICY=return, the goods go back to the platform by an after-sales request the operator decides', async () => {
    const app = await createTestApp({ PICKUP_COLLECT_DAYS: '1', UNCOLLECTED_PICKUP_POLICY: 'return' });
    try {
      const operator = (await app.signInAdmin()).token;
      const leaderSession = await app.signUp();
      await app.request('POST', '/api/leaders', { token: leaderSession.token });
      const community = (
        await app.request('POST', '/api/communities', {
          token: leaderSession.token,
          body: { name: 'River Bend', pickupPoint: { name: 'Lobby', address: '3 River Road' } },
        })
      ).json<Community>();
      const neighbour = await app.signUp();
      await app.request('POST', `/api/communities/${community.id}/members`, { token: neighbour.token });
      const { variantId } = await createProduct(app, { stock: 5 });
      const placed = await app.request('POST', '/api/orders', {
        token: neighbour.token,
        body: { items: [{ variantId, quantity: 1 }], pickup: { communityId: community.id } },
      });
      const orderId = placed.json<Order>().id;
      const paid = (
        await app.request('POST', `/api/payments/sandbox/${orderId}/succeed`, { token: neighbour.token })
      ).json<Order>();
      await advance(
        app,
        new Date(paid.pickup?.collectBy as string).getTime() - app.clock.now().getTime() + 60_000,
      );
      await app.jobs.runDue();
      const after = (
        await app.request('GET', `/api/orders/${orderId}`, { token: neighbour.token })
      ).json<Order>();
      expect(after.status).toBe('paid');
      expect(after.pickup?.status).toBe('returned');
      const waiting = await app.request('GET', '/api/admin/after-sales?status=requested', {
        token: operator,
      });
      expect(waiting.json<{ items: { orderId: string; type: string }[] }>().items).toEqual(
        expect.arrayContaining([expect.objectContaining({ orderId, type: 'refund' })]),
      );
      const res = await app.request('POST', `/api/communities/${community.id}/pickups`, {
        token: leaderSession.token,
        body: { code: paid.pickupCode },
      });
      expect(expectProblem(res, 409)).toMatchObject({
        reason: 'pickup_not_collectable',
        params: { status: 'returned' },
      });
    } finally {
      await app.close();
    }
  });
});

describe('GET /api/admin/communities', () => {
  it('lists communities with their leader and how pickups stand, for operators only', async () => {
    const { community, leader } = await paidPickup();
    const res = await t.request('GET', `/api/admin/communities?q=${encodeURIComponent('Sunny')}&limit=100`, {
      token: admin,
    });
    expect(res.statusCode).toBe(200);
    const row = res.json<{ items: { id: string }[] }>().items.find((c) => c.id === community.id);
    expect(row).toMatchObject({ leader: { id: leader.user.id }, membersCount: 1, awaitingCollection: 1 });
    expectProblem(await t.request('GET', '/api/admin/communities', { token: leader.token }), 403);
  });
});
