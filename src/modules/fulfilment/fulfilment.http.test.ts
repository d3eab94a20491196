import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectProblem } from '../../../test/support/problem.js';
import { RACE } from '../../../test/support/races.js';
import {
  createProduct,
  expectLedgerSound,
  placeOrder,
  placePaidOrder,
  stockOf,
} from '../../../test/support/shop.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import type { Commission } from '../distribution/reads.js';
import type { Wallet } from '../distribution/wallet.js';
import { groupBuySteps } from '../groupbuy/test-steps.js';
import type { Order } from '../orders/present.js';
import type { ImportResult } from './service.js';

/** Shipping (one order or a CSV), confirming receipt by the buyer or automatically, and cancelling. */
let t: TestApp;
type Person = Awaited<ReturnType<TestApp['signUp']>>;
let admin: Person;
let buyer: Person;
let stranger: Person;
const DAY = 86_400_000;

beforeAll(async () => {
  t = await createTestApp();
});
// Fresh sessions for each test: the tests move the clock by weeks, past a session's 30 days.
beforeEach(async () => {
  admin = await t.signInAdmin();
  buyer = await t.signUp();
  stranger = await t.signUp();
});
afterEach(() => expectLedgerSound(t));
afterAll(() => t.close());

const ship = (
  orderId: string,
  body: unknown = { carrier: 'SF Express', trackingNumber: 'SF1234567890' },
  token = admin.token,
) => t.request('POST', `/api/admin/orders/${orderId}/ship`, { token, body });
const receipt = (orderId: string, token = buyer.token) =>
  t.request('POST', `/api/orders/${orderId}/receipt`, { token });
const cancel = (orderId: string, token = buyer.token) =>
  t.request('POST', `/api/orders/${orderId}/cancel`, { token });
const importCsv = (csv: string, token = admin.token, type = 'text/csv') =>
  t.request('POST', '/api/admin/shipments/import', { token, body: csv, headers: { 'content-type': type } });
const getOrder = async (orderId: string, token = buyer.token) =>
  (await t.request('GET', `/api/orders/${orderId}`, { token })).json<Order>();
const advance = async (ms: number) => {
  const res = await t.request('POST', '/api/test/clock', { body: { advanceMs: ms } });
  expect(res.statusCode).toBe(200);
};

async function paidOrder(who: Person = buyer) {
  const { variantId } = await createProduct(t, { price: 4900, stock: 10 });
  return placePaidOrder(t, who.token, variantId);
}

