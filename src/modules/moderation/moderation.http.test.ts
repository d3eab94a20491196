import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../../../test/support/problem.js';
import { createProduct, placePaidOrder } from '../../../test/support/shop.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { days } from '../../platform/clock.js';
import type { Ban, QueueEntry, Report } from './schemas.js';

let t: TestApp;
let admin: { token: string };
let operator: { token: string; user: { id: string } };
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signInAdmin();
  operator = await t.signUp({ name: 'Sun Li' });
  await t.services.accounts.grantRole(operator.user.id, 'operator');
});
afterAll(() => t.close());

/** A buyer's review of a paid order: something real to report. */
async function aReview(body = 'a review') {
  const author = await t.signUp({ name: 'Zhao Lei' });
  const { product, variantId } = await createProduct(t);
  const order = await placePaidOrder(t, author.token, variantId);
  const res = await t.request('POST', `/api/orders/${order.id}/reviews`, {
    token: author.token,
    body: { rating: 1, body },
  });
  expect(res.statusCode, res.body).toBe(201);
  return { author, productId: product.id, reviewId: res.json<{ id: string }>().id, variantId };
}

const report = (token: string, body: Record<string, unknown>) =>
  t.request('POST', '/api/reports', { token, body });
const queue = async (query = '') => {
  const res = await t.request('GET', `/api/admin/moderation/reports${query}`, { token: operator.token });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: QueueEntry[]; nextCursor: string | null }>().items;
};

describe('reports', () => {
  it('one open report per person and item: reporting again answers the same report; unknown items are 404', async () => {
    const { reviewId } = await aReview();
    const reporter = await t.signUp();
    const first = await report(reporter.token, {
      type: 'review',
      id: reviewId,
      reason: 'spam',
      note: 'ad link',
    });
    expect(first.statusCode, first.body).toBe(201);
    const again = await report(reporter.token, { type: 'review', id: reviewId, reason: 'abuse' });
    expect(again.statusCode).toBe(200);
    expect(again.json<Report>()).toEqual(first.json<Report>());
    // At once, too: the unique index keeps one.
    const together = await Promise.all(
      [1, 2].map(() => report(reporter.token, { type: 'review', id: reviewId, reason: 'spam' })),
    );
    expect(together.map((r) => r.json<Report>().id)).toEqual([
      first.json<Report>().id,
      first.json<Report>().id,
    ]);

    const second = await t.signUp();
    expect((await report(second.token, { type: 'review', id: reviewId, reason: 'abuse' })).statusCode).toBe(
      201,
    );
    expectProblem(await report(second.token, { type: 'review', id: 'no-such-review', reason: 'spam' }), 404);
    // A kind nobody registered (posts come with their module) has nothing to report yet.
    expectProblem(await report(second.token, { type: 'post', id: reviewId, reason: 'spam' }), 404);
    expectProblem(
      await t.request('POST', '/api/reports', { body: { type: 'review', id: reviewId, reason: 'spam' } }),
      401,
    );

    const entry = (await queue()).find((e) => e.id === reviewId);
    expect(entry).toMatchObject({
      type: 'review',
      status: 'open',
      reports: 2,
      reasons: [
        { reason: 'spam', count: 1 },
        { reason: 'abuse', count: 1 },
      ],
      notes: ['ad link'],
      item: { text: 'a review', hidden: false, author: { name: 'Zhao Lei' } },
    });
  });

  it('is rate-limited per person', async () => {
    const limited = await createTestApp({ RATE_LIMITS: 'on' });
    try {
      const reporter = await limited.signUp();
      const codes: number[] = [];
      for (let i = 0; i < 22; i++)
        codes.push(
          (
            await limited.request('POST', '/api/reports', {
              token: reporter.token,
              body: { type: 'review', id: 'x', reason: 'spam' },
            })
          ).statusCode,
        );
      expect(codes.slice(0, 20).every((c) => c === 404)).toBe(true);
      expect(codes.slice(20)).toEqual([429, 429]);
    } finally {
      await limited.close();
    }
  });
});

