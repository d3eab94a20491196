import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RACE } from '../../../test/support/races.js';
import { createProduct, expectLedgerSound } from '../../../test/support/shop.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import type { Order } from '../orders/present.js';
import type { Commission } from './reads.js';
import type { Wallet } from './wallet.js';

/**
 * Laws of commission money over whole lifecycles: racing payments earn once; whatever happens to
 * the orders, a promoter's wallet is what they earned minus what was reversed, to the unit.
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

async function promoterWithStore(slug: string) {
  const parent = await t.signUp();
  const promoter = await t.signUp({ inviteCode: parent.user.inviteCode });
  await t.request('POST', '/api/shopkeepers', { token: promoter.token });
  const store = await t.request('POST', '/api/stores', { token: promoter.token, body: { name: slug, slug } });
  expect(store.statusCode).toBe(201);
  return { parent, promoter };
}

async function placeInStore(buyer: Person, slug: string, price: number, quantity = 1): Promise<Order> {
  const { variantId } = await createProduct(t, { price, stock: 100 });
  const placed = await t.request('POST', '/api/orders', {
    token: buyer.token,
    body: { items: [{ variantId, quantity }], storeSlug: slug },
  });
  expect(placed.statusCode).toBe(201);
  return placed.json<Order>();
}

const commissionsOf = async (person: Person) =>
  (await t.request('GET', '/api/me/commissions?limit=100', { token: person.token })).json<{
    items: Commission[];
  }>().items;
const walletOf = async (person: Person) =>
  (await t.request('GET', '/api/me/wallet', { token: person.token })).json<Wallet>();

describe('racing payments', () => {
  it(`earns once when the same order is paid by many requests at once ${RACE}`, async () => {
    const { parent, promoter } = await promoterWithStore('race-corner');
    const buyer = await t.signUp();
    const order = await placeInStore(buyer, 'race-corner', 25_000);
    const answers = await Promise.all(
      Array.from({ length: 8 }, () =>
        t.request('POST', `/api/payments/sandbox/${order.id}/succeed`, { token: buyer.token }),
      ),
    );
    expect(answers.filter((a) => a.statusCode === 200)).toHaveLength(1);
    expect(answers.filter((a) => a.statusCode === 409)).toHaveLength(7);
    expect((await commissionsOf(promoter)).filter((c) => c.orderId === order.id)).toHaveLength(1);
    expect((await commissionsOf(parent)).filter((c) => c.orderId === order.id)).toHaveLength(1);
    expect(await walletOf(promoter)).toMatchObject({ pending: 2500, available: 0 });
    await expectLedgerSound(t);
  });
});

type Fate = 'unpaid' | 'paid' | 'refunded' | 'completed' | 'settled' | 'settledThenRefunded';
const fate = fc.constantFrom<Fate>(
  'unpaid',
  'paid',
  'refunded',
  'completed',
  'settled',
  'settledThenRefunded',
);

describe('wallet law', () => {
  it('keeps pending + available equal to earned minus reversed, whatever happens to the orders', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            price: fc.integer({ min: 1, max: 200_000 }),
            quantity: fc.integer({ min: 1, max: 3 }),
            fate,
          }),
          {
            minLength: 1,
            maxLength: 5,
          },
        ),
        async (plans) => {
          run += 1;
          // The clock moves on in every run: sign the operator in again rather than outlive the session.
          admin = await t.signInAdmin();
          const slug = `law-${run}-${Math.random().toString(36).slice(2, 7)}`;
          const { promoter } = await promoterWithStore(slug);
          const buyer = await t.signUp();
          const orders: { order: Order; fate: Fate }[] = [];
          for (const plan of plans) {
            const order = await placeInStore(buyer, slug, plan.price, plan.quantity);
            if (plan.fate !== 'unpaid') {
              await t.request('POST', `/api/payments/sandbox/${order.id}/succeed`, { token: buyer.token });
            }
            if (['completed', 'settled', 'settledThenRefunded'].includes(plan.fate)) {
              await t.request('POST', `/api/admin/orders/${order.id}/complete`, { token: admin.token });
            }
            orders.push({ order, fate: plan.fate });
          }
          if (plans.some((p) => p.fate.startsWith('settled'))) {
            await t.request('POST', '/api/test/clock', { body: { advanceMs: 8 * DAY } });
          }
          for (const { order, fate } of orders) {
            if (fate === 'refunded' || fate === 'settledThenRefunded') {
              const refund = await t.request('POST', `/api/admin/orders/${order.id}/refund`, {
                token: admin.token,
              });
              expect(refund.statusCode).toBe(200);
            }
          }

          const mine = await commissionsOf(promoter);
          // 10% of every paid order, floored (a commission that floors to 0 is not recorded); nothing unpaid.
          for (const { order, fate } of orders) {
            const earned = mine.filter((c) => c.orderId === order.id).map((c) => c.amount);
            const due = Math.floor(order.total / 10);
            expect(earned).toEqual(fate === 'unpaid' || due === 0 ? [] : [due]);
          }
          const sum = (status: Commission['status']) =>
            mine.filter((c) => c.status === status).reduce((total, c) => total + c.amount, 0);
          const wallet = await walletOf(promoter);
          expect(wallet.pending).toBe(sum('pending'));
          expect(wallet.available).toBe(sum('settled'));
          const reversedOrders = orders.filter(
            (o) => o.fate === 'refunded' || o.fate === 'settledThenRefunded',
          );
          expect(
            mine
              .filter((c) => c.status === 'reversed')
              .map((c) => c.orderId)
              .sort(),
          ).toEqual(
            reversedOrders
              .filter((o) => o.order.total >= 10)
              .map((o) => o.order.id)
              .sort(),
          );
          await expectLedgerSound(t);
        },
      ),
      { numRuns: 12 },
    );
  });
});
