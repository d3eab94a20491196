import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorPaths, expectProblem } from '../../../test/support/problem.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { CSRF_COOKIE, CSRF_HEADER, csrfTokenFor, SESSION_COOKIE } from '../../platform/http/session.js';
import type { Session } from './service.js';

/** The web app's session: an HttpOnly cookie, a CSRF token for writes, bearer tokens untouched. */

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

let seq = 0;
const uniqueEmail = () => `cookie${++seq}-${Date.now().toString(36)}@example.com`;
const PASSWORD = 'correct horse battery';

const setCookies = (res: { headers: Record<string, unknown> }): string[] => {
  const header = res.headers['set-cookie'];
  return header === undefined ? [] : ([] as string[]).concat(header as string | string[]);
};
const cookieNamed = (res: { headers: Record<string, unknown> }, name: string) =>
  setCookies(res).find((c) => c.startsWith(`${name}=`));
const withCookie = (token: string, headers: Record<string, string> = {}) => ({
  headers: { cookie: `${SESSION_COOKIE}=${token}; ${CSRF_COOKIE}=${csrfTokenFor(token)}`, ...headers },
});

async function signUpWithCookie(headers: Record<string, string> = {}) {
  const res = await t.request('POST', '/api/auth/register', {
    body: { email: uniqueEmail(), password: PASSWORD, name: 'Mei' },
    headers,
  });
  expect(res.statusCode).toBe(201);
  return { res, session: res.json<Session>() };
}

describe('sign-in sets the session cookie', () => {
  it('on sign-up: HttpOnly, SameSite=Lax, not Secure over http; the body keeps { user, token }', async () => {
    const { res, session } = await signUpWithCookie();
    expect(session).toEqual({ user: expect.objectContaining({ name: 'Mei' }), token: expect.any(String) });
    const cookie = cookieNamed(res, SESSION_COOKIE);
    expect(cookie).toMatch(new RegExp(`^${SESSION_COOKIE}=${session.token}; Max-Age=2592000; Path=/`));
    expect(cookie).toContain('; HttpOnly');
    expect(cookie).toContain('; SameSite=Lax');
    expect(cookie).not.toContain('Secure');
    const csrf = cookieNamed(res, CSRF_COOKIE);
    expect(csrf).toContain(`${CSRF_COOKIE}=${csrfTokenFor(session.token)};`);
    expect(csrf).not.toContain('HttpOnly');
  });

  it('on sign-in, Secure when the trusted proxy says https; the cookie alone then authenticates', async () => {
    const email = uniqueEmail();
    await t.request('POST', '/api/auth/register', { body: { email, password: PASSWORD, name: 'Lin' } });
    const res = await t.request('POST', '/api/auth/login', {
      body: { email, password: PASSWORD },
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(res.statusCode).toBe(200);
    const { token, user } = res.json<Session>();
    expect(cookieNamed(res, SESSION_COOKIE)).toContain('; Secure');
    expect(cookieNamed(res, CSRF_COOKIE)).toContain('; Secure');
    const me = await t.request('GET', '/api/me', withCookie(token));
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ id: user.id });
  });

  it('does not authenticate with a cookie of no live session, and clears it', async () => {
    const res = await t.request('GET', '/api/me', withCookie('not-a-session'));
    expectProblem(res, 401);
    expect(cookieNamed(res, SESSION_COOKIE)).toMatch(/Max-Age=0/);
    expect(cookieNamed(res, CSRF_COOKIE)).toMatch(/Max-Age=0/);
  });
});