describe('the queue', () => {
  it('hide closes the item’s reports and takes the review off the product page; restore brings it back; dismiss closes reports only', async () => {
    const { reviewId, productId } = await aReview('<b>rude</b>');
    for (const reason of ['abuse', 'abuse', 'spam']) {
      const reporter = await t.signUp();
      await report(reporter.token, { type: 'review', id: reviewId, reason });
    }
    const hidden = await t.request('POST', `/api/admin/moderation/items/review/${reviewId}/hide`, {
      token: operator.token,
      body: { reason: 'insults' },
    });
    expect(hidden.statusCode, hidden.body).toBe(200);
    expect(hidden.json<QueueEntry>()).toMatchObject({
      status: 'actioned',
      reports: 3,
      item: { hidden: true },
    });
    expect((await queue()).map((e) => e.id)).not.toContain(reviewId);
    expect((await queue('?status=actioned')).map((e) => e.id)).toContain(reviewId);
    const page = await t.request('GET', `/api/products/${productId}/reviews`);
    expect(page.json<{ items: unknown[]; summary: { count: number } }>()).toMatchObject({
      items: [],
      summary: { count: 0 },
    });

    const restored = await t.request('POST', `/api/admin/moderation/items/review/${reviewId}/restore`, {
      token: operator.token,
      body: {},
    });
    expect(restored.json<QueueEntry>().item?.hidden).toBe(false);
    expect((await t.request('GET', `/api/products/${productId}/rating`)).json()).toMatchObject({ count: 1 });

    const other = await aReview();
    await report((await t.signUp()).token, { type: 'review', id: other.reviewId, reason: 'fake' });
    const dismissed = await t.request(
      'POST',
      `/api/admin/moderation/items/review/${other.reviewId}/dismiss`,
      {
        token: operator.token,
        body: { reason: 'a fair opinion' },
      },
    );
    expect(dismissed.json<QueueEntry>()).toMatchObject({ status: 'dismissed', item: { hidden: false } });
    expect((await queue()).map((e) => e.id)).not.toContain(other.reviewId);

    const log = await t.request('GET', `/api/admin/audit?targetId=${reviewId}`, { token: admin.token });
    expect(
      log
        .json<{ items: { action: string }[] }>()
        .items.map((e) => e.action)
        .sort(),
    ).toEqual(['moderation.hide', 'moderation.restore']);
    expectProblem(
      await t.request('POST', '/api/admin/moderation/items/review/nope/hide', {
        token: operator.token,
        body: { reason: 'x' },
      }),
      404,
    );
    const buyer = await t.signUp();
    expectProblem(await t.request('GET', '/api/admin/moderation/reports', { token: buyer.token }), 403);
  });
});

describe('bans', () => {
  it('a banned person may not review (403 posting_banned, through assertMayPost) until the ban ends or is lifted', async () => {
    const person = await t.signUp();
    const { variantId } = await createProduct(t, { stock: 5 });
    const orders = [
      await placePaidOrder(t, person.token, variantId),
      await placePaidOrder(t, person.token, variantId),
    ];
    const banned = await t.request('POST', '/api/admin/moderation/bans', {
      token: operator.token,
      body: { userId: person.user.id, days: 3, reason: 'spamming reviews' },
    });
    expect(banned.statusCode, banned.body).toBe(201);
    const ban = banned.json<Ban>();
    expect(ban).toMatchObject({ user: { id: person.user.id }, active: true, liftedAt: null });

    const refused = expectProblem(
      await t.request('POST', `/api/orders/${orders[0]!.id}/reviews`, {
        token: person.token,
        body: { rating: 5, body: 'x' },
      }),
      403,
    );
    expect(refused).toMatchObject({ reason: 'posting_banned', params: { until: ban.endsAt } });
    await expect(t.services.moderationRegistry.assertMayPost(t.db, person.user.id)).rejects.toMatchObject({
      code: 'forbidden',
    });
    // Shopping goes on.
    expect((await t.request('GET', `/api/orders/${orders[0]!.id}`, { token: person.token })).statusCode).toBe(
      200,
    );

    const lifted = await t.request('POST', `/api/admin/moderation/bans/${ban.id}/lift`, {
      token: operator.token,
    });
    expect(lifted.json<Ban>()).toMatchObject({ active: false });
    expect(
      (
        await t.request('POST', `/api/orders/${orders[0]!.id}/reviews`, {
          token: person.token,
          body: { rating: 5, body: 'ok' },
        })
      ).statusCode,
    ).toBe(201);

    // A ban for days ends by itself.
    await t.request('POST', '/api/admin/moderation/bans', {
      token: operator.token,
      body: { userId: person.user.id, days: 1, reason: 'again' },
    });
    await expect(t.services.moderationRegistry.assertMayPost(t.db, person.user.id)).rejects.toBeDefined();
    t.clock.advance(days(1));
    await expect(t.services.moderationRegistry.assertMayPost(t.db, person.user.id)).resolves.toBeUndefined();

    const freshAdmin = await t.signInAdmin();
    const log = await t.request('GET', `/api/admin/audit?targetId=${person.user.id}`, {
      token: freshAdmin.token,
    });
    expect(
      log
        .json<{ items: { action: string }[] }>()
        .items.map((e) => e.action)
        .sort(),
    ).toEqual(['moderation.ban', 'moderation.ban', 'moderation.ban_lift']);
    expectProblem(
      await t.request('POST', '/api/admin/moderation/bans', {
        token: freshAdmin.token,
        body: { userId: 'nobody', reason: 'x' },
      }),
      404,
    );
    const listed = await t.request('GET', `/api/admin/moderation/bans?userId=${person.user.id}`, {
      token: freshAdmin.token,
    });
    expect(listed.json<{ items: Ban[] }>().items).toHaveLength(2);
  });
});
