import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RACE } from '../../../test/support/races.js';
import { createProduct, expectLedgerSound, stockOf } from '../../../test/support/shop.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import type { Order } from '../orders/present.js';
import type { CouponTemplate, HeldCoupon } from './present.js';
import { templateMachine } from './rules.js';

/** Coupons over HTTP: the operator's templates, claiming, checkout, give-back, share to unlock. */
let t: TestApp;
let admin: { token: string };
type Person = Awaited<ReturnType<TestApp['signUp']>>;
const MINUTE = 60_000;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signInAdmin();
});
afterEach(() => expectLedgerSound(t));
afterAll(() => t.close());

async function newTemplate(body: Record<string, unknown> = {}): Promise<CouponTemplate> {
  const res = await t.request('POST', '/api/admin/coupons', {
    token: admin.token,
    body: { title: '10 off', kind: 'amount_off', amountOff: 1000, ...body },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<CouponTemplate>();
}

async function claim(person: Person, templateId: string) {
  return t.request('POST', `/api/coupons/${templateId}/claim`, { token: person.token });
}

async function claimed(person: Person, templateId: string): Promise<HeldCoupon> {
  const res = await claim(person, templateId);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<HeldCoupon>();
}

async function order(person: Person, variantId: string, couponId?: string, quantity = 1) {
  return t.request('POST', '/api/orders', {
    token: person.token,
    body: { items: [{ variantId, quantity }], ...(couponId ? { couponId } : {}) },
  });
}

const myCoupons = async (person: Person, status = '') =>
  (await t.request('GET', `/api/me/coupons${status && `?status=${status}`}`, { token: person.token })).json<{
    items: HeldCoupon[];
  }>().items;

describe('admin templates', () => {
  it('creates, lists, edits and disables a template', async () => {
    const created = await newTemplate({
      title: '15% off tea',
      kind: 'percent_off',
      amountOff: undefined,
      percentOffBps: 1500,
      maxDiscount: 2000,
      minSpend: 5000,
      totalQuantity: 100,
      validDays: 7,
    });
    expect(created).toMatchObject({
      kind: 'percent_off',
      percentOffBps: 1500,
      remaining: 100,
      status: 'active',
    });
    const list = await t.request('GET', '/api/admin/coupons', { token: admin.token });
    expect(list.json<{ items: CouponTemplate[] }>().items.map((c) => c.id)).toContain(created.id);

    const patched = await t.request('PATCH', `/api/admin/coupons/${created.id}`, {
      token: admin.token,
      body: { title: '20% off tea', percentOffBps: 2000, maxDiscount: null },
    });
    expect(patched.json()).toMatchObject({ title: '20% off tea', percentOffBps: 2000, maxDiscount: null });

    const disabled = await t.request('POST', `/api/admin/coupons/${created.id}/disable`, {
      token: admin.token,
    });
    expect(disabled.json()).toMatchObject({ status: 'disabled' });
    const centre = await t.request('GET', '/api/coupons');
    expect(centre.json<{ items: CouponTemplate[] }>().items.map((c) => c.id)).not.toContain(created.id);
    const again = await t.request('POST', `/api/admin/coupons/${created.id}/disable`, { token: admin.token });
    expect(again.json()).toMatchObject({ status: 'disabled', updatedAt: disabled.json().updatedAt });
    const enabled = await t.request('POST', `/api/admin/coupons/${created.id}/enable`, {
      token: admin.token,
    });
    expect(enabled.json()).toMatchObject({ status: 'active' });
  });

  it('has the template states of the machine, checked by the database', async () => {
    const [check] = await t.db.query<{ def: string }>(
      `SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conname = 'coupon_templates_status_check'`,
    );
    const states = [...(check?.def ?? '').matchAll(/'([a-z_]+)'/g)].map((m) => m[1]);
    expect(states).toEqual([...templateMachine.states]);
  });

  it('refuses bad input with 400 and field paths, and strangers with 401/403', async () => {
    const noKind = await t.request('POST', '/api/admin/coupons', {
      token: admin.token,
      body: { title: 'x' },
    });
    expect(noKind.statusCode).toBe(400);
    const mixed = await t.request('POST', '/api/admin/coupons', {
      token: admin.token,
      body: { title: 'x', kind: 'amount_off', amountOff: 100, percentOffBps: 500 },
    });
    expect(mixed.statusCode).toBe(400);
    expect(mixed.json().errors).toEqual([
      { path: '/percentOffBps', message: expect.any(String), rule: 'onlyPercentOff' },
    ]);
    const leapSecond = await t.request('POST', '/api/admin/coupons', {
      token: admin.token,
      body: { title: 'x', kind: 'amount_off', amountOff: 100, startsAt: '2026-06-30T23:59:60Z' },
    });
    expect(leapSecond.statusCode).toBe(400);
    expect(leapSecond.json().errors).toEqual([{ path: '/startsAt', message: expect.any(String) }]);
    // Year 0: a date-time by the format, but no date PostgreSQL stores: 400 naming the field, not 500.
    for (const field of ['startsAt', 'endsAt']) {
      const yearZero = await t.request('POST', '/api/admin/coupons', {
        token: admin.token,
        body: { title: 'x', kind: 'amount_off', amountOff: 100, [field]: '0000-01-01T00:00:00Z' },
      });
      expect(yearZero.json()).toMatchObject({ status: 400, errors: [{ path: `/${field}` }] });
    }
    const window = await t.request('POST', '/api/admin/coupons', {
      token: admin.token,
      body: {
        title: 'x',
        kind: 'amount_off',
        amountOff: 100,
        startsAt: '2026-12-01T00:00:00Z',
        endsAt: '2026-11-01T00:00:00Z',
      },
    });
    expect(window.statusCode).toBe(400);
    const negative = await t.request('POST', '/api/admin/coupons', {
      token: admin.token,
      body: { title: 'x', kind: 'amount_off', amountOff: -5 },
    });
    expect(negative.statusCode).toBe(400);
    const buyer = await t.signUp();
    expect((await t.request('GET', '/api/admin/coupons', { token: buyer.token })).statusCode).toBe(403);
    expect((await t.request('POST', '/api/admin/coupons', { body: {} })).statusCode).toBe(401);
  });

  it('edits and disabling leave coupons already claimed as they were claimed', async () => {
    const { variantId } = await createProduct(t, { price: 5000, stock: 10 });
    const template = await newTemplate({ amountOff: 1000 });
    const buyer = await t.signUp();
    const coupon = await claimed(buyer, template.id);
    await t.request('PATCH', `/api/admin/coupons/${template.id}`, {
      token: admin.token,
      body: { amountOff: 200, minSpend: 100_000 },
    });
    await t.request('POST', `/api/admin/coupons/${template.id}/disable`, { token: admin.token });
    const stopped = await claim(await t.signUp(), template.id);
    expect(stopped.json()).toMatchObject({
      status: 409,
      reason: 'coupon_unavailable',
      params: { templateId: template.id },
    });
    const placed = await order(buyer, variantId, coupon.id);
    expect(placed.json()).toMatchObject({ subtotal: 5000, discount: 1000, total: 4000 });
  });

  it('will not lower the quantity below what was already issued', async () => {
    const template = await newTemplate({ totalQuantity: 5 });
    await claimed(await t.signUp(), template.id);
    await claimed(await t.signUp(), template.id);
    const res = await t.request('PATCH', `/api/admin/coupons/${template.id}`, {
      token: admin.token,
      body: { totalQuantity: 1 },
    });
    expect(res.json()).toMatchObject({
      status: 422,
      reason: 'coupon_quantity_below_issued',
      params: { issued: 2, totalQuantity: 1 },
    });
  });
});

describe('claiming', () => {
  it('shows claimable coupons and claims one, within the per-person limit', async () => {
    const template = await newTemplate({ perUserLimit: 1, totalQuantity: 3, validDays: 3 });
    const buyer = await t.signUp();
    const centre = await t.request('GET', '/api/coupons', { token: buyer.token });
    expect(centre.json<{ items: unknown[] }>().items).toContainEqual(
      expect.objectContaining({ id: template.id, held: 0, canClaim: true }),
    );
    const coupon = await claimed(buyer, template.id);
    expect(coupon).toMatchObject({
      templateId: template.id,
      status: 'available',
      source: 'claim',
      amountOff: 1000,
    });
    expect(new Date(coupon.validUntil as string).getTime() - new Date(coupon.claimedAt).getTime()).toBe(
      3 * 86_400_000,
    );
    expect((await claim(buyer, template.id)).json()).toMatchObject({
      status: 409,
      reason: 'coupon_already_claimed',
      params: { templateId: template.id },
    });
    expect((await myCoupons(buyer, 'available')).map((c) => c.id)).toEqual([coupon.id]);
    const after = await t.request('GET', '/api/coupons', { token: buyer.token });
    expect(after.json<{ items: unknown[] }>().items).toContainEqual(
      expect.objectContaining({ id: template.id, held: 1, canClaim: false, remaining: 2 }),
    );
  });

  it('refuses unknown, reward-only, not yet open and ended templates', async () => {
    const buyer = await t.signUp();
    expect((await claim(buyer, 'no-such-coupon')).statusCode).toBe(404);
    const rewardOnly = await newTemplate({ claimable: false });
    expect((await claim(buyer, rewardOnly.id)).statusCode).toBe(404);
    const now = t.clock.now().getTime();
    const later = await newTemplate({ startsAt: new Date(now + 86_400_000).toISOString() });
    expect((await claim(buyer, later.id)).json()).toMatchObject({
      status: 422,
      reason: 'coupon_not_started',
      params: { templateId: later.id, startsAt: later.startsAt },
    });
    const ended = await newTemplate({
      startsAt: new Date(now - 2 * 86_400_000).toISOString(),
      endsAt: new Date(now - 86_400_000).toISOString(),
    });
    expect((await claim(buyer, ended.id)).json()).toMatchObject({
      status: 422,
      reason: 'coupon_claim_ended',
      params: { templateId: ended.id, endsAt: ended.endsAt },
    });
    expect((await t.request('POST', `/api/coupons/${later.id}/claim`)).statusCode).toBe(401);
  });

  it(`50 people racing for 10 coupons: exactly 10 get one ${RACE}`, async () => {
    const template = await newTemplate({ totalQuantity: 10 });
    const people = await Promise.all(Array.from({ length: 50 }, () => t.signUp()));
    const results = await Promise.all(people.map((p) => claim(p, template.id)));
    const statuses = results.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 201)).toHaveLength(10);
    expect(statuses.filter((s) => s === 409)).toHaveLength(40);
    expect(results.find((r) => r.statusCode === 409)?.json()).toMatchObject({
      reason: 'coupon_sold_out',
      params: { templateId: template.id, totalQuantity: 10 },
    });
    const after = await t.request('GET', `/api/admin/coupons/${template.id}`, { token: admin.token });
    expect(after.json()).toMatchObject({ issued: 10, remaining: 0 });
  });

  it(`one person racing 10 claims with a limit of 2 gets exactly 2 ${RACE}`, async () => {
    const template = await newTemplate({ perUserLimit: 2 });
    const buyer = await t.signUp();
    const results = await Promise.all(Array.from({ length: 10 }, () => claim(buyer, template.id)));
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(2);
    expect(await myCoupons(buyer)).toHaveLength(2);
  });

  it('lists my coupons by status and refuses an unknown status', async () => {
    const buyer = await t.signUp();
    expect((await t.request('GET', '/api/me/coupons?status=lost', { token: buyer.token })).statusCode).toBe(
      400,
    );
    expect((await t.request('GET', '/api/me/coupons')).statusCode).toBe(401);
  });
});

