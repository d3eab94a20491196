import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../../../test/support/problem.js';
import { RACE } from '../../../test/support/races.js';
import { createProduct, placePaidOrder } from '../../../test/support/shop.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { addDays, dayIn } from '../../platform/calendar.js';
import type { Order } from '../orders/present.js';
import { hasFreeShipping, memberPricing } from './index.js';
import type { LevelView } from './schemas.js';

/**
 * Membership levels end to end: growth from payments and refunds (deferred reactions, run by
 * `runDue`), levelling up with a notification, the operator's ladder and its checks, the member
 * discount at checkout, the commission multiplier, the monthly coupon and the yearly re-evaluation.
 */
let t: TestApp;
let admin: { token: string };
type Person = Awaited<ReturnType<TestApp['signUp']>>;
const DAY = 86_400_000;

const NEUTRAL = {
  discountBps: 0,
  commissionMultiplierBps: 10_000,
  freeShipping: false,
  monthlyCouponTemplateId: null,
};

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signInAdmin();
  // Member 0, Silver 100, Gold 500 (5 % off, commissions ×1.5, free shipping), Platinum 2000.
  for (const level of [
    { rank: 2, name: 'Silver', threshold: 100, ...NEUTRAL },
    {
      rank: 4,
      name: 'Gold',
      threshold: 500,
      ...NEUTRAL,
      discountBps: 500,
      commissionMultiplierBps: 15_000,
      freeShipping: true,
    },
    { rank: 5, name: 'Platinum', threshold: 2000, ...NEUTRAL, discountBps: 1000 },
  ]) {
    const res = await t.request('POST', '/api/admin/levels', { token: admin.token, body: level });
    expect(res.statusCode, res.body).toBe(201);
  }
});
afterAll(() => t.close());

interface MyLevel {
  level: number;
  name: string;
  growth: number;
  nextLevelGrowth: number | null;
  benefits: { kind: string; bps?: number; couponTemplateId?: string }[];
}

async function myLevel(person: Person): Promise<MyLevel> {
  const res = await t.request('GET', '/api/me/level', { token: person.token });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<MyLevel>();
}

/** Pays an order of `yuan` and runs the deferred reactions (growth, notifications). */
async function pay(person: Person, yuan: number): Promise<Order> {
  const { variantId } = await createProduct(t, { price: yuan * 100, stock: 10 });
  const order = await placePaidOrder(t, person.token, variantId);
  await t.jobs.runDue();
  return order;
}

/** Signs in again: sessions lapse when the test clock moves weeks on. */
async function signInAgain(person: Person): Promise<Person> {
  const res = await t.request('POST', '/api/auth/login', {
    body: { email: person.user.email, password: 'correct horse battery' },
  });
  expect(res.statusCode, res.body).toBe(200);
  return { ...person, token: res.json<{ token: string }>().token };
}

const notificationsOf = async (person: Person) =>
  (await t.request('GET', '/api/me/notifications', { token: person.token })).json<{
    items: { type: string; link: string; title: string; body: string }[];
  }>().items;

describe('my level', () => {
  it('a newcomer is at level 1 with no growth, and sees where the next level starts', async () => {
    const me = await t.signUp();
    expect(await myLevel(me)).toEqual({
      level: 1,
      name: 'Member',
      growth: 0,
      nextLevelGrowth: 100,
      benefits: [],
    });
    const all = await t.request('GET', '/api/levels', { token: me.token });
    expect(all.json<{ items: LevelView[] }>().items.map((l) => [l.rank, l.name, l.threshold])).toEqual([
      [1, 'Member', 0],
      [2, 'Silver', 100],
      [4, 'Gold', 500],
      [5, 'Platinum', 2000],
    ]);
  });

  it('401 without a token; a buyer gets 403 on every admin route', async () => {
    expectProblem(await t.request('GET', '/api/me/level'), 401);
    expectProblem(await t.request('GET', '/api/levels'), 401);
    const buyer = await t.signUp();
    const token = buyer.token;
    for (const [method, url, body] of [
      ['GET', '/api/admin/levels', undefined],
      ['POST', '/api/admin/levels', { rank: 9, name: 'X', threshold: 9000, ...NEUTRAL }],
      ['PUT', '/api/admin/levels/2', { name: 'X', threshold: 100, ...NEUTRAL }],
      ['DELETE', '/api/admin/levels/2', undefined],
      ['GET', '/api/admin/levels/settings', undefined],
      ['PUT', '/api/admin/levels/settings', { growthPerUnit: 100 }],
    ] as const) {
      expectProblem(await t.request(method, url, { token, body }), 403);
    }
  });
});

