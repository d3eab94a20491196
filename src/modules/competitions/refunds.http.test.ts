import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RACE } from '../../../test/support/races.js';
import { createProduct, expectLedgerSound } from '../../../test/support/shop.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import type { Order } from '../orders/present.js';
import type { AdminCompetitionDetailView, AdminCompetitionView, CompetitionView } from './schemas.js';

/**
 * Refunds and competitions: an order refunded in full before the award counts for nothing (its new
 * customer or settled sale leaves the leaderboard, so it wins no prize); a partial refund shrinks a
 * settled sale in proportion; after the award, results are final. And the award paid once when the
 * safety-net sweep and the competition's own job run at once.
 */
let t: TestApp;
let admin: { token: string };
type Person = Awaited<ReturnType<TestApp['signUp']>>;
const DAY = 86_400_000;
const HOUR = 3_600_000;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signInAdmin();
  await t.jobs.scheduleRecurring();
});
afterEach(async () => {
  await expectLedgerSound(t);
});
afterAll(() => t.close());

const iso = (offsetMs: number) => new Date(t.clock.now().getTime() + offsetMs).toISOString();

async function createCompetition(body: Record<string, unknown>) {
  const res = await t.request('POST', '/api/admin/competitions', {
    token: admin.token,
    body: { title: 'Sprint', startsAt: iso(-1000), endsAt: iso(HOUR), prizes: [], ...body },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<AdminCompetitionView>();
}

const board = async (id: string, token?: string) => {
  const res = await t.request('GET', `/api/competitions/${id}`, { token });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<CompetitionView>();
};
const scores = async (id: string) => (await board(id)).leaderboard.map((e) => [e.name, e.score]);

async function shopkeeper(name: string, slug: string): Promise<Person> {
  const person = await t.signUp({ name });
  expect((await t.request('POST', '/api/shopkeepers', { token: person.token })).statusCode).toBe(201);
  const store = await t.request('POST', '/api/stores', { token: person.token, body: { name, slug } });
  expect(store.statusCode, store.body).toBe(201);
  return person;
}

async function buyFrom(buyer: Person, storeSlug: string, price = 10_000, quantity = 1): Promise<Order> {
  const { variantId } = await createProduct(t, { price, stock: 100 });
  const placed = await t.request('POST', '/api/orders', {
    token: buyer.token,
    body: { items: [{ variantId, quantity }], storeSlug },
  });
  expect(placed.statusCode, placed.body).toBe(201);
  const paid = await t.request('POST', `/api/payments/sandbox/${placed.json<Order>().id}/succeed`, {
    token: buyer.token,
  });
  expect(paid.statusCode, paid.body).toBe(200);
  return paid.json<Order>();
}

const refundInFull = async (order: Order) => {
  const res = await t.request('POST', `/api/admin/orders/${order.id}/refund`, { token: admin.token });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json<Order>().status).toBe('refunded');
};

/** Completes an order and moves the clock past its return window, so its commissions settle. */
async function settle(order: Order) {
  const done = await t.request('POST', `/api/admin/orders/${order.id}/complete`, { token: admin.token });
  expect(done.statusCode, done.body).toBe(200);
  expect((await t.request('POST', '/api/test/clock', { body: { advanceMs: 8 * DAY } })).statusCode).toBe(200);
  await t.jobs.runDue();
}

let su: Person;
let wu: Person;

describe('new customers', () => {
  it('an order refunded in full before the award leaves the board, and the prize goes to who kept their sales', async () => {
    const sprint = await createCompetition({
      metric: 'new_customers',
      prizes: [{ fromRank: 1, toRank: 1, kind: 'points', points: 100 }],
    });
    su = await shopkeeper('Su Qin', 'su-tea');
    wu = await shopkeeper('Wu Lan', 'wu-tea');
    const first = await buyFrom(await t.signUp({ name: 'Buyer One' }), 'su-tea');
    const second = await buyFrom(await t.signUp({ name: 'Buyer Two' }), 'su-tea');
    const kept = await buyFrom(await t.signUp({ name: 'Buyer Three' }), 'wu-tea');
    await t.jobs.runDue();
    expect(await scores(sprint.id)).toEqual([
      ['Su Q.', 2],
      ['Wu L.', 1],
    ]);

    await refundInFull(first);
    await t.jobs.runDue();
    // Su's remaining customer came before Wu's: a tie on 1, Su first.
    expect(await scores(sprint.id)).toEqual([
      ['Su Q.', 1],
      ['Wu L.', 1],
    ]);
    await refundInFull(second);
    await t.jobs.runDue();
    expect(await scores(sprint.id)).toEqual([['Wu L.', 1]]);
    expect((await board(sprint.id, su.token)).me).toEqual({
      rank: null,
      score: 0,
      listed: true,
      prize: null,
    });

    // A count that runs late, after its order was refunded, counts nothing.
    const [commission] = await t.db.query<{ id: string; amount: number }>(
      'SELECT id, amount FROM commissions WHERE order_id = $1 AND level = 1',
      [first.id],
    );
    await t.db.transaction((tx) =>
      t.services.competitions.reactions.onCommissionEarned(tx, {
        commissionId: commission?.id as string,
        orderId: first.id,
        userId: su.user.id,
        amount: commission?.amount as number,
        level: 1,
      }),
    );
    expect(await scores(sprint.id)).toEqual([['Wu L.', 1]]);

    expect((await t.request('POST', '/api/test/clock', { body: { advanceMs: 2 * HOUR } })).statusCode).toBe(
      200,
    );
    const results = (
      await t.request('GET', `/api/admin/competitions/${sprint.id}`, { token: admin.token })
    ).json<AdminCompetitionDetailView>();
    expect(results.status).toBe('awarded');
    expect(results.awards.map((a) => [a.rank, a.user.name])).toEqual([[1, 'Wu Lan']]);
    expect(results.results.map((r) => r.user.name)).toEqual(['Wu Lan']);
    const points = async (p: Person) =>
      (await t.request('GET', '/api/me/points', { token: p.token })).json<{ items: { reason: string }[] }>();
    expect((await points(su)).items.filter((i) => i.reason === 'competition')).toEqual([]);
    expect((await points(wu)).items.filter((i) => i.reason === 'competition')).toHaveLength(1);

    // Once awarded the results are final: a refund now changes nothing.
    await refundInFull(kept);
    await t.jobs.runDue();
    expect(await scores(sprint.id)).toEqual([['Wu L.', 1]]);
  });
});

describe('settled sales', () => {
  it('a partial refund before settlement counts what the buyer kept', async () => {
    const month = await createCompetition({ metric: 'settled_sales', endsAt: iso(30 * DAY) });
    const buyer = await t.signUp({ name: 'Half Buyer' });
    const order = await buyFrom(buyer, 'su-tea', 5_000, 2);
    const done = await t.request('POST', `/api/admin/orders/${order.id}/complete`, { token: admin.token });
    expect(done.statusCode, done.body).toBe(200);
    const request = await t.request('POST', `/api/orders/${order.id}/after-sales`, {
      token: buyer.token,
      body: {
        type: 'return',
        reason: 'one was broken',
        items: [{ orderItemId: order.items[0]?.id, quantity: 1 }],
      },
    });
    expect(request.statusCode, request.body).toBe(201);
    const approved = await t.request(
      'POST',
      `/api/admin/after-sales/${request.json<{ id: string }>().id}/approve`,
      {
        token: admin.token,
        body: {},
      },
    );
    expect(approved.statusCode, approved.body).toBe(200);
    expect((await t.request('POST', '/api/test/clock', { body: { advanceMs: 8 * DAY } })).statusCode).toBe(
      200,
    );
    await t.jobs.runDue();
    expect(await scores(month.id)).toEqual([['Su Q.', 5_000]]);
  });

  it('a refund after settlement shrinks the settled sale in proportion, and one in full takes it away', async () => {
    const quarter = await createCompetition({ metric: 'settled_sales', endsAt: iso(60 * DAY) });
    const order = await buyFrom(await t.signUp({ name: 'Late Refund' }), 'wu-tea', 10_000);
    await settle(order);
    expect(await scores(quarter.id)).toEqual([['Wu L.', 10_000]]);

    // The provider reports a refund of a quarter (as a refund made at the provider arrives).
    await t.services.orders.refundOrder(order.id, 'refunded at sandbox', {
      amount: 2_500,
      items: [],
      restock: false,
    });
    await t.jobs.runDue();
    expect(await scores(quarter.id)).toEqual([['Wu L.', 7_500]]);
    // Delivered twice: the same.
    await t.db.transaction((tx) =>
      t.services.competitions.reactions.onOrderPartiallyRefunded(tx, {
        orderId: order.id,
        userId: order.userId,
        refundId: 'again',
        amount: 2_500,
        refundedAmount: 2_500,
        total: 10_000,
      }),
    );
    expect(await scores(quarter.id)).toEqual([['Wu L.', 7_500]]);

    await refundInFull(order);
    await t.jobs.runDue();
    expect(await scores(quarter.id)).toEqual([]);
  });
});

describe('the award', () => {
  it(`the sweep and the competition's own job at once pay each prize once, coupons, points and bonus ${RACE}`, async () => {
    const template = await t.request('POST', '/api/admin/coupons', {
      token: admin.token,
      body: { title: 'Prize coupon', kind: 'amount_off', amountOff: 500, claimable: false },
    });
    expect(template.statusCode, template.body).toBe(201);
    const raced = await createCompetition({
      metric: 'team_growth',
      prizes: [
        { fromRank: 1, toRank: 1, kind: 'commission_bonus', amount: 700 },
        { fromRank: 2, toRank: 2, kind: 'points', points: 70 },
        { fromRank: 3, toRank: 3, kind: 'coupon', couponTemplateId: template.json<{ id: string }>().id },
      ],
    });
    const racers = [
      await t.signUp({ name: 'Racer A' }),
      await t.signUp({ name: 'Racer B' }),
      await t.signUp({ name: 'Racer C' }),
    ];
    for (const [i, racer] of racers.entries())
      for (let n = 0; n < 3 - i; n++)
        await t.db.transaction((tx) =>
          t.services.events.publish(tx, 'invitation.converted', {
            userId: racer.user.id,
            inviteeId: `${racer.user.id}-${n}`,
            orderId: `none-${i}-${n}`,
          }),
        );
    await t.jobs.runDue();
    expect((await scores(raced.id)).map(([, score]) => score)).toEqual([3, 2, 1]);
    t.clock.advance(2 * HOUR);
    await Promise.all([
      t.services.competitions.awardEnded(),
      t.services.competitions.awardCompetition(raced.id),
      t.services.competitions.awardEnded(),
    ]);

    const prizes = await t.db.query<{ kind: string }>(
      'SELECT kind FROM competition_prizes WHERE competition_id = $1 ORDER BY rank',
      [raced.id],
    );
    expect(prizes.map((p) => p.kind)).toEqual(['commission_bonus', 'points', 'coupon']);
    const bonus = await t.db.query(
      "SELECT 1 FROM ledger_transactions WHERE kind = 'commission.bonus' AND ref LIKE $1",
      [`competition:${raced.id}:%`],
    );
    expect(bonus).toHaveLength(1);
    const wallet = (await t.request('GET', '/api/me/wallet', { token: racers[0]?.token })).json<{
      available: number;
    }>();
    expect(wallet.available).toBe(700);
    const points = (await t.request('GET', '/api/me/points', { token: racers[1]?.token })).json<{
      balance: number;
    }>();
    expect(points.balance).toBe(70);
    const coupons = (await t.request('GET', '/api/me/coupons', { token: racers[2]?.token })).json<{
      items: unknown[];
    }>();
    expect(coupons.items).toHaveLength(1);
  });
});
