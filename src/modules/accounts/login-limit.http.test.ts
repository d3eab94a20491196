import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { LOGIN_LIMIT } from './rules.js';

// Rate limits on, as in production (the test app turns them off unless asked).
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ RATE_LIMITS: 'on' });
});
afterAll(() => t.close());

const PASSWORD = 'correct horse battery';
let address = 0;
/** Each guess from an address of its own, as a botnet would: the per-address limit never bites. */
const login = (app: TestApp, email: string, password: string) =>
  app.request('POST', '/api/auth/login', {
    body: { email, password },
    headers: { 'x-forwarded-for': `203.0.${Math.floor(++address / 250)}.${address % 250}` },
  });

async function account(app: TestApp) {
  const { user } = await app.signUp();
  return user.email;
}

describe('per-account sign-in limit (regression: only addresses were limited)', () => {
  it(`locks an account after ${LOGIN_LIMIT.maxFailures} wrong passwords from as many addresses`, async () => {
    const email = await account(t);
    for (let i = 0; i < LOGIN_LIMIT.maxFailures; i++) {
      expect((await login(t, email, `wrong guess ${i}`)).statusCode).toBe(401);
    }
    const locked = await login(t, email, 'another guess');
    expect(locked.statusCode).toBe(429);
    const detail = String(locked.json().detail);
    expect(detail).toMatch(/Too many failed sign-ins for this account/);
    expect(detail).toMatch(/Try again after \d{4}-\d\d-\d\dT/);
    expect(detail).toMatch(/reset your password/);
    // The client words it from the reason: when to come back, as numbers, not prose.
    const body = locked.json<{
      reason: string;
      params: { retryAfterSeconds: number; lockedUntil: string };
    }>();
    expect(body.reason).toBe('account_locked');
    expect(body.params.retryAfterSeconds).toBeGreaterThan(0);
    expect(body.params.retryAfterSeconds).toBeLessThanOrEqual(LOGIN_LIMIT.windowMs / 1000);
    const until = new Date(body.params.lockedUntil).getTime();
    expect(until).toBeGreaterThan(t.clock.now().getTime());
    expect(until).toBeLessThanOrEqual(t.clock.now().getTime() + LOGIN_LIMIT.windowMs);
  });

  it('refuses even the right password while locked, and takes it once the window has passed', async () => {
    const email = await account(t);
    for (let i = 0; i < LOGIN_LIMIT.maxFailures; i++) await login(t, email, `wrong ${i}`);
    expect((await login(t, email, PASSWORD)).statusCode).toBe(429);
    t.clock.advance(LOGIN_LIMIT.windowMs + 1000);
    expect((await login(t, email, PASSWORD)).statusCode).toBe(200);
  });

  it('a successful sign-in resets the count', async () => {
    const email = await account(t);
    for (let i = 0; i < LOGIN_LIMIT.maxFailures - 1; i++) await login(t, email, `wrong ${i}`);
    expect((await login(t, email, PASSWORD)).statusCode).toBe(200);
    for (let i = 0; i < LOGIN_LIMIT.maxFailures - 1; i++) {
      expect((await login(t, email, `wrong again ${i}`)).statusCode).toBe(401);
    }
    expect((await login(t, email, PASSWORD)).statusCode).toBe(200);
  });

  it('one account locked leaves the others alone, and unknown emails are never told apart', async () => {
    const locked = await account(t);
    const other = await account(t);
    for (let i = 0; i < LOGIN_LIMIT.maxFailures; i++) await login(t, locked, `wrong ${i}`);
    expect((await login(t, locked, PASSWORD)).statusCode).toBe(429);
    expect((await login(t, other, PASSWORD)).statusCode).toBe(200);
    for (let i = 0; i < LOGIN_LIMIT.maxFailures + 1; i++) {
      expect((await login(t, 'nobody-here@example.com', `guess ${i}`)).statusCode).toBe(401);
    }
  });
});

describe('RATE_LIMITS=off', () => {
  let off: TestApp;
  beforeAll(async () => {
    off = await createTestApp({ RATE_LIMITS: 'off' });
  });
  afterAll(() => off.close());

  it('has no per-account limit', async () => {
    const email = await account(off);
    for (let i = 0; i < LOGIN_LIMIT.maxFailures + 2; i++) {
      expect((await login(off, email, `wrong ${i}`)).statusCode).toBe(401);
    }
    expect((await login(off, email, PASSWORD)).statusCode).toBe(200);
  });
});
