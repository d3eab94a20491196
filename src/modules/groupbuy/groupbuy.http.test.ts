import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectLedgerSound, stockOf } from '../../../test/support/shop.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { AppError } from '../../platform/errors.js';
import { maskName } from '../../platform/privacy.js';
import type { Order } from '../orders/present.js';
import { campaignMachine, groupMachine, seatMachine } from './rules.js';
import type { PublicCampaign } from './service.js';
import { groupBuySteps } from './test-steps.js';

let t: TestApp;
let gb: ReturnType<typeof groupBuySteps>;
beforeAll(async () => {
  t = await createTestApp();
  gb = groupBuySteps(t);
});
afterEach(() => expectLedgerSound(t));
afterAll(() => t.close());

describe('group-buy campaigns', () => {
  it('are created by administrators only, with sound prices and sizes', async () => {
    const { campaign, variantId } = await gb.createCampaign({ groupSize: 3, price: 2900, leaderPrice: 1900 });
    expect(campaign).toMatchObject({
      variantId,
      groupSize: 3,
      price: 2900,
      leaderPrice: 1900,
      regularPrice: 4900,
    });
    const buyer = await t.signUp();
    const body = { variantId, groupSize: 3, price: 100, durationMinutes: 10 };
    expect((await t.request('POST', '/api/admin/group-buys', { body })).statusCode).toBe(401);
    expect((await t.request('POST', '/api/admin/group-buys', { token: buyer.token, body })).statusCode).toBe(
      403,
    );
    const admin = await gb.admin();
    const post = (b: object) => t.request('POST', '/api/admin/group-buys', { token: admin, body: b });
    expect((await post({ ...body, groupSize: 1 })).statusCode).toBe(400);
    expect((await post({ ...body, groupSize: 101 })).statusCode).toBe(400);
    expect((await post({ ...body, price: '100' })).statusCode).toBe(400);
    expect((await post({ ...body, price: -1 })).statusCode).toBe(400);
    expect((await post({ ...body, endsAt: '2026-12-31T23:59:60Z' })).json()).toMatchObject({
      status: 400,
      errors: [{ path: '/endsAt' }],
    });
    expect((await post({ ...body, price: 9900 })).json()).toMatchObject({
      status: 400,
      errors: [{ path: '/price', rule: 'notAboveRegularPrice', params: { price: 4900 } }],
    });
    expect((await post({ ...body, leaderPrice: 200 })).json()).toMatchObject({
      status: 400,
      errors: [{ path: '/leaderPrice', rule: 'notAboveGroupPrice', params: { price: 100 } }],
    });
    expect(
      (await post({ ...body, startsAt: '2026-12-02T00:00:00Z', endsAt: '2026-12-01T00:00:00Z' })).json(),
    ).toMatchObject({ status: 400, errors: [{ path: '/endsAt', rule: 'afterStart' }] });
    // Year 0: a date-time by the schema's format, outside what PostgreSQL stores: 400, not 500.
    for (const field of ['startsAt', 'endsAt'])
      expect((await post({ ...body, [field]: '0000-01-01T00:00:00Z' })).json()).toMatchObject({
        status: 400,
        errors: [{ path: `/${field}` }],
      });
    expect((await post({ ...body, variantId: 'no-such-variant' })).statusCode).toBe(404);
  });

  it('are listed for the operator with live group stats, edited and closed', async () => {
    const { campaign, variantId } = await gb.createCampaign({ groupSize: 2 });
    const [a, b, c] = await Promise.all([t.signUp(), t.signUp(), t.signUp()]);
    const opened = await gb.joinAndPay(a.token, variantId, { campaignId: campaign.id });
    await gb.joinAndPay(b.token, variantId, { campaignId: campaign.id, groupId: opened.groupBuy!.groupId });
    await gb.joinAndPay(c.token, variantId, { campaignId: campaign.id });
    const admin = await gb.admin();
    const list = await t.request('GET', '/api/admin/group-buys', { token: admin });
    const mine = list
      .json<{ items: { id: string; stats: object }[] }>()
      .items.find((i) => i.id === campaign.id);
    expect(mine?.stats).toEqual({ open: 1, succeeded: 1, failed: 0, members: 3 });

    const patched = await t.request('PATCH', `/api/admin/group-buys/${campaign.id}`, {
      token: admin,
      body: { price: 2500, perUserLimit: 2 },
    });
    expect(patched.json()).toMatchObject({ price: 2500, perUserLimit: 2 });
    const closed = await t.request('POST', `/api/admin/group-buys/${campaign.id}/close`, { token: admin });
    expect(closed.json()).toMatchObject({ status: 'closed', running: false });
    const refused = await gb.order(a.token, variantId, { campaignId: campaign.id });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      reason: 'campaign_not_running',
      params: { campaignId: campaign.id, status: 'closed', startsAt: null, endsAt: null },
    });
    expect((await t.request('GET', '/api/admin/group-buys', { token: a.token })).statusCode).toBe(403);
    expect((await t.request('POST', '/api/admin/group-buys/nope/close', { token: admin })).statusCode).toBe(
      404,
    );
  });
});

