import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../../../test/support/problem.js';
import { RACE } from '../../../test/support/races.js';
import { createProduct } from '../../../test/support/shop.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import type { DomainEvents, EventName } from '../../platform/events.js';
import type { Order } from '../orders/present.js';
import type { Holders, MyBadge, PublicBadge } from './schemas.js';

/**
 * Honours from real flows where they exist (a sale through a share link, years of service from a
 * shopkeeper's approval) and from published events where the publisher belongs to another part
 * (check-ins, lessons, competitions), each run through the deferred jobs as in production.
 */
let t: TestApp;
let admin: { token: string };
type Person = Awaited<ReturnType<TestApp['signUp']>>;
const DAY = 86_400_000;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signInAdmin();
});
afterAll(() => t.close());

const publish = async <E extends EventName>(name: E, event: DomainEvents[E]) => {
  await t.db.transaction((tx) => t.services.events.publish(tx, name, event));
};

async function myBadges(person: Person): Promise<Map<string, MyBadge>> {
  const res = await t.request('GET', '/api/me/badges', { token: person.token });
  expect(res.statusCode, res.body).toBe(200);
  return new Map(res.json<{ items: MyBadge[] }>().items.map((b) => [b.badge, b]));
}
const badgeOf = async (person: Person, badge: string) => (await myBadges(person)).get(badge) as MyBadge;

async function badgeNotifications(person: Person) {
  const res = await t.request('GET', '/api/me/notifications', { token: person.token });
  return res
    .json<{ items: { type: string; title: string; link: string }[] }>()
    .items.filter((n) => n.type === 'badge.granted');
}

async function shopkeeper(): Promise<Person> {
  const person = await t.signUp({ name: 'Chen Jie' });
  expect((await t.request('POST', '/api/shopkeepers', { token: person.token })).statusCode).toBe(201);
  return person;
}

/** A buyer follows the shopkeeper's share link of a product and pays. */
async function buyThroughLink(seller: Person, buyer: Person) {
  const { product, variantId } = await createProduct(t, { price: 5_000, stock: 50 });
  const link = await t.request('POST', '/api/share-links', {
    token: seller.token,
    body: { productId: product.id },
  });
  expect(link.statusCode, link.body).toBe(201);
  const placed = await t.request('POST', '/api/orders', {
    token: buyer.token,
    body: { items: [{ variantId, quantity: 1 }], shareCode: link.json<{ code: string }>().code },
  });
  expect(placed.statusCode, placed.body).toBe(201);
  const order = placed.json<Order>();
  const paid = await t.request('POST', `/api/payments/sandbox/${order.id}/succeed`, { token: buyer.token });
  expect(paid.statusCode, paid.body).toBe(200);
  return order;
}

describe('badges from sales', () => {
  it('happy: a buyer paying through the shopkeeper’s share link grants first sale and counts a customer', async () => {
    const seller = await shopkeeper();
    const before = await myBadges(seller);
    expect(before.get('first_sale')).toMatchObject({
      tier: null,
      count: 0,
      nextTier: 'bronze',
      nextThreshold: 1,
    });
    expect(before.get('customers')).toMatchObject({ tier: null, count: 0, nextThreshold: 10 });
    expect([...before.keys()]).toEqual([
      'first_sale',
      'customers',
      'check_in_streak',
      'lessons',
      'competition',
      'service_years',
    ]);

    const buyer = await t.signUp();
    await buyThroughLink(seller, buyer);
    await buyThroughLink(seller, buyer);
    await t.jobs.runDue();

    const after = await myBadges(seller);
    expect(after.get('first_sale')).toMatchObject({
      tier: 'bronze',
      count: 2,
      nextTier: null,
      nextThreshold: null,
      thresholds: [1],
      grantedAt: expect.any(String),
    });
    // Two orders of one buyer: one customer.
    expect(after.get('customers')).toMatchObject({
      tier: null,
      count: 1,
      nextTier: 'bronze',
      nextThreshold: 10,
    });
    // The buyer sold nothing.
    expect((await badgeOf(buyer, 'first_sale')).tier).toBeNull();

    const told = await badgeNotifications(seller);
    expect(told).toEqual([
      expect.objectContaining({ link: '/badges', title: 'New badge: First sale (bronze)' }),
    ]);
  });
});

