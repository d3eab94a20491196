import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../../../test/support/problem.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';

interface Application {
  userId: string;
  status: string;
  decidedAt: string | null;
  rejectReason: string | null;
}
interface ApplicationPage {
  items: Application[];
  nextCursor: string | null;
}

let t: TestApp;
let operator: string;
beforeAll(async () => {
  t = await createTestApp({ SHOPKEEPER_APPROVAL: 'on' });
  operator = (await t.signInAdmin()).token;
});
afterAll(() => t.close());

async function applicant() {
  const session = await t.signUp();
  expect((await t.request('POST', '/api/shopkeepers', { token: session.token })).statusCode).toBe(201);
  return session;
}

const standing = async (token: string) =>
  (await t.request('GET', '/api/me/shopkeeper', { token })).json<{
    status: string;
    reason: string | null;
    decidedAt: string | null;
  }>();

const reject = (userId: string, body?: Record<string, unknown>, token = operator) =>
  t.request('POST', `/api/admin/shopkeepers/${userId}/reject`, { token, ...(body ? { body } : {}) });

const decided = async (query = '') => {
  const res = await t.request('GET', `/api/admin/shopkeepers?decided=true${query}`, { token: operator });
  expect(res.statusCode).toBe(200);
  return res.json<ApplicationPage>();
};

describe('POST /api/admin/shopkeepers/:userId/reject', () => {
  it('happy: turns a pending application down with a reason the applicant sees; they may apply again', async () => {
    const { token, user } = await applicant();
    const res = await reject(user.id, { reason: '  Please add a photo of your shop front.  ' });
    expect(res.statusCode).toBe(200);
    expect(res.json<Application>()).toMatchObject({
      userId: user.id,
      status: 'rejected',
      rejectReason: 'Please add a photo of your shop front.',
      decidedAt: expect.any(String),
    });
    expect(await standing(token)).toEqual({
      status: 'rejected',
      reason: 'Please add a photo of your shop front.',
      decidedAt: expect.any(String),
    });
    // Still no store: being turned down is not being a shopkeeper.
    const store = expectProblem(
      await t.request('POST', '/api/stores', {
        token,
        body: { name: 'No', slug: `no-${randomUUID().slice(0, 6)}` },
      }),
      403,
    );
    expect(store).toMatchObject({ reason: 'shopkeeper_required' });
    // Rejecting again changes nothing.
    const twice = await reject(user.id, { reason: 'other words' });
    expect(twice.json<Application>().rejectReason).toBe('Please add a photo of your shop front.');
    // Applying again: pending once more, the old reason gone, back in the queue.
    expect((await t.request('POST', '/api/shopkeepers', { token })).json<{ status: string }>().status).toBe(
      'pending',
    );
    expect(await standing(token)).toEqual({ status: 'pending', reason: null, decidedAt: null });
    const queue = await t.request('GET', '/api/admin/shopkeepers?status=pending&limit=100', {
      token: operator,
    });
    expect(queue.json<ApplicationPage>().items.map((a) => a.userId)).toContain(user.id);
    // And the operator may approve it this time.
    const approved = await t.request('POST', `/api/admin/shopkeepers/${user.id}/approve`, {
      token: operator,
    });
    expect(approved.statusCode).toBe(200);
    expect((await standing(token)).status).toBe('approved');
  });

  it('happy: a re-application joins the back of the queue, paged in the order people applied', async () => {
    const first = await applicant();
    t.clock.advance(1000);
    const second = await applicant();
    t.clock.advance(1000);
    expect((await reject(first.user.id)).statusCode).toBe(200);
    expect((await t.request('POST', '/api/shopkeepers', { token: first.token })).statusCode).toBe(201);
    const order: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `/api/admin/shopkeepers?status=pending&limit=1${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await t.request('GET', query, { token: operator })).json<ApplicationPage>();
      order.push(...page.items.map((a) => a.userId));
      cursor = page.nextCursor;
    } while (cursor);
    expect(order.filter((id) => id === first.user.id || id === second.user.id)).toEqual([
      second.user.id,
      first.user.id,
    ]);
  });

  it('happy: the reason is optional, and no body at all is the same as an empty one', async () => {
    const { token, user } = await applicant();
    const res = await reject(user.id);
    expect(res.statusCode).toBe(200);
    expect(res.json<Application>()).toMatchObject({ status: 'rejected', rejectReason: null });
    expect((await standing(token)).reason).toBeNull();
  });

  it('happy: decided applications come latest decision first, paged, rejected ones with their reason', async () => {
    const first = await applicant();
    const second = await applicant();
    await reject(first.user.id, { reason: 'first' });
    await t.request('POST', `/api/admin/shopkeepers/${second.user.id}/approve`, { token: operator });
    const page = await decided('&limit=1');
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ userId: second.user.id, status: 'approved' });
    const next = await decided(`&limit=1&cursor=${page.nextCursor}`);
    expect(next.items[0]).toMatchObject({ userId: first.user.id, status: 'rejected', rejectReason: 'first' });
    const onlyRejected = await decided('&status=rejected&limit=100');
    expect(onlyRejected.items.every((a) => a.status === 'rejected')).toBe(true);
    expect(onlyRejected.items.map((a) => a.userId)).toContain(first.user.id);
    expect(onlyRejected.items.map((a) => a.userId)).not.toContain(second.user.id);
  });

  it('errors: an approved application cannot be rejected (409), an unknown one is 404, a long reason 400', async () => {
    const { user } = await applicant();
    await t.request('POST', `/api/admin/shopkeepers/${user.id}/approve`, { token: operator });
    expect(expectProblem(await reject(user.id), 409)).toMatchObject({ reason: 'invalid_transition' });
    expectProblem(await reject((await t.signUp()).user.id), 404);
    const other = await applicant();
    expectProblem(await reject(other.user.id, { reason: 'x'.repeat(501) }), 400);
    expectProblem(await reject(other.user.id, { note: 'unknown key' }), 400);
    expectProblem(
      await t.request('GET', '/api/admin/shopkeepers?decided=true&cursor=bogus', { token: operator }),
      400,
    );
  });

  it('security: only administrators reject', async () => {
    const { token, user } = await applicant();
    expectProblem(await reject(user.id, {}, token), 403);
    expectProblem(await t.request('POST', `/api/admin/shopkeepers/${user.id}/reject`, { body: {} }), 401);
    expect((await standing(token)).status).toBe('pending');
  });
});
