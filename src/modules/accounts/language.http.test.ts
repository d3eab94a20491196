import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import type { PublicUser, Session } from './service.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const register = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  t.request('POST', '/api/auth/register', {
    body: {
      email: `lang-${Math.random().toString(36).slice(2)}@example.com`,
      password: 'correct horse battery',
      name: 'Lin',
      ...body,
    },
    headers,
  });

describe('a person’s language', () => {
  it('comes from Accept-Language at sign-up, English when it names neither language', async () => {
    const zh = await register({}, { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' });
    expect(zh.json<Session>().user.language).toBe('zh-CN');
    const fr = await register({}, { 'accept-language': 'fr-FR' });
    expect(fr.json<Session>().user.language).toBe('en');
  });

  it('in the sign-up body wins over the header; anything but en or zh-CN is a 400', async () => {
    const chosen = await register({ language: 'en' }, { 'accept-language': 'zh-CN' });
    expect(chosen.json<Session>().user.language).toBe('en');
    const bad = await register({ language: 'fr' });
    expect(bad.statusCode).toBe(400);
  });

  it('is changed with PUT /api/me/language and shows in /api/me', async () => {
    const person = await t.signUp();
    const res = await t.request('PUT', '/api/me/language', {
      token: person.token,
      body: { language: 'zh-CN' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json<PublicUser>()).toMatchObject({ id: person.user.id, language: 'zh-CN' });
    const me = await t.request('GET', '/api/me', { token: person.token });
    expect(me.json<PublicUser>().language).toBe('zh-CN');
  });

  it('refuses an unknown language (400) and a stranger (401)', async () => {
    const person = await t.signUp();
    const bad = await t.request('PUT', '/api/me/language', { token: person.token, body: { language: 'de' } });
    expect(bad.statusCode).toBe(400);
    const anonymous = await t.request('PUT', '/api/me/language', { body: { language: 'en' } });
    expect(anonymous.statusCode).toBe(401);
  });
});