describe('CSRF defence for cookie-authenticated writes', () => {
  const chooseLanguage = (options: { headers?: Record<string, string>; token?: string }) =>
    t.request('PUT', '/api/me/language', { body: { language: 'zh-CN' }, ...options });

  it('refuses a write without the CSRF token, or with a wrong one: 403 csrf_failed, nothing changed', async () => {
    const { session } = await signUpWithCookie();
    const other = (await signUpWithCookie()).session;
    for (const csrf of [undefined, 'x', csrfTokenFor(other.token), csrfTokenFor(session.token).slice(1)]) {
      const res = await chooseLanguage(
        withCookie(session.token, csrf === undefined ? {} : { [CSRF_HEADER]: csrf }),
      );
      const problem = expectProblem(res, 403);
      expect(problem).toMatchObject({ reason: 'csrf_failed' });
    }
    const me = await t.request('GET', '/api/me', withCookie(session.token));
    expect(me.json()).toMatchObject({ language: 'en' });
  });

  it('takes a write with the session’s CSRF token', async () => {
    const { session } = await signUpWithCookie();
    const res = await chooseLanguage(
      withCookie(session.token, { [CSRF_HEADER]: csrfTokenFor(session.token) }),
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ language: 'zh-CN' });
  });

  it('does not check bearer writes, even with a session cookie beside them', async () => {
    const { session } = await signUpWithCookie();
    expect((await chooseLanguage({ token: session.token })).statusCode).toBe(200);
    const other = (await signUpWithCookie()).session;
    const res = await chooseLanguage({ token: session.token, ...withCookie(other.token) });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: session.user.id });
  });

  it('leaves reads and anonymous writes alone', async () => {
    const { session } = await signUpWithCookie();
    expect((await t.request('GET', '/api/me', withCookie(session.token))).statusCode).toBe(200);
    // A stale cookie does not stand in the way of signing in again.
    const signIn = await t.request('POST', '/api/auth/login', {
      body: { email: session.user.email, password: PASSWORD },
      ...withCookie('expired-session'),
    });
    expect(signIn.statusCode).toBe(200);
  });
});

describe('sign-out', () => {
  it('revokes the session and clears both cookies', async () => {
    const { session } = await signUpWithCookie();
    const refused = await t.request('POST', '/api/auth/logout', withCookie(session.token));
    expect(expectProblem(refused, 403)).toMatchObject({ reason: 'csrf_failed' });
    const res = await t.request(
      'POST',
      '/api/auth/logout',
      withCookie(session.token, { [CSRF_HEADER]: csrfTokenFor(session.token) }),
    );
    expect(res.statusCode).toBe(204);
    expect(cookieNamed(res, SESSION_COOKIE)).toMatch(/^fission_session=; Max-Age=0; Path=\/; HttpOnly/);
    expect(cookieNamed(res, CSRF_COOKIE)).toMatch(/^fission_csrf=; Max-Age=0; Path=\//);
    expectProblem(await t.request('GET', '/api/me', withCookie(session.token)), 401);
    expectProblem(await t.request('GET', '/api/me', { token: session.token }), 401);
  });

  it('by bearer token works as before', async () => {
    const { session } = await signUpWithCookie();
    expect((await t.request('POST', '/api/auth/logout', { token: session.token })).statusCode).toBe(204);
    expectProblem(await t.request('GET', '/api/me', { token: session.token }), 401);
  });
});

describe('password policy on sign-up', () => {
  const register = (email: string, password: string) =>
    t.request('POST', '/api/auth/register', { body: { email, password, name: 'Ada' } });

  it.each(['password1', 'Password1', 'QWERTY123', '12345678', 'iloveyou'])(
    'refuses the common password %s with 400 password_too_common on /password',
    async (password) => {
      const problem = expectProblem(await register(uniqueEmail(), password), 400);
      expect(problem).toMatchObject({ reason: 'password_too_common' });
      expect(errorPaths(problem)).toEqual(['/password']);
    },
  );

  it('refuses the email or its local part as the password', async () => {
    const email = uniqueEmail();
    for (const password of [email, email.split('@')[0] as string, email.toUpperCase()]) {
      const problem = expectProblem(await register(email, password), 400);
      expect(problem).toMatchObject({ reason: 'password_is_email' });
      expect(errorPaths(problem)).toEqual(['/password']);
    }
  });

  it('takes an uncommon password', async () => {
    expect((await register(uniqueEmail(), 'teapot under the moon')).statusCode).toBe(201);
  });
});
