import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { adminOnly, requireUser } from '../../platform/http/auth.js';
import { ProblemResponse } from '../../platform/http/schemas.js';
import { auditContext } from '../audit/index.js';
import {
  PeoplePage,
  PeopleQuery,
  PersonPageSchema,
  PersonParams,
  PersonSummarySchema,
  RoleParams,
} from './schemas.js';
import type { PeopleService } from './service.js';

const refusals = { 401: ProblemResponse, 403: ProblemResponse, 404: ProblemResponse, 422: ProblemResponse };

/** The console's people: who signed up, what they did, and the operator's actions on an account. */
export const peopleRoutes: FastifyPluginAsyncTypebox<{ people: PeopleService }> = async (app, { people }) => {
  const actor = (request: Parameters<typeof requireUser>[0]) => {
    const user = requireUser(request);
    return { id: user.id, roles: user.roles };
  };

  app.get(
    '/api/admin/users',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin'],
        summary: 'People',
        description:
          'Admin or operator. Everyone who signed up, newest first, with what each spent. `q` matches ' +
          'part of the email or name, or (when it reads as a phone number) a phone of a saved address or ' +
          'of a delivery; `role`, `signedUpFrom`/`signedUpTo` (UTC dates, inclusive) and `minSpent` ' +
          '(minor units) narrow it.',
        querystring: PeopleQuery,
        response: { 200: PeoplePage, 400: ProblemResponse, 401: ProblemResponse, 403: ProblemResponse },
      },
    },
    async (request) => people.list(request.query),
  );

  app.get(
    '/api/admin/users/:id',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin'],
        summary: 'A person’s page',
        description:
          'Admin or operator. The account (roles, disabled or not), spending, points, wallet, latest ' +
          'orders and commissions, team (people they invited), who invited them, the promoter they are ' +
          'bound to, and (for admins) their commissions that raised ring signals. Unknown id: 404.',
        params: PersonParams,
        response: { 200: PersonPageSchema, 401: ProblemResponse, 403: ProblemResponse, 404: ProblemResponse },
      },
    },
    async (request) =>
      people.page(request.params.id, { admin: requireUser(request).roles.includes('admin') }),
  );

  app.post(
    '/api/admin/users/:id/disable',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin'],
        summary: 'Disable an account',
        description:
          'Admin or operator. Every session of the account ends at once; signing in is refused (403 ' +
          '`account_disabled`); as a promoter they earn no new commission and bind no new buyer ' +
          '(what they earned before stays as it is). Idempotent. Nobody disables themselves (422 ' +
          '`cannot_disable_self`); only an admin disables an admin or operator (403 `staff_account_admin_only`).',
        params: PersonParams,
        response: { 200: PersonSummarySchema, ...refusals },
      },
    },
    async (request) => people.disable(actor(request), request.params.id, auditContext(request)),
  );

  app.post(
    '/api/admin/users/:id/enable',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin'],
        summary: 'Re-enable an account',
        description:
          'Admin or operator. The person can sign in again (their old sessions stay ended). ' +
          'Idempotent; only an admin re-enables an admin or operator (403 `staff_account_admin_only`).',
        params: PersonParams,
        response: { 200: PersonSummarySchema, ...refusals },
      },
    },
    async (request) => people.enable(actor(request), request.params.id, auditContext(request)),
  );

  app.put(
    '/api/admin/users/:id/roles/:role',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin'],
        summary: 'Grant a role',
        description:
          'Admin only. `role`: admin, operator (support staff), shopkeeper or leader. Takes effect on ' +
          'the person’s next request. Idempotent.',
        params: RoleParams,
        response: { 200: PersonSummarySchema, 400: ProblemResponse, ...refusals },
      },
    },
    async (request) =>
      people.grantRole(actor(request), request.params.id, request.params.role, auditContext(request)),
  );

  app.delete(
    '/api/admin/users/:id/roles/:role',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin'],
        summary: 'Revoke a role',
        description:
          'Admin only. Takes effect on the person’s next request. An admin cannot revoke their own ' +
          'admin role (422 `cannot_revoke_own_admin`). Idempotent.',
        params: RoleParams,
        response: { 200: PersonSummarySchema, 400: ProblemResponse, ...refusals },
      },
    },
    async (request) =>
      people.revokeRole(actor(request), request.params.id, request.params.role, auditContext(request)),
  );
};