const refundInFull = async (order: Order) => {
  const res = await t.request('POST', `/api/admin/orders/${order.id}/refund`, { token: admin.token });
  expect(res.statusCode, res.body).toBe(200);
};

/** The commission.earned event of an order's level-1 commission, as its job would handle it. */
async function earnedEvent(order: Order, seller: Person): Promise<DomainEvents['commission.earned']> {
  const [c] = await t.db.query<{ id: string; amount: number }>(
    'SELECT id, amount FROM commissions WHERE order_id = $1 AND level = 1',
    [order.id],
  );
  return {
    commissionId: c?.id as string,
    orderId: order.id,
    userId: seller.user.id,
    amount: c?.amount ?? 0,
    level: 1,
  };
}

describe('refunds and customers', () => {
  it('a customer whose every order is refunded in full no longer counts; a badge once granted stays', async () => {
    const seller = await shopkeeper();
    // Seven customers from an older system, then real ones.
    await t.db.transaction((tx) => t.services.honours.carryOver(tx, seller.user.id, 'customers', 7));
    const [a, b, c, d] = [await t.signUp(), await t.signUp(), await t.signUp(), await t.signUp()];
    const a1 = await buyThroughLink(seller, a as Person);
    await buyThroughLink(seller, a as Person);
    const b1 = await buyThroughLink(seller, b as Person);
    await t.jobs.runDue();
    expect(await badgeOf(seller, 'customers')).toMatchObject({ count: 9, tier: null });

    // B's only order is refunded: B is no longer a customer. A keeps an order and still counts.
    await refundInFull(b1);
    await refundInFull(a1);
    await t.jobs.runDue();
    expect(await badgeOf(seller, 'customers')).toMatchObject({ count: 8, tier: null });
    // Its count running late, after the refund, counts nothing.
    const late = await earnedEvent(b1, seller);
    await t.db.transaction((tx) => t.services.honours.reactions.onCommissionEarned(tx, late));
    expect(await badgeOf(seller, 'customers')).toMatchObject({ count: 8, tier: null });

    // Without the refunds these would make 11; they make 10, and bronze.
    await buyThroughLink(seller, c as Person);
    await t.jobs.runDue();
    expect(await badgeOf(seller, 'customers')).toMatchObject({ count: 9, tier: null });
    const d1 = await buyThroughLink(seller, d as Person);
    await t.jobs.runDue();
    expect(await badgeOf(seller, 'customers')).toMatchObject({ count: 10, tier: 'bronze' });

    // A refund after the grant takes the customer off the count, never the badge.
    await refundInFull(d1);
    await t.jobs.runDue();
    expect(await badgeOf(seller, 'customers')).toMatchObject({
      count: 9,
      tier: 'bronze',
      nextTier: 'silver',
    });
    expect((await badgeNotifications(seller)).map((n) => n.title)).toContain('New badge: Customers (bronze)');
  });
});