describe('opening and joining a group', () => {
  it('prices the order at the group price (the leader price for the opener) and carries groupBuy', async () => {
    const { campaign, variantId } = await gb.createCampaign({ groupSize: 3, price: 2900, leaderPrice: 1900 });
    const [a, b] = await Promise.all([t.signUp(), t.signUp()]);
    const opened = await gb.order(a.token, variantId, { campaignId: campaign.id }, 2);
    expect(opened.statusCode).toBe(201);
    const order = opened.json<Order>();
    expect(order).toMatchObject({ status: 'pending_payment', subtotal: 3800, total: 3800 });
    expect(order.groupBuy).toMatchObject({ campaignId: campaign.id, status: 'waiting', role: 'leader' });
    const groupId = order.groupBuy!.groupId;
    expect((await gb.group(groupId)).members).toEqual([]);

    await gb.pay(a.token, order.id);
    const joined = await gb.order(b.token, variantId, { campaignId: campaign.id, groupId });
    expect(joined.json<Order>()).toMatchObject({ total: 2900, groupBuy: { groupId, role: 'member' } });
    const group = await gb.group(groupId);
    expect(group).toMatchObject({
      id: groupId,
      campaignId: campaign.id,
      status: 'open',
      groupSize: 3,
      paidMembers: 1,
      seatsLeft: 1,
      price: 2900,
      regularPrice: 4900,
      leader: { name: maskName(a.user.name), you: false },
      completedByPlatform: false,
    });
    expect(group.members).toEqual([
      expect.objectContaining({ name: maskName(a.user.name), initial: a.user.name[0], leader: true }),
    ]);
    const regular = await t.request('POST', '/api/orders', {
      token: b.token,
      body: { items: [{ variantId, quantity: 1 }] },
    });
    expect(regular.json<Order>()).toMatchObject({ total: 4900, groupBuy: null });
  });

  it('succeeds once groupSize members have paid; every order shows it', async () => {
    const { campaign, variantId } = await gb.createCampaign({ groupSize: 3 });
    const [a, b, c] = await Promise.all([t.signUp(), t.signUp(), t.signUp()]);
    const first = await gb.joinAndPay(a.token, variantId, { campaignId: campaign.id });
    const groupId = first.groupBuy!.groupId;
    const second = await gb.joinAndPay(b.token, variantId, { campaignId: campaign.id, groupId });
    expect(second.groupBuy?.status).toBe('waiting');
    const third = await gb.joinAndPay(c.token, variantId, { campaignId: campaign.id, groupId });
    expect(third).toMatchObject({ status: 'paid', groupBuy: { status: 'succeeded' } });
    const again = await t.request('GET', `/api/orders/${first.id}`, { token: a.token });
    expect(again.json<Order>()).toMatchObject({ status: 'paid', groupBuy: { status: 'succeeded' } });
    const group = await gb.group(groupId);
    expect(group).toMatchObject({ status: 'succeeded', paidMembers: 3, seatsLeft: 0 });
    expect(group.members.map((m) => m.name)).toEqual([a, b, c].map((p) => maskName(p.user.name)));

    const late = await gb.order((await t.signUp()).token, variantId, { campaignId: campaign.id, groupId });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ reason: 'group_closed', params: { groupId, status: 'succeeded' } });
  });

  it('holds a seat while a member pays, and gives it back when the unpaid order lapses', async () => {
    const { campaign, variantId } = await gb.createCampaign({ groupSize: 2 });
    const [a, b, c] = await Promise.all([t.signUp(), t.signUp(), t.signUp()]);
    const first = await gb.joinAndPay(a.token, variantId, { campaignId: campaign.id });
    const groupId = first.groupBuy!.groupId;
    const paying = await gb.order(b.token, variantId, { campaignId: campaign.id, groupId });
    expect(paying.statusCode).toBe(201);
    const full = await gb.order(c.token, variantId, { campaignId: campaign.id, groupId });
    expect(full.statusCode).toBe(409);
    expect(full.json()).toMatchObject({ reason: 'group_full', params: { groupId, groupSize: 2 } });

    await gb.advanceMinutes(t.config.paymentTimeoutMinutes + 1);
    const lapsed = await t.request('GET', `/api/orders/${paying.json<Order>().id}`, { token: b.token });
    expect(lapsed.json<Order>()).toMatchObject({ status: 'cancelled', groupBuy: { status: 'left' } });
    expect((await gb.group(groupId)).seatsLeft).toBe(1);
    const third = await gb.joinAndPay(c.token, variantId, { campaignId: campaign.id, groupId });
    expect(third.groupBuy?.status).toBe('succeeded');
  });

  it('refuses unknown campaigns and groups, other variants, a second seat and the per-person limit', async () => {
    const { campaign, variantId } = await gb.createCampaign({ groupSize: 3, perUserLimit: 2 });
    const other = await gb.createCampaign({ groupSize: 3 });
    const [a, b] = await Promise.all([t.signUp(), t.signUp()]);
    expect((await gb.order(a.token, variantId, { campaignId: 'nope' })).statusCode).toBe(404);
    expect(
      (await gb.order(a.token, variantId, { campaignId: campaign.id, groupId: 'nope' })).statusCode,
    ).toBe(404);
    const foreign = await gb.joinAndPay(b.token, other.variantId, { campaignId: other.campaign.id });
    const wrongGroup = await gb.order(a.token, variantId, {
      campaignId: campaign.id,
      groupId: foreign.groupBuy!.groupId,
    });
    expect(wrongGroup.statusCode).toBe(404);
    const otherVariant = await gb.order(a.token, other.variantId, { campaignId: campaign.id });
    expect(otherVariant.json()).toMatchObject({
      status: 400,
      reason: 'group_buy_single_item',
      params: { variantId },
    });
    const badType = await t.request('POST', '/api/orders', {
      token: a.token,
      body: { items: [{ variantId, quantity: 1 }], groupBuy: { campaignId: 7 } },
    });
    expect(badType.statusCode).toBe(400);
    const unknownKey = await t.request('POST', '/api/orders', {
      token: a.token,
      body: { items: [{ variantId, quantity: 1 }], groupBuy: { campaignId: campaign.id, seats: 5 } },
    });
    expect(unknownKey.statusCode).toBe(400);

    const tooMany = await gb.order(a.token, variantId, { campaignId: campaign.id }, 3);
    expect(tooMany.statusCode).toBe(422);
    expect(tooMany.json()).toMatchObject({
      reason: 'group_buy_limit_reached',
      params: { perUserLimit: 2, remaining: 2 },
    });
    const opened = await gb.joinAndPay(a.token, variantId, { campaignId: campaign.id });
    const groupId = opened.groupBuy!.groupId;
    const twice = await gb.order(a.token, variantId, { campaignId: campaign.id, groupId });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ reason: 'already_group_member', params: { groupId } });
    expect((await gb.order(a.token, variantId, { campaignId: campaign.id })).statusCode).toBe(201);
    const overLimit = await gb.order(a.token, variantId, { campaignId: campaign.id });
    expect(overLimit.json()).toMatchObject({
      status: 422,
      reason: 'group_buy_limit_reached',
      params: { perUserLimit: 2, remaining: 0 },
    });
  });

  it('keeps orders private: another person gets 404 for my group order', async () => {
    const { campaign, variantId } = await gb.createCampaign();
    const [a, b] = await Promise.all([t.signUp(), t.signUp()]);
    const mine = await gb.joinAndPay(a.token, variantId, { campaignId: campaign.id });
    expect((await t.request('GET', `/api/orders/${mine.id}`, { token: b.token })).statusCode).toBe(404);
    const theirs = await t.request('GET', '/api/me/group-buys', { token: b.token });
    expect(theirs.json<{ items: unknown[] }>().items).toEqual([]);
    expect((await t.request('GET', '/api/me/group-buys')).statusCode).toBe(401);
    const list = await t.request('GET', '/api/me/group-buys', { token: a.token });
    expect(list.json()).toMatchObject({
      items: [{ orderId: mine.id, role: 'leader', status: 'waiting', group: { id: mine.groupBuy!.groupId } }],
      nextCursor: null,
    });
  });
});

