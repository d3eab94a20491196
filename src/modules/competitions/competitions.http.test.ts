import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { errorPaths, expectProblem } from '../../../test/support/problem.js';
import { RACE } from '../../../test/support/races.js';
import { createProduct, expectLedgerSound } from '../../../test/support/shop.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import type { Order } from '../orders/present.js';
import type { AdminCompetitionDetailView, AdminCompetitionView, CompetitionView } from './schemas.js';

/**
 * Competitions end to end on one shop whose clock only moves forward: scores from real flows (store
 * sales, invitations, settlement through the test clock) and from events published in a transaction,
 * the leaderboard as each viewer sees it, opt-out, and prizes paid once when the award runs twice.
 */
let t: TestApp;
let admin: { token: string };
type Person = Awaited<ReturnType<TestApp['signUp']>>;
const DAY = 86_400_000;
const HOUR = 3_600_000;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signInAdmin();
  await t.request('PUT', '/api/admin/distribution/settings', {
    token: admin.token,
    body: { minWithdrawal: 100 },
  });
});
afterEach(async () => {
  await expectLedgerSound(t);
});
afterAll(() => t.close());

const iso = (offsetMs: number) => new Date(t.clock.now().getTime() + offsetMs).toISOString();

async function createCompetition(body: Record<string, unknown>) {
  const res = await t.request('POST', '/api/admin/competitions', {
    token: admin.token,
    body: {
      title: 'Spring sprint',
      metric: 'new_customers',
      startsAt: iso(-1000),
      endsAt: iso(20 * DAY),
      prizes: [],
      ...body,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<AdminCompetitionView>();
}

const view = async (id: string, token?: string) => {
  const res = await t.request('GET', `/api/competitions/${id}`, { token });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<CompetitionView>();
};

async function shopkeeper(name: string, slug: string): Promise<Person> {
  const person = await t.signUp({ name });
  expect((await t.request('POST', '/api/shopkeepers', { token: person.token })).statusCode).toBe(201);
  const store = await t.request('POST', '/api/stores', {
    token: person.token,
    body: { name: `${name}’s`, slug },
  });
  expect(store.statusCode).toBe(201);
  return person;
}

async function buyFrom(buyer: Person, storeSlug: string, price = 10_000): Promise<Order> {
  const { variantId } = await createProduct(t, { price, stock: 100 });
  const placed = await t.request('POST', '/api/orders', {
    token: buyer.token,
    body: { items: [{ variantId, quantity: 1 }], storeSlug },
  });
  expect(placed.statusCode, placed.body).toBe(201);
  const paid = await t.request('POST', `/api/payments/sandbox/${placed.json<Order>().id}/succeed`, {
    token: buyer.token,
  });
  expect(paid.statusCode).toBe(200);
  return paid.json<Order>();
}

const publish = (
  name: 'invitation.converted',
  event: { userId: string; inviteeId: string; orderId: string },
) => t.db.transaction((tx) => t.services.events.publish(tx, name, event));

let chen: Person;
let wang: Person;
let buyers: Person[];
let firstOrder: Order;
let customers: AdminCompetitionView;
let upcoming: AdminCompetitionView;
let sales: AdminCompetitionView;
let growth: AdminCompetitionView;
let couponTemplateId: string;

describe('the operator defines competitions', () => {
  it('validates the period and the prizes, and refuses buyers (403) and strangers (401)', async () => {
    const base = {
      title: 'x',
      metric: 'team_growth',
      startsAt: iso(HOUR),
      endsAt: iso(2 * HOUR),
      prizes: [],
    };
    const post = (body: Record<string, unknown>, token = admin.token) =>
      t.request('POST', '/api/admin/competitions', { token, body: { ...base, ...body } });

    // The same instant as the start (a second `iso(HOUR)` would be a few ms later, and valid).
    expect(errorPaths(expectProblem(await post({ endsAt: base.startsAt }), 400))).toContain('/endsAt');
    expect(
      errorPaths(expectProblem(await post({ startsAt: iso(-3 * HOUR), endsAt: iso(-HOUR) }), 400)),
    ).toEqual(['/endsAt']);
    const overlap = expectProblem(
      await post({
        prizes: [
          { fromRank: 1, toRank: 3, kind: 'points', points: 10 },
          { fromRank: 3, toRank: 5, kind: 'points', points: 5 },
        ],
      }),
      400,
    );
    expect(overlap.errors?.[0]).toMatchObject({ path: '/prizes/1/fromRank', rule: 'overlap' });
    const unknown = await post({
      prizes: [{ fromRank: 1, toRank: 1, kind: 'coupon', couponTemplateId: 'nope' }],
    });
    expect(errorPaths(expectProblem(unknown, 400))).toEqual(['/prizes/0/couponTemplateId']);
    // Years PostgreSQL cannot store (year 0, or an award due past 9999) are field errors, not a 500.
    const year0 = expectProblem(await post({ startsAt: '0000-01-01T00:00:00Z' }), 400);
    expect(year0.errors).toEqual([expect.objectContaining({ path: '/startsAt', rule: 'storable' })]);
    const late = expectProblem(await post({ endsAt: '9999-12-31T23:59:59Z' }), 400);
    expect(late.errors).toEqual([expect.objectContaining({ path: '/endsAt', rule: 'storable' })]);
    expectProblem(await post({ metric: 'likes' }), 400);
    expectProblem(await post({ prizes: [{ fromRank: 1, toRank: 1, kind: 'points', points: 0 }] }), 400);
    expectProblem(await post({ surprise: true }), 400);

    const buyer = await t.signUp();
    expectProblem(await post({}, buyer.token), 403);
    expectProblem(await t.request('GET', '/api/admin/competitions', { token: buyer.token }), 403);
    expectProblem(await t.request('POST', '/api/admin/competitions', { body: base }), 401);
    expectProblem(await t.request('PUT', '/api/me/leaderboard', { body: { listed: false } }), 401);
    expectProblem(
      await t.request('PUT', '/api/admin/competitions/unknown', { token: admin.token, body: base }),
      404,
    );
    expectProblem(await t.request('GET', '/api/competitions/unknown'), 404);
  });

  it('creates the competitions the rest of this file plays', async () => {
    const template = await t.request('POST', '/api/admin/coupons', {
      token: admin.token,
      body: { title: 'Prize: 10 off', kind: 'amount_off', amountOff: 1000, claimable: false },
    });
    expect(template.statusCode, template.body).toBe(201);
    couponTemplateId = template.json<{ id: string }>().id;

    customers = await createCompetition({ title: 'New customers sprint' });
    upcoming = await createCompetition({ title: 'Later', startsAt: iso(HOUR), endsAt: iso(2 * HOUR) });
    sales = await createCompetition({ title: 'Sales month', metric: 'settled_sales' });
    growth = await createCompetition({
      title: 'Team growth week',
      metric: 'team_growth',
      endsAt: iso(DAY),
      prizes: [
        { fromRank: 3, toRank: 3, kind: 'coupon', couponTemplateId },
        { fromRank: 1, toRank: 1, kind: 'commission_bonus', amount: 5000 },
        { fromRank: 2, toRank: 2, kind: 'points', points: 300 },
      ],
    });
    expect(growth).toMatchObject({ phase: 'running', status: 'scheduled', participants: 0 });
    expect(growth.prizes.map((p) => p.fromRank)).toEqual([1, 2, 3]);
    expect(upcoming.phase).toBe('upcoming');

    const list = await t.request('GET', '/api/competitions');
    expect(list.statusCode).toBe(200);
    const ids = list.json<{ items: { id: string }[] }>().items.map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining([customers.id, upcoming.id, sales.id, growth.id]));
    const running = await t.request('GET', '/api/competitions?status=upcoming');
    expect(running.json<{ items: { id: string }[] }>().items.map((c) => c.id)).toEqual([upcoming.id]);
  });
});

describe('scores', () => {
  it('counts each new customer once, from real store sales, and leaves an upcoming competition alone', async () => {
    chen = await shopkeeper('Chen Jie', 'chen-tea');
    buyers = [await t.signUp({ name: 'Li Na' }), await t.signUp({ name: 'Zhao Lei' })];
    firstOrder = await buyFrom(buyers[0] as Person, 'chen-tea');
    await buyFrom(buyers[1] as Person, 'chen-tea');
    // A second order of the same customer is not a new customer.
    await buyFrom(buyers[0] as Person, 'chen-tea');
    await t.jobs.runDue();
    await t.jobs.runDue();

    const seen = await view(customers.id, chen.token);
    expect(seen.leaderboard).toEqual([
      { rank: 1, name: 'Chen Jie', initial: 'C', score: 2, isMe: true, prize: null },
    ]);
    expect(seen.me).toEqual({ rank: 1, score: 2, listed: true, prize: null });
    expect((await view(upcoming.id)).leaderboard).toEqual([]);
  });

  it('counts an event delivered twice once', async () => {
    const [commission] = await t.db.query<{ id: string; amount: number }>(
      'SELECT id, amount FROM commissions WHERE order_id = $1 AND level = 1',
      [firstOrder.id],
    );
    await t.db.transaction((tx) =>
      t.services.events.publish(tx, 'commission.earned', {
        commissionId: commission?.id as string,
        orderId: firstOrder.id,
        userId: chen.user.id,
        amount: commission?.amount as number,
        level: 1,
      }),
    );
    await t.jobs.runDue();
    expect((await view(customers.id)).leaderboard[0]?.score).toBe(2);
  });

  it('masks names to others and anonymous viewers, and shows the viewer in full', async () => {
    wang = await shopkeeper('Wang Fang', 'wang-tea');
    await buyFrom(await t.signUp({ name: 'Sun Yu' }), 'wang-tea');
    await t.jobs.runDue();

    const byWang = await view(customers.id, wang.token);
    expect(byWang.leaderboard.map((e) => [e.rank, e.name, e.isMe])).toEqual([
      [1, 'Chen J.', false],
      [2, 'Wang Fang', true],
    ]);
    expect(byWang.me).toMatchObject({ rank: 2, score: 1 });
    const anonymous = await view(customers.id);
    expect(anonymous.leaderboard.map((e) => e.name)).toEqual(['Chen J.', 'Wang F.']);
    expect(anonymous.me).toBeNull();
    expect(JSON.stringify(anonymous)).not.toContain(chen.user.id);
  });

  it('opting out hides the person from every leaderboard; they still see their own rank', async () => {
    const off = await t.request('PUT', '/api/me/leaderboard', { token: chen.token, body: { listed: false } });
    expect(off.json()).toEqual({ listed: false });
    expect((await t.request('GET', '/api/me/leaderboard', { token: chen.token })).json()).toEqual({
      listed: false,
    });

    const byWang = await view(customers.id, wang.token);
    expect(byWang.leaderboard.map((e) => [e.rank, e.name])).toEqual([[1, 'Wang Fang']]);
    expect(byWang.participants).toBe(1);
    const byChen = await view(customers.id, chen.token);
    expect(byChen.leaderboard.map((e) => e.name)).toEqual(['Wang F.']);
    expect(byChen.me).toEqual({ rank: 1, score: 2, listed: false, prize: null });

    await t.request('PUT', '/api/me/leaderboard', { token: chen.token, body: { listed: true } });
    expect((await view(customers.id)).leaderboard.map((e) => e.name)).toEqual(['Chen J.', 'Wang F.']);
  });

  it('counts team growth from a real invitation and from published conversions, each invitee once', async () => {
    const inviter = await t.signUp({ name: 'Ivy Inviter' });
    const friend = await t.signUp({ name: 'Fred Friend', inviteCode: inviter.user.inviteCode });
    const { variantId } = await createProduct(t);
    const placed = await t.request('POST', '/api/orders', {
      token: friend.token,
      body: { items: [{ variantId, quantity: 1 }] },
    });
    await t.request('POST', `/api/payments/sandbox/${placed.json<Order>().id}/succeed`, {
      token: friend.token,
    });
    await t.jobs.runDue();
    await t.jobs.runDue();

    const x = await t.signUp({ name: 'Xu Ming' });
    const y = await t.signUp({ name: 'Yang Hua' });
    for (const n of [1, 2, 3])
      await publish('invitation.converted', { userId: x.user.id, inviteeId: `x-${n}`, orderId: `o-${n}` });
    await publish('invitation.converted', { userId: x.user.id, inviteeId: 'x-1', orderId: 'o-1' });
    for (const n of [1, 2])
      await publish('invitation.converted', { userId: y.user.id, inviteeId: `y-${n}`, orderId: `p-${n}` });
    await t.jobs.runDue();

    const board = await view(growth.id, inviter.token);
    expect(board.leaderboard.map((e) => [e.rank, e.name, e.score])).toEqual([
      [1, 'Xu M.', 3],
      [2, 'Yang H.', 2],
      [3, 'Ivy Inviter', 1],
    ]);
    expect(board.leaderboard.map((e) => e.prize?.kind)).toEqual(['commission_bonus', 'points', 'coupon']);
    expect(board.me).toMatchObject({ rank: 3, prize: { kind: 'coupon', couponTemplateId } });
    people.set('x', x);
    people.set('y', y);
    people.set('inviter', inviter);
  });
});

const people = new Map<string, Person>();

describe('editing and cancelling', () => {
  const bodyOf = (c: AdminCompetitionView) => ({
    title: c.title,
    description: c.description,
    metric: c.metric,
    startsAt: c.startsAt,
    endsAt: c.endsAt,
    prizes: c.prizes,
  });

  it('a running competition changes only its title and description, and cannot be cancelled', async () => {
    const put = (body: Record<string, unknown>) =>
      t.request('PUT', `/api/admin/competitions/${growth.id}`, {
        token: admin.token,
        body: { ...bodyOf(growth), ...body },
      });
    const locked = expectProblem(await put({ metric: 'new_customers' }), 409);
    expect(locked).toMatchObject({ reason: 'competition_locked', params: { field: 'metric' } });
    expect(expectProblem(await put({ prizes: [] }), 409).params).toEqual({ field: 'prizes' });
    const renamed = await put({ title: 'Team growth week!', description: 'Invite friends' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ title: 'Team growth week!', participants: 3 });
    const cancel = await t.request('POST', `/api/admin/competitions/${growth.id}/cancel`, {
      token: admin.token,
    });
    expect(expectProblem(cancel, 409).reason).toBe('competition_started');
  });

  it('an upcoming one changes freely and is cancelled, after which it shows nowhere but the console', async () => {
    const edited = await t.request('PUT', `/api/admin/competitions/${upcoming.id}`, {
      token: admin.token,
      body: {
        ...bodyOf(upcoming),
        metric: 'team_growth',
        prizes: [{ fromRank: 1, toRank: 2, kind: 'points', points: 50 }],
      },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const cancelled = await t.request('POST', `/api/admin/competitions/${upcoming.id}/cancel`, {
      token: admin.token,
    });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', phase: 'cancelled' });
    expectProblem(await t.request('GET', `/api/competitions/${upcoming.id}`), 404);
    const again = await t.request('POST', `/api/admin/competitions/${upcoming.id}/cancel`, {
      token: admin.token,
    });
    expect(expectProblem(again, 409).reason).toBe('invalid_transition');
    expect(
      expectProblem(
        await t.request('PUT', `/api/admin/competitions/${upcoming.id}`, {
          token: admin.token,
          body: bodyOf(upcoming),
        }),
        409,
      ).reason,
    ).toBe('competition_closed');
    const all = await t.request('GET', '/api/admin/competitions', { token: admin.token });
    expect(all.json<{ items: { id: string }[] }>().items.map((c) => c.id)).toContain(upcoming.id);
  });
});

describe('the end', () => {
  it('settled sales count once the commission settles through the test clock; events after an end are ignored', async () => {
    await t.jobs.scheduleRecurring();
    await t.jobs.runDue();
    expect(
      (await t.request('POST', `/api/admin/orders/${firstOrder.id}/complete`, { token: admin.token }))
        .statusCode,
    ).toBe(200);
    expect((await t.request('POST', '/api/test/clock', { body: { advanceMs: 8 * DAY } })).statusCode).toBe(
      200,
    );
    await t.jobs.runDue();
    const board = await view(sales.id, chen.token);
    expect(board.leaderboard.map((e) => [e.name, e.score])).toEqual([['Chen Jie', 10_000]]);

    // The growth week ended a week ago: a conversion now counts for nothing.
    await publish('invitation.converted', {
      userId: (people.get('y') as Person).user.id,
      inviteeId: 'y-late',
      orderId: 'q',
    });
    await t.jobs.runDue();
    expect((await view(growth.id)).leaderboard.map((e) => e.score)).toEqual([3, 2, 1]);
  });

  it('pays each prize once, even when the award runs again', async () => {
    const x = people.get('x') as Person;
    const y = people.get('y') as Person;
    const inviter = people.get('inviter') as Person;
    expect(await t.services.competitions.awardEnded()).toBe(0);
    expect(await t.services.competitions.awardCompetition(growth.id)).toBe(false);

    const detail = await t.request('GET', `/api/admin/competitions/${growth.id}`, { token: admin.token });
    const results = detail.json<AdminCompetitionDetailView>();
    expect(results).toMatchObject({ status: 'awarded', phase: 'ended' });
    expect(results.awards.map((a) => [a.rank, a.user.name, a.prize.kind])).toEqual([
      [1, 'Xu Ming', 'commission_bonus'],
      [2, 'Yang Hua', 'points'],
      [3, 'Ivy Inviter', 'coupon'],
    ]);
    expect(results.awards[2]?.userCouponId).toEqual(expect.any(String));

    // The bonus is in the wallet, balanced in the ledger (afterEach), and can be withdrawn.
    const wallet = (await t.request('GET', '/api/me/wallet', { token: x.token })).json<{
      available: number;
    }>();
    expect(wallet.available).toBe(5000);
    const bonuses = await t.db.query("SELECT 1 FROM ledger_transactions WHERE kind = 'commission.bonus'");
    expect(bonuses).toHaveLength(1);
    await t.request('PUT', '/api/me/payout-details', {
      token: x.token,
      body: { method: 'alipay', holderName: 'Xu Ming', account: '13800138000' },
    });
    const withdrawal = await t.request('POST', '/api/me/withdrawals', {
      token: x.token,
      body: { amount: 5000 },
    });
    expect(withdrawal.statusCode, withdrawal.body).toBe(201);

    const points = (await t.request('GET', '/api/me/points', { token: y.token })).json<{
      balance: number;
      items: { reason: string }[];
    }>();
    expect(points.balance).toBe(300);
    expect(points.items.map((p) => p.reason)).toEqual(['competition']);
    const coupons = (await t.request('GET', '/api/me/coupons', { token: inviter.token })).json<{
      items: { title: string; source: string }[];
    }>();
    expect(coupons.items.map((c) => [c.title, c.source])).toEqual([['Prize: 10 off', 'competition']]);

    await t.jobs.runDue();
    const inbox = (await t.request('GET', '/api/me/notifications', { token: x.token })).json<{
      items: { type: string; link: string }[];
    }>();
    expect(inbox.items.filter((n) => n.type === 'competition.placed')).toEqual([
      expect.objectContaining({ link: `/competitions/${growth.id}` }),
    ]);

    const ended = await view(growth.id, y.token);
    expect(ended.phase).toBe('ended');
    expect(ended.me).toMatchObject({ rank: 2, prize: { kind: 'points', points: 300 } });
  });

  it('a person hidden when it ends wins nothing, and the next one moves up', async () => {
    const quick = await createCompetition({
      metric: 'team_growth',
      endsAt: iso(HOUR),
      prizes: [{ fromRank: 1, toRank: 1, kind: 'points', points: 70 }],
    });
    const hidden = await t.signUp({ name: 'Hidden Hu' });
    const shown = await t.signUp({ name: 'Shown Shi' });
    await publish('invitation.converted', { userId: hidden.user.id, inviteeId: 'h-1', orderId: 'h' });
    await publish('invitation.converted', { userId: hidden.user.id, inviteeId: 'h-2', orderId: 'h2' });
    await publish('invitation.converted', { userId: shown.user.id, inviteeId: 's-1', orderId: 's' });
    await t.jobs.runDue();
    await t.request('PUT', '/api/me/leaderboard', { token: hidden.token, body: { listed: false } });
    await t.request('POST', '/api/test/clock', { body: { advanceMs: 2 * HOUR } });
    await t.request('POST', '/api/test/clock', { body: { advanceMs: 2 * HOUR } });

    const results = (
      await t.request('GET', `/api/admin/competitions/${quick.id}`, { token: admin.token })
    ).json<AdminCompetitionDetailView>();
    expect(results.status).toBe('awarded');
    expect(results.awards.map((a) => a.user.name)).toEqual(['Shown Shi']);
    expect(results.results.map((r) => [r.user.name, r.rank, r.listed])).toEqual([
      ['Hidden Hu', null, false],
      ['Shown Shi', 1, true],
    ]);
    expect((await t.request('GET', '/api/me/points', { token: hidden.token })).json()).toMatchObject({
      balance: 0,
    });
    expect((await view(quick.id, hidden.token)).me).toEqual({
      rank: null,
      score: 2,
      listed: false,
      prize: null,
    });
  });

  it(`two awards at once pay each prize once, and one event handled twice at once counts once ${RACE}`, async () => {
    const raced = await createCompetition({
      metric: 'team_growth',
      endsAt: iso(HOUR),
      prizes: [{ fromRank: 1, toRank: 1, kind: 'points', points: 40 }],
    });
    const racer = await t.signUp({ name: 'Race Ren' });
    const event = { userId: racer.user.id, inviteeId: 'r-1', orderId: 'r' };
    await Promise.all(
      [1, 2].map(() =>
        t.db.transaction((tx) => t.services.competitions.reactions.onInvitationConverted(tx, event)),
      ),
    );
    expect((await view(raced.id)).leaderboard.map((e) => e.score)).toEqual([1]);
    t.clock.advance(2 * HOUR);
    const runs = await Promise.all([1, 2].map(() => t.services.competitions.awardCompetition(raced.id)));
    expect(runs.filter(Boolean)).toHaveLength(1);
    expect((await t.request('GET', '/api/me/points', { token: racer.token })).json()).toMatchObject({
      balance: 40,
    });
  });
});
