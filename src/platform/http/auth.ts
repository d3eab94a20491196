import type { FastifyInstance, FastifyRequest } from 'fastify';
import { forbidden, unauthorized } from '../errors.js';
import { parseCookies } from './cookies.js';

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

export const SESSION_COOKIE = 'fission_session';

function tokenOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim() || undefined;
  return parseCookies(request.headers.cookie)[SESSION_COOKIE] || undefined;
}

/** Resolves the bearer token (or session cookie) once per request; anonymous requests cost nothing. */
export function registerAuth(app: FastifyInstance, resolve: ResolveToken) {
  app.decorateRequest('user', null);
  app.addHook('onRequest', async (request) => {
    const token = tokenOf(request);
    if (token) request.user = await resolve(token);
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

/** Route-level `onRequest` guards: they run before validation, so a stranger learns nothing from a 400. */
export const signedIn = async (request: FastifyRequest) => {
  requireUser(request);
};
export const adminOnly = async (request: FastifyRequest) => {
  requireAdmin(request);
};
