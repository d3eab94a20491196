import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../../../test/support/problem.js';
import { RACE } from '../../../test/support/races.js';
import { createProduct, expectLedgerSound, stockOf } from '../../../test/support/shop.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { JobRunner } from '../../platform/jobs.js';
import type { Order } from '../orders/index.js';
import { createFlashSaleCheckout } from './index.js';
import type { FlashSale } from './schemas.js';

/** API.md, Flash sales: the sale's window, quantity and per-person limit, held by the database. */
let t: TestApp;
let admin: string;
type Person = Awaited<ReturnType<TestApp['signUp']>>;
const MINUTE = 60_000;

beforeAll(async () => {
  t = await createTestApp();
  admin = (await t.signInAdmin()).token;
});
afterEach(() => expectLedgerSound(t));
afterAll(() => t.close());

const inMinutes = (n: number) => new Date(t.clock.now().getTime() + n * MINUTE).toISOString();

async function createSale(body: Record<string, unknown> = {}, stock = 50) {
  const { product, variantId } = await createProduct(t, { price: 4900, stock });
  const res = await t.request('POST', '/api/admin/flash-sales', {
    token: admin,
    body: {
      variantId,
      price: 990,
      quantity: 5,
      perUserLimit: 2,
      startsAt: inMinutes(-1),
      endsAt: inMinutes(60),
      ...body,
    },
  });
  return { res, product, variantId };
}

async function liveSale(body: Record<string, unknown> = {}, stock = 50) {
  const created = await createSale(body, stock);
  expect(created.res.statusCode, created.res.body).toBe(201);
  return { ...created, sale: created.res.json<FlashSale>() };
}

const order = (person: Person, saleId: string, variantId: string, quantity = 1, extra = {}) =>
  t.request('POST', '/api/orders', {
    token: person.token,
    body: { items: [{ variantId, quantity }], flashSale: { saleId }, ...extra },
  });

const saleNow = async (id: string) => (await t.request('GET', `/api/flash-sales/${id}`)).json<FlashSale>();

describe('POST /api/admin/flash-sales', () => {
  it('creates a sale that anyone can read, live in its window', async () => {
    const { sale, product, variantId } = await liveSale();
    expect(sale).toMatchObject({
      variantId,
      productId: product.id,
      price: 990,
      regularPrice: 4900,
      quantity: 5,
      remaining: 5,
      perUserLimit: 2,
      status: 'live',
      product: { id: product.id, title: product.title },
    });
    expect(await saleNow(sale.id)).toEqual(sale);
    const listed = (await t.request('GET', '/api/flash-sales')).json<{ items: FlashSale[] }>();
    expect(listed.items.map((s) => s.id)).toContain(sale.id);
  });

  it('refuses bad terms (400 with the field), an unknown variant (404), and anyone but an admin (401/403)', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ price: 4900 }, '/price'],
      [{ price: -1 }, '/price'],
      [{ quantity: 0 }, '/quantity'],
      [{ perUserLimit: 0 }, '/perUserLimit'],
      [{ startsAt: inMinutes(10), endsAt: inMinutes(5) }, '/endsAt'],
      [{ startsAt: inMinutes(-20), endsAt: inMinutes(-10) }, '/endsAt'],
      [{ startsAt: 'tomorrow' }, '/startsAt'],
    ];
    for (const [body, path] of cases) {
      const { res } = await createSale(body);
      const problem = expectProblem(res, 400);
      expect(
        problem.errors?.map((e) => e.path),
        JSON.stringify(body),
      ).toContain(path);
    }
    expectProblem((await createSale({ variantId: 'no-such-variant' })).res, 404);
    const stranger = await t.signUp();
    const body = {
      variantId: 'x',
      price: 1,
      quantity: 1,
      perUserLimit: 1,
      startsAt: inMinutes(1),
      endsAt: inMinutes(2),
    };
    expect(
      (await t.request('POST', '/api/admin/flash-sales', { token: stranger.token, body })).statusCode,
    ).toBe(403);
    expect((await t.request('POST', '/api/admin/flash-sales', { body })).statusCode).toBe(401);
  });
});

