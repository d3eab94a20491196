import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasPgbouncer, type Pgbouncer, startPgbouncer } from '../../support/pgbouncer.js';
import { call, type ServerProcess, startServerProcess } from '../../support/server-process.js';
import { createEmptyPostgresDatabase } from '../../support/test-db.js';

/**
 * A Fission process whose every query goes through pgbouncer in transaction mode, with fewer
 * server connections than the process's pool: migrations, checkout, payment and a group buy
 * must work without any session state. CI installs pgbouncer (.ci/run); elsewhere its absence
 * skips this file with a message, as a missing PostgreSQL skips the project.
 */
const ci = process.env.CI === 'true';
if (!hasPgbouncer()) {
  if (ci) throw new Error('CI=true and pgbouncer not found: apt-get install pgbouncer');
  console.warn('\n  SKIPPING pgbouncer tests — install Debian pgbouncer\n');
}

let bouncer: Pgbouncer;
let server: ServerProcess;
let adminToken: string;
let direct: string;
const admin = { email: 'ops@fission.test', password: 'ops-password' };

beforeAll(async () => {
  if (!hasPgbouncer()) return;
  direct = await createEmptyPostgresDatabase();
  bouncer = await startPgbouncer(direct, 3);
  server = await startServerProcess({
    DATABASE_URL: bouncer.url,
    // pgbouncer before 1.21 (Debian 12 ships 1.18) cannot carry named prepared statements in
    // transaction mode; LISTEN needs a session of its own, so it bypasses the pooler.
    DATABASE_PREPARED_STATEMENTS: '0',
    DATABASE_LISTEN_URL: direct,
    PUBLIC_URL: 'http://shop.test',
    SANDBOX_PAYMENTS: 'on',
    ADMIN_EMAIL: admin.email,
    ADMIN_PASSWORD: admin.password,
    RATE_LIMITS: 'off',
    SEED_DEMO: '0',
  });
  adminToken = (await call<{ token: string }>(server.url, 'POST', '/api/auth/login', { body: admin })).body
    .token;
}, 120_000);

afterAll(async () => {
  await server?.stop();
  await bouncer?.stop();
});

let people = 0;
async function signUp() {
  people += 1;
  const res = await call<{ token: string }>(server.url, 'POST', '/api/auth/register', {
    body: {
      email: `b${people}-${Date.now()}@example.com`,
      password: 'password-123',
      name: `Buyer ${people}`,
    },
  });
  expect(res.status).toBe(201);
  return res.body.token;
}

async function createVariant(stock: number) {
  const res = await call<{ variants: { id: string }[] }>(server.url, 'POST', '/api/admin/products', {
    token: adminToken,
    body: { title: 'Osmanthus tea', variants: [{ sku: `TEA-${Date.now()}-${people}`, price: 4200, stock }] },
  });
  expect(res.status).toBe(201);
  return res.body.variants[0]!.id;
}

async function directQuery<Row>(sql: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: direct });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as Row[];
  } finally {
    await client.end();
  }
}

type Order = { id: string; status: string; groupBuy: { groupId: string; status: string } | null };

describe.skipIf(!hasPgbouncer())('Fission through pgbouncer in transaction mode', () => {
  it('sells exactly the stock there is to 30 buyers at once, and takes their payments', async () => {
    const variantId = await createVariant(10);
    const tokens = await Promise.all(Array.from({ length: 30 }, () => signUp()));
    const placed = await Promise.all(
      tokens.map((token) =>
        call<Order>(server.url, 'POST', '/api/orders', {
          token,
          body: { items: [{ variantId, quantity: 1 }] },
        }),
      ),
    );
    expect(placed.filter((r) => r.status === 201)).toHaveLength(10);
    expect(placed.filter((r) => r.status === 409)).toHaveLength(20);
    const paid = await Promise.all(
      placed.flatMap((r, i) =>
        r.status === 201
          ? [
              call<Order>(server.url, 'POST', `/api/payments/sandbox/${r.body.id}/succeed`, {
                token: tokens[i],
              }),
            ]
          : [],
      ),
    );
    expect(paid.map((p) => p.body.status)).toEqual(Array(10).fill('paid'));
    const [ledger] = await directQuery<{ total: number }>(
      'SELECT COALESCE(sum(amount), 0)::int AS total FROM ledger_postings',
    );
    expect(ledger?.total).toBe(0);
  });

  it('fills a group buy of three from concurrent joiners, one seat each', async () => {
    const variantId = await createVariant(50);
    const campaign = await call<{ id: string }>(server.url, 'POST', '/api/admin/group-buys', {
      token: adminToken,
      body: { variantId, groupSize: 3, price: 2900, durationMinutes: 30 },
    });
    expect(campaign.status).toBe(201);
    const leaderToken = await signUp();
    const leader = await call<Order>(server.url, 'POST', '/api/orders', {
      token: leaderToken,
      body: { items: [{ variantId, quantity: 1 }], groupBuy: { campaignId: campaign.body.id } },
    });
    await call(server.url, 'POST', `/api/payments/sandbox/${leader.body.id}/succeed`, { token: leaderToken });
    const groupId = leader.body.groupBuy!.groupId;
    const joiners = await Promise.all(Array.from({ length: 8 }, () => signUp()));
    const joins = await Promise.all(
      joiners.map((token) =>
        call<Order>(server.url, 'POST', '/api/orders', {
          token,
          body: { items: [{ variantId, quantity: 1 }], groupBuy: { campaignId: campaign.body.id, groupId } },
        }),
      ),
    );
    const seated = joins.flatMap((r, i) => (r.status === 201 ? [{ order: r.body, token: joiners[i] }] : []));
    expect(seated).toHaveLength(2);
    for (const { order, token } of seated)
      expect(
        (await call(server.url, 'POST', `/api/payments/sandbox/${order.id}/succeed`, { token })).status,
      ).toBe(200);
    const group = await call<{ status: string; members: unknown[] }>(
      server.url,
      'GET',
      `/api/group-buys/${groupId}`,
    );
    expect(group.body.members).toHaveLength(3);
    expect(group.body.status).not.toBe('failed');
  });

  it('really went through the pooler: pgbouncer counted the transactions', async () => {
    const admin = new URL(bouncer.url);
    admin.pathname = '/pgbouncer';
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    try {
      const stats = (await client.query('SHOW STATS')).rows as {
        database: string;
        total_xact_count: string;
      }[];
      const ours = stats.find((row) => row.database === new URL(direct).pathname.slice(1));
      expect(Number(ours?.total_xact_count)).toBeGreaterThan(100);
    } finally {
      await client.end();
    }
  });
});
