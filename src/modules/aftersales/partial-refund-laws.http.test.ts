import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProduct, expectLedgerSound } from '../../../test/support/shop.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import type { Order } from '../orders/present.js';
import type { AfterSale } from './service.js';

/**
 * Money laws of after-sales over whole sequences, on a real database: returning every unit of an
 * order, in any split and any order of approval, refunds exactly its paid total; at every step each
 * commission's remainder plus what the ledger reversed equals what it earned, to the unit; and once
 * everything is returned nothing is left of any commission. Points and coupons follow the rules of
 * a full refund only: a partial refund returns neither.
 */
let t: TestApp;
let admin: { token: string };
type Person = Awaited<ReturnType<TestApp['signUp']>>;
let parent: Person;
let promoter: Person;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signInAdmin();
  parent = await t.signUp();
  promoter = await t.signUp({ inviteCode: parent.user.inviteCode });
  await t.request('POST', '/api/shopkeepers', { token: promoter.token });
  await t.request('POST', '/api/stores', {
    token: promoter.token,
    body: { name: 'Laws', slug: 'laws-corner' },
  });
});
afterAll(() => t.close());

interface CommissionRow {
  id: string;
  amount: number;
  earned_amount: number | null;
  status: string;
}

async function commissionLedger(orderId: string) {
  const rows = await t.db.query<CommissionRow>(
    'SELECT id, amount, earned_amount, status FROM commissions WHERE order_id = $1 ORDER BY level',
    [orderId],
  );
  const result = [];
  for (const c of rows) {
    const [moved] = await t.db.query<{ earned: number; reversed: number }>(
      `SELECT COALESCE(sum(CASE WHEN t.kind = 'commission.earned' THEN p.amount END), 0)::bigint AS earned,
              COALESCE(sum(CASE WHEN t.kind IN ('commission.reduced', 'commission.reversed') THEN -p.amount END), 0)::bigint AS reversed
       FROM ledger_transactions t JOIN ledger_postings p ON p.transaction_id = t.id
       WHERE p.account_code = 'platform:commission-expense'
         AND (t.ref = $1 OR t.ref LIKE $1 || ':%')`,
      [c.id],
    );
    result.push({ ...c, earnedInLedger: moved?.earned ?? 0, reversedInLedger: moved?.reversed ?? 0 });
  }
  return result;
}

describe('partial returns', () => {
  it('refund exactly the paid total and shrink every commission exactly, in any split and order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({ price: fc.integer({ min: 1, max: 90_000 }), quantity: fc.integer({ min: 1, max: 4 }) }),
          {
            minLength: 1,
            maxLength: 3,
          },
        ),
        fc.integer({ min: 1, max: 4 }),
        fc.infiniteStream(fc.nat()),
        fc.boolean(),
        async (lines, parts, randomness, shipped) => {
          admin = await t.signInAdmin();
          const buyer = await t.signUp();
          const variants: string[] = [];
          for (const line of lines)
            variants.push((await createProduct(t, { price: line.price, stock: 50 })).variantId);
          const placed = await t.request('POST', '/api/orders', {
            token: buyer.token,
            body: {
              items: lines.map((l, i) => ({ variantId: variants[i], quantity: l.quantity })),
              storeSlug: 'laws-corner',
            },
          });
          const order = placed.json<Order>();
          await t.request('POST', `/api/payments/sandbox/${order.id}/succeed`, { token: buyer.token });
          if (shipped)
            await t.request('POST', `/api/admin/orders/${order.id}/complete`, { token: admin.token });
          const earned = new Map((await commissionLedger(order.id)).map((c) => [c.id, c.amount]));

          // Deal every unit into `parts` requests, all open at once.
          const random = randomness[Symbol.iterator]();
          const deal: { orderItemId: string; quantity: number }[][] = Array.from({ length: parts }, () => []);
          for (const item of order.items) {
            const counts = Array.from({ length: parts }, () => 0);
            for (let u = 0; u < item.quantity; u++) counts[(random.next().value as number) % parts]! += 1;
            counts.forEach((n, p) => {
              if (n > 0) deal[p]!.push({ orderItemId: item.id, quantity: n });
            });
          }
          const asks = deal.filter((d) => d.length > 0);
          const requests: AfterSale[] = [];
          for (const items of asks) {
            const res = await t.request('POST', `/api/orders/${order.id}/after-sales`, {
              token: buyer.token,
              body: { type: shipped ? 'return' : 'refund', reason: 'law', items },
            });
            expect(res.statusCode, res.body).toBe(201);
            requests.push(res.json<AfterSale>());
          }
          expect(requests.reduce((s, r) => s + r.amount, 0)).toBe(order.total);

          const approvalOrder = [...requests].sort(() => ((random.next().value as number) % 3) - 1);
          let refunded = 0;
          for (const request of approvalOrder) {
            const res = await t.request('POST', `/api/admin/after-sales/${request.id}/approve`, {
              token: admin.token,
              body: {},
            });
            expect(res.statusCode, res.body).toBe(200);
            refunded += request.amount;
            const now = (
              await t.request('GET', `/api/orders/${order.id}`, { token: buyer.token })
            ).json<Order>();
            expect(now.refundedAmount).toBe(refunded);
            expect(now.status).toBe(refunded === order.total ? 'refunded' : shipped ? 'completed' : 'paid');
            for (const c of await commissionLedger(order.id)) {
              const original = earned.get(c.id) as number;
              const left = c.status === 'reversed' ? 0 : c.amount;
              expect(c.earnedInLedger).toBe(original);
              expect(left + c.reversedInLedger).toBe(original);
              if (c.status !== 'reversed')
                expect(left).toBe(Math.floor((original * (order.total - refunded)) / order.total));
            }
          }
          for (const c of await commissionLedger(order.id)) {
            expect(c.status).toBe('reversed');
            expect(c.reversedInLedger).toBe(earned.get(c.id));
          }
          await expectLedgerSound(t);
        },
      ),
      { numRuns: 8 },
    );
  });
});

