/** The request's cookies by name (first one wins); values are URI-decoded when they can be. */
export function parseCookies(header: string | undefined): Record<string, string | undefined> {
  const cookies: Record<string, string> = {};
  if (!header) return cookies;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    if (!name || name in cookies) continue;
    const raw = part.slice(eq + 1).trim();
    try {
      cookies[name] = decodeURIComponent(raw);
    } catch {
      cookies[name] = raw;
    }
  }
  return cookies;
}

const TOKEN_SHAPED = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * A cookie the server set to an identifier of its own (a share code, a device id): anything else a
 * client sends under that name (NUL, kilobytes, markup) is treated as absent, never stored.
 */
export function identifierCookie(header: string | undefined, name: string): string | undefined {
  const value = parseCookies(header)[name];
  return value !== undefined && TOKEN_SHAPED.test(value) ? value : undefined;
}
