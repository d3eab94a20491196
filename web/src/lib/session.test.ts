/** @vitest-environment jsdom */
import { afterEach, describe, expect, it } from 'vitest';
import { forgetStoredToken, mayBeSignedIn, sessionHeaders, sessionMiddleware } from './session';

/** What the server's Set-Cookie does; jsdom has no Cookie Store API. */
const setCookie = (cookie: string) => {
  // biome-ignore lint/suspicious/noDocumentCookie: the test stands in for the server's Set-Cookie
  document.cookie = cookie;
};
const clearCookies = () => {
  for (const name of ['fission_csrf', 'other']) setCookie(`${name}=; Max-Age=0; Path=/`);
};
afterEach(clearCookies);

describe('the browser session', () => {
  it('knows a guest from the absence of the CSRF cookie', () => {
    setCookie('other=1; Path=/');
    expect(mayBeSignedIn()).toBe(false);
    expect(sessionHeaders('POST')).toEqual({});
    setCookie('fission_csrf=abc_123-XYZ; Path=/');
    expect(mayBeSignedIn()).toBe(true);
  });

  it('sends the CSRF token on writes only', () => {
    setCookie('fission_csrf=abc_123-XYZ; Path=/');
    for (const method of ['POST', 'put', 'PATCH', 'DELETE'])
      expect(sessionHeaders(method)).toEqual({ 'x-csrf-token': 'abc_123-XYZ' });
    for (const method of ['GET', 'HEAD', 'OPTIONS']) expect(sessionHeaders(method)).toEqual({});
  });

  it('adds the token to openapi-fetch requests', async () => {
    setCookie('fission_csrf=t0k3n; Path=/');
    const onRequest = sessionMiddleware.onRequest as (p: { request: Request }) => Request;
    const post = onRequest({ request: new Request('http://shop.test/api/orders', { method: 'POST' }) });
    expect(post.headers.get('x-csrf-token')).toBe('t0k3n');
    const get = onRequest({ request: new Request('http://shop.test/api/me') });
    expect(get.headers.get('x-csrf-token')).toBeNull();
  });

  it('forgets a token an older version kept in localStorage', () => {
    localStorage.setItem('fission.token', 'old');
    forgetStoredToken();
    expect(localStorage.getItem('fission.token')).toBeNull();
  });
});
