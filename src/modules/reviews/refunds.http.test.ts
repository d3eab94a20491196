import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../../../test/support/problem.js';
import { createProduct, placeOrder } from '../../../test/support/shop.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import type { Order } from '../orders/index.js';
import type { AdminReview, OwnReview, Review } from './schemas.js';

/**
 * Reviews and refunds: rewards for reviewing count once per order (not per line reviewed), a line
 * refunded in full is not reviewable, and an order refunded in full loses its reviews from the
 * product's page and summary and the growth its reviewing gave.
 */
let t: TestApp;
let admin: { token: string };
type Person = Awaited<ReturnType<TestApp['signUp']>>;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signInAdmin();
  // Growth from reviews only, so a person's growth is what reviewing gave them.
  const settings = await t.request('PUT', '/api/admin/levels/settings', {
    token: admin.token,
    body: { growthPerUnit: 0, growthPerReview: 30 },
  });
  expect(settings.statusCode, settings.body).toBe(200);
});
afterAll(() => t.close());

const review = (person: Person, orderId: string, body: Record<string, unknown>) =>
  t.request('POST', `/api/orders/${orderId}/reviews`, { token: person.token, body });
const reviewed = async (person: Person, orderId: string, body: Record<string, unknown>) => {
  const res = await review(person, orderId, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<OwnReview>();
};
const productPage = async (productId: string) => {
  const res = await t.request('GET', `/api/products/${productId}/reviews`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: Review[]; summary: { count: number; average: number | null } }>();
};
async function growthOf(person: Person) {
  await t.jobs.runDue();
  const res = await t.request('GET', '/api/me/level', { token: person.token });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ growth: number }>().growth;
}

/** A paid order of `lines` cheap products, one unit each. */
async function paidOrder(person: Person, lines: number) {
  const products = [];
  for (let i = 0; i < lines; i++) products.push(await createProduct(t, { price: 100, stock: 10 }));
  const placed = await placeOrder(
    t,
    person.token,
    products.map((p) => ({ variantId: p.variantId, quantity: 1 })),
  );
  expect(placed.statusCode, placed.body).toBe(201);
  const order = placed.json<Order>();
  const paid = await t.request('POST', `/api/payments/sandbox/${order.id}/succeed`, { token: person.token });
  expect(paid.statusCode, paid.body).toBe(200);
  return { order, products };
}

describe('rewards for reviewing', () => {
  it('count once per order: a review of every line gives growth and task progress once', async () => {
    const task = await t.request('POST', '/api/admin/tasks', {
      token: admin.token,
      body: { title: 'Review', kind: 'write_review', target: 3, rewardPoints: 10, period: 'weekly' },
    });
    expect(task.statusCode, task.body).toBe(201);
    const buyer = await t.signUp();
    const { order } = await paidOrder(buyer, 3);
    for (const item of order.items)
      await reviewed(buyer, order.id, { rating: 5, body: 'good', orderItemId: item.id });
    expect(await growthOf(buyer)).toBe(30);
    // Redelivered: the jobs of the same reviews run again and count nothing more.
    await t.db.query(`UPDATE jobs SET status = 'queued' WHERE payload->>'orderId' = $1`, [order.id]);
    expect(await growthOf(buyer)).toBe(30);
    const tasks = await t.request('GET', '/api/me/tasks', { token: buyer.token });
    const mine = tasks.json<{ items: { id: string; progress: number }[] }>().items;
    expect(mine.find((i) => i.id === task.json<{ id: string }>().id)?.progress).toBe(1);

    // Another order counts again.
    const second = await paidOrder(buyer, 1);
    await reviewed(buyer, second.order.id, { rating: 4, body: 'fine' });
    expect(await growthOf(buyer)).toBe(60);
  });
});

describe('refunds', () => {
  it('a line refunded in full is 409 review_line_refunded; with only such lines left, 409 review_already_written', async () => {
    const buyer = await t.signUp();
    const { order } = await paidOrder(buyer, 2);
    const [kept, returned] = order.items as [Order['items'][number], Order['items'][number]];
    await t.services.orders.refundOrder(order.id, 'returned', {
      amount: returned.unitPrice,
      items: [{ orderItemId: returned.id, quantity: 1 }],
    });
    const named = expectProblem(
      await review(buyer, order.id, { rating: 1, body: 'x', orderItemId: returned.id }),
      409,
    );
    expect(named).toMatchObject({ reason: 'review_line_refunded', params: { orderItemId: returned.id } });
    const mine = await t.request('GET', `/api/orders/${order.id}/reviews`, { token: buyer.token });
    expect(mine.json()).toMatchObject({ reviewableItemIds: [kept.id] });

    // The whole order: only the kept line is covered; after it nothing is left.
    const whole = await reviewed(buyer, order.id, { rating: 4, body: 'the rest' });
    expect(whole.items.map((i) => i.orderItemId)).toEqual([kept.id]);
    const again = expectProblem(await review(buyer, order.id, { rating: 4, body: 'again' }), 409);
    expect(again).toMatchObject({ reason: 'review_already_written', params: { reviewed: 1 } });
  });

  it('an order refunded in full: its reviews leave the product page and summary, hidden as order_refunded; the growth goes back', async () => {
    const buyer = await t.signUp();
    const { order, products } = await paidOrder(buyer, 2);
    const [first, second] = products as [(typeof products)[number], (typeof products)[number]];
    const one = await reviewed(buyer, order.id, { rating: 5, body: 'tea', orderItemId: order.items[0]!.id });
    await reviewed(buyer, order.id, { rating: 1, body: 'pot' });
    // Someone else's review of the same product stays.
    const other = await t.signUp();
    const placed = await placeOrder(t, other.token, [{ variantId: first.variantId, quantity: 1 }]);
    const otherOrder = placed.json<Order>();
    await t.request('POST', `/api/payments/sandbox/${otherOrder.id}/succeed`, { token: other.token });
    const kept = await reviewed(other, otherOrder.id, { rating: 3, body: 'mine' });
    expect(await growthOf(buyer)).toBe(30);
    expect((await productPage(first.product.id)).summary).toMatchObject({ count: 2, average: 4 });

    const refund = await t.request('POST', `/api/admin/orders/${order.id}/refund`, { token: admin.token });
    expect(refund.statusCode, refund.body).toBe(200);
    expect(await growthOf(buyer)).toBe(0);
    const page = await productPage(first.product.id);
    expect(page.items.map((r) => r.id)).toEqual([kept.id]);
    expect(page.summary).toMatchObject({ count: 1, average: 3 });
    expect((await productPage(second.product.id)).summary).toMatchObject({ count: 0, average: null });
    const rating = await t.request('GET', `/api/products/${second.product.id}/rating`);
    expect(rating.json()).toMatchObject({ count: 0 });

    // The buyer still sees them, hidden; the operator sees why.
    const mine = await t.request('GET', `/api/orders/${order.id}/reviews`, { token: buyer.token });
    expect(mine.json<{ items: OwnReview[] }>().items.map((r) => r.hidden)).toEqual([true, true]);
    const listed = await t.request('GET', '/api/admin/reviews?hidden=true', { token: admin.token });
    const hidden = listed.json<{ items: AdminReview[] }>().items.find((r) => r.id === one.id);
    expect(hidden?.hiddenReason).toBe('order_refunded');

    // Run again, the refund's jobs take back nothing more and hide nothing else.
    await t.db.query(`UPDATE jobs SET status = 'queued' WHERE payload->>'orderId' = $1`, [order.id]);
    expect(await growthOf(buyer)).toBe(0);
    expect((await productPage(first.product.id)).summary.count).toBe(1);
  });
});
