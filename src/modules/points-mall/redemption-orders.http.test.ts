import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMallItem, givePoints, redeemed } from '../../../test/support/points-mall.js';
import { expectProblem } from '../../../test/support/problem.js';
import { createProduct, expectLedgerSound, placePaidOrder } from '../../../test/support/shop.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import type { Order } from '../orders/present.js';

/**
 * A points-mall product is a 0-total order paid in points. It is not a sale: it publishes
 * `order.redeemed`, not `order.paid`, so it earns no points, growth or commission, counts for no
 * "first order" task or invitation reward, does not make the buyer's first money order a repeat one,
 * and has no after-sales.
 */
let t: TestApp;
let adminToken: string;
type Person = Awaited<ReturnType<TestApp['signUp']>>;
const ADDRESS = { name: 'Li Lei', phone: '13800000000', line1: '1 Tea Street', city: 'Hangzhou' };

beforeAll(async () => {
  t = await createTestApp();
  adminToken = (await t.signInAdmin()).token;
  const reward = await t.request('PUT', '/api/admin/invitation-rewards', {
    token: adminToken,
    body: { kind: 'points', points: 200 },
  });
  expect(reward.statusCode, reward.body).toBe(200);
  const task = await t.request('POST', '/api/admin/tasks', {
    token: adminToken,
    body: { title: 'Pay your first order', kind: 'first_order', target: 1, rewardPoints: 50, period: 'once' },
  });
  expect(task.statusCode, task.body).toBe(201);
});
afterAll(async () => {
  await expectLedgerSound(t);
  await t.close();
});

const pointsOf = async (person: Person) =>
  (await t.request('GET', '/api/me/points', { token: person.token })).json<{
    balance: number;
    items: { delta: number; reason: string }[];
  }>();
const firstOrderTask = async (person: Person) =>
  (await t.request('GET', '/api/me/tasks', { token: person.token }))
    .json<{ items: { kind: string; progress: number; status: string }[] }>()
    .items.find((task) => task.kind === 'first_order');
const growthOf = async (person: Person) =>
  (await t.request('GET', '/api/me/level', { token: person.token })).json<{ growth: number }>().growth;

async function redeemProduct(person: Person): Promise<Order> {
  const { variantId } = await createProduct(t, { price: 4_900, stock: 5 });
  const item = await createMallItem(t, adminToken, { kind: 'product', variantId, costPoints: 300 });
  await givePoints(t, person.user.id, 300);
  const redemption = await redeemed(t, person.token, item.id, { address: ADDRESS });
  await t.jobs.runDue();
  const res = await t.request('GET', `/api/orders/${redemption.orderId}`, { token: person.token });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Order>();
}

describe('a points-mall redemption order', () => {
  it('is not a sale: no points, growth, first-order task, invitation reward or commission', async () => {
    const inviter = await t.signUp();
    const invitee = await t.signUp({ inviteCode: inviter.user.inviteCode });
    const order = await redeemProduct(invitee);
    expect(order).toMatchObject({ status: 'paid', total: 0, pointsRedemption: true });

    // No reaction to a sale was even queued for it: only the redeemer's own notice.
    const jobs = await t.db.query<{ name: string }>(
      `SELECT name FROM jobs WHERE payload->>'orderId' = $1 ORDER BY id`,
      [order.id],
    );
    expect(jobs.map((j) => j.name)).toEqual(['notifications.order.redeemed']);
    const notes = await t.request('GET', '/api/me/notifications', { token: invitee.token });
    expect(notes.json<{ items: { type: string; link: string }[] }>().items).toEqual([
      expect.objectContaining({ type: 'order.redeemed', link: `/orders/${order.id}` }),
    ]);
    expect(await pointsOf(invitee)).toMatchObject({ balance: 0 });
    expect(await growthOf(invitee)).toBe(0);
    expect(await firstOrderTask(invitee)).toMatchObject({ progress: 0, status: 'in_progress' });
    expect(await pointsOf(inviter)).toMatchObject({ balance: 0, items: [] });
    const commissions = await t.request('GET', '/api/me/commissions', { token: inviter.token });
    expect(commissions.json<{ items: unknown[] }>().items).toEqual([]);

    // The first order paid in money is the first order, for the task and the invitation reward.
    const { variantId } = await createProduct(t, { price: 4_900 });
    const paid = await placePaidOrder(t, invitee.token, variantId);
    expect(paid.pointsRedemption).toBe(false);
    await t.jobs.runDue();
    expect(await firstOrderTask(invitee)).toMatchObject({ progress: 1, status: 'completed' });
    expect(await pointsOf(inviter)).toMatchObject({ balance: 200 });
    expect(await t.services.orders.hasPaidBefore(t.db, invitee.user.id, paid.id)).toBe(false);
  });

  it('has no after-sales: 422 after_sale_points_redemption, before and after shipping', async () => {
    const buyer = await t.signUp();
    const order = await redeemProduct(buyer);
    const refund = await t.request('POST', `/api/orders/${order.id}/after-sales`, {
      token: buyer.token,
      body: { type: 'refund', reason: 'changed my mind' },
    });
    expect(expectProblem(refund, 422).reason).toBe('after_sale_points_redemption');

    const shipped = await t.request('POST', `/api/admin/orders/${order.id}/ship`, {
      token: adminToken,
      body: { carrier: 'SF Express', trackingNumber: 'SF2000' },
    });
    expect(shipped.statusCode, shipped.body).toBe(200);
    const ret = await t.request('POST', `/api/orders/${order.id}/after-sales`, {
      token: buyer.token,
      body: { type: 'return', reason: 'changed my mind' },
    });
    expect(expectProblem(ret, 422).reason).toBe('after_sale_points_redemption');
    // Nor does the operator's refund find money to give back (409, never a 5xx).
    const refund2 = await t.request('POST', `/api/admin/orders/${order.id}/refund`, { token: adminToken });
    expect(expectProblem(refund2, 409).reason).toBe('no_payment_to_refund');
    // Someone else still gets 404, not the reason.
    const other = await t.signUp();
    const theirs = await t.request('POST', `/api/orders/${order.id}/after-sales`, {
      token: other.token,
      body: { type: 'return', reason: 'not mine' },
    });
    expectProblem(theirs, 404);
  });
});
