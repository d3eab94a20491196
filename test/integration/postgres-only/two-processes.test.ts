import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, type ServerProcess, startServerProcess } from '../../support/server-process.js';
import { createPostgresDatabase } from '../../support/test-db.js';

/**
 * Two Fission processes on one PostgreSQL, started at the same moment (so their migrations race),
 * then buyers hitting both at once: stock, payments and refunds must hold across processes.
 */
let a: ServerProcess;
let b: ServerProcess;
let adminToken: string;

const admin = { email: 'ops@fission.test', password: 'ops-password' };

beforeAll(async () => {
  const env = {
    DATABASE_URL: await createFreshDatabaseUrl(),
    PUBLIC_URL: 'http://shop.test',
    // These tests pay through the sandbox, which PostgreSQL has off unless asked.
    SANDBOX_PAYMENTS: 'on',
    ADMIN_EMAIL: admin.email,
    ADMIN_PASSWORD: admin.password,
    RATE_LIMITS: 'off',
    SEED_DEMO: '0',
  };
  [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
  adminToken = (await call<{ token: string }>(a.url, 'POST', '/api/auth/login', { body: admin })).body.token;
}, 60_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

/** An empty database (not the migrated template), so both processes really run the migrations. */
async function createFreshDatabaseUrl() {
  const url = new URL(await createPostgresDatabase());
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  await client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
  await client.end();
  return url.toString();
}

async function signUp(base: string, n: number) {
  const res = await call<{ token: string }>(base, 'POST', '/api/auth/register', {
    body: { email: `p${n}-${Date.now()}@example.com`, password: 'password-123', name: `Buyer ${n}` },
  });
  expect(res.status).toBe(201);
  return res.body.token;
}

async function createProduct(stock: number) {
  const res = await call<{ id: string; variants: { id: string }[] }>(a.url, 'POST', '/api/admin/products', {
    token: adminToken,
    body: { title: 'Limited mooncake box', variants: [{ sku: `MOON-${Date.now()}`, price: 8800, stock }] },
  });
  expect(res.status).toBe(201);
  return { productId: res.body.id, variantId: res.body.variants[0]!.id };
}

describe('two server processes on one PostgreSQL', () => {
  it('refuse to start on PostgreSQL with no payment provider, saying what to set', async () => {
    const start = startServerProcess({
      DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
      SANDBOX_PAYMENTS: '',
    });
    await expect(start).rejects.toThrow(/Fission cannot start: no payment provider.*PAYMENT_PROVIDER=stripe/);
  });

  it('warn at start that the sandbox, switched on here, takes free payments', () => {
    for (const server of [a, b]) {
      const warning = server
        .output()
        .split('\n')
        .find((line) => line.includes('SANDBOX_PAYMENTS is on against PostgreSQL'));
      expect(warning).toMatch(/ANY BUYER CAN MARK ORDERS PAID FOR FREE/);
      expect(JSON.parse(warning ?? '{}').level).toBe(40);
    }
  });

  it('sell exactly the stock there is: 50 parallel orders on 10 units', async () => {
    const { productId, variantId } = await createProduct(10);
    const tokens = await Promise.all(Array.from({ length: 50 }, (_, i) => signUp(i % 2 ? a.url : b.url, i)));
    const results = await Promise.all(
      tokens.map((token, i) =>
        call(i % 2 ? a.url : b.url, 'POST', '/api/orders', {
          token,
          body: { items: [{ variantId, quantity: 1 }] },
        }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(10);
    expect(statuses.filter((s) => s === 409)).toHaveLength(40);
    const product = await call<{ variants: { stock: number }[] }>(b.url, 'GET', `/api/products/${productId}`);
    expect(product.body.variants[0]!.stock).toBe(0);
  });

  it('pay an order once when both processes confirm it at the same moment', async () => {
    const { variantId } = await createProduct(5);
    const token = await signUp(a.url, 100);
    const order = await call<{ id: string; total: number }>(a.url, 'POST', '/api/orders', {
      token,
      body: { items: [{ variantId, quantity: 2 }] },
    });
    const pays = await Promise.all(
      [a, b, a, b].map((s) =>
        call(s.url, 'POST', `/api/payments/sandbox/${order.body.id}/succeed`, { token }),
      ),
    );
    expect(pays.map((p) => p.status).sort()).toEqual([200, 409, 409, 409]);
    const refunds = await Promise.all(
      [a, b].map((s) =>
        call(s.url, 'POST', `/api/admin/orders/${order.body.id}/refund`, { token: adminToken }),
      ),
    );
    expect(refunds.map((r) => r.status).sort()).toEqual([200, 409]);
  });
});