describe('POST /api/admin/orders/:id/ship', () => {
  it('ships a paid order with its carrier and tracking number, shown on every read of the order', async () => {
    const order = await paidOrder();
    expect(order.shipment).toBeNull();
    const res = await ship(order.id, { carrier: '  SF   Express ', trackingNumber: 'SF 1234 5678' });
    expect(res.statusCode, res.body).toBe(200);
    const shipped = res.json<Order>();
    expect(shipped).toMatchObject({
      status: 'shipped',
      shipment: {
        carrier: 'SF Express',
        trackingNumber: 'SF12345678',
        shippedAt: expect.any(String),
      },
    });
    expect(shipped.timeline.map((e) => e.status)).toEqual(['pending_payment', 'paid', 'shipped']);
    expect(shipped.timeline.at(-1)?.note).toBe('SF Express SF12345678');
    expect(shipped.shipment?.shippedAt).toBe(shipped.timeline.at(-1)?.at);
    const shippedAt = new Date(shipped.shipment?.shippedAt ?? '').getTime();
    expect(new Date(shipped.shipment?.autoConfirmAt ?? '').getTime()).toBe(shippedAt + 10 * DAY);
    expect((await getOrder(order.id)).shipment).toEqual(shipped.shipment);
    const mine = await t.request('GET', '/api/me/orders?status=shipped', { token: buyer.token });
    expect(mine.json<{ items: Order[] }>().items.find((o) => o.id === order.id)?.shipment).toEqual(
      shipped.shipment,
    );
    const adminView = await t.request('GET', `/api/admin/orders/${order.id}`, { token: admin.token });
    expect(adminView.json<Order>().shipment).toEqual(shipped.shipment);
  });

  it('publishes order.shipped inside the transaction: a failing subscriber leaves the order paid', async () => {
    const seen: unknown[] = [];
    let fail = true;
    t.services.events.subscribe('order.shipped', async (_tx, event) => {
      if (fail) throw new Error('subscriber failed');
      seen.push(event);
    });
    const order = await paidOrder();
    const failed = await ship(order.id);
    expect(failed.statusCode).toBe(500);
    expect(await getOrder(order.id)).toMatchObject({ status: 'paid', shipment: null });
    fail = false;
    expect((await ship(order.id)).statusCode).toBe(200);
    expect(seen).toEqual([{ orderId: order.id, userId: buyer.user.id }]);
  });

  it('answers 409 for an unpaid, shipped, completed, refunded or cancelled order', async () => {
    const { variantId } = await createProduct(t, { stock: 10 });
    const unpaid = (await placeOrder(t, buyer.token, [{ variantId, quantity: 1 }])).json<Order>();
    expect(expectProblem(await ship(unpaid.id), 409).detail).toMatch(/not paid/);

    const shipped = await paidOrder();
    await ship(shipped.id);
    expect(expectProblem(await ship(shipped.id), 409).detail).toMatch(/already shipped/);

    const completed = await paidOrder();
    await t.request('POST', `/api/admin/orders/${completed.id}/complete`, { token: admin.token });
    expectProblem(await ship(completed.id), 409);

    const refunded = await paidOrder();
    await t.request('POST', `/api/admin/orders/${refunded.id}/refund`, { token: admin.token });
    expectProblem(await ship(refunded.id), 409);

    expect((await cancel(unpaid.id)).statusCode).toBe(200);
    expectProblem(await ship(unpaid.id), 409);
  });

  it('ships a group-buy order only once its group succeeded', async () => {
    const steps = groupBuySteps(t);
    const { campaign, variantId } = await steps.createCampaign({ groupSize: 2 });
    const leader = await steps.joinAndPay(buyer.token, variantId, { campaignId: campaign.id });
    expect(expectProblem(await ship(leader.id), 409).detail).toMatch(/group/);
    const member = await steps.joinAndPay(stranger.token, variantId, {
      campaignId: campaign.id,
      groupId: leader.groupBuy?.groupId,
    });
    expect((await ship(leader.id)).statusCode).toBe(200);
    expect((await ship(member.id)).json<Order>().status).toBe('shipped');
  });

  it('validates the carrier and tracking number', async () => {
    const order = await paidOrder();
    const cases: [unknown, string][] = [
      [{ carrier: 'SF' }, '/trackingNumber'],
      [{ carrier: 'SF', trackingNumber: 'SF1', extra: 1 }, '/extra'],
      [{ carrier: 'SF', trackingNumber: 'SF#1' }, '/trackingNumber'],
      [{ carrier: 'SF', trackingNumber: 'x'.repeat(41) }, '/trackingNumber'],
      [{ carrier: 'S\u0007F', trackingNumber: 'SF1' }, '/carrier'],
      [{ carrier: '   ', trackingNumber: 'SF1' }, '/carrier'],
    ];
    for (const [body, path] of cases) {
      const problem = expectProblem(await ship(order.id, body), 400);
      expect(problem.errors?.map((e) => e.path)).toContain(path);
    }
    expect((await getOrder(order.id)).status).toBe('paid');
  });

  it('answers 404 for an unknown order, 401 without a token and 403 for a buyer', async () => {
    const order = await paidOrder();
    expectProblem(await ship('no-such-order'), 404);
    expectProblem(await t.request('POST', `/api/admin/orders/${order.id}/ship`, { body: {} }), 401);
    expectProblem(await ship(order.id, undefined, buyer.token), 403);
    expect((await getOrder(order.id)).status).toBe('paid');
  });
});

