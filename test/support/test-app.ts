import { createHash, randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { type AppDeps, buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { argon2idHasher, TEST_COST } from '../../src/modules/accounts/passwords.js';
import type { PublicUser } from '../../src/modules/accounts/service.js';
import { AdjustableClock } from '../../src/platform/clock.js';
import type { Database } from '../../src/platform/db.js';
import { openTestDatabase } from './test-db.js';

/** A stable private IPv4 address per token. */
function addressOf(token: string): string {
  const h = createHash('sha256').update(token).digest();
  return `10.${h[0]}.${h[1]}.${h[2]}`;
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

/**
 * The whole application on a fresh database, driven in-process with `inject`. Rate limits and the
 * unpaid-order limit are off unless a test turns them on (tests reuse one buyer for many orders);
 * the clock can be moved with `clock.advance`.
 */
export async function createTestApp(
  env: Record<string, string> = {},
  db?: Database,
  deps: Pick<AppDeps, 'stripeHttpClient' | 'webRoot' | 'mailer' | 'pickupCode' | 'storage'> = {},
) {
  const database = db ?? (await openTestDatabase());
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    RATE_LIMITS: 'off',
    MAX_UNPAID_ORDERS: '0',
    TEST_CLOCK: '1',
    TRUST_PROXY: '1',
    // Uploaded images go to a folder of this app's own (made on the first upload), never ./data.
    DATA_DIR: join(tmpdir(), `fission-test-${randomUUID()}`),
    ...env,
  });
  const clock = new AdjustableClock();
  const built = await buildApp({
    ...deps,
    config,
    db: database,
    clock,
    passwords: argon2idHasher(TEST_COST),
  });
  await built.app.ready();
  let counter = 0;

  async function request(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<LightMyRequestResponse & { body: string; json<T = Record<string, unknown>>(): T }> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) {
      headers.authorization = `Bearer ${options.token}`;
      // Each person browses from an address of their own, as in life; tests of shared devices set it.
      headers['x-forwarded-for'] ??= addressOf(options.token);
    }
    return built.app.inject({
      method,
      url,
      headers,
      ...(options.body === undefined ? {} : { payload: options.body as object }),
    }) as never;
  }

  /** Registers a new buyer and returns their token and user. */
  async function signUp(overrides: { email?: string; name?: string; inviteCode?: string } = {}) {
    counter += 1;
    const res = await request('POST', '/api/auth/register', {
      body: {
        email: overrides.email ?? `buyer${counter}-${Math.random().toString(36).slice(2, 8)}@example.com`,
        password: 'correct horse battery',
        name: overrides.name ?? `Buyer ${counter}`,
        ...(overrides.inviteCode ? { inviteCode: overrides.inviteCode } : {}),
      },
    });
    if (res.statusCode !== 201) throw new Error(`sign-up failed: ${res.statusCode} ${res.body}`);
    return res.json<{ token: string; user: PublicUser }>();
  }

  async function signInAdmin() {
    await built.services.accounts.ensureAdmin('admin@fission.test', 'admin-password');
    const res = await request('POST', '/api/auth/login', {
      body: { email: 'admin@fission.test', password: 'admin-password' },
    });
    return res.json<{ token: string; user: PublicUser }>();
  }

  return {
    ...built,
    db: database,
    clock,
    config,
    request,
    signUp,
    signInAdmin,
    async close() {
      await built.app.close();
      await built.jobs.stop();
      await database.close();
    },
  };
}
