import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../../../test/support/problem.js';
import { RACE } from '../../../test/support/races.js';
import { createProduct, expectLedgerSound, stockOf } from '../../../test/support/shop.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import type { Commission } from '../distribution/reads.js';
import type { Order } from '../orders/present.js';
import { afterSaleMachine } from './rules.js';
import type { AfterSale } from './service.js';

let t: TestApp;
let admin: { token: string };
type Person = Awaited<ReturnType<TestApp['signUp']>>;
let buyer: Person;
let stranger: Person;
let promoter: Person;
const DAY = 86_400_000;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signInAdmin();
  buyer = await t.signUp();
  stranger = await t.signUp();
  promoter = await t.signUp();
  await t.request('POST', '/api/shopkeepers', { token: promoter.token });
  const store = await t.request('POST', '/api/stores', {
    token: promoter.token,
    body: { name: 'After-sales corner', slug: 'as-corner' },
  });
  expect(store.statusCode).toBe(201);
});
afterEach(() => expectLedgerSound(t));
afterAll(() => t.close());

/** A paid order of two lines through the promoter's store: 3 × 3,333 and 1 × 1,000 (total 10,999). */
async function paidOrder(
  person = buyer,
  lines = [
    { price: 3333, quantity: 3 },
    { price: 1000, quantity: 1 },
  ],
) {
  const variants: string[] = [];
  for (const line of lines)
    variants.push((await createProduct(t, { price: line.price, stock: 20 })).variantId);
  const placed = await t.request('POST', '/api/orders', {
    token: person.token,
    body: {
      items: lines.map((l, i) => ({ variantId: variants[i], quantity: l.quantity })),
      storeSlug: 'as-corner',
    },
  });
  expect(placed.statusCode, placed.body).toBe(201);
  const order = placed.json<Order>();
  const paid = await t.request('POST', `/api/payments/sandbox/${order.id}/succeed`, { token: person.token });
  expect(paid.statusCode).toBe(200);
  return { order: paid.json<Order>(), variants };
}

const ask = (order: Order, body: Record<string, unknown>, token = buyer.token) =>
  t.request('POST', `/api/orders/${order.id}/after-sales`, {
    token,
    body: { reason: 'arrived broken', ...body },
  });
const approve = (id: string) =>
  t.request('POST', `/api/admin/after-sales/${id}/approve`, { token: admin.token, body: {} });
const getOrder = async (id: string) =>
  (await t.request('GET', `/api/orders/${id}`, { token: buyer.token })).json<Order>();
const commissionsOn = async (orderId: string) =>
  (await t.request('GET', '/api/me/commissions?limit=100', { token: promoter.token }))
    .json<{ items: Commission[] }>()
    .items.filter((c) => c.orderId === orderId);
const balance = (code: string) => t.services.ledger.balance(t.db, code);
const complete = (order: Order) =>
  t.request('POST', `/api/admin/orders/${order.id}/complete`, { token: admin.token });

