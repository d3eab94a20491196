import nodemailer from 'nodemailer';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createProduct, placePaidOrder } from '../../../test/support/shop.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import type { DomainEvents } from '../../platform/events.js';
import { newId } from '../../platform/ids.js';
import { groupBuySteps } from '../groupbuy/test-steps.js';
import { type Mail, type Mailer, transportMailer } from './mailer.js';
import type { Notification } from './service.js';

/** nodemailer's jsonTransport behind the Mailer interface: the messages it would have sent. */
const sent: Mail[] = [];
const transport = nodemailer.createTransport({ jsonTransport: true });
const inner = transportMailer(transport, 'Fission <shop@fission.test>');
const capturing: Mailer = {
  kind: 'smtp',
  async send(mail) {
    await inner.send(mail);
    sent.push(mail);
  },
};

let t: TestApp;
let variantId: string;
beforeAll(async () => {
  t = await createTestApp({ PUBLIC_URL: 'https://shop.example' }, undefined, { mailer: capturing });
  ({ variantId } = await createProduct(t, { price: 4900, stock: 1000 }));
});
beforeEach(() => {
  sent.length = 0;
});
afterAll(() => t.close());

interface Inbox {
  items: Notification[];
  nextCursor: string | null;
  unread: number;
}

const inbox = async (token: string, query = '') => {
  const res = await t.request('GET', `/api/me/notifications${query}`, { token });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Inbox>();
};

const publish = <E extends keyof DomainEvents>(name: E, event: DomainEvents[E]) =>
  t.db.transaction((tx) => t.services.events.publish(tx, name, event));

describe('notifications of a paid order', () => {
  it('are written by the deferred reaction: one per person and event, linking to the order', async () => {
    const buyer = await t.signUp();
    const order = await placePaidOrder(t, buyer.token, variantId);
    await t.jobs.runDue();
    const { items, unread, nextCursor } = await inbox(buyer.token);
    expect(items).toEqual([
      {
        id: expect.any(String),
        type: 'order.paid',
        title: 'Payment received',
        body: expect.stringContaining(order.id.slice(-8).toUpperCase()),
        link: `/orders/${order.id}`,
        createdAt: expect.any(String),
        readAt: null,
      },
    ]);
    expect(unread).toBe(1);
    expect(nextCursor).toBeNull();

    // The job running again (a crash after the write, a retry) writes nothing new.
    await publish('order.paid', { orderId: order.id, userId: buyer.user.id });
    await t.jobs.runDue();
    expect((await inbox(buyer.token)).items).toHaveLength(1);
  });

  it('are in the person’s language, money in the platform currency', async () => {
    const buyer = await t.signUp();
    await t.request('PUT', '/api/me/language', { token: buyer.token, body: { language: 'zh-CN' } });
    const order = await placePaidOrder(t, buyer.token, variantId);
    await publish('after_sale.decided', {
      afterSaleId: newId(),
      orderId: order.id,
      userId: buyer.user.id,
      status: 'refunded',
      amount: 1250,
    });
    await t.jobs.runDue();
    const { items } = await inbox(buyer.token);
    // Jobs of one pass run in no particular order: look each one up by its type.
    const refund = items.find((n) => n.type === 'after_sale.decided');
    expect(items.map((n) => n.title).sort()).toEqual(['付款成功', '退款已通过'].sort());
    expect(refund?.body).toContain('¥12.50');
    expect(refund?.link).toBe(`/orders/${order.id}`);
  });

  it('are emailed when the person wants email for the type, with an absolute link', async () => {
    const buyer = await t.signUp();
    const order = await placePaidOrder(t, buyer.token, variantId);
    await t.jobs.runDue();
    expect(sent).toEqual([
      {
        to: buyer.user.email,
        subject: 'Payment received',
        text: expect.stringContaining(`https://shop.example/orders/${order.id}`),
      },
    ]);
    // The email job running again does not send again.
    const [n] = (await inbox(buyer.token)).items;
    await t.services.notifications.sendEmail(n!.id);
    expect(sent).toHaveLength(1);
  });

  it('are not emailed when the person turned email off for the type', async () => {
    const buyer = await t.signUp();
    const put = await t.request('PUT', '/api/me/notification-preferences', {
      token: buyer.token,
      body: { email: { 'order.paid': false } },
    });
    expect(put.statusCode).toBe(200);
    await placePaidOrder(t, buyer.token, variantId);
    await t.jobs.runDue();
    expect((await inbox(buyer.token)).items).toHaveLength(1);
    expect(sent).toEqual([]);
  });
});

