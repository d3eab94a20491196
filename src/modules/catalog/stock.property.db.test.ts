import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RACE } from '../../../test/support/races.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { AppError } from '../../platform/errors.js';

/**
 * Stock is conserved under concurrency. Random batches of checkouts, payments, cancellations,
 * refunds, operator adjustments (delta and compare-and-set) and product edits run at the same time
 * (truly in parallel on PostgreSQL, interleaved between transactions on PGlite). Afterwards, for
 * every variant: initial + adjustments − sold + returned = stock, where each term comes from outside
 * the log (what the test created and adjusted, and the orders' own items and states); the log's
 * terms equal those; its deltas sum to the stock; and, read in id order, each movement's `stock`
 * is the running sum, so the log is the exact history of the row.
 */
let t: TestApp;
let adminId: string;
let buyers: { token: string; user: { id: string } }[];
beforeAll(async () => {
  t = await createTestApp();
  adminId = (await t.signInAdmin()).user.id;
  buyers = await Promise.all(Array.from({ length: 3 }, () => t.signUp()));
});
afterAll(() => t.close());

type Command =
  | { kind: 'order'; buyer: number; lines: { variant: number; quantity: number }[] }
  | { kind: 'pay' | 'cancel' | 'refund'; order: number }
  | { kind: 'delta'; variant: number; delta: number }
  | { kind: 'set'; variant: number; stock: number }
  | { kind: 'edit'; product: number; price: number };

const VARIANTS = 3;
const variant = fc.nat(VARIANTS - 1);
const command: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('order' as const),
      buyer: fc.nat(2),
      lines: fc.array(fc.record({ variant, quantity: fc.integer({ min: 1, max: 4 }) }), {
        minLength: 1,
        maxLength: 2,
      }),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constantFrom('pay' as const, 'cancel' as const, 'refund' as const),
      order: fc.nat(30),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('delta' as const),
      variant,
      delta: fc.integer({ min: -6, max: 6 }).filter((d) => d !== 0),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('set' as const), variant, stock: fc.nat(12) }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('edit' as const), product: fc.nat(1), price: fc.nat(9999) }),
  },
);

/** Refusals that random commands run into (sold out, already paid, moved stock) are outcomes, not failures. */
async function tolerate(action: () => Promise<unknown>) {
  try {
    await action();
  } catch (error) {
    if (!(error instanceof AppError) || !['conflict', 'not_found', 'business_rule'].includes(error.code))
      throw error;
  }
}

interface World {
  products: { id: string; variants: { id: string; sku: string }[] }[];
  variantIds: string[];
  initial: number[];
  adjusted: number[];
  orders: { id: string; token: string }[];
}

async function createWorld(initial: number[]): Promise<World> {
  const { catalog } = t.services;
  const sku = () => `PROP-${Math.random().toString(36).slice(2)}`;
  const two = await catalog.createProduct(
    {
      title: 'Two sizes',
      variants: [
        { sku: sku(), price: 1200, stock: initial[0]! },
        { sku: sku(), price: 2100, stock: initial[1]! },
      ],
    },
    adminId,
  );
  const one = await catalog.createProduct({
    title: 'One size',
    variants: [{ sku: sku(), price: 900, stock: initial[2]! }],
  });
  const products = [two, one].map((p) => ({
    id: p.id,
    variants: p.variants.map(({ id, sku }) => ({ id, sku })),
  }));
  return {
    products,
    variantIds: products.flatMap((p) => p.variants.map((v) => v.id)),
    initial,
    adjusted: initial.map(() => 0),
    orders: [],
  };
}