describe('a refund before shipping', () => {
  it('refunds exactly the units asked for, returns their stock at once, and keeps the order paid', async () => {
    const { order, variants } = await paidOrder();
    const [tea] = order.items;
    const res = await ask(order, { type: 'refund', items: [{ orderItemId: tea!.id, quantity: 2 }] });
    expect(res.statusCode, res.body).toBe(201);
    const request = res.json<AfterSale>();
    // 10,999 over units of 3,333, 3,333, 3,333 and 1,000 by largest remainder: 3,333 each, 1,000.
    expect(request).toMatchObject({
      orderId: order.id,
      type: 'refund',
      status: 'requested',
      amount: 6666,
      items: [{ orderItemId: tea!.id, quantity: 2, amount: 6666 }],
    });
    const refundsBefore = await balance('platform:refunds');
    const approved = await approve(request.id);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ id: request.id, status: 'refunded', amount: 6666 });
    const after = await getOrder(order.id);
    expect(after).toMatchObject({ status: 'paid', refundedAmount: 6666 });
    expect(after.items[0]).toMatchObject({ refundedQuantity: 2 });
    expect(after.timeline.map((e) => e.status)).toContain('partially_refunded');
    expect(await balance('platform:refunds')).toBe(refundsBefore + 6666);
    expect(await stockOf(t, variants[0]!)).toBe(20 - 1);
    expect(await stockOf(t, variants[1]!)).toBe(20 - 1);
    const [intent] = await t.db.query<{ refunded_amount: number }>(
      `SELECT i.refunded_amount FROM sandbox_payment_intents i WHERE i.order_id = $1`,
      [order.id],
    );
    expect(intent?.refunded_amount).toBe(6666);
  });

  it('covers every unit not yet refunded without items, and refunds the rest in full', async () => {
    const { order } = await paidOrder();
    const first = (
      await ask(order, { type: 'refund', items: [{ orderItemId: order.items[1]!.id, quantity: 1 }] })
    ).json<AfterSale>();
    await approve(first.id);
    const rest = await ask(order, { type: 'refund' });
    expect(rest.statusCode).toBe(201);
    expect(rest.json<AfterSale>()).toMatchObject({ amount: order.total - first.amount });
    expect(rest.json<AfterSale>().items).toEqual([
      expect.objectContaining({ orderItemId: order.items[0]!.id, quantity: 3 }),
    ]);
    await approve(rest.json<AfterSale>().id);
    expect(await getOrder(order.id)).toMatchObject({ status: 'refunded', refundedAmount: order.total });
    expect((await commissionsOn(order.id)).map((c) => c.status)).toEqual(['reversed']);
    const none = await ask(order, { type: 'refund' });
    expect(none.statusCode).toBe(409);
  });
});

