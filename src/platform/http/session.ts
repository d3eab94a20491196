import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * The web app's session: the same token API clients send as `Authorization: Bearer`, kept in an
 * HttpOnly cookie so a script injected into a page cannot read it, plus a CSRF defence for writes
 * that only the cookie authenticates.
 *
 * The defence is a session-bound token: `csrfTokenFor(session token)`, handed to the web app in a
 * readable cookie (`fission_csrf`) and sent back in the `X-CSRF-Token` header on every write. A
 * forged request from another site carries the cookies but cannot read them, and cannot add a
 * custom header without a CORS preflight this server never grants. It is stateless (no table, no
 * secret to configure), and unlike a plain double-submit cookie, a cookie planted from a sibling
 * subdomain does not pass: the header is compared with a value derived from the HttpOnly session
 * token, never with the readable cookie. An Origin check alone was not chosen because it needs the
 * public origin behind proxies and browsers that always send Origin; @fastify/csrf-protection
 * would add a secret cookie and a token endpoint for the same guarantee. SameSite=Lax already
 * keeps the cookie off cross-site writes in current browsers; the token covers the rest.
 * Bearer requests are not checked: a browser never adds that header on its own.
 */

export const SESSION_COOKIE = 'fission_session';
export const CSRF_COOKIE = 'fission_csrf';
export const CSRF_HEADER = 'x-csrf-token';
/** How long a session lives (accounts' sessions table) and so how long its cookies are kept. */
export const SESSION_DAYS = 30;
const MAX_AGE_S = SESSION_DAYS * 24 * 60 * 60;

/** Methods that change something, and so need the CSRF token when a cookie authenticates them. */
export const UNSAFE_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export const csrfTokenFor = (sessionToken: string): string =>
  createHash('sha256').update(`fission-csrf:${sessionToken}`).digest('base64url');

export function csrfTokenMatches(sessionToken: string, header: string | string[] | undefined): boolean {
  if (typeof header !== 'string') return false;
  const expected = Buffer.from(csrfTokenFor(sessionToken));
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function cookie(name: string, value: string, maxAgeS: number, secure: boolean, httpOnly: boolean): string {
  const flags = `${httpOnly ? '; HttpOnly' : ''}; SameSite=Lax${secure ? '; Secure' : ''}`;
  return `${name}=${value}; Max-Age=${maxAgeS}; Path=/${flags}`;
}

/**
 * Lax rather than Strict: someone who taps a share link in a chat app arrives signed in. Secure
 * when the request came over https (TRUST_PROXY decides whether X-Forwarded-Proto counts).
 */
export const sessionCookies = (token: string, secure: boolean): string[] => [
  cookie(SESSION_COOKIE, token, MAX_AGE_S, secure, true),
  cookie(CSRF_COOKIE, csrfTokenFor(token), MAX_AGE_S, secure, false),
];

export const clearedSessionCookies = (secure: boolean): string[] => [
  cookie(SESSION_COOKIE, '', 0, secure, true),
  cookie(CSRF_COOKIE, '', 0, secure, false),
];
