import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RACE } from '../../../test/support/races.js';
import { createProduct, expectLedgerSound, placeOrder, placePaidOrder } from '../../../test/support/shop.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import type { HeldCoupon } from '../coupons/present.js';
import type { Order } from '../orders/present.js';

/** Invitation rewards: given on the invited person's first paid order, never at sign-up, once. */
let t: TestApp;
let admin: { token: string };
let variantId: string;
type Person = Awaited<ReturnType<TestApp['signUp']>>;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signInAdmin();
  ({ variantId } = await createProduct(t, { price: 5000, stock: 1000 }));
  // Paid orders earn their buyers no points here, so every balance is invitation rewards alone.
  await t.request('PUT', '/api/admin/points/settings', {
    token: admin.token,
    body: { earnPerUnit: 0, redeemPerUnit: 100, maxShareBps: 5000, expiryMonths: null },
  });
});
afterEach(() => expectLedgerSound(t));
afterAll(() => t.close());

const setReward = (body: Record<string, unknown>) =>
  t.request('PUT', '/api/admin/invitation-rewards', { token: admin.token, body });
/** Rewards are deferred reactions: the jobs a payment or refund queued run before each look. */
const pointsOf = async (person: Person) => {
  await t.jobs.runDue();
  return (await t.request('GET', '/api/me/points', { token: person.token })).json<{
    balance: number;
    items: { delta: number; reason: string }[];
  }>();
};

async function invitedPair() {
  const inviter = await t.signUp({ name: 'Inviter' });
  const invitee = await t.signUp({ name: 'Invitee', inviteCode: inviter.user.inviteCode });
  return { inviter, invitee };
}

describe('the operator’s setting', () => {
  it('is none until set; points and coupon rewards need their value; admins only', async () => {
    const initial = await t.request('GET', '/api/admin/invitation-rewards', { token: admin.token });
    expect(initial.json()).toEqual({ kind: 'none', points: null, couponTemplateId: null });
    expect((await setReward({ kind: 'points' })).statusCode).toBe(400);
    expect((await setReward({ kind: 'points', points: 0 })).statusCode).toBe(400);
    const missing = await setReward({ kind: 'coupon', couponTemplateId: 'missing' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ errors: [{ path: '/couponTemplateId', rule: 'unknown' }] });
    expect((await setReward({ kind: 'points' })).json()).toMatchObject({
      errors: [{ path: '/points', rule: 'required' }],
    });
    expect((await setReward({ kind: 'cash' })).statusCode).toBe(400);
    const saved = await setReward({ kind: 'points', points: 200 });
    expect(saved.json()).toEqual({ kind: 'points', points: 200, couponTemplateId: null });
    expect((await t.request('GET', '/api/invitation-rewards')).json()).toMatchObject({
      kind: 'points',
      points: 200,
    });
    const buyer = await t.signUp();
    expect(
      (
        await t.request('PUT', '/api/admin/invitation-rewards', {
          token: buyer.token,
          body: { kind: 'none' },
        })
      ).statusCode,
    ).toBe(403);
    expect((await t.request('GET', '/api/me/points')).statusCode).toBe(401);
  });
});

describe('points rewards', () => {
  beforeAll(async () => {
    await setReward({ kind: 'points', points: 200 });
  });

  it('gives nothing at sign-up or for an unpaid order; the first paid order rewards the inviter once', async () => {
    const { inviter, invitee } = await invitedPair();
    expect(await pointsOf(inviter)).toMatchObject({ balance: 0, items: [] });
    const unpaid = await placeOrder(t, invitee.token, [{ variantId, quantity: 1 }]);
    expect(unpaid.statusCode).toBe(201);
    expect((await pointsOf(inviter)).balance).toBe(0);

    const first = await placePaidOrder(t, invitee.token, variantId);
    expect(await pointsOf(inviter)).toMatchObject({
      balance: 200,
      items: [{ delta: 200, reason: 'invitation' }],
    });
    await placePaidOrder(t, invitee.token, variantId);
    expect((await pointsOf(inviter)).balance).toBe(200);
    expect((await pointsOf(invitee)).balance).toBe(0);

    // The same event delivered again (a retried payment handler) gives nothing more.
    await t.db.transaction((tx) =>
      t.services.events.publish(tx, 'order.paid', { orderId: first.id, userId: invitee.user.id }),
    );
    expect((await pointsOf(inviter)).balance).toBe(200);
    const mine = await t.request('GET', '/api/me/invitation-rewards', { token: inviter.token });
    expect(mine.json()).toMatchObject({
      items: [{ invitee: { name: 'I.', initial: 'I' }, kind: 'points', points: 200, reversed: false }],
    });
  });

  it('nobody is rewarded for a buyer who was not invited', async () => {
    const loner = await t.signUp();
    await placePaidOrder(t, loner.token, variantId);
    expect((await pointsOf(loner)).balance).toBe(0);
  });

  it(`racing payments of two first orders still reward once ${RACE}`, async () => {
    const { inviter, invitee } = await invitedPair();
    const orders = await Promise.all(
      [1, 2].map(async () =>
        (await placeOrder(t, invitee.token, [{ variantId, quantity: 1 }])).json<Order>(),
      ),
    );
    const paid = await Promise.all(
      orders.map((o) => t.request('POST', `/api/payments/sandbox/${o.id}/succeed`, { token: invitee.token })),
    );
    expect(paid.map((r) => r.statusCode)).toEqual([200, 200]);
    expect((await pointsOf(inviter)).balance).toBe(200);
  });

  it('refunding the first paid order takes the points back, and a later order does not reward again', async () => {
    const { inviter, invitee } = await invitedPair();
    const first = await placePaidOrder(t, invitee.token, variantId);
    expect((await pointsOf(inviter)).balance).toBe(200);
    await t.request('POST', `/api/admin/orders/${first.id}/refund`, { token: admin.token });
    const after = await pointsOf(inviter);
    expect(after.balance).toBe(0);
    expect(after.items.map((i) => [i.delta, i.reason])).toEqual([
      [-200, 'invitation_reversed'],
      [200, 'invitation'],
    ]);
    await placePaidOrder(t, invitee.token, variantId);
    expect((await pointsOf(inviter)).balance).toBe(0);
  });
});

describe('coupon rewards', () => {
  it('gives the inviter a coupon from the chosen template on the first paid order', async () => {
    const template = await t.request('POST', '/api/admin/coupons', {
      token: admin.token,
      body: {
        title: 'Thanks for inviting',
        kind: 'amount_off',
        amountOff: 500,
        claimable: false,
        validDays: 30,
      },
    });
    const templateId = template.json<{ id: string }>().id;
    expect((await setReward({ kind: 'coupon', couponTemplateId: templateId })).statusCode).toBe(200);
    expect((await t.request('GET', '/api/invitation-rewards')).json()).toMatchObject({
      kind: 'coupon',
      coupon: { title: 'Thanks for inviting', amountOff: 500 },
    });

    const { inviter, invitee } = await invitedPair();
    const coupons = async () => {
      await t.jobs.runDue();
      return (await t.request('GET', '/api/me/coupons', { token: inviter.token })).json<{
        items: HeldCoupon[];
      }>().items;
    };
    expect(await coupons()).toEqual([]);
    await placePaidOrder(t, invitee.token, variantId);
    await placePaidOrder(t, invitee.token, variantId);
    expect(await coupons()).toEqual([
      expect.objectContaining({ templateId, source: 'invitation', status: 'available', amountOff: 500 }),
    ]);
    await setReward({ kind: 'none' });
  });
});
