import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../../../test/support/problem.js';
import { RACE } from '../../../test/support/races.js';
import { createProduct, expectLedgerSound, stockOf } from '../../../test/support/shop.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import type { Order } from '../orders/index.js';
import type { Community } from './schemas.js';

/**
 * Pickups that must never hand over goods that are then refunded, nor lose a lapsed order: group
 * buys collected at a pickup point, a hand-over racing the uncollected-orders job, the return
 * policy's after-sales request, and a leader whose role was taken away.
 */

type Session = Awaited<ReturnType<TestApp['signUp']>>;

/** One app's steps: a leader's community, neighbours in it, pickup orders of theirs. */
function steps(app: TestApp) {
  async function community(): Promise<{ leader: Session; community: Community }> {
    const leader = await app.signUp({ name: 'Leader Li' });
    expect((await app.request('POST', '/api/leaders', { token: leader.token })).statusCode).toBe(201);
    const res = await app.request('POST', '/api/communities', {
      token: leader.token,
      body: { name: 'Sunny Garden', pickupPoint: { name: 'Gate 2 kiosk', address: '88 Wensan Road' } },
    });
    expect(res.statusCode, res.body).toBe(201);
    return { leader, community: res.json<Community>() };
  }

  async function neighbour(communityId: string): Promise<Session> {
    const session = await app.signUp({ name: 'Neighbour Wang' });
    const joined = await app.request('POST', `/api/communities/${communityId}/members`, {
      token: session.token,
    });
    expect(joined.statusCode, joined.body).toBe(200);
    return session;
  }

  async function pay(token: string, orderId: string): Promise<Order> {
    const res = await app.request('POST', `/api/payments/sandbox/${orderId}/succeed`, { token });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Order>();
  }

  async function paidPickup(communityId: string, token: string, variantId: string): Promise<Order> {
    const placed = await app.request('POST', '/api/orders', {
      token,
      body: { items: [{ variantId, quantity: 1 }], pickup: { communityId } },
    });
    expect(placed.statusCode, placed.body).toBe(201);
    return pay(token, placed.json<Order>().id);
  }

  const verify = (token: string, communityId: string, code: string) =>
    app.request('POST', `/api/communities/${communityId}/pickups`, { token, body: { code } });

  const order = async (token: string, orderId: string) =>
    (await app.request('GET', `/api/orders/${orderId}`, { token })).json<Order>();

  /** Moves the clock just past the order's collect-by day; no job runs until the test says so. */
  function pastCollectBy(paid: Order) {
    app.clock.advance(
      new Date(paid.pickup?.collectBy as string).getTime() - app.clock.now().getTime() + 60_000,
    );
  }

  return { community, neighbour, pay, paidPickup, verify, order, pastCollectBy };
}

