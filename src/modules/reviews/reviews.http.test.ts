import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartFile, pngOf } from '../../../test/support/images.js';
import { expectProblem } from '../../../test/support/problem.js';
import { createProduct, placeOrder, placePaidOrder } from '../../../test/support/shop.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { days } from '../../platform/clock.js';
import type { Order } from '../orders/index.js';
import type { AdminReview, OwnReview, Review } from './schemas.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

interface ProductPage {
  items: Review[];
  nextCursor: string | null;
  summary: { count: number; average: number | null; histogram: { rating: number; count: number }[] };
}

const review = (token: string, orderId: string, body: Record<string, unknown>) =>
  t.request('POST', `/api/orders/${orderId}/reviews`, { token, body });
const reviewed = async (token: string, orderId: string, body: Record<string, unknown>) => {
  const res = await review(token, orderId, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<OwnReview>();
};
const productPage = async (productId: string, query = '') => {
  const res = await t.request('GET', `/api/products/${productId}/reviews${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<ProductPage>();
};

async function uploadPhoto(token: string) {
  const file = multipartFile(await pngOf(400, 300), 'tea.png', 'image/png');
  const res = await t.request('POST', '/api/uploads?purpose=review', {
    token,
    body: file.payload,
    headers: file.headers,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string; url: string }>();
}

describe('reviewing an order', () => {
  it('happy: the buyer of a paid order reviews it with photos; the product page lists it as a verified purchase', async () => {
    const buyer = await t.signUp({ name: 'Chen Jie' });
    const { product, variantId } = await createProduct(t);
    const order = await placePaidOrder(t, buyer.token, variantId);
    const photo = await uploadPhoto(buyer.token);
    const body = 'Fragrant, <b>clean</b> finish & a long aftertaste';
    const own = await reviewed(buyer.token, order.id, { rating: 5, body, images: [photo.id] });
    expect(own).toMatchObject({
      orderId: order.id,
      rating: 5,
      body,
      images: [photo.url],
      verifiedPurchase: true,
      hidden: false,
      followUp: null,
      items: [{ orderItemId: order.items[0]!.id, productId: product.id }],
    });

    const page = await productPage(product.id);
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({
      id: own.id,
      body,
      verifiedPurchase: true,
      author: { name: 'Chen J.' },
    });
    expect(page.items[0]).not.toHaveProperty('orderId');
    expect(page.summary).toEqual({
      count: 1,
      average: 5,
      histogram: [1, 2, 3, 4, 5].map((rating) => ({ rating, count: rating === 5 ? 1 : 0 })),
    });
    const rating = await t.request('GET', `/api/products/${product.id}/rating`);
    expect(rating.json()).toEqual(page.summary);

    // review.created is published with the review, for growth and tasks to count.
    const [job] = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM jobs WHERE payload->>'reviewId' = $1`,
      [own.id],
    );
    expect(job?.n).toBeGreaterThan(0);
  });

  it('refuses an unpaid or cancelled order (409), another person’s order (404), and someone else’s photo (404)', async () => {
    const buyer = await t.signUp();
    const other = await t.signUp();
    const { variantId } = await createProduct(t);
    const unpaid = (await placeOrder(t, buyer.token, [{ variantId, quantity: 1 }])).json<Order>();
    const refused = expectProblem(await review(buyer.token, unpaid.id, { rating: 4, body: 'early' }), 409);
    expect(refused).toMatchObject({
      reason: 'review_order_not_reviewable',
      params: { status: 'pending_payment' },
    });
    await t.request('POST', `/api/orders/${unpaid.id}/cancel`, { token: buyer.token });
    expect(expectProblem(await review(buyer.token, unpaid.id, { rating: 4, body: 'x' }), 409).reason).toBe(
      'review_order_not_reviewable',
    );

    const paid = await placePaidOrder(t, buyer.token, variantId);
    // Someone who did not buy it cannot review it: the order is not theirs.
    expectProblem(await review(other.token, paid.id, { rating: 1, body: 'never bought it' }), 404);
    const othersPhoto = await uploadPhoto(other.token);
    const photo = expectProblem(
      await review(buyer.token, paid.id, { rating: 4, body: 'x', images: [othersPhoto.id] }),
      404,
    );
    expect(photo.reason).toBe('upload_not_found');
    expect(
      (await t.request('GET', `/api/orders/${paid.id}/reviews`, { token: other.token })).statusCode,
    ).toBe(404);
    // Nothing was written by the refusals.
    const mine = await t.request('GET', `/api/orders/${paid.id}/reviews`, { token: buyer.token });
    expect(mine.json()).toMatchObject({ items: [], reviewableItemIds: [paid.items[0]!.id] });
  });

  it('reviews each line once: a second review of the order is 409; a line by orderItemId, then the rest', async () => {
    const buyer = await t.signUp();
    const one = await createProduct(t, { title: 'Longjing' });
    const two = await createProduct(t, { title: 'Teapot' });
    const placed = await placeOrder(t, buyer.token, [
      { variantId: one.variantId, quantity: 1 },
      { variantId: two.variantId, quantity: 2 },
    ]);
    const order = placed.json<Order>();
    await t.request('POST', `/api/payments/sandbox/${order.id}/succeed`, { token: buyer.token });
    const [lineOne, lineTwo] = [
      order.items.find((i) => i.productId === one.product.id)!,
      order.items.find((i) => i.productId === two.product.id)!,
    ];

    const first = await reviewed(buyer.token, order.id, {
      rating: 3,
      body: 'the tea',
      orderItemId: lineOne.id,
    });
    expect(first.items.map((i) => i.orderItemId)).toEqual([lineOne.id]);
    const again = expectProblem(
      await review(buyer.token, order.id, { rating: 5, body: 'again', orderItemId: lineOne.id }),
      409,
    );
    expect(again.reason).toBe('review_already_written');
    expectProblem(
      await review(buyer.token, order.id, { rating: 5, body: 'x', orderItemId: 'not-a-line' }),
      404,
    );

    const rest = await reviewed(buyer.token, order.id, { rating: 5, body: 'the rest' });
    expect(rest.items.map((i) => i.orderItemId)).toEqual([lineTwo.id]);
    const twice = expectProblem(await review(buyer.token, order.id, { rating: 5, body: 'third' }), 409);
    expect(twice).toMatchObject({ reason: 'review_already_written', params: { reviewed: 2 } });

    expect((await productPage(one.product.id)).items.map((r) => r.id)).toEqual([first.id]);
    expect((await productPage(two.product.id)).items.map((r) => r.id)).toEqual([rest.id]);
    const mine = await t.request('GET', `/api/orders/${order.id}/reviews`, { token: buyer.token });
    expect(mine.json()).toMatchObject({ reviewableItemIds: [] });
  });

  it('two reviews of one order at once: exactly one is written', async () => {
    const buyer = await t.signUp();
    const { product, variantId } = await createProduct(t);
    const order = await placePaidOrder(t, buyer.token, variantId);
    const results = await Promise.all(
      [1, 2, 3].map((n) => review(buyer.token, order.id, { rating: n, body: `try ${n}` })),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    expect((await productPage(product.id)).summary.count).toBe(1);
  });

  it('stores text as typed: markup in a review comes back as the same characters', async () => {
    const buyer = await t.signUp();
    const { product, variantId } = await createProduct(t);
    const order = await placePaidOrder(t, buyer.token, variantId);
    const body = '<img src=x onerror="alert(1)"><script>alert(2)</script> $& 好茶';
    await reviewed(buyer.token, order.id, { rating: 2, body });
    expect((await productPage(product.id)).items[0]?.body).toBe(body);
  });
});