describe('badges from events', () => {
  it('happy: a check-in streak reaches bronze at 7 days and silver at 30; a shorter streak later changes nothing', async () => {
    const person = await t.signUp();
    const checkIn = (day: string, streak: number) =>
      publish('checkin.made', { userId: person.user.id, day, streak, points: 5 });
    await checkIn('2026-01-06', 6);
    await t.jobs.runDue();
    expect(await badgeOf(person, 'check_in_streak')).toMatchObject({
      tier: null,
      count: 6,
      nextThreshold: 7,
    });

    await checkIn('2026-01-07', 7);
    await t.jobs.runDue();
    expect(await badgeOf(person, 'check_in_streak')).toMatchObject({
      tier: 'bronze',
      count: 7,
      nextTier: 'silver',
      nextThreshold: 30,
    });

    await checkIn('2026-01-30', 30);
    await checkIn('2026-02-02', 1);
    await t.jobs.runDue();
    expect(await badgeOf(person, 'check_in_streak')).toMatchObject({
      tier: 'silver',
      count: 30,
      nextTier: 'gold',
      nextThreshold: 100,
    });
    expect((await badgeNotifications(person)).map((n) => n.title)).toEqual([
      'New badge: Check-in streak (silver)',
      'New badge: Check-in streak (bronze)',
    ]);
  });

  it('an event is counted once when its job runs twice', async () => {
    const person = await t.signUp();
    const lesson = { userId: person.user.id, lessonId: 'lesson-1' };
    await publish('lesson.completed', lesson);
    await t.jobs.runDue();
    // The same event delivered again (a job retried after a crash looks just like this).
    await publish('lesson.completed', lesson);
    await publish('lesson.completed', lesson);
    await t.jobs.runDue();
    expect(await badgeOf(person, 'lessons')).toMatchObject({ tier: 'bronze', count: 1, nextThreshold: 5 });
    for (const id of ['lesson-2', 'lesson-3', 'lesson-4', 'lesson-5']) {
      await publish('lesson.completed', { userId: person.user.id, lessonId: id });
    }
    await t.jobs.runDue();
    expect(await badgeOf(person, 'lessons')).toMatchObject({ tier: 'silver', count: 5, nextThreshold: 20 });
    expect(await badgeNotifications(person)).toHaveLength(2);
  });

  it('competition placings: 2nd grants silver (with bronze, one message), 1st upgrades to gold, 3rd later keeps gold', async () => {
    const person = await t.signUp();
    const placed = (competitionId: string, rank: number) =>
      publish('competition.placed', { userId: person.user.id, competitionId, title: 'Spring', rank });
    await placed('c-4th', 4);
    await t.jobs.runDue();
    expect((await badgeOf(person, 'competition')).tier).toBeNull();

    await placed('c-2nd', 2);
    await t.jobs.runDue();
    expect(await badgeOf(person, 'competition')).toMatchObject({ tier: 'silver', nextTier: 'gold' });
    expect(await badgeNotifications(person)).toHaveLength(1);

    await placed('c-1st', 1);
    await placed('c-3rd', 3);
    await t.jobs.runDue();
    expect(await badgeOf(person, 'competition')).toMatchObject({ tier: 'gold', nextTier: null, count: 3 });
    const admin = await t.request('GET', '/api/admin/honours', { token: (await t.signInAdmin()).token });
    const tiers = admin.json<{ items: Holders[] }>().items.filter((h) => h.badge === 'competition');
    for (const row of tiers) expect(row.recent.map((r) => r.id)).toContain(person.user.id);
  });
});

describe('races', () => {
  it(`the same event handled twice at once, with others of the same person: each counted once, one grant ${RACE}`, async () => {
    const person = await t.signUp();
    const lesson = (lessonId: string) => ({ userId: person.user.id, lessonId });
    // Jobs of one person's events running in parallel (two processes, or a retry beside the first run).
    await Promise.all(
      ['a', 'a', 'b', 'c', 'c', 'd', 'e'].map((id) =>
        t.db.transaction((tx) => t.services.honours.reactions.onLessonCompleted(tx, lesson(`race-${id}`))),
      ),
    );
    await t.jobs.runDue();
    expect(await badgeOf(person, 'lessons')).toMatchObject({ tier: 'silver', count: 5 });
    expect(await badgeNotifications(person)).toHaveLength(2);
    const rows = await t.db.query<{ tier: string }>(
      'SELECT tier FROM honour_badges WHERE user_id = $1 ORDER BY tier',
      [person.user.id],
    );
    expect(rows.map((r) => r.tier)).toEqual(['bronze', 'silver']);
  });
});

describe('refund races', () => {
  it(`a refund of one order and the count of the same buyer's next at once: the buyer counts once ${RACE}`, async () => {
    const seller = await shopkeeper();
    const buyer = await t.signUp();
    const first = await buyThroughLink(seller, buyer);
    await t.jobs.runDue();
    const second = await buyThroughLink(seller, buyer);
    await refundInFull(first);
    const next = await earnedEvent(second, seller);
    await Promise.all([
      t.db.transaction((tx) =>
        t.services.honours.reactions.onOrderRefunded(tx, { orderId: first.id, userId: buyer.user.id }),
      ),
      t.db.transaction((tx) => t.services.honours.reactions.onCommissionEarned(tx, next)),
    ]);
    await t.jobs.runDue();
    expect(await badgeOf(seller, 'customers')).toMatchObject({ count: 1 });
    expect(await badgeOf(seller, 'first_sale')).toMatchObject({ count: 1, tier: 'bronze' });
  });
});