describe('growth', () => {
  it('a payment adds growth per yuan paid and levels up at once, with a notification linking to /level', async () => {
    const me = await t.signUp();
    await pay(me, 150);
    expect(await myLevel(me)).toMatchObject({ level: 2, name: 'Silver', growth: 150, nextLevelGrowth: 500 });
    const level = (await notificationsOf(me)).find((n) => n.type === 'level.changed');
    expect(level).toMatchObject({ link: '/level', title: 'Welcome to Silver' });

    // Crossing two thresholds at once lands on the highest reached.
    await pay(me, 2000);
    expect(await myLevel(me)).toMatchObject({
      level: 5,
      name: 'Platinum',
      growth: 2150,
      nextLevelGrowth: null,
    });
  });

  it(`two payments' growth posted at once both count, and together level up ${RACE}`, async () => {
    const me = await t.signUp();
    const orders: Order[] = [];
    for (let i = 0; i < 2; i++) {
      const { variantId } = await createProduct(t, { price: 6000 });
      orders.push(await placePaidOrder(t, me.token, variantId)); // ¥60 each; Silver starts at 100
    }
    const post = (order: Order) =>
      t.db.transaction((tx) =>
        t.services.levels.reactions.onPaid(tx, { orderId: order.id, userId: me.user.id }),
      );
    await Promise.all(orders.map(post));
    expect(await myLevel(me)).toMatchObject({ level: 2, growth: 120 });
    await t.jobs.runDue(); // the queued jobs of the same payments post nothing more
    expect(await myLevel(me)).toMatchObject({ level: 2, growth: 120 });
  });

  it('a full refund takes the order’s growth back but does not demote at once', async () => {
    const me = await t.signUp();
    const order = await pay(me, 600);
    expect(await myLevel(me)).toMatchObject({ level: 4, growth: 600 });
    const refund = await t.request('POST', `/api/admin/orders/${order.id}/refund`, { token: admin.token });
    expect(refund.statusCode, refund.body).toBe(200);
    await t.jobs.runDue();
    expect(await myLevel(me)).toMatchObject({ level: 4, name: 'Gold', growth: 0 });
  });

  it('partial refunds take back their share, cumulatively, once each, never more than the order gave', async () => {
    const me = await t.signUp();
    const order = await pay(me, 600);
    const partial = (refundId: string, refundedAmount: number) =>
      t.db.transaction((tx) =>
        t.services.levels.reactions.onPartiallyRefunded(tx, {
          orderId: order.id,
          userId: me.user.id,
          refundId,
          amount: 0,
          refundedAmount,
          total: order.total,
        }),
      );
    await partial('r1', 20_000); // a third refunded: 200 of 600 taken back
    expect((await myLevel(me)).growth).toBe(400);
    await partial('r1', 20_000); // the same refund again: nothing more
    expect((await myLevel(me)).growth).toBe(400);
    await partial('r2', 45_000); // three quarters refunded in all: 450 taken back in all
    expect((await myLevel(me)).growth).toBe(150);
    await t.db.transaction((tx) =>
      t.services.levels.reactions.onRefunded(tx, { orderId: order.id, userId: me.user.id }),
    );
    await partial('r3', 50_000); // arriving after the full refund: nothing is left to take
    expect((await myLevel(me)).growth).toBe(0);
  });

  it('a refund takes back what the payment gave, even after the operator changed the growth rate', async () => {
    const me = await t.signUp();
    const second = await pay(me, 300); // Silver: no discount on the next order
    const first = await pay(me, 600);
    expect((await myLevel(me)).growth).toBe(900);
    const rate = (growthPerUnit: number) =>
      t.request('PUT', '/api/admin/levels/settings', { token: admin.token, body: { growthPerUnit } });
    expect((await rate(2)).statusCode).toBe(200);
    const refund = await t.request('POST', `/api/admin/orders/${first.id}/refund`, { token: admin.token });
    expect(refund.statusCode, refund.body).toBe(200);
    await t.jobs.runDue();
    expect((await myLevel(me)).growth).toBe(300); // 600 back, not 1200 at today's rate
    await t.db.transaction((tx) =>
      t.services.levels.reactions.onPartiallyRefunded(tx, {
        orderId: second.id,
        userId: me.user.id,
        refundId: 'half',
        amount: second.total / 2,
        refundedAmount: second.total / 2,
        total: second.total,
      }),
    );
    expect((await myLevel(me)).growth).toBe(150); // half of the 300 it gave
    expect((await rate(1)).statusCode).toBe(200);
  });

  it('activity adds growth by the operator’s settings, once per check-in day, review and lesson', async () => {
    const me = await t.signUp();
    const settings = await t.request('PUT', '/api/admin/levels/settings', {
      token: admin.token,
      body: { growthPerCheckin: 7, growthPerReview: 30, growthPerLesson: 70 },
    });
    expect(settings.json()).toMatchObject({ growthPerUnit: 1, growthPerCheckin: 7, growthPerReview: 30 });
    const r = t.services.levels.reactions;
    await t.db.transaction(async (tx) => {
      for (let i = 0; i < 2; i++) {
        await r.onCheckin(tx, { userId: me.user.id, day: '2026-05-01', streak: 1, points: 5 });
        await r.onReview(tx, { userId: me.user.id, reviewId: 'rv1', productId: 'p', orderId: 'o' });
        await r.onLesson(tx, { userId: me.user.id, lessonId: 'l1' });
      }
    });
    expect(await myLevel(me)).toMatchObject({ growth: 107, level: 2 });
  });
});