describe('notifications of other areas’ events', () => {
  it('go to the promoter for commissions and withdrawals, with their pages as links', async () => {
    const promoter = await t.signUp();
    const orderId = newId();
    await publish('commission.earned', {
      commissionId: newId(),
      orderId,
      userId: promoter.user.id,
      amount: 490,
      level: 1,
    });
    await publish('commission.settled', {
      commissionId: newId(),
      orderId,
      userId: promoter.user.id,
      amount: 490,
    });
    await publish('withdrawal.decided', {
      withdrawalId: newId(),
      userId: promoter.user.id,
      amount: 10_000,
      status: 'rejected',
    });
    await publish('order.shipped', { orderId, userId: promoter.user.id });
    await t.jobs.runDue();
    const { items } = await inbox(promoter.token);
    expect(items.map((n) => [n.type, n.link]).sort()).toEqual([
      ['commission.earned', '/promote/commissions'],
      ['commission.settled', '/promote/commissions'],
      ['order.shipped', `/orders/${orderId}`],
      ['withdrawal.decided', '/promote/withdrawals'],
    ]);
    expect(items.find((n) => n.type === 'withdrawal.decided')?.body).toContain('¥100.00');
    // Email by default for withdrawals and shipping, not for commissions.
    expect(sent.map((m) => m.subject).sort()).toEqual(['Withdrawal declined', 'Your order is on its way']);
  });

  it('tell every paid member when their group succeeds, and every member when one fails', async () => {
    const gb = groupBuySteps(t);
    const { campaign, variantId: groupVariant } = await gb.createCampaign({ groupSize: 2 });
    const [a, b, c] = await Promise.all([t.signUp(), t.signUp(), t.signUp()]);
    const first = await gb.joinAndPay(a.token, groupVariant, { campaignId: campaign.id });
    const groupId = first.groupBuy!.groupId;
    await gb.joinAndPay(b.token, groupVariant, { campaignId: campaign.id, groupId });
    await t.jobs.runDue();
    for (const person of [a, b]) {
      const types = (await inbox(person.token)).items.map((n) => [n.type, n.link]);
      expect(types).toContainEqual(['group.succeeded', `/groups/${groupId}`]);
    }

    const lonely = await gb.joinAndPay(c.token, groupVariant, { campaignId: campaign.id });
    await gb.advanceMinutes(61);
    const types = (await inbox(c.token)).items.map((n) => [n.type, n.link]);
    expect(types).toContainEqual(['group.failed', `/groups/${lonely.groupBuy!.groupId}`]);
  });
});

describe('GET /api/me/notifications', () => {
  it('pages newest first and never shows another person’s notifications', async () => {
    const [me, other] = await Promise.all([t.signUp(), t.signUp()]);
    for (let i = 0; i < 3; i += 1) await placePaidOrder(t, me.token, variantId);
    await placePaidOrder(t, other.token, variantId);
    await t.jobs.runDue();
    const first = await inbox(me.token, '?limit=2');
    expect(first.items).toHaveLength(2);
    expect(first.unread).toBe(3);
    const second = await inbox(me.token, `?limit=2&cursor=${first.nextCursor}`);
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    const ids = [...first.items, ...second.items].map((n) => n.id);
    expect([...ids].sort().reverse()).toEqual(ids);
    const theirs = await inbox(other.token);
    expect(theirs.items).toHaveLength(1);
    expect(theirs.items.some((n) => ids.includes(n.id))).toBe(false);
  });

  it('refuses a stranger (401) and a forged cursor (400)', async () => {
    expect((await t.request('GET', '/api/me/notifications')).statusCode).toBe(401);
    const me = await t.signUp();
    const forged = await t.request('GET', '/api/me/notifications?cursor=not-a-cursor', { token: me.token });
    expect(forged.statusCode).toBe(400);
  });
});