describe('POST /api/orders/:id/receipt', () => {
  it('completes a shipped order for its buyer, once', async () => {
    const order = await paidOrder();
    await ship(order.id);
    const res = await receipt(order.id);
    expect(res.statusCode, res.body).toBe(200);
    const completed = res.json<Order>();
    expect(completed.status).toBe('completed');
    expect(completed.timeline.at(-1)).toMatchObject({ status: 'completed', note: 'confirmed by the buyer' });
    expectProblem(await receipt(order.id), 409);
  });

  it('answers 404 for another person (an admin too) and 409 before shipping', async () => {
    const order = await paidOrder();
    expectProblem(await receipt(order.id), 409);
    await ship(order.id);
    expectProblem(await receipt(order.id, stranger.token), 404);
    expectProblem(await receipt(order.id, admin.token), 404);
    expectProblem(await receipt('no-such-order'), 404);
    expectProblem(await t.request('POST', `/api/orders/${order.id}/receipt`), 401);
    expect((await getOrder(order.id)).status).toBe('shipped');
  });
});

describe('automatic confirmation', () => {
  it('completes a shipped order nobody confirmed AUTO_CONFIRM_DAYS after shipping, and says so', async () => {
    const config = await t.request('GET', '/api/config');
    expect(config.json()).toMatchObject({ autoConfirmDays: 10 });
    const order = await paidOrder();
    await ship(order.id);
    await advance(10 * DAY - 60_000);
    expect((await getOrder(order.id)).status).toBe('shipped');
    await advance(2 * 60_000);
    const completed = await getOrder(order.id);
    expect(completed.status).toBe('completed');
    expect(completed.timeline.at(-1)).toMatchObject({ status: 'completed', note: 'confirmed automatically' });
  });

  it('leaves an order the buyer confirmed, or that was refunded, as it is', async () => {
    const confirmed = await paidOrder();
    await ship(confirmed.id);
    await receipt(confirmed.id);
    const refunded = await paidOrder();
    await ship(refunded.id);
    expect(
      (await t.request('POST', `/api/admin/orders/${refunded.id}/refund`, { token: admin.token })).statusCode,
    ).toBe(200);
    await advance(11 * DAY);
    const after = await getOrder(confirmed.id);
    expect(after.timeline.filter((e) => e.status === 'completed')).toHaveLength(1);
    expect(after.timeline.at(-1)?.note).toBe('confirmed by the buyer');
    expect((await getOrder(refunded.id)).status).toBe('refunded');
  });

  it(`completes an order once when two processes run the confirmation at the same time ${RACE}`, async () => {
    const second = await createTestApp({}, t.db);
    try {
      const completions: string[] = [];
      for (const app of [t, second])
        app.services.events.subscribe('order.completed', async (_tx, e) => {
          completions.push(e.orderId);
        });
      const order = await paidOrder();
      await ship(order.id);
      const ran = await Promise.all([
        t.services.orders.confirmDeliveryAutomatically(order.id),
        second.services.orders.confirmDeliveryAutomatically(order.id),
      ]);
      expect(ran.sort()).toEqual([false, true]);
      expect(completions.filter((id) => id === order.id)).toHaveLength(1);
      // And the job itself is claimed by one process only.
      const other = await paidOrder();
      await ship(other.id);
      t.clock.advance(11 * DAY);
      second.clock.advance(t.clock.now().getTime() - second.clock.now().getTime() + 1000);
      await Promise.all([t.jobs.runDue(), second.jobs.runDue()]);
      expect((await getOrder(other.id)).timeline.filter((e) => e.status === 'completed')).toHaveLength(1);
      expect(completions.filter((id) => id === other.id)).toHaveLength(1);
    } finally {
      await second.app.close();
      await second.jobs.stop();
    }
  });
});