describe('the operator’s ladder', () => {
  const body = (b: Record<string, unknown>) => ({ name: 'Bronze', threshold: 50, ...NEUTRAL, ...b });

  it('refuses thresholds that do not rise with rank, a taken rank, moving level 1 off 0 and deleting it', async () => {
    const token = admin.token;
    const notRising = await t.request('POST', '/api/admin/levels', {
      token,
      body: body({ rank: 3, threshold: 600 }),
    });
    expect(expectProblem(notRising, 422).reason).toBe('level_thresholds_not_increasing');
    expect(notRising.json().params).toEqual({ rank: 4, threshold: 500, belowRank: 3, belowThreshold: 600 });
    expect(
      expectProblem(await t.request('POST', '/api/admin/levels', { token, body: body({ rank: 2 }) }), 409)
        .reason,
    ).toBe('level_rank_taken');
    expect(
      expectProblem(
        await t.request('PUT', '/api/admin/levels/1', { token, body: body({ threshold: 5 }) }),
        422,
      ).reason,
    ).toBe('level_first_not_zero');
    expect(expectProblem(await t.request('DELETE', '/api/admin/levels/1', { token }), 409).reason).toBe(
      'level_one_required',
    );
    expectProblem(await t.request('PUT', '/api/admin/levels/9', { token, body: body({}) }), 404);
    const unknownCoupon = await t.request('PUT', '/api/admin/levels/2', {
      token,
      body: body({ name: 'Silver', threshold: 100, monthlyCouponTemplateId: 'no-such-template' }),
    });
    expectProblem(unknownCoupon, 400);
    expectProblem(
      await t.request('PUT', '/api/admin/levels/settings', { token, body: { reviewDate: '02-29' } }),
      400,
    );
    expectProblem(
      await t.request('POST', '/api/admin/levels', { token, body: { ...body({ rank: 3 }), extra: 1 } }),
      400,
    );
  });

  it('adds, edits and deletes a level; deleting moves its members down to the level below', async () => {
    const token = admin.token;
    const added = await t.request('POST', '/api/admin/levels', {
      token,
      body: body({ rank: 3, name: 'Bronze+', threshold: 300, freeShipping: true }),
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json<LevelView>().benefits).toEqual([{ kind: 'free_shipping' }]);
    const me = await t.signUp();
    await pay(me, 320);
    expect(await myLevel(me)).toMatchObject({
      level: 3,
      name: 'Bronze+',
      benefits: [{ kind: 'free_shipping' }],
    });
    const edited = await t.request('PUT', '/api/admin/levels/3', {
      token,
      body: body({ name: 'Copper', threshold: 250 }),
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect((await myLevel(me)).name).toBe('Copper');
    expect((await t.request('DELETE', '/api/admin/levels/3', { token })).statusCode).toBe(204);
    expect(await myLevel(me)).toMatchObject({ level: 2, name: 'Silver', growth: 320 });
    await t.jobs.runDue();
    // Told why: the level went, not a yearly review.
    const [latest] = (await notificationsOf(me)).filter((n) => n.type === 'level.changed');
    expect(latest).toMatchObject({ title: 'Your level is now Silver' });
    expect(latest?.body).toContain('no longer has the level you were at');
  });
  it('a lowered threshold or a new level raises members already above it by a queued sweep, with a notification', async () => {
    const token = admin.token;
    const me = await t.signUp();
    await pay(me, 400);
    expect((await myLevel(me)).level).toBe(2);

    const added = await t.request('POST', '/api/admin/levels', {
      token,
      body: body({ rank: 3, name: 'Bronze+', threshold: 300 }),
    });
    expect(added.statusCode, added.body).toBe(201);
    // Not inside the operator's request: the sweep job does it.
    expect((await myLevel(me)).level).toBe(2);
    await t.jobs.runDue();
    expect(await myLevel(me)).toMatchObject({ level: 3, name: 'Bronze+' });

    const gold = { name: 'Gold', threshold: 500, ...NEUTRAL, discountBps: 500 };
    const lowered = await t.request('PUT', '/api/admin/levels/4', {
      token,
      body: { ...gold, commissionMultiplierBps: 15_000, freeShipping: true, threshold: 350 },
    });
    expect(lowered.statusCode, lowered.body).toBe(200);
    expect((await myLevel(me)).level).toBe(3);
    await t.jobs.runDue();
    expect(await myLevel(me)).toMatchObject({ level: 4, name: 'Gold' });
    const titles = (await notificationsOf(me)).filter((n) => n.type === 'level.changed').map((n) => n.title);
    expect(titles).toEqual(['Welcome to Gold', 'Welcome to Bronze+', 'Welcome to Silver']);
    // A second sweep (a retried job) changes nothing and tells nobody again.
    await t.db.transaction((tx) => t.jobs.enqueue(tx, 'levels.raise-ranks', {}));
    await t.jobs.runDue();
    expect((await notificationsOf(me)).filter((n) => n.type === 'level.changed')).toHaveLength(3);

    // Back to the ladder the other tests expect; the sweep moves nobody down.
    const restored = await t.request('PUT', '/api/admin/levels/4', {
      token,
      body: { ...gold, commissionMultiplierBps: 15_000, freeShipping: true },
    });
    expect(restored.statusCode, restored.body).toBe(200);
    expect((await t.request('DELETE', '/api/admin/levels/3', { token })).statusCode).toBe(204);
    await t.jobs.runDue();
    expect((await myLevel(me)).level).toBe(4);
  });

  it('refuses a discount above 90 % with a reason, and takes 90 %', async () => {
    const token = admin.token;
    const tooMuch = await t.request('POST', '/api/admin/levels', {
      token,
      body: body({ rank: 3, threshold: 300, discountBps: 9001 }),
    });
    expect(expectProblem(tooMuch, 422).reason).toBe('level_discount_too_high');
    expect(tooMuch.json().params).toEqual({ discountBps: 9001, maxBps: 9000 });
    const edit = await t.request('PUT', '/api/admin/levels/2', {
      token,
      body: body({ name: 'Silver', threshold: 100, discountBps: 10_000 }),
    });
    expect(expectProblem(edit, 422).reason).toBe('level_discount_too_high');
    expect(
      (await t.request('GET', '/api/levels', { token })).json<{ items: LevelView[] }>().items,
    ).toContainEqual(expect.objectContaining({ rank: 2, discountBps: 0 }));
    const most = await t.request('POST', '/api/admin/levels', {
      token,
      body: body({ rank: 3, threshold: 300, discountBps: 9000 }),
    });
    expect(most.statusCode, most.body).toBe(201);
    expect((await t.request('DELETE', '/api/admin/levels/3', { token })).statusCode).toBe(204);
  });
});

describe('benefits', () => {
  it('the level’s discount comes off a regular order’s goods, not off a group-buy seat', async () => {
    const me = await t.signUp();
    await pay(me, 600);
    const { variantId } = await createProduct(t, { price: 10_000 });
    const placed = await t.request('POST', '/api/orders', {
      token: me.token,
      body: { items: [{ variantId, quantity: 1 }] },
    });
    expect(placed.statusCode, placed.body).toBe(201);
    expect(placed.json<Order>()).toMatchObject({ memberDiscount: 500, total: 9500 });
    const seat = await t.db.transaction((tx) =>
      memberPricing.discountFor(tx, { userId: me.user.id, goodsTotal: 10_000, kind: 'group' }),
    );
    expect(seat).toBe(0);
    // A level without a discount takes nothing off.
    const newcomer = await t.signUp();
    const plain = await t.request('POST', '/api/orders', {
      token: newcomer.token,
      body: { items: [{ variantId, quantity: 1 }] },
    });
    expect(plain.json<Order>()).toMatchObject({ memberDiscount: 0, total: 10_000 });
  });

  it('a promoter at a higher level earns more commission on the same sale', async () => {
    const commissionOf = async (promoter: Person, slug: string) => {
      expect((await t.request('POST', '/api/shopkeepers', { token: promoter.token })).statusCode).toBe(201);
      const store = await t.request('POST', '/api/stores', {
        token: promoter.token,
        body: { name: slug, slug },
      });
      expect(store.statusCode, store.body).toBe(201);
      const buyer = await t.signUp();
      const { variantId } = await createProduct(t, { price: 10_000 });
      const placed = await t.request('POST', '/api/orders', {
        token: buyer.token,
        body: { items: [{ variantId, quantity: 1 }], storeSlug: slug },
      });
      expect(placed.statusCode, placed.body).toBe(201);
      await t.request('POST', `/api/payments/sandbox/${placed.json<Order>().id}/succeed`, {
        token: buyer.token,
      });
      const res = await t.request('GET', '/api/me/commissions', { token: promoter.token });
      const orderId = placed.json<Order>().id;
      // The multiplier it was earned at stays on the commission, whatever the promoter's level later.
      const [row] = await t.db.query<{ rate_bps: number; multiplier_bps: number }>(
        'SELECT rate_bps, multiplier_bps FROM commissions WHERE order_id = $1',
        [orderId],
      );
      return {
        amount: res
          .json<{ items: { amount: number; orderId: string }[] }>()
          .items.find((c) => c.orderId === orderId)?.amount,
        rateBps: row?.rate_bps,
        multiplierBps: row?.multiplier_bps,
      };
    };
    const member = await t.signUp();
    const gold = await t.signUp();
    await pay(gold, 600);
    expect((await myLevel(gold)).benefits).toContainEqual({ kind: 'commission_multiplier', bps: 15_000 });
    expect(await commissionOf(member, 'member-shop')).toEqual({
      amount: 1000,
      rateBps: 1000,
      multiplierBps: 10_000,
    });
    expect(await commissionOf(gold, 'gold-shop')).toEqual({
      amount: 1500,
      rateBps: 1000,
      multiplierBps: 15_000,
    });
  });

  it('free shipping by level, for the shipping fees: from the module entry and the service', async () => {
    const me = await t.signUp();
    expect(await hasFreeShipping(t.db, me.user.id)).toBe(false);
    expect(await t.services.levels.hasFreeShipping(me.user.id)).toBe(false);
    await pay(me, 600); // Gold ships free
    expect(await hasFreeShipping(t.db, me.user.id)).toBe(true);
    expect(await t.services.levels.hasFreeShipping(me.user.id)).toBe(true);
  });

  it('the monthly coupon is granted once per calendar month', async () => {
    const template = await t.request('POST', '/api/admin/coupons', {
      token: admin.token,
      body: { title: 'Silver monthly', kind: 'amount_off', amountOff: 500 },
    });
    expect(template.statusCode, template.body).toBe(201);
    const templateId = template.json<{ id: string }>().id;
    const set = await t.request('PUT', '/api/admin/levels/2', {
      token: admin.token,
      body: { name: 'Silver', threshold: 100, ...NEUTRAL, monthlyCouponTemplateId: templateId },
    });
    expect(set.statusCode, set.body).toBe(200);
    const me = await t.signUp();
    await pay(me, 150);
    expect((await myLevel(me)).benefits).toEqual([{ kind: 'monthly_coupon', couponTemplateId: templateId }]);
    const coupons = async () =>
      (await t.request('GET', '/api/me/coupons', { token: (await signInAgain(me)).token }))
        .json<{ items: { templateId: string; source: string }[] }>()
        .items.filter((c) => c.templateId === templateId && c.source === 'level').length;

    await t.jobs.scheduleRecurring();
    await t.jobs.runDue();
    expect(await coupons()).toBe(1);
    // Two passes at once, and a pass an hour later: still one this month.
    await Promise.all([t.services.levels.grantMonthlyCoupons(), t.services.levels.grantMonthlyCoupons()]);
    t.clock.advance(3_600_000);
    await t.jobs.runDue();
    expect(await coupons()).toBe(1);
    // Next month (32 days on is always another calendar month): one more.
    t.clock.advance(32 * DAY);
    await t.jobs.runDue();
    expect(await coupons()).toBe(2);
  });
});

describe('the yearly re-evaluation', () => {
  it('is announced 30 days ahead, then recomputes levels from the last 12 months’ growth, moving people down', async () => {
    let old = await t.signUp();
    await pay(old, 600);
    expect((await myLevel(old)).level).toBe(4);
    t.clock.advance(400 * DAY);
    admin = await t.signInAdmin();
    old = await signInAgain(old);
    const recent = await t.signUp();
    await pay(recent, 150);

    const reviewDay = addDays(dayIn(t.config.timeZone, t.clock.now()), 10);
    const on = await t.request('PUT', '/api/admin/levels/settings', {
      token: admin.token,
      body: { reviewEnabled: true, reviewDate: reviewDay.slice(5) },
    });
    expect(on.json()).toMatchObject({ reviewEnabled: true, nextReviewDay: reviewDay });
    await t.jobs.scheduleRecurring();
    t.clock.advance(3_600_000);
    await t.jobs.runDue();
    await t.jobs.runDue();
    const announced = (await notificationsOf(old)).filter((n) => n.type === 'level.review_announced');
    expect(announced).toHaveLength(1);
    expect(announced[0]).toMatchObject({ link: '/level' });
    expect((await myLevel(old)).level).toBe(4); // not yet
    // Only those it would move down are told: the recent buyer keeps Silver with this year's growth.
    expect((await notificationsOf(recent)).map((n) => n.type)).not.toContain('level.review_announced');

    t.clock.advance(11 * DAY);
    await t.jobs.runDue();
    await t.jobs.runDue();
    old = await signInAgain(old);
    const recentAgain = await signInAgain(recent);
    expect(await myLevel(old)).toMatchObject({ level: 1, name: 'Member', growth: 0 });
    expect(await myLevel(recentAgain)).toMatchObject({ level: 2, growth: 150 });
    const down = (await notificationsOf(old)).filter((n) => n.type === 'level.changed');
    expect(down.map((n) => n.title)).toContain('Your level is now Member');
    // Growth counts from the window's start on: a new payment moves the demoted person up again.
    const again = await pay(old, 120);
    expect(await myLevel(old)).toMatchObject({ level: 2, growth: 120 });

    // Once per year: a refund now takes the growth back but leaves Silver until next year's review,
    // however often (or how many at once) the review's job runs again.
    admin = await t.signInAdmin();
    const refund = await t.request('POST', `/api/admin/orders/${again.id}/refund`, { token: admin.token });
    expect(refund.statusCode, refund.body).toBe(200);
    await t.jobs.runDue();
    await Promise.all([t.services.levels.runYearlyReview(), t.services.levels.runYearlyReview()]);
    t.clock.advance(3_600_000);
    await t.jobs.runDue();
    expect(await myLevel(old)).toMatchObject({ level: 2, growth: 0 });
    const changes = (await notificationsOf(old)).filter((n) => n.type === 'level.changed');
    expect(changes.map((n) => n.title)).toEqual([
      'Welcome to Silver',
      'Your level is now Member',
      'Welcome to Gold',
    ]);
    // The review is off again for the tests after this one.
    const off = await t.request('PUT', '/api/admin/levels/settings', {
      token: admin.token,
      body: { reviewEnabled: false },
    });
    expect(off.statusCode, off.body).toBe(200);
  });

  it('moved to another day after it was announced, the review runs on the new day only', async () => {
    admin = await t.signInAdmin();
    let me = await t.signUp();
    await pay(me, 600);
    t.clock.advance(400 * DAY);
    admin = await t.signInAdmin();
    const today = dayIn(t.config.timeZone, t.clock.now());
    const setDay = async (day: string) => {
      const res = await t.request('PUT', '/api/admin/levels/settings', {
        token: admin.token,
        body: { reviewEnabled: true, reviewDate: day.slice(5) },
      });
      expect(res.json()).toMatchObject({ nextReviewDay: day });
    };
    await setDay(addDays(today, 5));
    await t.services.levels.runYearlyReview(); // announced for day +5
    await setDay(addDays(today, 10));
    await t.services.levels.runYearlyReview(); // and for day +10
    t.clock.advance(6 * DAY);
    await t.services.levels.runYearlyReview();
    me = await signInAgain(me);
    expect((await myLevel(me)).level).toBe(4); // the day the operator moved away from passed: nothing
    t.clock.advance(5 * DAY);
    await t.services.levels.runYearlyReview();
    me = await signInAgain(me);
    expect((await myLevel(me)).level).toBe(1);
    admin = await t.signInAdmin();
    const off = await t.request('PUT', '/api/admin/levels/settings', {
      token: admin.token,
      body: { reviewEnabled: false },
    });
    expect(off.statusCode, off.body).toBe(200);
  });

  it('turned on on its own day, the review waits a year rather than moving people down unannounced', async () => {
    admin = await t.signInAdmin();
    const me = await t.signUp();
    await pay(me, 600);
    t.clock.advance(400 * DAY);
    admin = await t.signInAdmin();
    const today = dayIn(t.config.timeZone, t.clock.now());
    const on = await t.request('PUT', '/api/admin/levels/settings', {
      token: admin.token,
      body: { reviewEnabled: true, reviewDate: today.slice(5) },
    });
    expect(on.statusCode, on.body).toBe(200);
    await t.services.levels.runYearlyReview();
    t.clock.advance(3_600_000);
    await t.jobs.runDue();
    const again = await signInAgain(me);
    expect(await myLevel(again)).toMatchObject({ level: 4, growth: 600 });
    expect((await notificationsOf(again)).map((n) => n.type)).not.toContain('level.review_announced');
    const off = await t.request('PUT', '/api/admin/levels/settings', {
      token: admin.token,
      body: { reviewEnabled: false },
    });
    expect(off.statusCode, off.body).toBe(200);
  });
});