describe('a group-buy order collected at a pickup point', () => {
  let t: TestApp;
  let s: ReturnType<typeof steps>;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp();
    s = steps(t);
    admin = (await t.signInAdmin()).token;
  });
  afterEach(() => expectLedgerSound(t));
  afterAll(() => t.close());

  async function campaign(groupSize: number) {
    const { variantId } = await createProduct(t, { price: 4900, stock: 20 });
    const res = await t.request('POST', '/api/admin/group-buys', {
      token: admin,
      body: { variantId, groupSize, price: 2900, durationMinutes: 60 },
    });
    expect(res.statusCode, res.body).toBe(201);
    return { campaignId: res.json<{ id: string }>().id, variantId };
  }

  async function joinGroup(
    token: string,
    communityId: string,
    variantId: string,
    groupBuy: { campaignId: string; groupId?: string },
  ) {
    const placed = await t.request('POST', '/api/orders', {
      token,
      body: { items: [{ variantId, quantity: 1 }], groupBuy, pickup: { communityId } },
    });
    expect(placed.statusCode, placed.body).toBe(201);
    return s.pay(token, placed.json<Order>().id);
  }

  it('gets its code only once the group succeeded, and is handed over then', async () => {
    const { leader, community } = await s.community();
    const a = await s.neighbour(community.id);
    const b = await s.neighbour(community.id);
    const { campaignId, variantId } = await campaign(2);

    const first = await joinGroup(a.token, community.id, variantId, { campaignId });
    expect(first.groupBuy?.status).toBe('waiting');
    // No code while the group may still fail: nothing to hand over that a failed group refunds.
    expect(first.pickupCode).toBeNull();
    expect(first.pickup?.collectBy).toBeNull();

    const second = await joinGroup(b.token, community.id, variantId, {
      campaignId,
      groupId: first.groupBuy?.groupId as string,
    });
    expect(second.groupBuy?.status).toBe('succeeded');
    expect(second.pickupCode).toMatch(/^\d{8}$/);
    const firstNow = await s.order(a.token, first.id);
    expect(firstNow.pickup?.status).toBe('awaiting_collection');
    expect(firstNow.pickupCode).toMatch(/^\d{8}$/);
    expect(firstNow.pickupCode).not.toBe(second.pickupCode);

    const handed = await s.verify(leader.token, community.id, firstNow.pickupCode as string);
    expect(handed.statusCode, handed.body).toBe(200);
    expect(handed.json<Order>().status).toBe('completed');
  });

  it('a group that fails refunds its pickup order, which never had a code to collect', async () => {
    const { community } = await s.community();
    const a = await s.neighbour(community.id);
    const { campaignId, variantId } = await campaign(3);
    const paid = await joinGroup(a.token, community.id, variantId, { campaignId });
    expect(paid.pickupCode).toBeNull();
    expect(
      (await t.request('POST', '/api/test/clock', { body: { advanceMs: 61 * 60_000 } })).statusCode,
    ).toBe(200);
    await t.jobs.runDue();
    const after = await s.order(a.token, paid.id);
    expect(after.groupBuy?.status).toBe('failed');
    expect(after.status).toBe('refunded');
    expect(after.pickupCode).toBeNull();
    expect(after.pickup?.status).toBe('closed');
    expect(await stockOf(t, variantId)).toBe(20);
  });
});

describe('the uncollected-orders job and a hand-over', () => {
  it('a hand-over between the job reading its batch and refunding that order wins: no refund, no restock', async () => {
    const app = await createTestApp({ PICKUP_COLLECT_DAYS: '1' });
    try {
      const s = steps(app);
      const { leader, community } = await s.community();
      const buyer = await s.neighbour(community.id);
      const { variantId } = await createProduct(app, { price: 3900, stock: 5 });
      const paid = await s.paidPickup(community.id, buyer.token, variantId);
      s.pastCollectBy(paid);

      // The leader hands the order over while the job, its batch read already, reaches its refund.
      const orders = app.services.orders as unknown as Record<string, unknown>;
      const originals = new Map<string, unknown>();
      for (const name of ['refundOrder', 'refundOrderIf']) {
        const original = orders[name];
        if (typeof original !== 'function') continue;
        originals.set(name, original);
        orders[name] = async (...args: unknown[]) => {
          expect((await s.verify(leader.token, community.id, paid.pickupCode as string)).statusCode).toBe(
            200,
          );
          return original.apply(app.services.orders, args);
        };
      }
      try {
        await app.services.communities.pickups.processUncollected(app.clock.now());
      } finally {
        for (const [name, original] of originals) orders[name] = original;
      }

      const after = await s.order(buyer.token, paid.id);
      expect(after.status).toBe('completed');
      expect(after.refundedAmount).toBe(0);
      expect(after.pickup?.status).toBe('collected');
      expect(await stockOf(app, variantId)).toBe(4);
      await expectLedgerSound(app);
    } finally {
      await app.close();
    }
  });

  it(`a hand-over racing the lapse: exactly one wins, and money and stock agree ${RACE}`, async () => {
    const app = await createTestApp({ PICKUP_COLLECT_DAYS: '1' });
    try {
      const s = steps(app);
      const { leader, community } = await s.community();
      const buyer = await s.neighbour(community.id);
      const { variantId } = await createProduct(app, { price: 3900, stock: 50 });
      const paid = await Promise.all(
        Array.from({ length: 3 }, () => s.paidPickup(community.id, buyer.token, variantId)),
      );
      s.pastCollectBy(paid.at(-1) as Order);

      const [handed] = await Promise.all([
        Promise.all(paid.map((o) => s.verify(leader.token, community.id, o.pickupCode as string))),
        app.services.communities.pickups.processUncollected(app.clock.now()),
      ]);
      let collected = 0;
      for (const [i, o] of paid.entries()) {
        const res = handed[i];
        const after = await s.order(buyer.token, o.id);
        if (res?.statusCode === 200) {
          collected += 1;
          expect(after).toMatchObject({
            status: 'completed',
            refundedAmount: 0,
            pickup: { status: 'collected' },
          });
        } else {
          expect(expectProblem(res as NonNullable<typeof res>, 409).reason).toBe('pickup_not_collectable');
          expect(after).toMatchObject({
            status: 'refunded',
            refundedAmount: o.total,
            pickup: { status: 'closed' },
          });
        }
      }
      // Every unit handed over left stock; every refunded one came back.
      expect(await stockOf(app, variantId)).toBe(50 - collected);
      await expectLedgerSound(app);
    } finally {
      await app.close();
    }
  }, 120_000);
});

