import pg from 'pg';
import { expect } from 'vitest';
import { call, type ServerProcess, startServerProcess } from './server-process.js';
import { createPostgresDatabase } from './test-db.js';

const admin = { email: 'ops@fission.test', password: 'ops-password' };

/**
 * Two Fission processes on one fresh PostgreSQL database, as a shop that outgrew one process runs:
 * the operator signed in, people signed up through either, and plain SQL to check what they wrote.
 * `env` adds to (or overrides) a test shop's settings: sandbox payments on, no rate limits, no demo.
 */
export async function startTwoShops(env: Record<string, string> = {}) {
  const url = await createPostgresDatabase();
  const settings = {
    DATABASE_URL: url,
    PUBLIC_URL: 'http://shop.test',
    SANDBOX_PAYMENTS: 'on',
    ADMIN_EMAIL: admin.email,
    ADMIN_PASSWORD: admin.password,
    RATE_LIMITS: 'off',
    SEED_DEMO: '0',
    ...env,
  };
  const [a, b] = (await Promise.all([startServerProcess(settings), startServerProcess(settings)])) as [
    ServerProcess,
    ServerProcess,
  ];
  const adminToken = (await call<{ token: string }>(a.url, 'POST', '/api/auth/login', { body: admin })).body
    .token;
  let people = 0;

  async function signUp(base: string): Promise<string> {
    people += 1;
    const res = await call<{ token: string }>(base, 'POST', '/api/auth/register', {
      body: {
        email: `p${people}-${Date.now()}@example.com`,
        password: 'password-123',
        name: `Person ${people}`,
      },
    });
    expect(res.status).toBe(201);
    return res.body.token;
  }

  async function query<Row>(sql: string, params: unknown[]): Promise<Row[]> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as Row[];
    } finally {
      await client.end();
    }
  }

  return { a, b, adminToken, signUp, query, stop: () => Promise.all([a.stop(), b.stop()]) };
}

export type TwoShops = Awaited<ReturnType<typeof startTwoShops>>;