describe('POST /api/me/notifications/read', () => {
  it('marks the given ones read, ignores another person’s ids, and marks all without ids', async () => {
    const [me, other] = await Promise.all([t.signUp(), t.signUp()]);
    await placePaidOrder(t, me.token, variantId);
    await placePaidOrder(t, me.token, variantId);
    await placePaidOrder(t, other.token, variantId);
    await t.jobs.runDue();
    const mine = (await inbox(me.token)).items;
    const theirs = (await inbox(other.token)).items;

    const some = await t.request('POST', '/api/me/notifications/read', {
      token: me.token,
      body: { ids: [mine[0]!.id, theirs[0]!.id] },
    });
    expect(some.statusCode, some.body).toBe(200);
    expect(some.json()).toEqual({ unread: 1 });
    const after = await inbox(me.token);
    expect(after.items.find((n) => n.id === mine[0]!.id)?.readAt).toEqual(expect.any(String));
    expect(after.items.find((n) => n.id === mine[1]!.id)?.readAt).toBeNull();
    expect((await inbox(other.token)).items[0]?.readAt).toBeNull();
    expect((await inbox(other.token)).unread).toBe(1);

    const all = await t.request('POST', '/api/me/notifications/read', { token: me.token });
    expect(all.statusCode, all.body).toBe(200);
    expect((await inbox(me.token)).unread).toBe(0);
    expect((await inbox(other.token)).unread).toBe(1);
  });

  it('refuses a stranger (401) and ids that are not a list of strings (400)', async () => {
    const anonymous = await t.request('POST', '/api/me/notifications/read', { body: {} });
    expect(anonymous.statusCode).toBe(401);
    const me = await t.signUp();
    const bad = await t.request('POST', '/api/me/notifications/read', {
      token: me.token,
      body: { ids: 'all' },
    });
    expect(bad.statusCode).toBe(400);
  });
});

describe('notification preferences', () => {
  it('default to email for orders, after-sales, withdrawals and competition prizes, and keep what is not changed', async () => {
    const me = await t.signUp();
    const defaults = await t.request('GET', '/api/me/notification-preferences', { token: me.token });
    expect(defaults.json()).toEqual({
      email: {
        'order.paid': true,
        'order.redeemed': true,
        'order.shipped': true,
        'after_sale.decided': true,
        'withdrawal.decided': true,
        'commission.earned': false,
        'commission.settled': false,
        'group.succeeded': false,
        'group.failed': false,
        'level.changed': false,
        'level.review_announced': false,
        'task.completed': false,
        'badge.granted': false,
        'competition.placed': true,
        'points.expiring': false,
        'pickup.reminder': true,
        'gift.claimed': false,
        'gift.refunded': true,
      },
    });
    const put = await t.request('PUT', '/api/me/notification-preferences', {
      token: me.token,
      body: { email: { 'commission.earned': true, 'order.shipped': false } },
    });
    expect(put.json()).toMatchObject({
      email: { 'commission.earned': true, 'order.shipped': false, 'order.paid': true },
    });
    const other = await t.signUp();
    const theirs = await t.request('GET', '/api/me/notification-preferences', { token: other.token });
    expect(theirs.json()).toMatchObject({ email: { 'commission.earned': false, 'order.shipped': true } });
  });

  it('refuses unknown types, non-booleans (400) and strangers (401)', async () => {
    const me = await t.signUp();
    for (const email of [{ 'order.lost': true }, { 'order.paid': 'yes' }]) {
      const res = await t.request('PUT', '/api/me/notification-preferences', {
        token: me.token,
        body: { email },
      });
      expect(res.statusCode).toBe(400);
    }
    expect((await t.request('GET', '/api/me/notification-preferences')).statusCode).toBe(401);
    const put = await t.request('PUT', '/api/me/notification-preferences', { body: { email: {} } });
    expect(put.statusCode).toBe(401);
  });
});
