import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, type ServerProcess, startServerProcess } from '../../support/server-process.js';
import { createPostgresDatabase } from '../../support/test-db.js';

/**
 * The unpaid-order limit across two Fission processes on one PostgreSQL: one person's racing
 * checkouts, half sent to each process, never leave more than MAX_UNPAID_ORDERS unpaid.
 */
let a: ServerProcess;
let b: ServerProcess;
let adminToken: string;

const admin = { email: 'ops@fission.test', password: 'ops-password' };

beforeAll(async () => {
  const env = {
    DATABASE_URL: await createPostgresDatabase(),
    PUBLIC_URL: 'http://shop.test',
    ADMIN_EMAIL: admin.email,
    ADMIN_PASSWORD: admin.password,
    RATE_LIMITS: 'off',
    SEED_DEMO: '0',
    MAX_UNPAID_ORDERS: '3',
    SANDBOX_PAYMENTS: 'on',
  };
  [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
  adminToken = (await call<{ token: string }>(a.url, 'POST', '/api/auth/login', { body: admin })).body.token;
}, 60_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

describe('MAX_UNPAID_ORDERS across two processes', () => {
  it('lets 3 of 10 racing checkouts of one new person through, and reserves stock for 3 only', async () => {
    const product = await call<{ id: string; variants: { id: string }[] }>(
      a.url,
      'POST',
      '/api/admin/products',
      {
        token: adminToken,
        body: { title: 'Whole catalog', variants: [{ sku: `HOARD-${Date.now()}`, price: 100, stock: 50 }] },
      },
    );
    const variantId = product.body.variants[0]!.id;
    const person = await call<{ token: string }>(a.url, 'POST', '/api/auth/register', {
      body: { email: `hoarder-${Date.now()}@example.com`, password: 'password-123', name: 'Hoarder' },
    });
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        call(i % 2 ? a.url : b.url, 'POST', '/api/orders', {
          token: person.body.token,
          body: { items: [{ variantId, quantity: 5 }] },
        }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 201, 201, 422, 422, 422, 422, 422, 422, 422]);
    const after = await call<{ variants: { stock: number }[] }>(
      b.url,
      'GET',
      `/api/products/${product.body.id}`,
    );
    expect(after.body.variants[0]!.stock).toBe(35);
  });
});