describe('paid → shipped → completed → settled, with nobody touching it after shipping', () => {
  it('settles the promoter’s commission after AUTO_CONFIRM_DAYS plus RETURN_WINDOW_DAYS', async () => {
    const promoter = await t.signUp({ name: 'Promoter' });
    const shopper = await t.signUp({ name: 'Shopper' });
    const { product, variantId } = await createProduct(t, { price: 20_000, stock: 5 });
    const link = await t.request('POST', '/api/share-links', {
      token: promoter.token,
      body: { productId: product.id },
    });
    expect(link.statusCode).toBe(201);
    const placed = await t.request('POST', '/api/orders', {
      token: shopper.token,
      body: { items: [{ variantId, quantity: 1 }], shareCode: link.json<{ code: string }>().code },
    });
    expect(placed.statusCode).toBe(201);
    const orderId = placed.json<Order>().id;
    const paid = await t.request('POST', `/api/payments/sandbox/${orderId}/succeed`, {
      token: shopper.token,
    });
    expect(paid.json<Order>().status).toBe('paid');
    const commission = async () =>
      (await t.request('GET', '/api/me/commissions', { token: promoter.token }))
        .json<{ items: Commission[] }>()
        .items.find((c) => c.orderId === orderId);
    const wallet = async () =>
      (await t.request('GET', '/api/me/wallet', { token: promoter.token })).json<Wallet>();
    expect(await commission()).toMatchObject({ status: 'pending', amount: 2000 });

    expect((await ship(orderId)).statusCode).toBe(200);
    await advance(t.config.autoConfirmDays * DAY + 60_000);
    const completed = await getOrder(orderId, shopper.token);
    expect(completed.status).toBe('completed');
    expect(completed.timeline.at(-1)?.note).toBe('confirmed automatically');
    expect((await commission())?.status).toBe('pending');

    await advance(t.config.returnWindowDays * DAY + 60 * 60_000);
    expect(await commission()).toMatchObject({ status: 'settled', amount: 2000 });
    expect(await wallet()).toMatchObject({ pending: 0, available: 2000 });
  });
});

describe('POST /api/orders/:id/cancel', () => {
  it('cancels the buyer’s unpaid order and gives its stock back', async () => {
    const { variantId } = await createProduct(t, { stock: 10 });
    const order = (await placeOrder(t, buyer.token, [{ variantId, quantity: 3 }])).json<Order>();
    expect(await stockOf(t, variantId)).toBe(7);
    const res = await cancel(order.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Order>()).toMatchObject({ status: 'cancelled' });
    expect(res.json<Order>().timeline.at(-1)).toMatchObject({
      status: 'cancelled',
      note: 'cancelled by the buyer',
    });
    expect(await stockOf(t, variantId)).toBe(10);
    expect(expectProblem(await cancel(order.id), 409).detail).toMatch(/already cancelled/);
    expect(await stockOf(t, variantId)).toBe(10);
  });

  it('answers 409 for a paid order and 404 for another person’s', async () => {
    const { variantId } = await createProduct(t, { stock: 10 });
    const unpaid = (await placeOrder(t, buyer.token, [{ variantId, quantity: 1 }])).json<Order>();
    expectProblem(await cancel(unpaid.id, stranger.token), 404);
    expectProblem(await cancel(unpaid.id, admin.token), 404);
    expectProblem(await t.request('POST', `/api/orders/${unpaid.id}/cancel`), 401);
    expect((await getOrder(unpaid.id)).status).toBe('pending_payment');
    const paid = await paidOrder();
    expect(expectProblem(await cancel(paid.id), 409).detail).toMatch(/refund/);
    expect((await getOrder(paid.id)).status).toBe('paid');
  });
});

describe('POST /api/admin/orders/:id/complete', () => {
  it('still completes a paid order and a shipped one', async () => {
    const paid = await paidOrder();
    const done = await t.request('POST', `/api/admin/orders/${paid.id}/complete`, { token: admin.token });
    expect(done.json<Order>().status).toBe('completed');
    const shipped = await paidOrder();
    await ship(shipped.id);
    const delivered = await t.request('POST', `/api/admin/orders/${shipped.id}/complete`, {
      token: admin.token,
    });
    expect(delivered.json<Order>()).toMatchObject({
      status: 'completed',
      shipment: { carrier: 'SF Express' },
    });
  });
});

