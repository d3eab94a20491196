import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { cacheControlFor } from './web.js';

// A built web root as Vite leaves it: the shell, a hashed asset, and a plain static file.
const root = mkdtempSync(join(tmpdir(), 'fission-web-'));
mkdirSync(join(root, 'assets'));
mkdirSync(join(root, 'demo'));
writeFileSync(join(root, 'index.html'), '<!doctype html><title>Fission</title><div id="root"></div>');
writeFileSync(join(root, 'assets', 'x-abc123.js'), 'console.log(1)');
writeFileSync(join(root, 'demo', 'tea.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
writeFileSync(join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({}, undefined, { webRoot: root });
});
afterAll(async () => {
  await t.close();
  rmSync(root, { recursive: true, force: true });
});

describe('caching of the built web app', () => {
  it.each(['/', '/index.html'])(
    'asks browsers to revalidate the shell at %s (regression: it was cached for an hour)',
    async (url) => {
      const res = await t.request('GET', url);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
    },
  );

  it('serves client-side routes with the shell, also no-cache', async () => {
    const res = await t.request('GET', '/products/some-id');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('keeps hashed assets for a year, immutable', async () => {
    const res = await t.request('GET', '/assets/x-abc123.js');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it.each(['/demo/tea.svg', '/favicon.svg'])('keeps other static files (%s) briefly', async (url) => {
    const res = await t.request('GET', url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=3600');
  });
});

describe('cacheControlFor', () => {
  it('tells the shell, hashed assets and other files apart', () => {
    expect(cacheControlFor('/w', '/w/index.html')).toBe('no-cache');
    expect(cacheControlFor('/w', '/w/assets/index-B3xk_9Qa.js')).toMatch(/immutable/);
    expect(cacheControlFor('/w', '/w/assets/index.js')).toBe('public, max-age=3600');
    expect(cacheControlFor('/w', '/w/demo/index.html')).toBe('public, max-age=3600');
  });
});
