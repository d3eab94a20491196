import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../../../test/support/problem.js';
import { createProduct } from '../../../test/support/shop.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { MAX_JSON_DEPTH } from './json-depth.js';
import { DOCS_CSP, HSTS } from './security-headers.js';

// A built web root as Vite leaves it: the shell loads its script from a file, never inline.
const root = mkdtempSync(join(tmpdir(), 'fission-web-'));
writeFileSync(
  join(root, 'index.html'),
  '<!doctype html><html><head><title>Fission</title><script type="module" src="/assets/index-abc123.js"></script></head><body><div id="root"></div></body></html>',
);

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({}, undefined, { webRoot: root });
});
afterAll(async () => {
  await t.close();
  rmSync(root, { recursive: true, force: true });
});

const directives = (res: { headers: Record<string, unknown> }): Map<string, string[]> => {
  const csp = String(res.headers['content-security-policy'] ?? '');
  return new Map(
    csp
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name as string, values]),
  );
};

function expectAppHeaders(res: LightMyRequestResponse) {
  const csp = directives(res);
  expect(csp.get('script-src')).toEqual(["'self'", 'https://js.stripe.com', 'https://*.js.stripe.com']);
  expect(csp.get('default-src')).toEqual(["'self'"]);
  expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  expect(csp.get('object-src')).toEqual(["'none'"]);
  expect(csp.get('frame-src')).toContain('https://js.stripe.com');
  expect(csp.get('connect-src')).toContain('https://api.stripe.com');
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['x-frame-options']).toBe('DENY');
  expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
}