describe('UNCOLLECTED_PICKUP_POLICY=return when the request cannot be made', () => {
  it('the buyer already asked for every unit: the order is refunded instead, never left with neither', async () => {
    const app = await createTestApp({ PICKUP_COLLECT_DAYS: '1', UNCOLLECTED_PICKUP_POLICY: 'return' });
    try {
      const s = steps(app);
      const { leader, community } = await s.community();
      const buyer = await s.neighbour(community.id);
      const { variantId } = await createProduct(app, { price: 3900, stock: 5 });
      const paid = await s.paidPickup(community.id, buyer.token, variantId);
      const asked = await app.request('POST', `/api/orders/${paid.id}/after-sales`, {
        token: buyer.token,
        body: { type: 'refund', reason: 'changed my mind' },
      });
      expect(asked.statusCode, asked.body).toBe(201);
      s.pastCollectBy(paid);
      expect(await app.services.communities.pickups.processUncollected(app.clock.now())).toEqual({
        reminded: 0,
        lapsed: 1,
      });

      const after = await s.order(buyer.token, paid.id);
      expect(after.status).toBe('refunded');
      expect(after.refundedAmount).toBe(after.total);
      expect(after.pickup?.status).toBe('closed');
      expect(await stockOf(app, variantId)).toBe(5);
      const res = await s.verify(leader.token, community.id, paid.pickupCode as string);
      expect(expectProblem(res, 409).reason).toBe('pickup_not_collectable');
      await expectLedgerSound(app);
    } finally {
      await app.close();
    }
  });
});

describe('a leader whose leader role was taken away', () => {
  let t: TestApp;
  let s: ReturnType<typeof steps>;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp();
    s = steps(t);
    admin = (await t.signInAdmin()).token;
  });
  afterAll(() => t.close());

  it('no longer verifies pickups, reads the roster or edits the community, nor do their helpers', async () => {
    const { leader, community } = await s.community();
    const helper = await s.neighbour(community.id);
    const named = await t.request('POST', `/api/communities/${community.id}/helpers`, {
      token: leader.token,
      body: { userId: helper.user.id },
    });
    expect(named.statusCode, named.body).toBe(200);
    const buyer = await s.neighbour(community.id);
    const { variantId } = await createProduct(t, { price: 3900, stock: 5 });
    const paid = await s.paidPickup(community.id, buyer.token, variantId);
    const roster = (token: string) => t.request('GET', `/api/communities/${community.id}/roster`, { token });
    const edit = () =>
      t.request('PATCH', `/api/communities/${community.id}`, { token: leader.token, body: { name: 'Mine' } });
    expect((await roster(leader.token)).statusCode).toBe(200);
    expect((await roster(helper.token)).statusCode).toBe(200);

    const revoked = await t.request('DELETE', `/api/admin/users/${leader.user.id}/roles/leader`, {
      token: admin,
    });
    expect(revoked.statusCode, revoked.body).toBe(200);

    expectProblem(await s.verify(leader.token, community.id, paid.pickupCode as string), 404);
    expectProblem(await s.verify(helper.token, community.id, paid.pickupCode as string), 404);
    expectProblem(await roster(leader.token), 404);
    expectProblem(await roster(helper.token), 404);
    expectProblem(await edit(), 404);
    expect((await s.order(buyer.token, paid.id)).status).toBe('paid');

    // Given back, the leader runs the community again.
    await t.request('PUT', `/api/admin/users/${leader.user.id}/roles/leader`, { token: admin });
    expect((await roster(leader.token)).statusCode).toBe(200);
    expect((await edit()).statusCode).toBe(200);
  });
});
