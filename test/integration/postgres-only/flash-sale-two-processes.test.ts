import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, type ServerProcess, startServerProcess } from '../../support/server-process.js';
import { createPostgresDatabase } from '../../support/test-db.js';

/**
 * A flash sale across two Fission processes on one PostgreSQL: the quantity and the per-person
 * limit are held by the database, so neither process's view of the sale can oversell it.
 */
let a: ServerProcess;
let b: ServerProcess;
let url: string;
let adminToken: string;

const admin = { email: 'ops@fission.test', password: 'ops-password' };

beforeAll(async () => {
  url = await createPostgresDatabase();
  const env = {
    DATABASE_URL: url,
    PUBLIC_URL: 'http://shop.test',
    // Orders are placed, never paid: the sandbox only has to be there for the server to start.
    SANDBOX_PAYMENTS: 'on',
    ADMIN_EMAIL: admin.email,
    ADMIN_PASSWORD: admin.password,
    RATE_LIMITS: 'off',
    MAX_UNPAID_ORDERS: '0',
    SEED_DEMO: '0',
    JOB_POLL_MS: '600000',
  };
  [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
  adminToken = (await call<{ token: string }>(a.url, 'POST', '/api/auth/login', { body: admin })).body.token;
}, 60_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

let people = 0;
async function signUp(base: string) {
  people += 1;
  const res = await call<{ token: string }>(base, 'POST', '/api/auth/register', {
    body: {
      email: `f${people}-${Date.now()}@example.com`,
      password: 'password-123',
      name: `Buyer ${people}`,
    },
  });
  expect(res.status).toBe(201);
  return res.body.token;
}

async function query<Row>(sql: string, params: unknown[]) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as Row[];
  } finally {
    await client.end();
  }
}

describe('a flash sale with two server processes on one PostgreSQL', () => {
  it('sells exactly its quantity to a crowd spread over both, and holds each person to the limit', async () => {
    const product = await call<{ variants: { id: string }[] }>(a.url, 'POST', '/api/admin/products', {
      token: adminToken,
      body: { title: 'Power bank', variants: [{ sku: `PB-${Date.now()}`, price: 14900, stock: 200 }] },
    });
    const variantId = product.body.variants[0]!.id;
    const now = Date.now();
    const sale = await call<{ id: string }>(b.url, 'POST', '/api/admin/flash-sales', {
      token: adminToken,
      body: {
        variantId,
        price: 9900,
        quantity: 20,
        perUserLimit: 1,
        startsAt: new Date(now - 60_000).toISOString(),
        endsAt: new Date(now + 3_600_000).toISOString(),
      },
    });
    expect(sale.status).toBe(201);
    const tokens = await Promise.all(Array.from({ length: 30 }, (_, i) => signUp(i % 2 ? a.url : b.url)));
    // Each person tries twice at once, once through each process.
    const attempts = tokens.flatMap((token) => [a.url, b.url].map((base) => ({ token, base })));
    const results = await Promise.all(
      attempts.map(({ token, base }) =>
        call(base, 'POST', '/api/orders', {
          token,
          body: { items: [{ variantId, quantity: 1 }], flashSale: { saleId: sale.body.id } },
        }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(20);
    expect(statuses.every((s) => [201, 409, 422].includes(s))).toBe(true);
    const perPerson = await query<{ units: number }>(
      'SELECT sum(quantity)::int AS units FROM flash_sale_orders WHERE sale_id = $1 GROUP BY user_id',
      [sale.body.id],
    );
    expect(perPerson).toHaveLength(20);
    expect(perPerson.every((p) => p.units === 1)).toBe(true);
    const [row] = await query<{ taken: number }>('SELECT taken FROM flash_sales WHERE id = $1', [
      sale.body.id,
    ]);
    expect(row?.taken).toBe(20);
    const [stock] = await query<{ stock: number }>('SELECT stock FROM variants WHERE id = $1', [variantId]);
    expect(stock?.stock).toBe(180);
  });
});