describe('security headers', () => {
  it('are on an API answer, with no HSTS over plain http', async () => {
    const res = await t.request('GET', '/api/config');
    expect(res.statusCode).toBe(200);
    expectAppHeaders(res);
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('let the player fetch and play streams only from LIVE_STREAM_ORIGINS, never any https host', async () => {
    const allowed = await createTestApp({
      LIVE_STREAM_ORIGINS: 'https://live.example.com, https://cdn.example.net:8443',
    });
    const none = await createTestApp({ LIVE_STREAM_ORIGINS: 'none' });
    try {
      const csp = directives(await allowed.request('GET', '/api/config'));
      expect(csp.get('connect-src')).toEqual([
        "'self'",
        'https://live.example.com',
        'https://cdn.example.net:8443',
        'https://api.stripe.com',
      ]);
      expect(csp.get('media-src')).toEqual([
        "'self'",
        'blob:',
        'https://live.example.com',
        'https://cdn.example.net:8443',
      ]);
      // None allowed: uploaded videos (this origin) still play.
      const strict = directives(await none.request('GET', '/api/config'));
      expect(strict.get('connect-src')).toEqual(["'self'", 'https://api.stripe.com']);
      expect(strict.get('media-src')).toEqual(["'self'", 'blob:']);
      // Unset, on the embedded database with the demo shop: its test stream's origin alone.
      const demo = directives(await t.request('GET', '/api/config'));
      expect(demo.get('media-src')).toEqual(["'self'", 'blob:', 'https://test-streams.mux.dev']);
      expect(demo.get('connect-src')).not.toContain('https:');
    } finally {
      await allowed.close();
      await none.close();
    }
    // Two more apps to start: on a busy machine that takes longer than one test usually may.
  }, 120_000);

  it('are on problem answers too', async () => {
    const res = await t.request('GET', '/api/no-such-route');
    expectProblem(res, 404);
    expectAppHeaders(res);
    // A URL that is not UTF-8 is refused before any hook runs.
    const malformed = await t.request('GET', '/%E0%A4%A');
    expectProblem(malformed, 400);
    expect(malformed.headers['x-content-type-options']).toBe('nosniff');
  });

  it("are on the web app's index, which allows no inline script", async () => {
    for (const url of ['/', '/orders']) {
      const res = await t.request('GET', url);
      expect(res.statusCode).toBe(200);
      expectAppHeaders(res);
      expect(directives(res).get('script-src')).not.toContain("'unsafe-inline'");
    }
  });

  it('are on a share landing page, the redirect to it and its preview image', async () => {
    const { product } = await createProduct(t, { title: 'Jasmine tea' });
    const { token } = await t.signUp();
    const link = (
      await t.request('POST', '/api/share-links', { token, body: { productId: product.id } })
    ).json<{ code: string }>();
    const redirect = await t.request('GET', `/s/${link.code}`);
    expect(redirect.statusCode).toBe(302);
    expectAppHeaders(redirect);
    const landing = await t.request('GET', String(redirect.headers.location));
    expect(landing.statusCode).toBe(200);
    expect(landing.body).toContain('og:title');
    expectAppHeaders(landing);
    // Chat apps show the preview on their own pages, so it may be embedded elsewhere.
    const preview = await t.request('GET', `/api/share-previews/product/${product.id}/image.png`);
    expect(preview.statusCode).toBe(200);
    expect(preview.headers['x-content-type-options']).toBe('nosniff');
    expect(preview.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect((await t.request('GET', '/api/config')).headers['cross-origin-resource-policy']).toBe(
      'same-origin',
    );
    const unknown = await t.request('GET', '/s/zzzzzzzzzz');
    expect(unknown.statusCode).toBe(404);
    expectAppHeaders(unknown);
  });

  it('are on the cached share-link redirect that is answered before the framework', async () => {
    const { product } = await createProduct(t);
    const { token } = await t.signUp();
    const link = (
      await t.request('POST', '/api/share-links', { token, body: { productId: product.id } })
    ).json<{ code: string }>();
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const first = await fetch(`${address}/s/${link.code}`, { redirect: 'manual' });
    const cached = await fetch(`${address}/s/${link.code}`, {
      redirect: 'manual',
      headers: { 'x-forwarded-proto': 'https' },
    });
    for (const res of [first, cached]) {
      expect(res.status).toBe(302);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    }
    expect(cached.headers.get('strict-transport-security')).toBe(HSTS);
  });

  it('give /docs its own policy, and the docs still load', async () => {
    const page = await t.request('GET', '/docs');
    expect(page.statusCode).toBeLessThan(400);
    expect(page.headers['content-security-policy']).toBe(DOCS_CSP);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect((await t.request('GET', '/docs/')).headers['content-security-policy']).toBe(DOCS_CSP);
    const spec = await t.request('GET', '/api/openapi.json');
    expect(spec.statusCode).toBe(200);
    expectAppHeaders(spec);
    // Any other page under /docs is the web app's, under the app's policy (no inline script, no eval).
    const elsewhere = await t.request('GET', '/docs/anything');
    expect(elsewhere.headers['content-security-policy']).not.toBe(DOCS_CSP);
    expect(elsewhere.headers['content-security-policy']).not.toContain('unsafe-eval');
  });
});

describe('HSTS', () => {
  it('is sent when the trusted proxy says the request came over https', async () => {
    const res = await t.request('GET', '/api/config', { headers: { 'x-forwarded-proto': 'https' } });
    expect(res.headers['strict-transport-security']).toBe(HSTS);
  });

  it('is not sent over http, nor when X-Forwarded-Proto comes from an untrusted peer', async () => {
    const untrusting = await createTestApp({ TRUST_PROXY: 'off' });
    try {
      const res = await untrusting.request('GET', '/api/config', {
        headers: { 'x-forwarded-proto': 'https' },
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['strict-transport-security']).toBeUndefined();
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    } finally {
      await untrusting.close();
    }
  });

  it('is sent, and session cookies are Secure, when PUBLIC_URL is https behind an unnamed proxy', async () => {
    const behindProxy = await createTestApp({ TRUST_PROXY: 'off', PUBLIC_URL: 'https://shop.example.com' });
    try {
      const res = await behindProxy.request('POST', '/api/auth/register', {
        body: { email: 'secure@example.com', password: 'correct horse battery', name: 'Secure' },
      });
      expect(res.statusCode).toBe(201);
      expect(res.headers['strict-transport-security']).toBe(HSTS);
      const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
      expect(cookies.length).toBeGreaterThan(0);
      for (const cookie of cookies) expect(cookie).toMatch(/;\s*Secure/i);
    } finally {
      await behindProxy.close();
    }
  });
});

describe('JSON nesting limit', () => {
  const login = (payload: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload,
    });

  it('refuses a 1 MB deeply nested body with 400 json_too_deep, before parsing it', async () => {
    const half = 512 * 1024;
    for (const payload of ['['.repeat(half) + ']'.repeat(half), '{"a":'.repeat(200_000)]) {
      const problem = expectProblem(await login(payload), 400);
      expect(problem).toMatchObject({ reason: 'json_too_deep' });
    }
  });

  it(`takes ${MAX_JSON_DEPTH} levels, and does not count brackets inside strings`, async () => {
    const deep = `{"email":"a@example.com","password":"x","n":${'['.repeat(MAX_JSON_DEPTH - 1)}${']'.repeat(MAX_JSON_DEPTH - 1)}}`;
    const tooDeep = `{"email":"a@example.com","password":"x","n":${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}}`;
    // Within the limit, the schema answers (an unknown field), not the depth check.
    const allowed = expectProblem(await login(deep), 400);
    expect(allowed.reason).toBe('invalid_input');
    expect(expectProblem(await login(tooDeep), 400)).toMatchObject({ reason: 'json_too_deep' });
    const brackets = JSON.stringify({ email: `${'['.repeat(100)}\\"{{{`, password: '[[[[[[[[' });
    expectProblem(await login(brackets), 401);
  });

  it('still parses ordinary nested bodies, refuses prototype poisoning, and takes empty ones', async () => {
    const { token } = await t.signUp();
    const { variantId } = await createProduct(t);
    const order = await t.request('POST', '/api/orders', {
      token,
      body: {
        items: [{ variantId, quantity: 1 }],
        address: { name: 'Lin', phone: '13800000000', line1: '88 Century Ave', city: 'Shanghai' },
      },
    });
    expect(order.statusCode).toBe(201);
    const poisoned = await login('{"email":"a@example.com","password":"x","__proto__":{"admin":true}}');
    expectProblem(poisoned, 400);
    const empty = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    });
    expect(empty.statusCode).toBe(204);
  });
});

describe('METRICS_TOKEN', () => {
  it('leaves /metrics open when unset', async () => {
    const res = await t.request('GET', '/metrics');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('fission_http_request_duration_seconds');
  });

  it('asks for the token as a bearer token when set', async () => {
    const secured = await createTestApp({ METRICS_TOKEN: 'scrape-me-0123456789' });
    try {
      const attempts: Record<string, string>[] = [
        {},
        { authorization: 'Bearer wrong-token-0123456789' },
        { authorization: 'scrape-me-0123456789' },
      ];
      for (const headers of attempts) {
        const problem = expectProblem(await secured.request('GET', '/metrics', { headers }), 401);
        expect(problem).toMatchObject({ reason: 'metrics_token_required' });
      }
      const res = await secured.request('GET', '/metrics', {
        headers: { authorization: 'Bearer scrape-me-0123456789' },
      });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('fission_http_request_duration_seconds');
    } finally {
      await secured.close();
    }
  });
});