describe('follow-ups', () => {
  it('once, 30 days or more after the review: earlier 422, then 200, then 409; another person 404', async () => {
    const buyer = await t.signUp();
    const { product, variantId } = await createProduct(t);
    const order = await placePaidOrder(t, buyer.token, variantId);
    const first = await reviewed(buyer.token, order.id, { rating: 4, body: 'good so far' });
    expect(new Date(first.followUpAvailableAt!).getTime() - new Date(first.createdAt).getTime()).toBe(
      days(30),
    );

    const follow = (token: string, body: Record<string, unknown>) =>
      t.request('POST', `/api/reviews/${first.id}/follow-up`, { token, body });
    const early = expectProblem(await follow(buyer.token, { body: 'a week in' }), 422);
    expect(early).toMatchObject({
      reason: 'review_follow_up_too_early',
      params: { availableAt: first.followUpAvailableAt, days: 30 },
    });
    t.clock.advance(days(30) - 60_000);
    expectProblem(await follow(buyer.token, { body: 'a minute early' }), 422);
    t.clock.advance(60_000);
    // Signed in again: a session opened a month ago has lapsed.
    const other = await t.signUp();
    const login = await t.request('POST', '/api/auth/login', {
      body: { email: buyer.user.email, password: 'correct horse battery' },
    });
    buyer.token = login.json<{ token: string }>().token;
    expectProblem(await follow(other.token, { body: 'not mine' }), 404);
    const photo = await uploadPhoto(buyer.token);
    const done = await follow(buyer.token, { body: 'still great a month on', images: [photo.id] });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json<OwnReview>()).toMatchObject({
      rating: 4,
      followUp: { body: 'still great a month on', images: [photo.url] },
      followUpAvailableAt: null,
    });
    expect(expectProblem(await follow(buyer.token, { body: 'again' }), 409).reason).toBe(
      'review_follow_up_exists',
    );
    const page = await productPage(product.id);
    expect(page.items[0]?.followUp?.body).toBe('still great a month on');
    expect(page.summary.count).toBe(1);
  });
});