describe('checkout with a coupon', () => {
  it('takes the discount off the total, marks the coupon used, and pays the discounted total', async () => {
    const { variantId } = await createProduct(t, { price: 4900, stock: 10 });
    const template = await newTemplate({ amountOff: 1000, minSpend: 5000 });
    const buyer = await t.signUp();
    const coupon = await claimed(buyer, template.id);

    const tooSmall = await order(buyer, variantId, coupon.id, 1);
    expect(tooSmall.statusCode).toBe(422);
    expect(tooSmall.json()).toMatchObject({
      reason: 'coupon_min_spend',
      params: { couponId: coupon.id, minSpendAmount: 5000, subtotal: 4900 },
    });
    expect(await stockOf(t, variantId)).toBe(10);

    const placed = await order(buyer, variantId, coupon.id, 2);
    expect(placed.statusCode, placed.body).toBe(201);
    const o = placed.json<Order>();
    expect(o).toMatchObject({ subtotal: 9800, discount: 1000, total: 8800 });
    expect(o.payment?.amount).toBe(8800);
    expect((await myCoupons(buyer, 'used')).map((c) => [c.id, c.orderId])).toEqual([[coupon.id, o.id]]);

    const paid = await t.request('POST', `/api/payments/sandbox/${o.id}/succeed`, { token: buyer.token });
    expect(paid.json()).toMatchObject({ status: 'paid', total: 8800 });
    expect((await order(buyer, variantId, coupon.id)).json()).toMatchObject({
      status: 409,
      reason: 'coupon_already_used',
      params: { couponId: coupon.id },
    });
  });

  it('a percent-off rounds down and respects its cap; never more than the subtotal less one minor unit', async () => {
    const { variantId } = await createProduct(t, { price: 999, stock: 10 });
    const buyer = await t.signUp();
    const percent = await claimed(
      buyer,
      (await newTemplate({ kind: 'percent_off', amountOff: undefined, percentOffBps: 1500 })).id,
    );
    const o = (await order(buyer, variantId, percent.id)).json<Order>();
    expect(o).toMatchObject({ subtotal: 999, discount: 149, total: 850 });
    const big = await claimed(buyer, (await newTemplate({ amountOff: 50_000 })).id);
    const all = (await order(buyer, variantId, big.id)).json<Order>();
    // A regular order always leaves one minor unit to pay (orders/pricing.ts).
    expect(all).toMatchObject({ subtotal: 999, discount: 998, total: 1 });
  });

  it(`two checkouts racing with one coupon: one succeeds, the other gets 409 ${RACE}`, async () => {
    const { variantId } = await createProduct(t, { price: 5000, stock: 10 });
    const buyer = await t.signUp();
    const coupon = await claimed(buyer, (await newTemplate()).id);
    const results = await Promise.all([
      order(buyer, variantId, coupon.id),
      order(buyer, variantId, coupon.id),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(await stockOf(t, variantId)).toBe(9);
  });

  it('someone else’s coupon is not found; a malformed one is 400; an expired one is 422', async () => {
    const { variantId } = await createProduct(t, { price: 5000, stock: 10 });
    const owner = await t.signUp();
    const stranger = await t.signUp();
    const coupon = await claimed(owner, (await newTemplate({ validDays: 1 })).id);
    const theirs = await order(stranger, variantId, coupon.id);
    expect(theirs.statusCode).toBe(404);
    expect(theirs.headers['content-type']).toMatch(/application\/problem\+json/);
    expect((await order(stranger, variantId, 'nope')).statusCode).toBe(404);
    const bad = await t.request('POST', '/api/orders', {
      token: owner.token,
      body: { items: [{ variantId, quantity: 1 }], couponId: 42 },
    });
    expect(bad.statusCode).toBe(400);
    const empty = await t.request('POST', '/api/orders', {
      token: owner.token,
      body: { items: [{ variantId, quantity: 1 }], couponId: '' },
    });
    expect(empty.statusCode).toBe(400);

    await t.request('POST', '/api/test/clock', { body: { advanceMs: 86_400_000 } });
    const expired = await order(owner, variantId, coupon.id);
    expect(expired.statusCode).toBe(422);
    expect(expired.json()).toMatchObject({
      reason: 'coupon_expired',
      params: { couponId: coupon.id, validUntil: coupon.validUntil },
    });
    expect((await myCoupons(owner, 'expired')).map((c) => c.id)).toEqual([coupon.id]);
  });

  it('a coupon scoped to products only discounts those products', async () => {
    const tea = await createProduct(t, { price: 3000, stock: 10 });
    const cup = await createProduct(t, { price: 8000, stock: 10 });
    const buyer = await t.signUp();
    const template = await newTemplate({
      kind: 'percent_off',
      amountOff: undefined,
      percentOffBps: 5000,
      productIds: [tea.product.id],
    });
    const coupon = await claimed(buyer, template.id);
    const placed = await t.request('POST', '/api/orders', {
      token: buyer.token,
      body: {
        items: [
          { variantId: tea.variantId, quantity: 1 },
          { variantId: cup.variantId, quantity: 1 },
        ],
        couponId: coupon.id,
      },
    });
    expect(placed.json()).toMatchObject({ subtotal: 11_000, discount: 1500, total: 9500 });
    const onlyCup = await claimed(buyer, (await newTemplate({ productIds: [tea.product.id] })).id);
    expect((await order(buyer, cup.variantId, onlyCup.id)).json()).toMatchObject({
      status: 422,
      reason: 'coupon_not_applicable',
      params: { couponId: onlyCup.id },
    });
  });

  it('prices my coupons against a cart for the checkout picker, best first', async () => {
    const { variantId } = await createProduct(t, { price: 2000, stock: 10 });
    const buyer = await t.signUp();
    const small = await claimed(buyer, (await newTemplate({ amountOff: 300 })).id);
    const large = await claimed(buyer, (await newTemplate({ amountOff: 800 })).id);
    const needsMore = await claimed(buyer, (await newTemplate({ amountOff: 900, minSpend: 10_000 })).id);
    const res = await t.request('GET', `/api/me/coupons/applicable?items=${variantId}:2`, {
      token: buyer.token,
    });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json<{ items: { coupon: HeldCoupon; discount: number; applicable: boolean }[] }>()
      .items;
    expect(items.map((i) => [i.coupon.id, i.discount, i.applicable])).toEqual([
      [large.id, 800, true],
      [small.id, 300, true],
      [needsMore.id, 0, false],
    ]);
    const bad = await t.request('GET', '/api/me/coupons/applicable?items=oops', { token: buyer.token });
    expect(bad.statusCode).toBe(400);
  });
});

describe('giving coupons back', () => {
  it('an order not paid in time gives its coupon back, and stock', async () => {
    const { variantId } = await createProduct(t, { price: 5000, stock: 3 });
    const buyer = await t.signUp();
    const coupon = await claimed(buyer, (await newTemplate()).id);
    const o = (await order(buyer, variantId, coupon.id)).json<Order>();
    expect((await myCoupons(buyer, 'used')).map((c) => c.id)).toEqual([coupon.id]);

    await t.request('POST', '/api/test/clock', {
      body: { advanceMs: (t.config.paymentTimeoutMinutes + 1) * MINUTE },
    });
    const after = await t.request('GET', `/api/orders/${o.id}`, { token: buyer.token });
    expect(after.json()).toMatchObject({ status: 'cancelled' });
    expect(await myCoupons(buyer, 'available')).toEqual([
      expect.objectContaining({ id: coupon.id, orderId: null, usedAt: null }),
    ]);
    expect(await stockOf(t, variantId)).toBe(3);
    const again = await order(buyer, variantId, coupon.id);
    expect(again.json()).toMatchObject({ discount: 1000, total: 4000 });
  });

  it('a refunded order gives its coupon back (a refund is of the whole order)', async () => {
    const { variantId } = await createProduct(t, { price: 5000, stock: 3 });
    const buyer = await t.signUp();
    const coupon = await claimed(buyer, (await newTemplate()).id);
    const o = (await order(buyer, variantId, coupon.id)).json<Order>();
    await t.request('POST', `/api/payments/sandbox/${o.id}/succeed`, { token: buyer.token });
    const refunded = await t.request('POST', `/api/admin/orders/${o.id}/refund`, { token: admin.token });
    expect(refunded.json()).toMatchObject({ status: 'refunded' });
    // Giving the coupon back is a deferred reaction: a job queued with the refund.
    await t.jobs.runDue();
    expect((await myCoupons(buyer, 'available')).map((c) => c.id)).toEqual([coupon.id]);
  });
});

describe('share to unlock', () => {
  const device = () => randomBytes(16).toString('base64url');

  it('is claimable once N different people (not the sharer’s own device) opened the sharer’s links', async () => {
    const { product } = await createProduct(t, { price: 5000 });
    const template = await newTemplate({ shareToUnlock: 2 });
    const sharer = await t.signUp();
    const refused = await claim(sharer, template.id);
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({
      reason: 'coupon_share_locked',
      params: { templateId: template.id, visitors: 0, required: 2 },
    });

    const link = await t.request('POST', '/api/share-links', {
      token: sharer.token,
      body: { productId: product.id },
    });
    expect(link.statusCode, link.body).toBe(201);
    const { code } = link.json<{ code: string }>();
    const own = device();
    await t.services.distribution.recordSighting(sharer.user.id, own, '10.9.9.9');
    const friend = device();
    for (const d of [own, own, friend, friend]) {
      const res = await t.request('GET', `/s/${code}`, { headers: { cookie: `fission_device=${d}` } });
      expect(res.statusCode).toBe(302);
    }
    await t.services.sharing.flushClicks();
    const progress = await t.request('GET', `/api/coupons/${template.id}/progress`, { token: sharer.token });
    expect(progress.json()).toEqual({ required: 2, reached: 1 });
    expect((await claim(sharer, template.id)).json()).toMatchObject({
      reason: 'coupon_share_locked',
      params: { visitors: 1, required: 2 },
    });

    await t.request('GET', `/s/${code}`, { headers: { cookie: `fission_device=${device()}` } });
    await t.services.sharing.flushClicks();
    expect(
      (await t.request('GET', `/api/coupons/${template.id}/progress`, { token: sharer.token })).json(),
    ).toEqual({ required: 2, reached: 2 });
    expect((await claim(sharer, template.id)).statusCode).toBe(201);
  });

  it('a template without sharing needs none', async () => {
    const template = await newTemplate();
    const buyer = await t.signUp();
    const res = await t.request('GET', `/api/coupons/${template.id}/progress`, { token: buyer.token });
    expect(res.json()).toEqual({ required: 0, reached: 0 });
  });
});