async function run(world: World, c: Command) {
  const { catalog, orders } = t.services;
  const pick = (n: number) => world.orders[n % Math.max(world.orders.length, 1)];
  switch (c.kind) {
    case 'order': {
      const buyer = buyers[c.buyer]!;
      const items = c.lines.map((l) => ({ variantId: world.variantIds[l.variant]!, quantity: l.quantity }));
      return tolerate(async () => {
        const placed = await orders.placeOrder(buyer.user.id, { items });
        world.orders.push({ id: placed.body.id, token: buyer.token });
      });
    }
    case 'pay': {
      const order = pick(c.order);
      if (!order) return;
      const res = await t.request('POST', `/api/payments/sandbox/${order.id}/succeed`, {
        token: order.token,
      });
      expect([200, 409]).toContain(res.statusCode);
      return;
    }
    case 'cancel': {
      const order = pick(c.order);
      return order && orders.cancelUnpaidOrder(order.id, 'property test');
    }
    case 'refund': {
      const order = pick(c.order);
      return order && tolerate(() => orders.refundOrder(order.id, 'property test'));
    }
    case 'delta':
      return tolerate(async () => {
        await catalog.adjustStock(world.variantIds[c.variant]!, { delta: c.delta, reason: 'count' }, adminId);
        world.adjusted[c.variant]! += c.delta;
      });
    case 'set': {
      const id = world.variantIds[c.variant]!;
      const [row] = await t.db.query<{ stock: number }>('SELECT stock FROM variants WHERE id = $1', [id]);
      const expected = row!.stock;
      if (expected === c.stock) return;
      return tolerate(async () => {
        await catalog.adjustStock(id, { expected, stock: c.stock, reason: 'stocktake' }, adminId);
        world.adjusted[c.variant]! += c.stock - expected;
      });
    }
    case 'edit': {
      const product = world.products[c.product]!;
      await catalog.updateProduct(
        product.id,
        { title: `Edited ${c.price}`, variants: product.variants.map((v) => ({ ...v, price: c.price })) },
        adminId,
      );
    }
  }
}

async function expectConserved(world: World) {
  const ids = world.variantIds;
  const stocks = new Map(
    (
      await t.db.query<{ id: string; stock: number }>('SELECT id, stock FROM variants WHERE id = ANY($1)', [
        ids,
      ])
    ).map((r) => [r.id, r.stock]),
  );
  // From the orders' side: every unit ever ordered was sold; a cancelled or refunded order gave it back.
  const units = await t.db.query<{ variant_id: string; sold: number; returned: number }>(
    `SELECT i.variant_id, sum(i.quantity)::int AS sold,
            coalesce(sum(i.quantity) FILTER (WHERE o.status IN ('cancelled', 'refunded')), 0)::int AS returned
     FROM order_items i JOIN orders o ON o.id = i.order_id WHERE i.variant_id = ANY($1) GROUP BY i.variant_id`,
    [ids],
  );
  const movements = await t.db.query<{
    variant_id: string;
    kind: string;
    delta: number;
    stock_after: number;
  }>(
    'SELECT variant_id, kind, delta, stock_after FROM stock_movements WHERE variant_id = ANY($1) ORDER BY id',
    [ids],
  );
  for (const [i, id] of ids.entries()) {
    const stock = stocks.get(id)!;
    const unit = units.find((u) => u.variant_id === id) ?? { sold: 0, returned: 0 };
    expect(stock).toBeGreaterThanOrEqual(0);
    expect(world.initial[i]! + world.adjusted[i]! - unit.sold + unit.returned).toBe(stock);

    const log = movements.filter((m) => m.variant_id === id);
    const sum = (kinds: string[]) =>
      log.filter((m) => kinds.includes(m.kind)).reduce((s, m) => s + m.delta, 0);
    expect({
      initial: sum(['initial']),
      adjustments: sum(['adjustment']),
      sold: Math.abs(sum(['sold'])),
      returned: sum(['released', 'returned']),
    }).toEqual({
      initial: world.initial[i],
      adjustments: world.adjusted[i],
      sold: unit.sold,
      returned: unit.returned,
    });
    let running = 0;
    for (const m of log) {
      running += m.delta;
      expect(m.stock_after).toBe(running);
    }
    expect(running).toBe(stock);
  }
}

describe('stock under concurrent checkouts, refunds, adjustments and edits', () => {
  it(`initial + adjustments − sold + returned = stock, and the movement log is its exact history ${RACE}`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat(8), { minLength: VARIANTS, maxLength: VARIANTS }),
        fc.array(fc.array(command, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 5 }),
        async (initial, batches) => {
          const world = await createWorld(initial);
          for (const batch of batches) await Promise.all(batch.map((c) => run(world, c)));
          await expectConserved(world);
        },
      ),
      { numRuns: 25 },
    );
    // Generous: 25 runs of up to 30 commands each, on a shared 2-core machine.
  }, 180_000);
});