describe('the product list', () => {
  it('puts reviews with photos first, then the newest, and pages through them', async () => {
    const { product, variantId } = await createProduct(t, { stock: 20 });
    const written: { id: string; photos: boolean }[] = [];
    for (const photos of [false, true, false, true, false]) {
      const buyer = await t.signUp();
      const order = await placePaidOrder(t, buyer.token, variantId);
      const images = photos ? [(await uploadPhoto(buyer.token)).id] : [];
      written.push({
        id: (await reviewed(buyer.token, order.id, { rating: 4, body: 'ok', images })).id,
        photos,
      });
      t.clock.advance(1000);
    }
    const expected = [
      ...written.filter((w) => w.photos).reverse(),
      ...written.filter((w) => !w.photos).reverse(),
    ].map((w) => w.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: ProductPage = await productPage(product.id, `?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((r) => r.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(expected);
    expectProblem(await t.request('GET', `/api/products/${product.id}/reviews?cursor=bm9wZQ`), 400);
  });
});

describe('hiding reviews', () => {
  it('an operator hides a review with a reason: it leaves the list and the summary; restored, it is back; both audited', async () => {
    // Signed in now: an earlier test moved the clock past the first session's life.
    const admin = await t.signInAdmin();
    const operator = await t.signUp();
    await t.services.accounts.grantRole(operator.user.id, 'operator');
    const { product, variantId } = await createProduct(t);
    const kept = await t.signUp();
    await reviewed(kept.token, (await placePaidOrder(t, kept.token, variantId)).id, {
      rating: 5,
      body: 'great',
    });
    const abusive = await t.signUp();
    const abusiveOrder = await placePaidOrder(t, abusive.token, variantId);
    const bad = await reviewed(abusive.token, abusiveOrder.id, { rating: 1, body: 'abuse' });
    expect((await productPage(product.id)).summary).toMatchObject({ count: 2, average: 3 });

    const hidden = await t.request('POST', `/api/admin/reviews/${bad.id}/hide`, {
      token: operator.token,
      body: { reason: 'insults the seller' },
    });
    expect(hidden.statusCode, hidden.body).toBe(200);
    expect(hidden.json<AdminReview>()).toMatchObject({ hidden: true, hiddenReason: 'insults the seller' });
    const page = await productPage(product.id);
    expect(page.items.map((r) => r.id)).not.toContain(bad.id);
    expect(page.summary).toMatchObject({ count: 1, average: 5 });
    // Its author still sees it, marked hidden.
    const own = await t.request('GET', `/api/orders/${abusiveOrder.id}/reviews`, { token: abusive.token });
    expect(own.json<{ items: OwnReview[] }>().items[0]).toMatchObject({ id: bad.id, hidden: true });
    // A buyer may not hide anything.
    expectProblem(
      await t.request('POST', `/api/admin/reviews/${bad.id}/restore`, { token: kept.token, body: {} }),
      403,
    );

    const restored = await t.request('POST', `/api/admin/reviews/${bad.id}/restore`, {
      token: admin.token,
      body: { reason: 'appeal accepted' },
    });
    expect(restored.json<AdminReview>()).toMatchObject({ hidden: false, hiddenReason: null });
    expect((await productPage(product.id)).summary.count).toBe(2);

    const log = await t.request('GET', `/api/admin/audit?targetType=review&targetId=${bad.id}`, {
      token: admin.token,
    });
    const actions = log.json<{ items: { action: string; requestId: string }[] }>().items.map((e) => e.action);
    expect(actions.sort()).toEqual(['review.hide', 'review.restore']);
    expectProblem(
      await t.request('POST', '/api/admin/reviews/nope/hide', { token: admin.token, body: { reason: 'x' } }),
      404,
    );
    const listed = await t.request('GET', `/api/admin/reviews?productId=${product.id}`, {
      token: operator.token,
    });
    expect(
      listed
        .json<{ items: AdminReview[] }>()
        .items.map((r) => r.author.id)
        .sort(),
    ).toEqual([kept.user.id, abusive.user.id].sort());
  });
});
