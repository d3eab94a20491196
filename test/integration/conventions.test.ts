import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const isProblem = (
  res: { headers: Record<string, unknown>; json(): Record<string, unknown> },
  status: number,
) => {
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.json();
  expect(body).toMatchObject({
    status,
    type: expect.any(String),
    title: expect.any(String),
    detail: expect.any(String),
  });
  return body;
};

describe('conventions', () => {
  it('answers /health once the database answers', async () => {
    const res = await t.request('GET', '/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('publishes the platform configuration', async () => {
    const res = await t.request('GET', '/api/config');
    expect(res.json()).toMatchObject({
      currency: 'CNY',
      distribution: { maxLevels: 2, rates: [1000, 500] },
      returnWindowDays: 7,
    });
  });

  it('rejects unknown keys and wrong types with 400 and field errors', async () => {
    const unknown = await t.request('POST', '/api/auth/register', {
      body: { email: 'a@example.com', password: 'longenough', name: 'A', isAdmin: true },
    });
    expect(isProblem(unknown, 400).errors).toContainEqual({
      path: '/isAdmin',
      message: 'is not an allowed field',
      rule: 'additionalProperties',
    });
    const wrongType = await t.request('POST', '/api/auth/register', {
      body: { email: 'a@example.com', password: 12345678, name: 'A' },
    });
    expect(isProblem(wrongType, 400).errors).toContainEqual(
      expect.objectContaining({ path: '/password', rule: 'type', params: { type: 'string' } }),
    );
  });

  it('rejects malformed JSON with 400', async () => {
    const res = await t.request('POST', '/api/auth/login', {
      body: '{"email": ',
      headers: { 'content-type': 'application/json' },
    });
    isProblem(res, 400);
  });

  it('takes an empty JSON body as no body: fine where none is needed, 400 where one is', async () => {
    const json = { 'content-type': 'application/json' };
    const person = await t.signUp();
    const logout = await t.request('POST', '/api/auth/logout', {
      token: person.token,
      headers: json,
      body: '',
    });
    expect(logout.statusCode).toBe(204);
    const login = await t.request('POST', '/api/auth/login', { headers: json, body: '' });
    expect(isProblem(login, 400).errors).toBeDefined();
  });

  it('refuses JSON that tries to set an object prototype', async () => {
    const res = await t.request('POST', '/api/auth/login', {
      body: '{"email": "a@b.c", "password": "password1", "__proto__": {"admin": true}}',
      headers: { 'content-type': 'application/json' },
    });
    isProblem(res, 400);
  });

  it('rejects bodies over 1 MB with 413', async () => {
    const res = await t.request('POST', '/api/auth/login', {
      body: JSON.stringify({ email: 'x'.repeat(1_100_000), password: 'x' }),
      headers: { 'content-type': 'application/json' },
    });
    isProblem(res, 413);
  });

  it('answers unknown API paths with a problem 404 and echoes a request id', async () => {
    const res = await t.request('GET', '/api/nothing-here', { headers: { 'x-request-id': 'req-123' } });
    expect(isProblem(res, 404).requestId).toBe('req-123');
    expect(res.headers['x-request-id']).toBe('req-123');
  });

  it('serves the OpenAPI 3.1 document and the rendered docs', async () => {
    const doc = await t.request('GET', '/api/openapi.json');
    expect(doc.json()).toMatchObject({ openapi: '3.1.0' });
    expect(Object.keys(doc.json<{ paths: object }>().paths)).toContain('/api/auth/register');
    const docs = await t.request('GET', '/docs/');
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toMatch(/scalar/i);
  });

  it('serves Prometheus metrics', async () => {
    const res = await t.request('GET', '/metrics');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('fission_http_request_duration_seconds');
  });
});