describe('public badges', () => {
  it('happy: only earned badges, at their top tier, with no counts', async () => {
    const person = await t.signUp();
    await publish('checkin.made', { userId: person.user.id, day: '2026-03-01', streak: 31, points: 5 });
    await publish('lesson.completed', { userId: person.user.id, lessonId: 'l-1' });
    await t.jobs.runDue();
    const res = await t.request('GET', `/api/users/${person.user.id}/badges`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ items: PublicBadge[] }>()).toEqual({
      items: [
        { badge: 'check_in_streak', tier: 'silver' },
        { badge: 'lessons', tier: 'bronze' },
      ],
      nextCursor: null,
    });
    const nobody = await t.signUp();
    expect((await t.request('GET', `/api/users/${nobody.user.id}/badges`)).json()).toEqual({
      items: [],
      nextCursor: null,
    });
  });

  it('an unknown person is 404', async () => {
    expectProblem(await t.request('GET', '/api/users/no-such-user/badges'), 404);
  });
});

describe('security', () => {
  it('my badges need a sign-in (401)', async () => {
    expectProblem(await t.request('GET', '/api/me/badges'), 401);
  });

  it('the holders table is for admins: 401 without a token, 403 for a buyer', async () => {
    expectProblem(await t.request('GET', '/api/admin/honours'), 401);
    const buyer = await t.signUp();
    expectProblem(await t.request('GET', '/api/admin/honours', { token: buyer.token }), 403);
  });

  it('happy: admins see every badge and tier with its holders', async () => {
    const person = await t.signUp({ name: 'Holder Li' });
    await publish('lesson.completed', { userId: person.user.id, lessonId: 'admin-view' });
    await t.jobs.runDue();
    const res = await t.request('GET', '/api/admin/honours', { token: admin.token });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json<{ items: Holders[] }>().items;
    // first sale has bronze only; the five others have three tiers each.
    expect(items).toHaveLength(16);
    const lessonsBronze = items.find((h) => h.badge === 'lessons' && h.tier === 'bronze');
    expect(lessonsBronze?.holders).toBeGreaterThanOrEqual(1);
    expect(lessonsBronze?.recent[0]).toEqual({ id: person.user.id, name: 'Holder Li' });
    expect(items.find((h) => h.badge === 'service_years' && h.tier === 'gold')).toMatchObject({
      holders: 0,
      recent: [],
    });
  });
});

// Last: it moves the clock a year on, which ends every session opened before.
describe('long service', () => {
  it('years of service: the daily job grants bronze on the first anniversary of becoming a shopkeeper, once', async () => {
    const seller = await shopkeeper();
    // A shopkeeper created with the role (the demo, an import) has no application: their account's
    // opening is when they became one.
    const founder = await t.services.accounts.register({
      email: 'founder@example.com',
      password: 'a long founder passphrase',
      name: 'Founder Fu',
      roles: ['shopkeeper'],
    });
    await t.services.honours.recognizeService(t.clock.now());
    expect((await badgeOf(seller, 'service_years')).tier).toBeNull();
    t.clock.advance(365 * DAY);
    // A year on, the session has long expired: sign in again.
    const login = await t.request('POST', '/api/auth/login', {
      body: { email: seller.user.email, password: 'correct horse battery' },
    });
    const again = { ...seller, token: login.json<{ token: string }>().token };
    await t.services.honours.recognizeService(t.clock.now());
    await t.services.honours.recognizeService(t.clock.now());
    await t.jobs.runDue();
    expect(await badgeOf(again, 'service_years')).toMatchObject({
      tier: 'bronze',
      count: 1,
      nextThreshold: 3,
    });
    expect((await badgeNotifications(again)).map((n) => n.title)).toEqual([
      'New badge: Years of service (bronze)',
    ]);
    const founderBadges = await t.request('GET', `/api/users/${founder.user.id}/badges`);
    expect(founderBadges.json<{ items: PublicBadge[] }>().items).toEqual([
      { badge: 'service_years', tier: 'bronze' },
    ]);
  });
});
