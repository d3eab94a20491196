import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, type ServerProcess, startServerProcess } from '../../support/server-process.js';
import { createPostgresDatabase } from '../../support/test-db.js';

/**
 * Group buying across two Fission processes on one PostgreSQL: a race for a group's last seat,
 * and the expiry of a group run by both processes at the same moment.
 */
let a: ServerProcess;
let b: ServerProcess;
let url: string;
let adminToken: string;

const admin = { email: 'ops@fission.test', password: 'ops-password' };
type Order = { id: string; status: string; groupBuy: { groupId: string; status: string } | null };

beforeAll(async () => {
  url = await createPostgresDatabase();
  const env = {
    DATABASE_URL: url,
    PUBLIC_URL: 'http://shop.test',
    // These tests pay through the sandbox, which PostgreSQL has off unless asked.
    SANDBOX_PAYMENTS: 'on',
    ADMIN_EMAIL: admin.email,
    ADMIN_PASSWORD: admin.password,
    RATE_LIMITS: 'off',
    SEED_DEMO: '0',
    TEST_CLOCK: '1',
    // Due work runs when a test moves the clock, not on a poller's schedule.
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
      email: `g${people}-${Date.now()}@example.com`,
      password: 'password-123',
      name: `Member ${people}`,
    },
  });
  expect(res.status).toBe(201);
  return res.body.token;
}

async function createCampaign(groupSize: number) {
  const product = await call<{ variants: { id: string }[] }>(a.url, 'POST', '/api/admin/products', {
    token: adminToken,
    body: {
      title: 'Hairy crab gift box',
      variants: [{ sku: `CRAB-${Date.now()}`, price: 19900, stock: 100 }],
    },
  });
  const variantId = product.body.variants[0]!.id;
  const campaign = await call<{ id: string }>(a.url, 'POST', '/api/admin/group-buys', {
    token: adminToken,
    body: { variantId, groupSize, price: 12900, durationMinutes: 30 },
  });
  expect(campaign.status).toBe(201);
  return { variantId, campaignId: campaign.body.id };
}

async function joinAndPay(base: string, token: string, variantId: string, groupBuy: object) {
  const placed = await call<Order>(base, 'POST', '/api/orders', {
    token,
    body: { items: [{ variantId, quantity: 1 }], groupBuy },
  });
  expect(placed.status).toBe(201);
  const paid = await call<Order>(base, 'POST', `/api/payments/sandbox/${placed.body.id}/succeed`, { token });
  expect(paid.status).toBe(200);
  return paid.body;
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

describe('group buying with two server processes on one PostgreSQL', () => {
  it('gives the last seat to exactly one of 20 joiners spread over both processes', async () => {
    const { variantId, campaignId } = await createCampaign(2);
    const leader = await joinAndPay(a.url, await signUp(a.url), variantId, { campaignId });
    const groupId = leader.groupBuy!.groupId;
    const tokens = await Promise.all(Array.from({ length: 20 }, (_, i) => signUp(i % 2 ? a.url : b.url)));
    const results = await Promise.all(
      tokens.map((token, i) =>
        call(i % 2 ? a.url : b.url, 'POST', '/api/orders', {
          token,
          body: { items: [{ variantId, quantity: 1 }], groupBuy: { campaignId, groupId } },
        }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    const [row] = await query<{ taken: number }>('SELECT taken FROM group_buy_groups WHERE id = $1', [
      groupId,
    ]);
    expect(row?.taken).toBe(2);
  });

  it('fails an expired group once and refunds each paid member once when both processes run the expiry', async () => {
    const { variantId, campaignId } = await createCampaign(3);
    const first = await joinAndPay(a.url, await signUp(a.url), variantId, { campaignId });
    const groupId = first.groupBuy!.groupId;
    const second = await joinAndPay(b.url, await signUp(b.url), variantId, { campaignId, groupId });
    const moved = await Promise.all(
      [a, b].map((s) => call(s.url, 'POST', '/api/test/clock', { body: { advanceMs: 31 * 60_000 } })),
    );
    expect(moved.map((m) => m.status)).toEqual([200, 200]);
    // A settlement job another process claimed may still be finishing: move both clocks once more.
    await Promise.all(
      [a, b].map((s) => call(s.url, 'POST', '/api/test/clock', { body: { advanceMs: 60_000 } })),
    );

    const group = await call<{ status: string }>(b.url, 'GET', `/api/group-buys/${groupId}`);
    expect(group.body.status).toBe('failed');
    const ids = [first.id, second.id];
    const refunds = await query<{ order_id: string; n: number }>(
      `SELECT order_id, count(*)::int AS n FROM refunds WHERE order_id = ANY($1) AND status = 'succeeded' GROUP BY order_id`,
      [ids],
    );
    expect(refunds.map((r) => r.n)).toEqual([1, 1]);
    const orders = await query<{ status: string }>('SELECT status FROM orders WHERE id = ANY($1)', [ids]);
    expect(orders.map((o) => o.status)).toEqual(['refunded', 'refunded']);
    const [ledger] = await query<{ total: number }>(
      'SELECT COALESCE(sum(amount), 0)::int AS total FROM ledger_postings',
      [],
    );
    expect(ledger?.total).toBe(0);
  });
});
