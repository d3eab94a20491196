import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorPaths, expectProblem } from '../../../test/support/problem.js';
import { RACE } from '../../../test/support/races.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import type { PublicUser, Session } from './service.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

let seq = 0;
const uniqueEmail = (prefix = 'user') => `${prefix}${++seq}-${Date.now().toString(36)}@example.com`;
const PASSWORD = 'correct horse battery';

const register = (body: Record<string, unknown>) => t.request('POST', '/api/auth/register', { body });
const login = (email: string, password: string) =>
  t.request('POST', '/api/auth/login', { body: { email, password } });

describe('POST /api/auth/register', () => {
  describe('happy', () => {
    it('answers 201 with the user and a session token', async () => {
      const email = uniqueEmail();
      const res = await register({ email, password: PASSWORD, name: 'Ada' });
      expect(res.statusCode).toBe(201);
      const { user, token } = res.json<Session>();
      expect(token).toEqual(expect.any(String));
      expect(user).toEqual({
        id: expect.any(String),
        email,
        name: 'Ada',
        roles: [],
        inviteCode: expect.stringMatching(/^[2-9A-Z]{8}$/),
        invitedBy: null,
        language: 'en',
        createdAt: expect.any(String),
      });
      expect(new Date(user.createdAt).toISOString()).toBe(user.createdAt);
    });

    it('records who invited whom', async () => {
      const inviter = await t.signUp();
      const invitee = await t.signUp({ inviteCode: inviter.user.inviteCode.toLowerCase() });
      expect(invitee.user.invitedBy).toBe(inviter.user.id);
      const me = await t.request('GET', '/api/me', { token: invitee.token });
      expect(me.json<PublicUser>().invitedBy).toBe(inviter.user.id);
    });
  });

  describe('errors', () => {
    it('refuses a taken email with 409, whatever its case', async () => {
      const email = uniqueEmail('Dup');
      expect((await register({ email, password: PASSWORD, name: 'A' })).statusCode).toBe(201);
      expect(expectProblem(await register({ email, password: PASSWORD, name: 'B' }), 409)).toMatchObject({
        reason: 'email_taken',
      });
      expectProblem(await register({ email: email.toUpperCase(), password: PASSWORD, name: 'C' }), 409);
    });

    it('refuses a password shorter than 8 characters', async () => {
      const problem = expectProblem(
        await register({ email: uniqueEmail(), password: 'seven77', name: 'A' }),
        400,
      );
      expect(errorPaths(problem)).toContain('/password');
    });

    it('refuses a malformed email', async () => {
      const problem = expectProblem(
        await register({ email: 'not-an-email', password: PASSWORD, name: 'A' }),
        400,
      );
      expect(errorPaths(problem)).toContain('/email');
    });

    it('refuses an invite code nobody has', async () => {
      const problem = expectProblem(
        await register({ email: uniqueEmail(), password: PASSWORD, name: 'A', inviteCode: 'ZZZZZZZZ' }),
        400,
      );
      expect(errorPaths(problem)).toEqual(['/inviteCode']);
      expect(problem.errors?.[0]).toMatchObject({ rule: 'unknown' });
    });

    it('refuses missing fields and a blank name', async () => {
      const missing = expectProblem(await register({}), 400);
      expect(errorPaths(missing)).toEqual(expect.arrayContaining(['/email', '/password', '/name']));
      const blank = expectProblem(
        await register({ email: uniqueEmail(), password: PASSWORD, name: '   ' }),
        400,
      );
      expect(errorPaths(blank)).toContain('/name');
    });
  });

  describe('security', () => {
    it('ignores attempts to grant oneself roles', async () => {
      const res = await register({ email: uniqueEmail(), password: PASSWORD, name: 'A', roles: ['admin'] });
      expect(errorPaths(expectProblem(res, 400))).toContain('/roles');
    });
  });
});