describe('points and coupons', () => {
  it('a partial refund keeps the coupon used and the inviter’s points; the full refund returns both', async () => {
    await t.request('PUT', '/api/admin/invitation-rewards', {
      token: admin.token,
      body: { kind: 'points', points: 100 },
    });
    const inviter = await t.signUp();
    const buyer = await t.signUp({ inviteCode: inviter.user.inviteCode });
    const template = await t.request('POST', '/api/admin/coupons', {
      token: admin.token,
      body: { title: '10 off', kind: 'amount_off', amountOff: 1000 },
    });
    const coupon = await t.request('POST', `/api/coupons/${template.json<{ id: string }>().id}/claim`, {
      token: buyer.token,
    });
    const { variantId } = await createProduct(t, { price: 5000, stock: 10 });
    const order = (
      await t.request('POST', '/api/orders', {
        token: buyer.token,
        body: { items: [{ variantId, quantity: 2 }], couponId: coupon.json<{ id: string }>().id },
      })
    ).json<Order>();
    expect(order.total).toBe(9000);
    await t.request('POST', `/api/payments/sandbox/${order.id}/succeed`, { token: buyer.token });
    await t.request('POST', '/api/test/clock', { body: { advanceMs: 1000 } });
    const pointsOf = async () =>
      (await t.request('GET', '/api/me/points', { token: inviter.token })).json<{ balance: number }>()
        .balance;
    const couponStatus = async () =>
      (await t.request('GET', '/api/me/coupons', { token: buyer.token }))
        .json<{ items: { id: string; status: string }[] }>()
        .items.find((c) => c.id === coupon.json<{ id: string }>().id)?.status;
    expect(await pointsOf()).toBe(100);
    expect(await couponStatus()).toBe('used');

    const part = await t.request('POST', `/api/orders/${order.id}/after-sales`, {
      token: buyer.token,
      body: {
        type: 'refund',
        reason: 'one too many',
        items: [{ orderItemId: order.items[0]!.id, quantity: 1 }],
      },
    });
    expect(part.json()).toMatchObject({ amount: 4500 });
    await t.request('POST', `/api/admin/after-sales/${part.json<AfterSale>().id}/approve`, {
      token: admin.token,
      body: {},
    });
    await t.request('POST', '/api/test/clock', { body: { advanceMs: 1000 } });
    expect(await pointsOf()).toBe(100);
    expect(await couponStatus()).toBe('used');

    const rest = await t.request('POST', `/api/orders/${order.id}/after-sales`, {
      token: buyer.token,
      body: { type: 'refund', reason: 'the other one too' },
    });
    await t.request('POST', `/api/admin/after-sales/${rest.json<AfterSale>().id}/approve`, {
      token: admin.token,
      body: {},
    });
    await t.request('POST', '/api/test/clock', { body: { advanceMs: 1000 } });
    expect(await pointsOf()).toBe(0);
    expect(await couponStatus()).toBe('available');
    await expectLedgerSound(t);
  });
});