describe('public group-buy pages', () => {
  it("list a product's running campaigns with the open groups others can join", async () => {
    const { campaign, variantId, product } = await gb.createCampaign({ groupSize: 3 });
    const [a, b] = await Promise.all([t.signUp(), t.signUp()]);
    await gb.order(b.token, variantId, { campaignId: campaign.id }); // unpaid: not shown yet
    const opened = await gb.joinAndPay(a.token, variantId, { campaignId: campaign.id });
    const res = await t.request('GET', `/api/group-buys?productId=${product.id}`);
    const items = res.json<{ items: PublicCampaign[] }>().items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      id: campaign.id,
      product: { id: product.id, title: product.title },
      openGroups: [
        {
          id: opened.groupBuy!.groupId,
          paidMembers: 1,
          seatsLeft: 2,
          leader: { name: maskName(a.user.name) },
        },
      ],
    });
    const one = await t.request('GET', `/api/group-buys/campaigns/${campaign.id}`);
    expect(one.json<PublicCampaign>().openGroups).toHaveLength(1);
    expect((await t.request('GET', '/api/group-buys/campaigns/nope')).statusCode).toBe(404);
    expect((await t.request('GET', '/api/group-buys/nope')).statusCode).toBe(404);
  });
});

describe('expiry', () => {
  it('fails the group, refunds every paid member, cancels the unpaid, returns stock and reverses commission', async () => {
    const { campaign, variantId } = await gb.createCampaign({ groupSize: 4, stock: 10 });
    const [promoter, a, b, c] = await Promise.all([t.signUp(), t.signUp(), t.signUp(), t.signUp()]);
    const link = await t.request('POST', '/api/share-links', {
      token: promoter.token,
      body: { productId: campaign.productId },
    });
    const shareCode = link.json<{ code: string }>().code;
    // The buyer arrives through the promoter's link, as in life.
    expect((await t.request('GET', `/s/${shareCode}`)).statusCode).toBe(302);
    const placed = await t.request('POST', '/api/orders', {
      token: a.token,
      body: { items: [{ variantId, quantity: 1 }], groupBuy: { campaignId: campaign.id }, shareCode },
    });
    const first = await gb.pay(a.token, placed.json<Order>().id);
    const groupId = first.groupBuy!.groupId;
    const second = await gb.joinAndPay(b.token, variantId, { campaignId: campaign.id, groupId });
    const unpaid = (await gb.order(c.token, variantId, { campaignId: campaign.id, groupId })).json<Order>();
    expect(await stockOf(t, variantId)).toBe(7);
    const earned = await t.request('GET', '/api/me/commissions', { token: promoter.token });
    expect(earned.json<{ items: { status: string }[] }>().items).toMatchObject([{ status: 'pending' }]);

    await gb.advanceMinutes(61);
    expect(await gb.group(groupId)).toMatchObject({ status: 'failed', paidMembers: 2 });
    const refunded = await t.request('GET', `/api/orders/${first.id}`, { token: a.token });
    expect(refunded.json<Order>()).toMatchObject({ status: 'refunded', groupBuy: { status: 'failed' } });
    expect((await t.request('GET', `/api/orders/${second.id}`, { token: b.token })).json()).toMatchObject({
      status: 'refunded',
      payment: { status: 'refunded' },
    });
    expect((await t.request('GET', `/api/orders/${unpaid.id}`, { token: c.token })).json()).toMatchObject({
      status: 'cancelled',
      groupBuy: { status: 'failed' },
    });
    expect(await stockOf(t, variantId)).toBe(10);
    const reversed = await t.request('GET', '/api/me/commissions', { token: promoter.token });
    expect(reversed.json<{ items: { status: string }[] }>().items).toMatchObject([{ status: 'reversed' }]);
    const late = await gb.order((await t.signUp()).token, variantId, { campaignId: campaign.id, groupId });
    expect(late.statusCode).toBe(409);
  });

  it('refunds a member whose refund job gave up while the provider was down, on a later pass', async () => {
    const { campaign, variantId } = await gb.createCampaign({ groupSize: 3 });
    const a = await t.signUp();
    const paid = await gb.joinAndPay(a.token, variantId, { campaignId: campaign.id });
    const refund = t.services.orders.refundOrder;
    let refused = 0;
    t.services.orders.refundOrder = async () => {
      refused += 1;
      throw new AppError('unavailable', 'the payment provider is down');
    };
    try {
      await gb.advanceMinutes(61);
      // Long enough for every retry of the member's refund job to fail.
      for (let i = 0; i < 10; i++) await gb.advanceMinutes(5);
    } finally {
      t.services.orders.refundOrder = refund;
    }
    expect(refused).toBeGreaterThanOrEqual(8);
    const gaveUp = await t.db.query(
      `SELECT 1 FROM jobs WHERE status = 'failed' AND payload->>'orderId' = $1`,
      [paid.id],
    );
    expect(gaveUp.length).toBeGreaterThan(0);
    expect((await t.request('GET', `/api/orders/${paid.id}`, { token: a.token })).json()).toMatchObject({
      status: 'paid',
    });
    await gb.advanceMinutes(1);
    await gb.advanceMinutes(1);
    expect((await t.request('GET', `/api/orders/${paid.id}`, { token: a.token })).json()).toMatchObject({
      status: 'refunded',
      groupBuy: { status: 'failed' },
    });
  });

  it('will not complete (ship) an order while its group is still filling', async () => {
    const { campaign, variantId } = await gb.createCampaign({ groupSize: 2 });
    const [a, b] = await Promise.all([t.signUp(), t.signUp()]);
    const first = await gb.joinAndPay(a.token, variantId, { campaignId: campaign.id });
    const admin = await gb.admin();
    const early = await t.request('POST', `/api/admin/orders/${first.id}/complete`, { token: admin });
    expect(early.statusCode).toBe(409);
    await gb.joinAndPay(b.token, variantId, { campaignId: campaign.id, groupId: first.groupBuy!.groupId });
    const shipped = await t.request('POST', `/api/admin/orders/${first.id}/complete`, { token: admin });
    expect(shipped.json()).toMatchObject({ status: 'completed', groupBuy: { status: 'succeeded' } });
  });

  it('refuses to join a group whose time ran out before the job failed it', async () => {
    const { campaign, variantId } = await gb.createCampaign({ groupSize: 2 });
    const a = await t.signUp();
    const first = await gb.joinAndPay(a.token, variantId, { campaignId: campaign.id });
    t.clock.advance(61 * 60_000);
    const late = await gb.order((await t.signUp()).token, variantId, {
      campaignId: campaign.id,
      groupId: first.groupBuy!.groupId,
    });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({
      reason: 'group_expired',
      params: { groupId: first.groupBuy!.groupId, expiresAt: expect.any(String) },
    });
    await gb.advanceMinutes(1);
  });
});

