import type { Middleware } from 'openapi-fetch';

/**
 * The browser's side of the session (the server's is src/platform/http/session.ts). Signing in
 * sets an HttpOnly cookie that no script here can read, so an injected script cannot steal it;
 * the browser sends it with every same-origin request. Writes also carry the session's CSRF token,
 * which the server puts in a readable cookie beside it: a forged request from another site has
 * the cookies but cannot read them, so it cannot send the token.
 */

const CSRF_COOKIE = 'fission_csrf';
const CSRF_HEADER = 'x-csrf-token';
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Where sessions used to live, readable by any script on the page. */
const STORED_TOKEN_KEY = 'fission.token';

/** The `credentials` of every API call: the session cookie goes to this origin only. */
export const SESSION_CREDENTIALS: RequestCredentials = 'same-origin';

function readCookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim() || undefined;
  }
  return undefined;
}

export const csrfToken = (): string | undefined => readCookie(CSRF_COOKIE);

/**
 * Whether someone may be signed in, without reading the session cookie: the server sets and
 * clears the CSRF cookie together with it. A guest's visit then skips asking GET /api/me.
 */
export const mayBeSignedIn = (): boolean => csrfToken() !== undefined;

/** The headers a call with this method needs for the session: the CSRF token on writes. */
export function sessionHeaders(method: string): Record<string, string> {
  const token = UNSAFE_METHODS.has(method.toUpperCase()) ? csrfToken() : undefined;
  return token ? { [CSRF_HEADER]: token } : {};
}

/** The same for an openapi-fetch client: `apiClient.use(sessionMiddleware)`. */
export const sessionMiddleware: Middleware = {
  onRequest({ request }) {
    for (const [name, value] of Object.entries(sessionHeaders(request.method)))
      request.headers.set(name, value);
    return request;
  },
};

/** Forgets a token an older version of the app kept in localStorage (the cookie replaced it). */
export function forgetStoredToken() {
  try {
    localStorage.removeItem(STORED_TOKEN_KEY);
  } catch {
    // Storage may be off (private mode); there is then nothing to forget.
  }
}
