import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createProduct, expectLedgerSound, placeOrder } from '../test/support/shop.js';
import { createTestApp, type TestApp } from '../test/support/test-app.js';
import type { Order } from './modules/orders/present.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  const admin = await t.signInAdmin();
  await t.request('PUT', '/api/admin/invitation-rewards', {
    token: admin.token,
    body: { kind: 'points', points: 200 },
  });
});
afterAll(() => t.close());

const balanceOf = async (token: string) =>
  (await t.request('GET', '/api/me/points', { token })).json<{ balance: number }>().balance;

const failedJobs = async (name: string) =>
  t.db.query<{ status: string; attempts: number; last_error: string | null }>(
    'SELECT status, attempts, last_error FROM jobs WHERE name = $1 ORDER BY id',
    [name],
  );

describe('reactions to a payment', () => {
  // Regression: the invitation reward ran inside the payment's transaction, so a failing reward
  // (here the points ledger refusing) turned the buyer's payment into a 500 and rolled it back.
  it('a failing deferred reaction does not abort the payment; its job retries it until it succeeds', async () => {
    const inviter = await t.signUp();
    const invitee = await t.signUp({ inviteCode: inviter.user.inviteCode });
    const { variantId } = await createProduct(t, { price: 4900 });
    const placed = (await placeOrder(t, invitee.token, [{ variantId, quantity: 1 }])).json<Order>();

    const post = vi
      .spyOn(t.services.points, 'post')
      .mockRejectedValueOnce(new Error('points ledger unavailable'));
    const paid = await t.request('POST', `/api/payments/sandbox/${placed.id}/succeed`, {
      token: invitee.token,
    });
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.json<Order>().status).toBe('paid');

    await t.jobs.runDue();
    expect(post).toHaveBeenCalledTimes(1);
    expect(await balanceOf(inviter.token)).toBe(0);
    expect(await failedJobs('invitations.reward-inviter')).toEqual([
      { status: 'queued', attempts: 1, last_error: expect.stringContaining('points ledger unavailable') },
    ]);
    // The order, its money and the buyer's own notification are not held up by the failing reward.
    const order = await t.request('GET', `/api/orders/${placed.id}`, { token: invitee.token });
    expect(order.json<Order>().status).toBe('paid');
    expectLedgerSound(t);

    t.clock.advance(5_000);
    await t.jobs.runDue();
    expect(await balanceOf(inviter.token)).toBe(200);
    expect((await failedJobs('invitations.reward-inviter'))[0]).toMatchObject({
      status: 'done',
      attempts: 2,
    });

    // A third run of the reaction (a crash after its commit) rewards nothing more.
    await t.db.transaction((tx) =>
      t.services.invitations.reactions.rewardInviter(tx, { orderId: placed.id, userId: invitee.user.id }),
    );
    expect(await balanceOf(inviter.token)).toBe(200);
    post.mockRestore();
  });

  it('queues one job per deferred reaction in the payment’s transaction, and none when it rolls back', async () => {
    const buyer = await t.signUp();
    const { variantId } = await createProduct(t, { price: 4900 });
    const placed = (await placeOrder(t, buyer.token, [{ variantId, quantity: 1 }])).json<Order>();
    const lastJob = async () =>
      (await t.db.query<{ id: number }>('SELECT COALESCE(max(id), 0)::int AS id FROM jobs'))[0]!.id;
    const before = await lastJob();
    await expect(
      t.db.transaction(async (tx) => {
        await t.services.events.publish(tx, 'order.paid', { orderId: placed.id, userId: buyer.user.id });
        throw new Error('the payment failed after publishing');
      }),
    ).rejects.toThrow('the payment failed after publishing');
    expect(await lastJob()).toBe(before);

    await t.db.transaction((tx) =>
      t.services.events.publish(tx, 'order.paid', { orderId: placed.id, userId: buyer.user.id }),
    );
    const queued = await t.db.query<{ name: string; payload: Record<string, unknown> }>(
      'SELECT name, payload FROM jobs WHERE id > $1 ORDER BY id',
      [before],
    );
    expect(queued.map((j) => j.name).sort()).toEqual([
      'analytics.record-paid',
      'invitations.reward-inviter',
      'levels.growth-on-paid',
      'notifications.order.paid',
      'points.earn-on-paid',
      'posts.count-purchase',
      'recommendations.record-purchase',
      'tasks.count-first-order',
    ]);
    expect(queued.every((j) => j.payload.orderId === placed.id)).toBe(true);
  });

  it('a reward whose job runs after the order was refunded rewards no one', async () => {
    const inviter = await t.signUp();
    const invitee = await t.signUp({ inviteCode: inviter.user.inviteCode });
    const { variantId } = await createProduct(t, { price: 4900 });
    const placed = (await placeOrder(t, invitee.token, [{ variantId, quantity: 1 }])).json<Order>();
    const admin = await t.signInAdmin();
    const post = vi.spyOn(t.services.points, 'post').mockRejectedValueOnce(new Error('not yet'));
    await t.request('POST', `/api/payments/sandbox/${placed.id}/succeed`, { token: invitee.token });
    // The reward fails once, so the refund's reversal runs first and finds nothing to take back.
    await t.jobs.runDue();
    const refunded = await t.request('POST', `/api/admin/orders/${placed.id}/refund`, { token: admin.token });
    expect(refunded.json()).toMatchObject({ status: 'refunded' });
    await t.jobs.runDue();
    t.clock.advance(5_000);
    await t.jobs.runDue();
    expect(await balanceOf(inviter.token)).toBe(0);
    post.mockRestore();
  });
});