describe('POST /api/admin/shipments/import', () => {
  it('ships the good rows and reports each refused one with its line and reason', async () => {
    const a = await paidOrder();
    const b = await paidOrder();
    const { variantId } = await createProduct(t, { stock: 5 });
    const unpaid = (await placeOrder(t, buyer.token, [{ variantId, quantity: 1 }])).json<Order>();
    const csv = [
      '\uFEFFOrder ID,Carrier,Tracking number,Buyer',
      `${a.id},SF Express,SF001,Lin`,
      '',
      `${b.id},"Yunda, Shanghai",YD 002,"Wang ""Fang"""`,
      'no-such-order,SF Express,SF003,',
      `${unpaid.id},SF Express,SF004,`,
      `${a.id},SF Express,SF005,`,
      `${b.id},SF Express,SF#6,`,
      `${b.id},SF Express`,
      ',,,',
    ].join('\r\n');
    const res = await importCsv(csv);
    expect(res.statusCode, res.body).toBe(200);
    const result = res.json<ImportResult>();
    expect(result).toMatchObject({ shipped: 2, refused: 5 });
    expect(result.rows).toEqual([
      { line: 2, orderId: a.id, status: 'shipped', carrier: 'SF Express', trackingNumber: 'SF001' },
      { line: 4, orderId: b.id, status: 'shipped', carrier: 'Yunda, Shanghai', trackingNumber: 'YD002' },
      expect.objectContaining({
        line: 5,
        status: 'refused',
        reason: 'shipment_order_not_found',
        params: { orderId: 'no-such-order' },
      }),
      expect.objectContaining({ line: 6, status: 'refused', reason: 'not_paid' }),
      expect.objectContaining({ line: 7, status: 'refused', reason: 'already_shipped' }),
      expect.objectContaining({
        line: 8,
        status: 'refused',
        reason: 'shipment_row_invalid',
        errors: [expect.objectContaining({ path: '/trackingNumber', rule: 'pattern' })],
      }),
      expect.objectContaining({ line: 9, status: 'refused', reason: 'shipment_row_malformed' }),
    ]);
    // A row is refused with the reason the ship route answers with for the same order.
    expect(expectProblem(await ship('no-such-order'), 404)).toMatchObject({
      reason: 'shipment_order_not_found',
      params: { orderId: 'no-such-order' },
    });
    expect(expectProblem(await ship(unpaid.id), 409)).toMatchObject({ reason: 'not_paid' });
    expect((await getOrder(a.id)).shipment).toMatchObject({ trackingNumber: 'SF001' });
    expect((await getOrder(b.id)).shipment).toMatchObject({ carrier: 'Yunda, Shanghai' });
    expect((await getOrder(unpaid.id)).status).toBe('pending_payment');
  });

  it('refuses a file it cannot read as a whole with a 4xx, and ships nothing', async () => {
    const order = await paidOrder();
    const header = 'orderId,carrier,trackingNumber';
    const noHeader = expectProblem(await importCsv(`${order.id},SF,SF1`), 400);
    expect(noHeader.errors?.[0]?.path).toBe('/header');
    expect(noHeader).toMatchObject({
      reason: 'shipment_csv_columns_missing',
      params: { missing: 'orderId, carrier, trackingNumber' },
    });
    const unclosed = expectProblem(await importCsv(`${header}\n${order.id},"SF,SF1\n`), 400);
    expect(unclosed).toMatchObject({ reason: 'shipment_csv_unclosed_quote', params: { line: 2 } });
    expect(unclosed.errors?.[0]?.path).toBe('/line/2');
    expect(expectProblem(await importCsv(''), 400)).toMatchObject({ reason: 'shipment_csv_empty' });
    expect(expectProblem(await importCsv(`${header}\n`), 400)).toMatchObject({
      reason: 'shipment_csv_no_rows',
    });
    expectProblem(await importCsv(`${header}\n${order.id},S\u0000F,SF1`), 400);
    const many = [header, ...Array.from({ length: 1001 }, (_, i) => `x${i},SF,SF${i}`)].join('\n');
    expect(expectProblem(await importCsv(many), 413)).toMatchObject({
      reason: 'shipment_csv_too_many_rows',
      params: { rows: 1001, max: 1000 },
    });
    expectProblem(await importCsv(`${header}\n${order.id},SF,SF1`, admin.token, 'application/json'), 415);
    expectProblem(
      await t.request('POST', '/api/admin/shipments/import', { token: admin.token, body: { csv: header } }),
      415,
    );
    expect((await getOrder(order.id)).status).toBe('paid');
  });

  it('answers 401 without a token and 403 for a buyer', async () => {
    const order = await paidOrder();
    const csv = `orderId,carrier,trackingNumber\n${order.id},SF,SF1`;
    expectProblem(
      await t.request('POST', '/api/admin/shipments/import', {
        body: csv,
        headers: { 'content-type': 'text/csv' },
      }),
      401,
    );
    expectProblem(await importCsv(csv, buyer.token), 403);
    expect((await getOrder(order.id)).status).toBe('paid');
  });
});
