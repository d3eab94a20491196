import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../../../test/support/problem.js';
import { RACE } from '../../../test/support/races.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import type { Mail, Mailer } from '../notifications/index.js';

const sent: Mail[] = [];
const capturing: Mailer = {
  kind: 'log',
  async send(mail) {
    sent.push(mail);
  },
};

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ PUBLIC_URL: 'https://shop.example' }, undefined, { mailer: capturing });
});
afterAll(() => t.close());

/** The emailed link's token, once the email (sent after the answer) has gone out. */
async function emailedToken(to: string): Promise<string> {
  await expect.poll(() => sent.filter((m) => m.to === to).length).toBeGreaterThan(0);
  const mail = sent.filter((m) => m.to === to).at(-1)!;
  const link = /https:\/\/shop\.example\/reset-password\?token=([\w-]+)/.exec(mail.text);
  expect(link, mail.text).not.toBeNull();
  return decodeURIComponent(link![1]!);
}

const forgot = (email: string) => t.request('POST', '/api/auth/forgot-password', { body: { email } });
const reset = (token: string, password: string) =>
  t.request('POST', '/api/auth/reset-password', { body: { token, password } });
const login = (email: string, password: string) =>
  t.request('POST', '/api/auth/login', { body: { email, password } });

describe('password reset by email link', () => {
  it('happy: the link sets a new password once, ends every session, and the old password stops working', async () => {
    const person = await t.signUp({ email: 'forgetful@example.com' });
    expect((await forgot('  Forgetful@Example.com ')).statusCode).toBe(202);
    const token = await emailedToken('forgetful@example.com');
    expect(sent.at(-1)!.subject).toBe('Reset your Fission password');

    // Only the token's hash is kept.
    const rows = await t.db.query<{ token_hash: string }>(
      'SELECT token_hash FROM password_resets WHERE user_id = $1',
      [person.user.id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token_hash).not.toContain(token);

    expect((await reset(token, 'a brand new secret')).statusCode).toBe(204);
    expectProblem(await t.request('GET', '/api/me', { token: person.token }), 401);
    expectProblem(await login('forgetful@example.com', 'correct horse battery'), 401);
    expect((await login('forgetful@example.com', 'a brand new secret')).statusCode).toBe(200);
    // Single use.
    expect(expectProblem(await reset(token, 'yet another secret'), 422).reason).toBe('reset_link_invalid');
  });

  it('always 202: an unknown email sends nothing, nor does a disabled account', async () => {
    const before = sent.length;
    expect((await forgot('nobody-here@example.com')).statusCode).toBe(202);
    const admin = await t.signInAdmin();
    const disabled = await t.signUp();
    await t.request('POST', `/api/admin/users/${disabled.user.id}/disable`, { token: admin.token });
    expect((await forgot(disabled.user.email)).statusCode).toBe(202);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sent.length).toBe(before);
  });

  it('error: an expired link, an unknown token, and a weak password are refused', async () => {
    const person = await t.signUp({ email: 'slow@example.com' });
    await forgot(person.user.email);
    const token = await emailedToken('slow@example.com');
    expect(expectProblem(await reset(token, 'password123'), 400).reason).toBe('password_too_common');
    expectProblem(await reset(token, 'short'), 400);
    expect(expectProblem(await reset('not-a-token', 'a brand new secret'), 422).reason).toBe(
      'reset_link_invalid',
    );
    t.clock.advance(61 * 60_000);
    expect(expectProblem(await reset(token, 'a brand new secret'), 422).reason).toBe('reset_link_invalid');
    expect((await login(person.user.email, 'correct horse battery')).statusCode).toBe(200);
  });

  it('a newer link spends the older ones when used; at most five emails an hour per account', async () => {
    const person = await t.signUp({ email: 'twice@example.com' });
    await forgot(person.user.email);
    const first = await emailedToken('twice@example.com');
    await forgot(person.user.email);
    await expect.poll(() => sent.filter((m) => m.to === 'twice@example.com').length).toBe(2);
    const second = await emailedToken('twice@example.com');
    expect((await reset(second, 'a brand new secret')).statusCode).toBe(204);
    expectProblem(await reset(first, 'another new secret'), 422);

    for (let i = 0; i < 5; i++) expect((await forgot(person.user.email)).statusCode).toBe(202);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sent.filter((m) => m.to === 'twice@example.com')).toHaveLength(5);
  });

  it('in Chinese for someone who reads it', async () => {
    const res = await t.request('POST', '/api/auth/register', {
      body: { email: 'zh@example.com', password: 'correct horse battery', name: '王芳', language: 'zh-CN' },
    });
    expect(res.statusCode).toBe(201);
    await forgot('zh@example.com');
    await emailedToken('zh@example.com');
    expect(sent.at(-1)!.subject).toBe('重置你的 Fission 密码');
  });

  it(`one link used twice at once resets the password once ${RACE}`, async () => {
    await t.signUp({ email: 'racing@example.com' });
    await forgot('racing@example.com');
    const token = await emailedToken('racing@example.com');
    const answers = await Promise.all([reset(token, 'first new secret'), reset(token, 'second new secret')]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([204, 422]);
    const winner = answers[0]!.statusCode === 204 ? 'first new secret' : 'second new secret';
    const loser = winner === 'first new secret' ? 'second new secret' : 'first new secret';
    expect((await login('racing@example.com', winner)).statusCode).toBe(200);
    expectProblem(await login('racing@example.com', loser), 401);
  });
});
