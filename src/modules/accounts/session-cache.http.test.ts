import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { createPostgresDatabase, openTestDatabase, testDialect } from '../../../test/support/test-db.js';
import { openPostgres } from '../../platform/db.js';

/**
 * Sessions are cached per process (a minute), so every change to who a token authenticates must
 * reach every process: two app instances on one database, as two processes behind a load balancer.
 * On PostgreSQL each has its own pool and its own LISTEN connection; on PGlite they share its one.
 */
let a: TestApp;
let b: TestApp;
let secondDb: ReturnType<typeof openPostgres> | undefined;

beforeAll(async () => {
  const url = testDialect === 'postgres' ? await createPostgresDatabase() : undefined;
  const db = url ? openPostgres(url, 10) : await openTestDatabase();
  secondDb = url ? openPostgres(url, 10) : undefined;
  a = await createTestApp({}, db);
  b = await createTestApp({}, secondDb ?? db);
});
afterAll(async () => {
  await b.app.close();
  await b.jobs.stop();
  await secondDb?.close();
  await a.close();
});

const me = (t: TestApp, token: string) => t.request('GET', '/api/me', { token });

/** The other instance hears of a change a moment after it commits. */
async function eventually(check: () => Promise<boolean>, ms = 3_000) {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) return false;
    await new Promise((r) => setTimeout(r, 20));
  }
  return true;
}

describe('the session cache', () => {
  it('a sign-out ends the session at once on the instance that signed out, and soon on the other', async () => {
    const { token } = await a.signUp();
    expect((await me(a, token)).statusCode).toBe(200);
    expect((await me(b, token)).statusCode).toBe(200); // both instances now hold it
    expect((await a.request('POST', '/api/auth/logout', { token })).statusCode).toBe(204);
    expect((await me(a, token)).statusCode).toBe(401);
    expect(await eventually(async () => (await me(b, token)).statusCode === 401)).toBe(true);
  });

  it('a person disabled on one instance is signed out on both; a role granted is seen on both', async () => {
    const admin = await a.signInAdmin();
    const person = await a.signUp();
    const adminList = (t: TestApp) => t.request('GET', '/api/admin/orders', { token: person.token });
    expect((await adminList(a)).statusCode).toBe(403);
    expect((await adminList(b)).statusCode).toBe(403);
    const grant = await b.request('PUT', `/api/admin/users/${person.user.id}/roles/admin`, {
      token: admin.token,
    });
    expect(grant.statusCode).toBe(200);
    expect((await adminList(b)).statusCode).toBe(200);
    expect(await eventually(async () => (await adminList(a)).statusCode === 200)).toBe(true);

    const other = await a.signUp();
    expect((await me(b, other.token)).statusCode).toBe(200);
    const disabled = await a.request('POST', `/api/admin/users/${other.user.id}/disable`, {
      token: admin.token,
    });
    expect(disabled.statusCode).toBe(200);
    expect((await me(a, other.token)).statusCode).toBe(401);
    expect(await eventually(async () => (await me(b, other.token)).statusCode === 401)).toBe(true);
  });

  it.runIf(testDialect === 'postgres')(
    'is not trusted while its listening connection is down, and trusted again once it is back',
    async () => {
      const { token } = await a.signUp();
      expect((await me(b, token)).statusCode).toBe(200);
      // Cut every LISTEN connection, then end the session behind the app's back (no message).
      await a.db.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
         WHERE application_name = 'fission-listen' AND pid <> pg_backend_pid()`,
      );
      await revokeBehindTheAppsBack(token);
      // As soon as the instance sees its connection gone (the socket's close): not 60 s later.
      expect(await eventually(async () => (await me(b, token)).statusCode === 401, 1_000)).toBe(true);
      // Reconnected (a second later), the cache is trusted again: it serves a session it holds
      // even when the database changed without a message (which Fission itself never does).
      const fresh = await a.signUp();
      expect(
        await eventually(async () => {
          if ((await me(b, fresh.token)).statusCode !== 200) return false;
          await revokeBehindTheAppsBack(fresh.token, false);
          const served = (await me(b, fresh.token)).statusCode === 200;
          await revokeBehindTheAppsBack(fresh.token, true);
          return served;
        }, 5_000),
      ).toBe(true);
    },
  );
});

/** Ends (or, with `undo`, re-opens) a session in SQL alone, sending no message. */
async function revokeBehindTheAppsBack(token: string, undo = false) {
  const tokenHash = createHash('sha256').update(token).digest('hex');
  await a.db.query(`UPDATE sessions SET revoked_at = ${undo ? 'NULL' : 'now()'} WHERE token_hash = $1`, [
    tokenHash,
  ]);
}