describe('completion at the platform cost', () => {
  it('completes a nearly-full group honestly, and only such a group', async () => {
    const { campaign, variantId } = await gb.createCampaign({ groupSize: 5 });
    const people = await Promise.all([t.signUp(), t.signUp(), t.signUp(), t.signUp()]);
    const first = await gb.joinAndPay(people[0]!.token, variantId, { campaignId: campaign.id });
    const groupId = first.groupBuy!.groupId;
    const admin = await gb.admin();
    const complete = () =>
      t.request('POST', `/api/admin/group-buys/groups/${groupId}/complete`, { token: admin });
    expect((await complete()).json()).toMatchObject({
      status: 409,
      reason: 'group_not_completable',
      params: { groupId, groupSize: 5, paidMembers: 1 },
    });
    for (const p of people.slice(1))
      await gb.joinAndPay(p.token, variantId, { campaignId: campaign.id, groupId });
    const done = await complete();
    expect(done.json()).toMatchObject({ status: 'succeeded', completedByPlatform: true, paidMembers: 4 });
    expect((await gb.group(groupId)).members).toHaveLength(4);
    expect((await complete()).json()).toMatchObject({ status: 409, reason: 'group_not_completable' });
  });
});

describe('group and seat states', () => {
  it('are checked by the database with exactly the states of the machines', async () => {
    const checks = await t.db.query<{ name: string; def: string }>(
      `SELECT conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint
       WHERE conname IN ('group_buy_groups_status_check', 'group_buy_members_status_check',
                         'group_buy_campaigns_status_check')`,
    );
    const statesOf = (name: string) =>
      [...(checks.find((c) => c.name === name)?.def ?? '').matchAll(/'([a-z_]+)'/g)].map((m) => m[1]);
    expect(statesOf('group_buy_groups_status_check')).toEqual([...groupMachine.states]);
    expect(statesOf('group_buy_members_status_check')).toEqual([...seatMachine.states]);
    expect(statesOf('group_buy_campaigns_status_check')).toEqual([...campaignMachine.states]);
  });
});
