import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { adminOnly, requireUser, signedIn } from '../../platform/http/auth.js';
import { pageQuery } from '../../platform/http/pagination.js';
import type { UsersLookup } from './schemas.js';
import {
  CommissionPage,
  SettingsPatch,
  SettingsSchema,
  WalletSchema,
  WithdrawalBody,
  WithdrawalDecisionBody,
  WithdrawalPage,
  WithdrawalSchema,
} from './schemas.js';
import type { DistributionService } from './service.js';

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const CommissionStatus = Type.Optional(
  Type.Union([Type.Literal('pending'), Type.Literal('settled'), Type.Literal('reversed')]),
);
const WithdrawalStatus = Type.Optional(
  Type.Union([Type.Literal('requested'), Type.Literal('paid'), Type.Literal('rejected')]),
);

/** The promoter centre's API: everything here is the signed-in person's own data. */
export const distributionRoutes: FastifyPluginAsyncTypebox<{
  distribution: DistributionService;
  users: UsersLookup;
}> = async (app, { distribution, users }) => {
  app.get(
    '/api/me/commissions',
    {
      onRequest: signedIn,
      schema: {
        tags: ['distribution'],
        querystring: Type.Object({ status: CommissionStatus, ...pageQuery }),
        response: { 200: CommissionPage },
      },
    },
    async (request) => distribution.commissions({ ...request.query, promoterId: requireUser(request).id }),
  );

  app.get(
    '/api/me/wallet',
    { onRequest: signedIn, schema: { tags: ['distribution'], response: { 200: WalletSchema } } },
    async (request) => distribution.wallet(requireUser(request).id),
  );

  app.post(
    '/api/me/withdrawals',
    {
      onRequest: signedIn,
      schema: {
        tags: ['distribution'],
        headers: Type.Object({
          'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
        }),
        body: WithdrawalBody,
        response: { 201: WithdrawalSchema },
      },
    },
    async (request, reply) => {
      const result = await distribution.requestWithdrawal(
        requireUser(request).id,
        request.body.amount,
        request.headers['idempotency-key'],
      );
      return reply.status(result.statusCode as 201).send(result.body);
    },
  );

  app.get(
    '/api/me/withdrawals',
    {
      onRequest: signedIn,
      schema: {
        tags: ['distribution'],
        querystring: Type.Object(pageQuery),
        response: { 200: WithdrawalPage },
      },
    },
    async (request) => distribution.withdrawals({ ...request.query, userId: requireUser(request).id }),
  );

  app.get(
    '/api/me/customers',
    { onRequest: signedIn, schema: { tags: ['distribution'], querystring: Type.Object(pageQuery) } },
    async (request) => distribution.customers(requireUser(request).id, request.query),
  );

  app.get(
    '/api/me/team',
    { onRequest: signedIn, schema: { tags: ['distribution'], querystring: Type.Object(pageQuery) } },
    async (request) => distribution.team(requireUser(request).id, request.query),
  );

  app.get(
    '/api/me/earnings',
    {
      onRequest: signedIn,
      schema: {
        tags: ['distribution'],
        querystring: Type.Object({ days: Type.Optional(Type.Integer({ minimum: 1, maximum: 366 })) }),
      },
    },
    async (request) => ({
      items: await distribution.dailyEarnings(requireUser(request).id, request.query.days ?? 30),
    }),
  );

  app.get('/api/me/binding', { onRequest: signedIn, schema: { tags: ['distribution'] } }, async (request) => {
    const binding = await distribution.binding(requireUser(request).id);
    if (!binding) return { promoter: null };
    const promoter = await users.getUser(binding.promoter_id);
    return {
      promoter: { id: promoter.id, name: promoter.name },
      origin: { type: binding.origin_type, ref: binding.origin_ref },
      boundAt: binding.bound_at.toISOString(),
      expiresAt: binding.expires_at?.toISOString() ?? null,
    };
  });

  // Operator console.
  app.get(
    '/api/admin/distribution/settings',
    { onRequest: adminOnly, schema: { tags: ['admin'], response: { 200: SettingsSchema } } },
    async () => distribution.settings(),
  );

  app.put(
    '/api/admin/distribution/settings',
    {
      onRequest: adminOnly,
      schema: { tags: ['admin'], body: SettingsPatch, response: { 200: SettingsSchema } },
    },
    async (request) => distribution.updateSettings(request.body),
  );

  app.get(
    '/api/admin/promoters',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin'],
        querystring: Type.Object({ flagged: Type.Optional(Type.Boolean()), ...pageQuery }),
      },
    },
    async (request) => distribution.promoters({ ...request.query, flaggedOnly: request.query.flagged }),
  );

  app.get(
    '/api/admin/commissions',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin'],
        querystring: Type.Object({
          status: CommissionStatus,
          held: Type.Optional(Type.Boolean()),
          ...pageQuery,
        }),
        response: { 200: CommissionPage },
      },
    },
    async (request) => distribution.commissions(request.query),
  );

  app.post(
    '/api/admin/commissions/:id/release',
    { onRequest: adminOnly, schema: { tags: ['admin'], params: IdParams } },
    async (request) => {
      const released = await distribution.releaseHold(request.params.id);
      return { released };
    },
  );

  app.get(
    '/api/admin/withdrawals',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin'],
        querystring: Type.Object({ status: WithdrawalStatus, ...pageQuery }),
        response: { 200: WithdrawalPage },
      },
    },
    async (request) => distribution.withdrawals(request.query),
  );

  for (const [action, outcome] of [
    ['approve', 'paid'],
    ['reject', 'rejected'],
  ] as const) {
    app.post(
      `/api/admin/withdrawals/:id/${action}`,
      {
        onRequest: adminOnly,
        schema: {
          tags: ['admin'],
          params: IdParams,
          body: WithdrawalDecisionBody,
          response: { 200: WithdrawalSchema },
        },
      },
      async (request) =>
        distribution.decideWithdrawal(request.params.id, {
          outcome,
          adminId: requireUser(request).id,
          note: request.body?.note,
        }),
    );
  }
};
