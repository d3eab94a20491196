import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { errorPaths, expectProblem } from '../../../test/support/problem.js';
import { RACE, racesForReal } from '../../../test/support/races.js';
import { createProduct, expectLedgerSound, placePaidOrder } from '../../../test/support/shop.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { dayIn } from '../../platform/calendar.js';
import type { Order } from '../orders/present.js';
import type { MyTask, Task } from './schemas.js';

/** Tasks: progress from domain events only (deferred jobs), each counted once, one reward a period. */
let t: TestApp;
let admin: { token: string };
let variantId: string;
const productIds: string[] = [];
type Person = Awaited<ReturnType<TestApp['signUp']>>;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signInAdmin();
  for (let i = 0; i < 4; i++) {
    const p = await createProduct(t, { price: 5000, stock: 1000, title: `Tea ${i}` });
    productIds.push(p.product.id);
    variantId = p.variantId;
  }
});
afterEach(() => expectLedgerSound(t));
afterAll(() => t.close());

const DAY = 86_400_000;
const today = () => dayIn(t.config.timeZone, t.clock.now());

async function defineTask(body: Record<string, unknown>): Promise<Task> {
  const res = await t.request('POST', '/api/admin/tasks', {
    token: admin.token,
    body: { title: 'A task', target: 1, rewardPoints: 10, period: 'daily', ...body },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Task>();
}

/** The person's view of one task, after the jobs the events queued have run. */
async function myTask(person: Person, taskId: string): Promise<MyTask | undefined> {
  await t.jobs.runDue();
  const res = await t.request('GET', '/api/me/tasks', { token: person.token });
  expect(res.statusCode).toBe(200);
  return res.json<{ items: MyTask[] }>().items.find((i) => i.id === taskId);
}

async function pointsOf(person: Person) {
  await t.jobs.runDue();
  return (await t.request('GET', '/api/me/points', { token: person.token })).json<{
    balance: number;
    items: { delta: number; reason: string }[];
  }>();
}

const share = async (person: Person, productId: string) => {
  const res = await t.request('POST', '/api/share-links', { token: person.token, body: { productId } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ code: string }>();
};

const checkIn = (userId: string, day = today()) =>
  t.db.transaction((tx) =>
    t.services.events.publish(tx, 'checkin.made', { userId, day, streak: 1, points: 5 }),
  );

const deactivate = (task: Task) =>
  t.request('POST', `/api/admin/tasks/${task.id}/deactivate`, { token: admin.token });

describe('progress from events', () => {
  it('sharing distinct products moves a weekly task; reaching the target completes it and pays once', async () => {
    const task = await defineTask({
      title: 'Share 3 products',
      kind: 'share_products',
      target: 3,
      rewardPoints: 30,
      period: 'weekly',
    });
    const buyer = await t.signUp();
    expect(await myTask(buyer, task.id)).toMatchObject({
      title: 'Share 3 products',
      kind: 'share_products',
      progress: 0,
      target: 3,
      reward: { points: 30, couponTitle: null },
      status: 'in_progress',
      period: 'weekly',
    });
    await share(buyer, productIds[0]!);
    await share(buyer, productIds[0]!); // the same product again: counted once
    await share(buyer, productIds[1]!);
    expect(await myTask(buyer, task.id)).toMatchObject({ progress: 2, status: 'in_progress' });
    expect((await pointsOf(buyer)).balance).toBe(0);

    await share(buyer, productIds[2]!);
    await share(buyer, productIds[3]!); // past the target: counts nothing more
    const done = await myTask(buyer, task.id);
    expect(done).toMatchObject({ progress: 3, target: 3, status: 'completed' });
    // The week resets on the next Monday at midnight in the platform's time zone.
    expect(new Date(done!.resetsAt!).getUTCDay()).toBe(1);
    expect(new Date(done!.resetsAt!).getTime()).toBeGreaterThan(t.clock.now().getTime());
    const points = await pointsOf(buyer);
    expect(points.balance).toBe(30);
    expect(points.items.filter((i) => i.reason === 'task')).toHaveLength(1);

    const notes = await t.request('GET', '/api/me/notifications', { token: buyer.token });
    expect(notes.json<{ items: { type: string; link: string; body: string }[] }>().items).toContainEqual(
      expect.objectContaining({ type: 'task.completed', link: '/tasks' }),
    );
    // Another person's progress is their own.
    expect(await myTask(await t.signUp(), task.id)).toMatchObject({ progress: 0, status: 'in_progress' });
    await deactivate(task);
  });

  it('a product shared last week counts again this week, through the link the person already has', async () => {
    const task = await defineTask({ kind: 'share_products', target: 2, rewardPoints: 10, period: 'weekly' });
    const buyer = await t.signUp();
    await share(buyer, productIds[0]!);
    await share(buyer, productIds[1]!);
    expect(await myTask(buyer, task.id)).toMatchObject({ progress: 2, status: 'completed' });

    t.clock.advance(7 * DAY);
    await share(buyer, productIds[0]!);
    await share(buyer, productIds[0]!); // twice in one week: still one product
    expect(await myTask(buyer, task.id)).toMatchObject({ progress: 1, status: 'in_progress' });
    await deactivate(task);
  });

  it('a job that runs twice counts its event once, and a completion pays once', async () => {
    const task = await defineTask({ kind: 'share_products', target: 2, rewardPoints: 20, period: 'once' });
    const buyer = await t.signUp();
    const link = await share(buyer, productIds[0]!);
    const event = { userId: buyer.user.id, code: link.code, targetType: 'product', targetId: productIds[0]! };
    // The same event's job again (a retry after a crash), twice.
    await t.jobs.enqueue(t.db, 'tasks.count-share', event);
    await t.jobs.enqueue(t.db, 'tasks.count-share', event);
    expect(await myTask(buyer, task.id)).toMatchObject({
      progress: 1,
      status: 'in_progress',
      resetsAt: null,
    });

    await share(buyer, productIds[1]!);
    expect(await myTask(buyer, task.id)).toMatchObject({ progress: 2, status: 'completed' });
    const second = { ...event, targetId: productIds[1]! };
    await t.jobs.enqueue(t.db, 'tasks.count-share', second);
    await t.jobs.enqueue(t.db, 'tasks.count-share', { ...event, targetId: productIds[2]! });
    expect(await myTask(buyer, task.id)).toMatchObject({ progress: 2, status: 'completed' });
    expect((await pointsOf(buyer)).balance).toBe(20);
    await deactivate(task);
  });

  it('a check-in completes a daily task; the next day it starts again and pays again', async () => {
    const task = await defineTask({ title: 'Check in', kind: 'check_in', rewardPoints: 5 });
    const buyer = await t.signUp();
    await checkIn(buyer.user.id);
    await checkIn(buyer.user.id); // the same day's event again
    const done = await myTask(buyer, task.id);
    expect(done).toMatchObject({ progress: 1, target: 1, status: 'completed' });
    expect(done!.resetsAt).toBe(
      new Date(Date.parse(`${today()}T00:00:00Z`) + DAY).toISOString(), // TIME_ZONE is UTC in tests
    );
    expect((await pointsOf(buyer)).balance).toBe(5);

    t.clock.advance(DAY);
    expect(await myTask(buyer, task.id)).toMatchObject({ progress: 0, status: 'in_progress' });
    await checkIn(buyer.user.id);
    expect(await myTask(buyer, task.id)).toMatchObject({ progress: 1, status: 'completed' });
    const points = await pointsOf(buyer);
    expect(points.balance).toBe(10);
    expect(points.items.filter((i) => i.reason === 'task')).toHaveLength(2);
    await deactivate(task);
  });

  it('a first paid order completes a one-off task; a second order does not count', async () => {
    const buyer = await t.signUp();
    const veteran = await t.signUp();
    await placePaidOrder(t, veteran.token, variantId);
    await t.jobs.runDue();
    // Defined after the veteran's first order: their second is not a first.
    const task = await defineTask({
      title: 'First order',
      kind: 'first_order',
      period: 'once',
      rewardPoints: 50,
    });
    await placePaidOrder(t, veteran.token, variantId);
    expect(await myTask(veteran, task.id)).toMatchObject({ progress: 0, status: 'in_progress' });

    await placePaidOrder(t, buyer.token, variantId);
    expect(await myTask(buyer, task.id)).toMatchObject({ progress: 1, status: 'completed', resetsAt: null });
    await placePaidOrder(t, buyer.token, variantId);
    expect(await myTask(buyer, task.id)).toMatchObject({ progress: 1, status: 'completed' });
    expect((await pointsOf(buyer)).items.filter((i) => i.reason === 'task')).toEqual([
      expect.objectContaining({ delta: 50 }),
    ]);
    await deactivate(task);
  });

  it('a friend’s first paid order counts for the inviter; orders through the link count as sales', async () => {
    const invite = await defineTask({ title: 'Invite a friend', kind: 'invite_friend', period: 'once' });
    const sell = await defineTask({
      title: 'Sell 2',
      kind: 'sell_through_links',
      target: 2,
      period: 'weekly',
    });
    const inviter = await t.signUp();
    const friend = await t.signUp({ inviteCode: inviter.user.inviteCode });
    await placePaidOrder(t, friend.token, variantId);
    expect(await myTask(inviter, invite.id)).toMatchObject({ progress: 1, status: 'completed' });

    const { code } = await share(inviter, productIds[0]!);
    const customer = await t.signUp();
    const placed = await t.request('POST', '/api/orders', {
      token: customer.token,
      body: { items: [{ variantId, quantity: 1 }], shareCode: code },
    });
    expect(placed.statusCode, placed.body).toBe(201);
    const paid = await t.request('POST', `/api/payments/sandbox/${placed.json<Order>().id}/succeed`, {
      token: customer.token,
    });
    expect(paid.statusCode).toBe(200);
    expect(await myTask(inviter, sell.id)).toMatchObject({ progress: 1, target: 2, status: 'in_progress' });
    await deactivate(invite);
    await deactivate(sell);
  });

  it('a coupon reward is granted with the points, and the task shows the coupon’s title', async () => {
    const coupon = await t.request('POST', '/api/admin/coupons', {
      token: admin.token,
      body: { title: '¥5 off tea', kind: 'amount_off', amountOff: 500, claimable: false, validDays: 30 },
    });
    expect(coupon.statusCode, coupon.body).toBe(201);
    const couponId = coupon.json<{ id: string }>().id;
    const task = await defineTask({ kind: 'finish_lesson', rewardPoints: 0, couponTemplateId: couponId });
    const buyer = await t.signUp();
    expect((await myTask(buyer, task.id))?.reward).toEqual({ points: 0, couponTitle: '¥5 off tea' });
    const lesson = { userId: buyer.user.id, lessonId: 'lesson-1' };
    await t.db.transaction((tx) => t.services.events.publish(tx, 'lesson.completed', lesson));
    await t.db.transaction((tx) => t.services.events.publish(tx, 'lesson.completed', lesson));
    expect(await myTask(buyer, task.id)).toMatchObject({ status: 'completed' });
    const held = await t.request('GET', '/api/me/coupons', { token: buyer.token });
    expect(held.json<{ items: { title: string; source: string }[] }>().items).toEqual([
      expect.objectContaining({ title: '¥5 off tea', source: 'task' }),
    ]);
    await deactivate(task);
  });

  it(`events handled at once each count, and the target is reached once ${RACE}`, async () => {
    const task = await defineTask({ kind: 'finish_lesson', target: 3, rewardPoints: 15, period: 'once' });
    const buyer = await t.signUp();
    const lessons = ['l1', 'l2', 'l3', 'l3', 'l4'];
    // On PostgreSQL every transaction has begun before any counts (PGlite runs them one by one).
    let started = 0;
    let release = () => {};
    const allStarted = new Promise<void>((resolve) => {
      release = resolve;
    });
    await Promise.all(
      lessons.map((lessonId) =>
        t.db.transaction(async (tx) => {
          await tx.query('SELECT 1');
          if (racesForReal) {
            if (++started === lessons.length) release();
            await allStarted;
          }
          await t.services.tasks.reactions.onLesson(tx, { userId: buyer.user.id, lessonId });
        }),
      ),
    );
    expect(await myTask(buyer, task.id)).toMatchObject({ progress: 3, status: 'completed' });
    expect((await pointsOf(buyer)).balance).toBe(15);
    await deactivate(task);
  });

  it('a review counts for a review task, once per order (the content module publishes it later)', async () => {
    const task = await defineTask({ kind: 'write_review', target: 2, period: 'weekly' });
    const buyer = await t.signUp();
    const review = (reviewId: string, orderId: string) =>
      t.db.transaction((tx) =>
        t.services.events.publish(tx, 'review.created', {
          userId: buyer.user.id,
          reviewId,
          productId: productIds[0]!,
          orderId,
        }),
      );
    await review('r1', 'o1');
    await review('r1', 'o1');
    // Another line's review of the same order: reviewing an order counts once.
    await review('r2', 'o1');
    expect(await myTask(buyer, task.id)).toMatchObject({ progress: 1 });
    await review('r3', 'o2');
    expect(await myTask(buyer, task.id)).toMatchObject({ progress: 2, status: 'completed' });
    await deactivate(task);
  });
});

describe('the operator’s tasks', () => {
  it('lists, edits and deactivates; an inactive task neither shows nor counts', async () => {
    const later = await defineTask({ title: 'Later', kind: 'check_in', position: 20 });
    const first = await defineTask({ title: 'First', kind: 'check_in', position: 10 });
    const list = await t.request('GET', '/api/admin/tasks?limit=100', { token: admin.token });
    expect(list.statusCode).toBe(200);
    const ids = list.json<{ items: Task[] }>().items.map((i) => i.id);
    expect(ids.indexOf(first.id)).toBeLessThan(ids.indexOf(later.id));

    const paged = await t.request('GET', '/api/admin/tasks?limit=1', { token: admin.token });
    const cursor = paged.json<{ nextCursor: string }>().nextCursor;
    expect(cursor).toEqual(expect.any(String));
    const next = await t.request('GET', `/api/admin/tasks?limit=1&cursor=${cursor}`, { token: admin.token });
    expect(next.json<{ items: Task[] }>().items[0]!.id).not.toBe(
      paged.json<{ items: Task[] }>().items[0]!.id,
    );

    const edited = await t.request('PUT', `/api/admin/tasks/${first.id}`, {
      token: admin.token,
      body: { title: ' Check in today ', kind: 'check_in', target: 1, rewardPoints: 8, period: 'daily' },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json<Task>()).toMatchObject({ title: 'Check in today', rewardPoints: 8, position: 0 });
    expect(
      (await t.request('GET', `/api/admin/tasks/${first.id}`, { token: admin.token })).json(),
    ).toMatchObject({
      title: 'Check in today',
    });

    const off = await deactivate(first);
    expect(off.json<Task>()).toMatchObject({ active: false });
    expect((await deactivate(first)).statusCode).toBe(200);
    const buyer = await t.signUp();
    expect(await myTask(buyer, first.id)).toBeUndefined();
    await checkIn(buyer.user.id);
    await t.jobs.runDue();
    const counted = await t.db.query('SELECT 1 FROM task_progress_events WHERE task_id = $1', [first.id]);
    expect(counted).toHaveLength(0);
    expect(await myTask(buyer, later.id)).toMatchObject({ status: 'completed' });
    await deactivate(later);

    expect((await t.request('GET', '/api/admin/tasks/nope', { token: admin.token })).statusCode).toBe(404);
    const missing = await t.request('PUT', '/api/admin/tasks/nope', {
      token: admin.token,
      body: { title: 'x', kind: 'check_in', target: 1, rewardPoints: 1, period: 'daily' },
    });
    expect(missing.statusCode).toBe(404);
    expect(
      (await t.request('POST', '/api/admin/tasks/nope/deactivate', { token: admin.token })).statusCode,
    ).toBe(404);
  });

  it('refuses tasks that cannot work, with field errors', async () => {
    const post = (body: Record<string, unknown>) =>
      t.request('POST', '/api/admin/tasks', {
        token: admin.token,
        body: { title: 'T', kind: 'share_products', target: 3, rewardPoints: 10, period: 'weekly', ...body },
      });
    const firstDaily = expectProblem(await post({ kind: 'first_order', period: 'daily' }), 400);
    expect(firstDaily.errors).toEqual([
      expect.objectContaining({ path: '/period', rule: 'onlyOnce' }),
      expect.objectContaining({ path: '/target', rule: 'onlyOne' }),
    ]);
    expect(errorPaths(expectProblem(await post({ rewardPoints: 0 }), 400))).toEqual(['/rewardPoints']);
    expect(expectProblem(await post({ couponTemplateId: 'missing' }), 400).errors).toEqual([
      expect.objectContaining({ path: '/couponTemplateId', rule: 'unknown' }),
    ]);
    expect(errorPaths(expectProblem(await post({ kind: 'dance' }), 400))).toContain('/kind');
    expect(errorPaths(expectProblem(await post({ target: 0 }), 400))).toContain('/target');
    expect(errorPaths(expectProblem(await post({ title: '   ' }), 400))).toContain('/title');
    expect(errorPaths(expectProblem(await post({ extra: 1 }), 400)).length).toBeGreaterThan(0);
  });

  it('is for operators: a buyer gets 403, nobody signed in 401', async () => {
    const buyer = await t.signUp();
    expectProblem(await t.request('GET', '/api/admin/tasks', { token: buyer.token }), 403);
    expectProblem(
      await t.request('POST', '/api/admin/tasks', {
        token: buyer.token,
        body: { title: 'T', kind: 'check_in', target: 1, rewardPoints: 1, period: 'daily' },
      }),
      403,
    );
    expectProblem(await t.request('GET', '/api/admin/tasks'), 401);
    expectProblem(await t.request('GET', '/api/me/tasks'), 401);
  });
});