describe('POST /api/auth/login', () => {
  let email: string;
  beforeAll(async () => {
    email = uniqueEmail('Login');
    await register({ email, password: PASSWORD, name: 'Login' });
  });

  it('happy: answers 200 with the user and a fresh token, email in any case', async () => {
    const res = await login(email.toUpperCase(), PASSWORD);
    expect(res.statusCode).toBe(200);
    const session = res.json<Session>();
    expect(session.user.email).toBe(email.toLowerCase());
    const me = await t.request('GET', '/api/me', { token: session.token });
    expect(me.json<PublicUser>().id).toBe(session.user.id);
  });

  it('security: a wrong password and an unknown email get the same 401', async () => {
    const wrong = expectProblem(await login(email, 'not the password'), 401);
    const unknown = expectProblem(await login(uniqueEmail('nobody'), PASSWORD), 401);
    expect(unknown.detail).toBe(wrong.detail);
    expect(wrong).toMatchObject({ reason: 'invalid_credentials' });
    expect(unknown).toMatchObject({ reason: 'invalid_credentials' });
    expect(unknown.title).toBe(wrong.title);
  });

  it('errors: refuses a body without a password', async () => {
    const problem = expectProblem(await t.request('POST', '/api/auth/login', { body: { email } }), 400);
    expect(errorPaths(problem)).toContain('/password');
  });
});

describe('GET /api/me', () => {
  it('happy: answers the signed-in user', async () => {
    const { token, user } = await t.signUp();
    const res = await t.request('GET', '/api/me', { token });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(user);
  });

  it('security: 401 without a token, with a bad token and with a malformed header', async () => {
    expectProblem(await t.request('GET', '/api/me'), 401);
    expectProblem(await t.request('GET', '/api/me', { token: 'not-a-real-token' }), 401);
    expectProblem(await t.request('GET', '/api/me', { headers: { authorization: 'Basic abc' } }), 401);
  });
});

describe('POST /api/auth/logout', () => {
  it('happy: revokes the session, so its token then gets 401', async () => {
    const { token } = await t.signUp();
    const res = await t.request('POST', '/api/auth/logout', { token });
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    expectProblem(await t.request('GET', '/api/me', { token }), 401);
    expectProblem(await t.request('POST', '/api/auth/logout', { token }), 401);
  });

  it('security: leaves other sessions of the same user alive', async () => {
    const email = uniqueEmail();
    await register({ email, password: PASSWORD, name: 'Two devices' });
    const phone = (await login(email, PASSWORD)).json<Session>().token;
    const laptop = (await login(email, PASSWORD)).json<Session>().token;
    await t.request('POST', '/api/auth/logout', { token: phone });
    expect((await t.request('GET', '/api/me', { token: laptop })).statusCode).toBe(200);
  });

  it('errors: 401 without a token', async () => {
    expectProblem(await t.request('POST', '/api/auth/logout'), 401);
  });
});

describe('administrator bootstrap', () => {
  it('creates an admin that can sign in, and is idempotent', async () => {
    const first = await t.services.accounts.ensureAdmin('Boss@Example.com', 'admin-password');
    expect(first.roles).toEqual(['admin']);
    const again = await t.services.accounts.ensureAdmin('boss@example.com', 'admin-password');
    expect(again).toEqual(first);
    const session = (await login('boss@example.com', 'admin-password')).json<Session>();
    expect(session.user).toMatchObject({ id: first.id, roles: ['admin'] });
  });

  it('makes an existing account admin without a second account', async () => {
    const { user } = await t.signUp();
    const admin = await t.services.accounts.ensureAdmin(user.email, 'whatever-password');
    expect(admin).toMatchObject({ id: user.id, roles: ['admin'] });
  });

  it(`survives two processes bootstrapping at once ${RACE}`, async () => {
    const email = uniqueEmail('race');
    const [a, b] = await Promise.all([
      t.services.accounts.ensureAdmin(email, 'admin-password'),
      t.services.accounts.ensureAdmin(email, 'admin-password'),
    ]);
    expect(a.id).toBe(b.id);
    expect(a.roles).toEqual(['admin']);
  });
});

describe('rate limits', () => {
  it('answer the 11th sign-in within a minute with 429 problem+json when on', async () => {
    const limited = await createTestApp({ RATE_LIMITS: 'on' });
    try {
      for (let i = 0; i < 10; i++) {
        const res = await limited.request('POST', '/api/auth/login', {
          body: { email: 'someone@example.com', password: 'wrong-password' },
        });
        expect(res.statusCode).toBe(401);
      }
      const eleventh = await limited.request('POST', '/api/auth/login', {
        body: { email: 'someone@example.com', password: 'wrong-password' },
      });
      expectProblem(eleventh, 429);
    } finally {
      await limited.close();
    }
  });

  it('never answer 429 when RATE_LIMITS=off', async () => {
    for (let i = 0; i < 30; i++) {
      const res = await login('someone@example.com', 'wrong-password');
      expect(res.statusCode).toBe(401);
    }
  });
});
