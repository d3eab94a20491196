import type { FastifyRequest } from 'fastify';
import { requireUser } from '../../platform/http/auth.js';

/**
 * Who is acting, as a route passes it to a service: the actor, the role they acted with, and the
 * request's id (Fastify's `request.id`, echoed as `x-request-id`) to find the request in the logs.
 */
export interface AuditContext {
  actorId: string;
  actorRole: string;
  requestId: string;
}

/**
 * The audit context of a signed-in request. `role` is the role the route required; by default
 * `admin` when the actor has it, then `operator` (support staff), else their first role.
 */
export function auditContext(request: FastifyRequest, role?: string): AuditContext {
  const user = requireUser(request);
  const staff = ['admin', 'operator'].find((r) => user.roles.includes(r));
  const actorRole = role ?? staff ?? user.roles[0] ?? 'user';
  return { actorId: user.id, actorRole, requestId: request.id };
}