describe('a partial return after delivery', () => {
  it('refunds exactly and shrinks the commission exactly: floor(earned × kept / total)', async () => {
    const { order, variants } = await paidOrder();
    const [earned] = await commissionsOn(order.id);
    expect(earned).toMatchObject({ amount: 1099, status: 'pending' });
    expect((await ask(order, { type: 'return' })).statusCode).toBe(422);
    await t.request('POST', `/api/admin/orders/${order.id}/complete`, { token: admin.token });
    expect((await ask(order, { type: 'refund' })).statusCode).toBe(422);

    const pendingBefore = await balance(`promoter:${promoter.user.id}:pending`);
    const res = await ask(order, {
      type: 'return',
      photos: ['https://example.com/broken.jpg'],
      items: [{ orderItemId: order.items[0]!.id, quantity: 1 }],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<AfterSale>()).toMatchObject({ amount: 3333, photos: ['https://example.com/broken.jpg'] });
    // Stock of a return comes back once it is approved, not when asked for.
    expect(await stockOf(t, variants[0]!)).toBe(17);
    await approve(res.json<AfterSale>().id);
    expect(await stockOf(t, variants[0]!)).toBe(18);
    expect(await getOrder(order.id)).toMatchObject({ status: 'completed', refundedAmount: 3333 });
    const shrunk = Math.floor((1099 * (10_999 - 3333)) / 10_999);
    expect(await commissionsOn(order.id)).toMatchObject([{ amount: shrunk, status: 'pending' }]);
    expect(await balance(`promoter:${promoter.user.id}:pending`)).toBe(pendingBefore + (1099 - shrunk));

    // A second partial return is computed from what was earned, not from what was left.
    const second = (
      await ask(order, { type: 'return', items: [{ orderItemId: order.items[1]!.id, quantity: 1 }] })
    ).json<AfterSale>();
    expect(second.amount).toBe(1000);
    await approve(second.id);
    expect(await commissionsOn(order.id)).toMatchObject([
      { amount: Math.floor((1099 * (10_999 - 4333)) / 10_999), status: 'pending' },
    ]);
    expect(await balance(`promoter:${promoter.user.id}:pending`)).toBe(
      pendingBefore + 1099 - Math.floor((1099 * (10_999 - 4333)) / 10_999),
    );
  });

  it('holds the commission while a request is open, and settles it once rejected', async () => {
    const { order } = await paidOrder();
    await complete(order);
    // Within the window the request is allowed; the commission settles only after it.
    await t.clock.advance(6 * DAY);
    const open = await ask(order, {
      type: 'return',
      items: [{ orderItemId: order.items[0]!.id, quantity: 3 }],
    });
    expect(open.statusCode).toBe(201);
    await t.request('POST', '/api/test/clock', { body: { advanceMs: 2 * DAY } });
    expect(await commissionsOn(order.id)).toMatchObject([{ status: 'pending' }]);
    const rejected = await t.request('POST', `/api/admin/after-sales/${open.json<AfterSale>().id}/reject`, {
      token: admin.token,
      body: { note: 'the photos show no damage' },
    });
    expect(rejected.json()).toMatchObject({ status: 'rejected', note: 'the photos show no damage' });
    await t.request('POST', '/api/test/clock', { body: { advanceMs: 11 * 60_000 } });
    expect(await commissionsOn(order.id)).toMatchObject([{ status: 'settled', amount: 1099 }]);
    expect((await ask(order, { type: 'return' })).statusCode).toBe(422);
  });

  it('takes a settled commission back from available on a later full refund by the operator', async () => {
    const { order } = await paidOrder();
    await complete(order);
    const part = (
      await ask(order, { type: 'return', items: [{ orderItemId: order.items[1]!.id, quantity: 1 }] })
    ).json<AfterSale>();
    await approve(part.id);
    await t.request('POST', '/api/test/clock', { body: { advanceMs: 8 * DAY } });
    const kept = Math.floor((1099 * (10_999 - 1000)) / 10_999);
    expect(await commissionsOn(order.id)).toMatchObject([{ status: 'settled', amount: kept }]);
    const available = await balance(`promoter:${promoter.user.id}:available`);
    const full = await t.request('POST', `/api/admin/orders/${order.id}/refund`, { token: admin.token });
    expect(full.json<Order>()).toMatchObject({ status: 'refunded', refundedAmount: 10_999 });
    expect(await balance(`promoter:${promoter.user.id}:available`)).toBe(available + kept);
    expect(await commissionsOn(order.id)).toMatchObject([{ status: 'reversed' }]);
  });
});

describe('refusals', () => {
  it('refuses overlaps, more than is left, unknown items and unpaid orders', async () => {
    const { order } = await paidOrder();
    const tea = order.items[0]!.id;
    expect(
      (await ask(order, { type: 'refund', items: [{ orderItemId: tea, quantity: 2 }] })).statusCode,
    ).toBe(201);
    expect(
      (await ask(order, { type: 'refund', items: [{ orderItemId: tea, quantity: 2 }] })).statusCode,
    ).toBe(409);
    expect((await ask(order, { type: 'refund' })).statusCode).toBe(409);
    expect(
      (await ask(order, { type: 'refund', items: [{ orderItemId: tea, quantity: 1 }] })).statusCode,
    ).toBe(201);
    expect(
      (await ask(order, { type: 'refund', items: [{ orderItemId: tea, quantity: 4 }] })).statusCode,
    ).toBe(409);
    const unknown = await ask(order, { type: 'refund', items: [{ orderItemId: 'nope', quantity: 1 }] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ errors: [{ path: '/items/0/orderItemId' }] });
    const twice = await ask(order, {
      type: 'refund',
      items: [
        { orderItemId: order.items[1]!.id, quantity: 1 },
        { orderItemId: order.items[1]!.id, quantity: 1 },
      ],
    });
    expect(twice.statusCode).toBe(400);
    expect(
      (await ask(order, { type: 'refund', photos: Array(10).fill('https://x.example/a.jpg') })).statusCode,
    ).toBe(400);
    expect((await ask(order, { type: 'exchange' })).statusCode).toBe(400);

    const { variantId } = await createProduct(t);
    const unpaid = (
      await t.request('POST', '/api/orders', {
        token: buyer.token,
        body: { items: [{ variantId, quantity: 1 }] },
      })
    ).json<Order>();
    expect((await ask(unpaid, { type: 'refund' })).statusCode).toBe(409);
  });

  it('answers 401 without a token, 404 to another person, 403 to a buyer on the admin routes', async () => {
    const { order } = await paidOrder();
    const mine = (await ask(order, { type: 'refund' })).json<AfterSale>();
    expect(
      (
        await t.request('POST', `/api/orders/${order.id}/after-sales`, {
          body: { type: 'refund', reason: 'x' },
        })
      ).statusCode,
    ).toBe(401);
    expect((await ask(order, { type: 'refund' }, stranger.token)).statusCode).toBe(404);
    expect(
      (await t.request('GET', `/api/after-sales/${mine.id}`, { token: stranger.token })).statusCode,
    ).toBe(404);
    expect(
      (await t.request('GET', `/api/orders/${order.id}/after-sales`, { token: stranger.token })).statusCode,
    ).toBe(404);
    expect(
      (
        await t.request('POST', `/api/orders/${order.id}/after-sales/quote`, {
          token: stranger.token,
          body: {},
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await t.request('GET', `/api/after-sales/${mine.id}`, { token: buyer.token })).json(),
    ).toMatchObject({ id: mine.id });
    expect((await t.request('GET', `/api/after-sales/${mine.id}`, { token: admin.token })).statusCode).toBe(
      200,
    );
    expect((await t.request('GET', '/api/admin/after-sales', { token: buyer.token })).statusCode).toBe(403);
    expect(
      (await t.request('POST', `/api/admin/after-sales/${mine.id}/approve`, { token: buyer.token, body: {} }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await t.request('POST', `/api/admin/after-sales/${mine.id}/reject`, {
          token: buyer.token,
          body: { note: 'no' },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await t.request('POST', '/api/admin/after-sales/unknown/approve', { token: admin.token, body: {} }))
        .statusCode,
    ).toBe(404);
    expect((await t.request('GET', '/api/me/after-sales')).statusCode).toBe(401);
  });

  it('does not answer a database failure on the order as 404', async () => {
    const { order } = await paidOrder();
    const orders = t.services.orders;
    const lockOrder = orders.lockOrder;
    orders.lockOrder = async () => {
      orders.lockOrder = lockOrder;
      throw Object.assign(new Error('deadlock detected'), { code: '40P01' });
    };
    try {
      // PostgreSQL retries the transaction (201); PGlite, which never deadlocks, reports it (500).
      expect((await ask(order, { type: 'refund' })).statusCode).toBe(t.db.dialect === 'postgres' ? 201 : 500);
    } finally {
      orders.lockOrder = lockOrder;
    }
  });

  it('decides a request once: approving a rejected one, or rejecting a refunded one, is 409', async () => {
    const { order } = await paidOrder();
    const a = (
      await ask(order, { type: 'refund', items: [{ orderItemId: order.items[1]!.id, quantity: 1 }] })
    ).json<AfterSale>();
    const reject = (id: string) =>
      t.request('POST', `/api/admin/after-sales/${id}/reject`, { token: admin.token, body: { note: 'no' } });
    expect(
      (await t.request('POST', `/api/admin/after-sales/${a.id}/reject`, { token: admin.token, body: {} }))
        .statusCode,
    ).toBe(400);
    expect((await reject(a.id)).statusCode).toBe(200);
    expect((await approve(a.id)).statusCode).toBe(409);
    // Rejected units are free again.
    const b = (
      await ask(order, { type: 'refund', items: [{ orderItemId: order.items[1]!.id, quantity: 1 }] })
    ).json<AfterSale>();
    expect((await approve(b.id)).statusCode).toBe(200);
    expect((await reject(b.id)).statusCode).toBe(409);
    expect((await approve(b.id)).statusCode).toBe(409);
    expect((await getOrder(order.id)).refundedAmount).toBe(1000);
  });

  it('closes an open request when the operator refunds the whole order', async () => {
    const { order } = await paidOrder();
    const open = (await ask(order, { type: 'refund' })).json<AfterSale>();
    await t.request('POST', `/api/admin/orders/${order.id}/refund`, { token: admin.token });
    expect(
      (await t.request('GET', `/api/after-sales/${open.id}`, { token: buyer.token })).json(),
    ).toMatchObject({
      status: 'closed',
      // Regression: the note was English prose from the server, shown verbatim to a Chinese buyer.
      note: '',
    });
    expect((await approve(open.id)).statusCode).toBe(409);
  });
});

describe('lists and quotes', () => {
  it('quotes a request before it is sent, and lists mine and everyone’s by status, page by page', async () => {
    const person = await t.signUp();
    const { order } = await paidOrder(person);
    const quote = await t.request('POST', `/api/orders/${order.id}/after-sales/quote`, {
      token: person.token,
      body: { items: [{ orderItemId: order.items[0]!.id, quantity: 1 }] },
    });
    expect(quote.json()).toMatchObject({ amount: 3333, items: [{ quantity: 1, amount: 3333 }] });
    const ids: string[] = [];
    for (const item of order.items) {
      const made = await ask(
        order,
        { type: 'refund', items: [{ orderItemId: item.id, quantity: 1 }] },
        person.token,
      );
      ids.push(made.json<AfterSale>().id);
    }
    await approve(ids[0]!);
    const page1 = await t.request('GET', '/api/me/after-sales?limit=1', { token: person.token });
    const body1 = page1.json<{ items: AfterSale[]; nextCursor: string | null }>();
    expect(body1.items.map((a) => a.id)).toEqual([ids[1]]);
    const page2 = await t.request('GET', `/api/me/after-sales?limit=1&cursor=${body1.nextCursor}`, {
      token: person.token,
    });
    expect(page2.json<{ items: AfterSale[] }>().items.map((a) => a.id)).toEqual([ids[0]]);
    expect((await t.request('GET', '/api/me/after-sales', { token: stranger.token })).json()).toMatchObject({
      items: [],
    });
    const open = await t.request('GET', '/api/admin/after-sales?status=requested&limit=100', {
      token: admin.token,
    });
    const openIds = open.json<{ items: AfterSale[] }>().items.map((a) => a.id);
    expect(openIds).toContain(ids[1]);
    expect(openIds).not.toContain(ids[0]);
    const ofOrder = await t.request('GET', `/api/orders/${order.id}/after-sales`, { token: person.token });
    expect(ofOrder.json<{ items: AfterSale[] }>().items).toHaveLength(2);
    expect(
      (await t.request('GET', '/api/admin/after-sales?status=bogus', { token: admin.token })).statusCode,
    ).toBe(400);
  });
});

describe('events', () => {
  it('publishes after_sale.decided for approvals and rejections, in the transaction of the change', async () => {
    const seen: { status: string; amount: number }[] = [];
    t.services.events.subscribe('after_sale.decided', async (_tx, e) => {
      seen.push({ status: e.status, amount: e.amount });
    });
    const { order } = await paidOrder();
    const a = (
      await ask(order, { type: 'refund', items: [{ orderItemId: order.items[1]!.id, quantity: 1 }] })
    ).json<AfterSale>();
    const b = (
      await ask(order, { type: 'refund', items: [{ orderItemId: order.items[0]!.id, quantity: 1 }] })
    ).json<AfterSale>();
    await approve(a.id);
    await t.request('POST', `/api/admin/after-sales/${b.id}/reject`, {
      token: admin.token,
      body: { note: 'no' },
    });
    expect(seen).toEqual([
      { status: 'refunded', amount: 1000 },
      { status: 'rejected', amount: 3333 },
    ]);
  });
});

describe('approval', () => {
  it(`refunds once when two operators approve the same request at once ${RACE}`, async () => {
    const { order } = await paidOrder();
    const request = (
      await ask(order, { type: 'refund', items: [{ orderItemId: order.items[0]!.id, quantity: 1 }] })
    ).json<AfterSale>();
    const answers = await Promise.all([approve(request.id), approve(request.id)]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    expect((await getOrder(order.id)).refundedAmount).toBe(3333);
    const refunds = await t.db.query("SELECT 1 FROM refunds WHERE order_id = $1 AND status = 'succeeded'", [
      order.id,
    ]);
    expect(refunds).toHaveLength(1);
  });

  it('leaves the request open when the provider refuses, so it can be approved again', async () => {
    const { order } = await paidOrder();
    const request = (await ask(order, { type: 'refund' })).json<AfterSale>();
    const sandbox = t.services.payments.provider('sandbox');
    const refund = sandbox.refund;
    (sandbox as { refund: typeof refund }).refund = async () => {
      throw new Error('the provider is down');
    };
    try {
      expect((await approve(request.id)).statusCode).toBe(503);
    } finally {
      (sandbox as { refund: typeof refund }).refund = refund;
    }
    expect(
      (await t.request('GET', `/api/after-sales/${request.id}`, { token: buyer.token })).json(),
    ).toMatchObject({ status: 'requested' });
    expect(await getOrder(order.id)).toMatchObject({ status: 'paid', refundedAmount: 0 });
    expect((await approve(request.id)).json()).toMatchObject({ status: 'refunded' });
    expect(await getOrder(order.id)).toMatchObject({ status: 'refunded', refundedAmount: order.total });
  });
});

describe('AFTER_SALES_AUTO_APPROVE_REFUNDS', () => {
  it('approves a refund before shipping at once when on; a return still waits for the operator', async () => {
    const auto = await createTestApp({ AFTER_SALES_AUTO_APPROVE_REFUNDS: 'on' });
    try {
      const person = await auto.signUp();
      const operator = await auto.signInAdmin();
      const { variantId } = await createProduct(auto, { price: 2000, stock: 5 });
      const buy = async () => {
        const placed = await auto.request('POST', '/api/orders', {
          token: person.token,
          body: { items: [{ variantId, quantity: 2 }] },
        });
        const id = placed.json<Order>().id;
        await auto.request('POST', `/api/payments/sandbox/${id}/succeed`, { token: person.token });
        return id;
      };
      const first = await buy();
      const refund = await auto.request('POST', `/api/orders/${first}/after-sales`, {
        token: person.token,
        body: { type: 'refund', reason: 'changed my mind', items: [] },
      });
      expect(refund.statusCode).toBe(400);
      const asked = await auto.request('POST', `/api/orders/${first}/after-sales`, {
        token: person.token,
        body: { type: 'refund', reason: 'changed my mind' },
      });
      expect(asked.statusCode).toBe(201);
      expect(asked.json()).toMatchObject({ status: 'refunded', amount: 4000 });
      expect(await stockOf(auto, variantId)).toBe(5);

      const second = await buy();
      await auto.request('POST', `/api/admin/orders/${second}/complete`, { token: operator.token });
      const ret = await auto.request('POST', `/api/orders/${second}/after-sales`, {
        token: person.token,
        body: { type: 'return', reason: 'too big' },
      });
      expect(ret.json()).toMatchObject({ status: 'requested' });
    } finally {
      await auto.close();
    }
  });
});

describe('refusal reasons, for the buyer’s language', () => {
  it('names each refusal of a request with its facts: units left, units taken, the return window', async () => {
    const { order } = await paidOrder();
    const tea = order.items[0]!.id;
    expect(
      (await ask(order, { type: 'refund', items: [{ orderItemId: tea, quantity: 2 }] })).statusCode,
    ).toBe(201);
    expect(
      expectProblem(await ask(order, { type: 'refund', items: [{ orderItemId: tea, quantity: 2 }] }), 409),
    ).toMatchObject({
      reason: 'after_sale_already_requested',
      params: { orderItemId: tea, quantity: 2, free: 1 },
    });
    expect(
      expectProblem(await ask(order, { type: 'refund', items: [{ orderItemId: tea, quantity: 4 }] }), 409),
    ).toMatchObject({
      reason: 'after_sale_quantity_above_refundable',
      params: { orderItemId: tea, quantity: 4, remaining: 3 },
    });
    const quoted = await t.request('POST', `/api/orders/${order.id}/after-sales/quote`, {
      token: buyer.token,
      body: { items: [{ orderItemId: tea, quantity: 4 }] },
    });
    expect(expectProblem(quoted, 409)).toMatchObject({ reason: 'after_sale_quantity_above_refundable' });
    expect(expectProblem(await ask(order, { type: 'return' }), 422)).toMatchObject({
      reason: 'after_sale_not_shipped',
    });
    const unknown = expectProblem(
      await ask(order, { type: 'refund', items: [{ orderItemId: 'nope', quantity: 1 }] }),
      400,
    );
    expect(unknown.errors).toEqual([
      expect.objectContaining({ path: '/items/0/orderItemId', rule: 'orderItem' }),
    ]);

    await complete(order);
    expect(expectProblem(await ask(order, { type: 'refund' }), 422)).toMatchObject({
      reason: 'after_sale_already_shipped',
    });
    await t.clock.advance(8 * DAY);
    expect(expectProblem(await ask(order, { type: 'return' }), 422)).toMatchObject({
      reason: 'after_sale_window_closed',
      params: { returnWindowDays: 7 },
    });

    const { variantId } = await createProduct(t);
    const unpaid = (
      await t.request('POST', '/api/orders', {
        token: buyer.token,
        body: { items: [{ variantId, quantity: 1 }] },
      })
    ).json<Order>();
    expect(expectProblem(await ask(unpaid, { type: 'refund' }), 409)).toMatchObject({
      reason: 'after_sale_order_not_eligible',
      params: { orderStatus: 'pending_payment' },
    });
  });

  it('refuses an order with nothing left, and a decision on a decided request by the state machine', async () => {
    const { order } = await paidOrder();
    const all = (await ask(order, { type: 'refund' })).json<AfterSale>();
    expect((await approve(all.id)).statusCode).toBe(200);
    expect(expectProblem(await ask(order, { type: 'refund' }), 409)).toMatchObject({
      reason: 'after_sale_order_not_eligible',
      params: { orderStatus: 'refunded' },
    });
    expect(expectProblem(await approve(all.id), 409)).toMatchObject({
      reason: 'invalid_transition',
      params: { machine: afterSaleMachine.name, from: 'refunded', to: 'refunded' },
    });
    const rejected = await t.request('POST', `/api/admin/after-sales/${all.id}/reject`, {
      token: admin.token,
      body: { note: 'too late' },
    });
    expect(expectProblem(rejected, 409)).toMatchObject({
      reason: 'invalid_transition',
      params: { from: 'refunded', to: 'rejected' },
    });
  });
});

describe('the status column', () => {
  it('admits exactly the states of the after-sales state machine (migration 020)', async () => {
    const [check] = await t.db.query<{ def: string }>(
      `SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint
       WHERE conrelid = 'after_sales'::regclass AND conname = 'after_sales_status_check'`,
    );
    const states = [...(check?.def ?? '').matchAll(/'([^']+)'/g)].map((m) => m[1]);
    expect(states.sort()).toEqual([...afterSaleMachine.states].sort());
  });
});