describe('POST /api/orders with flashSale', () => {
  it('charges the sale price × quantity, free of shipping; the units are taken from the sale', async () => {
    const { sale, variantId } = await liveSale();
    const buyer = await t.signUp();
    const placed = await order(buyer, sale.id, variantId, 2);
    expect(placed.statusCode, placed.body).toBe(201);
    expect(placed.json<Order>()).toMatchObject({ total: 1980, shippingFee: 0, memberDiscount: 0 });
    expect(await saleNow(sale.id)).toMatchObject({ remaining: 3, status: 'live' });
    expect(await stockOf(t, variantId)).toBe(48);
  });

  it('409 before it opens and after it ends or is closed', async () => {
    const { sale, variantId } = await liveSale({ startsAt: inMinutes(30), endsAt: inMinutes(90) });
    const buyer = await t.signUp();
    expect(await saleNow(sale.id)).toMatchObject({ status: 'upcoming' });
    expect(expectProblem(await order(buyer, sale.id, variantId), 409)).toMatchObject({
      reason: 'flash_sale_not_live',
      params: { startsAt: sale.startsAt },
    });
    t.clock.advance(91 * MINUTE);
    expect(await saleNow(sale.id)).toMatchObject({ status: 'ended' });
    expect(expectProblem(await order(buyer, sale.id, variantId), 409).reason).toBe('flash_sale_ended');

    const { sale: closing, variantId: other } = await liveSale();
    const closed = await t.request('POST', `/api/admin/flash-sales/${closing.id}/close`, { token: admin });
    expect(closed.json<FlashSale>().status).toBe('ended');
    expect(expectProblem(await order(buyer, closing.id, other), 409).reason).toBe('flash_sale_ended');
  });

  it('409 sold out with what is left; 422 over the per-person limit across the person’s orders', async () => {
    const { sale, variantId } = await liveSale({ quantity: 3, perUserLimit: 2 });
    const [first, second] = [await t.signUp(), await t.signUp()];
    expect((await order(first, sale.id, variantId, 2)).statusCode).toBe(201);
    expect(expectProblem(await order(first, sale.id, variantId, 1), 422)).toMatchObject({
      reason: 'flash_sale_limit_reached',
      params: { perUserLimit: 2, remaining: 0 },
    });
    expect(expectProblem(await order(second, sale.id, variantId, 2), 409)).toMatchObject({
      reason: 'flash_sale_sold_out',
      params: { remaining: 1 },
    });
    expect((await order(second, sale.id, variantId, 1)).statusCode).toBe(201);
    expect(await saleNow(sale.id)).toMatchObject({ remaining: 0, status: 'sold_out' });
    expect(expectProblem(await order(await t.signUp(), sale.id, variantId), 409).reason).toBe(
      'flash_sale_sold_out',
    );
  });

  it('an unpaid order that is cancelled or expires gives its units back to the sale and the person; a refund does not', async () => {
    const { sale, variantId } = await liveSale({ quantity: 2, perUserLimit: 1 });
    const buyer = await t.signUp();
    const cancelled = (await order(buyer, sale.id, variantId)).json<Order>();
    expect(
      (await t.request('POST', `/api/orders/${cancelled.id}/cancel`, { token: buyer.token })).statusCode,
    ).toBe(200);
    expect(await saleNow(sale.id)).toMatchObject({ remaining: 2 });
    // Cancelled: no longer counted against the person's limit.
    const expiring = await order(buyer, sale.id, variantId);
    expect(expiring.statusCode, expiring.body).toBe(201);
    t.clock.advance(31 * MINUTE);
    await t.request('POST', '/api/test/clock', { body: { advanceMs: 0 } });
    expect(
      (
        await t.request('GET', `/api/orders/${expiring.json<Order>().id}`, { token: buyer.token })
      ).json<Order>().status,
    ).toBe('cancelled');
    expect(await saleNow(sale.id)).toMatchObject({ remaining: 2 });

    const paid = (await order(buyer, sale.id, variantId)).json<Order>();
    await t.request('POST', `/api/payments/sandbox/${paid.id}/succeed`, { token: buyer.token });
    const refunded = await t.request('POST', `/api/admin/orders/${paid.id}/refund`, { token: admin });
    expect(refunded.statusCode, refunded.body).toBe(200);
    expect(await saleNow(sale.id)).toMatchObject({ remaining: 1 });
    expect(expectProblem(await order(buyer, sale.id, variantId), 422).reason).toBe(
      'flash_sale_limit_reached',
    );
  });

  it('a checkout refused after the units were claimed gives them back at once', async () => {
    const { sale, variantId } = await liveSale({ quantity: 1, perUserLimit: 1 });
    const buyer = await t.signUp();
    // The claim comes first; the order then fails inside its own transaction (no such post).
    const refused = await order(buyer, sale.id, variantId, 1, { postId: 'no-such-post' });
    expect(expectProblem(refused, 400).reason).toBe('order_source_unknown');
    expect(await saleNow(sale.id)).toMatchObject({ remaining: 1, status: 'live' });
    const placed = await order(buyer, sale.id, variantId);
    expect(placed.statusCode, placed.body).toBe(201);
    expect(await saleNow(sale.id)).toMatchObject({ remaining: 0 });
  });

  it('units claimed by a checkout whose process died come back when the claim lapses', async () => {
    const { sale, variantId } = await liveSale({ quantity: 2, perUserLimit: 1 });
    const buyer = await t.signUp();
    // Another process claims for this buyer, then dies before its order commits.
    const dying = createFlashSaleCheckout({ db: t.db, clock: t.clock, jobs: new JobRunner(t.db, t.clock) });
    await dying.claim({
      userId: buyer.user.id,
      saleId: sale.id,
      orderId: 'order-never-placed',
      lines: [{ variantId, quantity: 1 }],
    });
    expect(await saleNow(sale.id)).toMatchObject({ remaining: 1 });
    expect(expectProblem(await order(buyer, sale.id, variantId), 422).reason).toBe(
      'flash_sale_limit_reached',
    );

    t.clock.advance(4 * MINUTE);
    await t.request('POST', '/api/test/clock', { body: { advanceMs: 0 } });
    expect(await saleNow(sale.id)).toMatchObject({ remaining: 1 });
    t.clock.advance(2 * MINUTE);
    await t.request('POST', '/api/test/clock', { body: { advanceMs: 0 } });
    expect(await saleNow(sale.id)).toMatchObject({ remaining: 2 });
    const placed = await order(buyer, sale.id, variantId);
    expect(placed.statusCode, placed.body).toBe(201);
  });

  it('holds one line of the sale’s variant and no other deal (400)', async () => {
    const { sale, variantId } = await liveSale();
    const other = await createProduct(t);
    const buyer = await t.signUp();
    expect(expectProblem(await order(buyer, sale.id, other.variantId), 400).reason).toBe(
      'flash_sale_single_item',
    );
    const twoLines = await t.request('POST', '/api/orders', {
      token: buyer.token,
      body: {
        items: [
          { variantId, quantity: 1 },
          { variantId: other.variantId, quantity: 1 },
        ],
        flashSale: { saleId: sale.id },
      },
    });
    expect(expectProblem(twoLines, 400).reason).toBe('flash_sale_single_item');
    const withCoupon = await order(buyer, sale.id, variantId, 1, { couponId: 'c1' });
    expect(expectProblem(withCoupon, 400).errors?.[0]?.path).toBe('/couponId');
    expectProblem(await order(buyer, 'no-such-sale', variantId), 404);
    expect(await saleNow(sale.id)).toMatchObject({ remaining: 5 });
  });
});

describe('a flash crowd', () => {
  it(`sells exactly the quantity to 2,000 attempts at once, each person within the limit ${RACE}`, async () => {
    const { sale, variantId } = await liveSale({ quantity: 100, perUserLimit: 1 }, 500);
    const crowd = await Promise.all(Array.from({ length: 200 }, () => t.signUp()));
    const attempts = crowd.flatMap((person) => Array.from({ length: 10 }, () => person));
    const results = await Promise.all(attempts.map((person) => order(person, sale.id, variantId)));
    const statuses = results.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 201)).toHaveLength(100);
    expect(new Set(statuses)).toEqual(new Set([201, 409, 422]));
    const perPerson = await t.db.query<{ units: number }>(
      'SELECT sum(quantity)::int AS units FROM flash_sale_orders WHERE sale_id = $1 GROUP BY user_id',
      [sale.id],
    );
    expect(perPerson).toHaveLength(100);
    expect(perPerson.every((p) => p.units === 1)).toBe(true);
    expect(await saleNow(sale.id)).toMatchObject({ remaining: 0, status: 'sold_out' });
    expect(await stockOf(t, variantId)).toBe(400);
  }, 120_000);
});
