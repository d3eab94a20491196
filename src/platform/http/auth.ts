import type { FastifyInstance, FastifyRequest } from 'fastify';
import { forbidden, unauthorized } from '../errors.js';
import { securityRefusal } from '../security-reasons.js';
import { rolesFor } from './admin-access.js';
import { parseCookies } from './cookies.js';
import {
  CSRF_HEADER,
  clearedSessionCookies,
  csrfTokenMatches,
  SESSION_COOKIE,
  UNSAFE_METHODS,
} from './session.js';

export interface AuthUser {
  id: string;
  email: string;
  name: string;
  roles: string[];
  sessionId: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    user: AuthUser | null;
  }
}

export type ResolveToken = (token: string) => Promise<AuthUser | null>;

interface Credentials {
  token: string;
  via: 'bearer' | 'cookie';
}

/** A bearer token wins over the cookie: an API client's header says who it means to be. */
function credentialsOf(request: FastifyRequest): Credentials | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) {
    const token = header.slice(7).trim();
    return token ? { token, via: 'bearer' } : undefined;
  }
  const token = parseCookies(request.headers.cookie)[SESSION_COOKIE];
  return token ? { token, via: 'cookie' } : undefined;
}

/**
 * Resolves the bearer token (or session cookie) once per request; anonymous requests cost nothing.
 * A write authenticated by the cookie alone needs the session's CSRF token (see ./session.ts); a
 * cookie that no longer names a live session is cleared, so the web app stops presenting it.
 */
export function registerAuth(app: FastifyInstance, resolve: ResolveToken) {
  app.decorateRequest('user', null);
  app.addHook('onRequest', async (request, reply) => {
    const credentials = credentialsOf(request);
    if (!credentials) return;
    request.user = await resolve(credentials.token);
    if (credentials.via === 'bearer') return;
    if (!request.user) {
      reply.header('set-cookie', clearedSessionCookies(request.overHttps));
      return;
    }
    if (
      UNSAFE_METHODS.has(request.method) &&
      !csrfTokenMatches(credentials.token, request.headers[CSRF_HEADER])
    ) {
      request.user = null;
      throw securityRefusal(
        'csrf_failed',
        'This change came without the session’s CSRF token (X-CSRF-Token); reload the page and try again',
      );
    }
  });
}

export function requireUser(request: FastifyRequest): AuthUser {
  if (!request.user) throw unauthorized();
  return request.user;
}

export function requireRole(request: FastifyRequest, role: string): AuthUser {
  const user = requireUser(request);
  if (!user.roles.includes(role)) throw forbidden(`This needs the ${role} role`);
  return user;
}

export const requireAdmin = (request: FastifyRequest) => requireRole(request, 'admin');

/** Whether this signed-in person may call this console route, by the one table (./admin-access.ts). */
export function requireStaffAccess(request: FastifyRequest): AuthUser {
  const user = requireUser(request);
  const allowed = rolesFor(request.method, request.routeOptions.url ?? request.url);
  if (!allowed.some((role) => user.roles.includes(role))) {
    throw forbidden(`This needs the ${allowed.join(' or ')} role`);
  }
  return user;
}

/** Route-level `onRequest` guards: they run before validation, so a stranger learns nothing from a 400. */
export const signedIn = async (request: FastifyRequest) => {
  requireUser(request);
};
/** The guard of every /api/admin/ route: the roles it needs come from ADMIN_ACCESS. */
export const adminOnly = async (request: FastifyRequest) => {
  requireStaffAccess(request);
};
