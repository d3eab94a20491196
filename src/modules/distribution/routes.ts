import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { adminOnly, requireUser, signedIn } from '../../platform/http/auth.js';
import { pageQuery } from '../../platform/http/pagination.js';
import type { UsersLookup } from './schemas.js';
import {
  AdminWithdrawalPage,
  CommissionPage,
  PayoutDetailsBody,
  PayoutDetailsSchema,
  Problem,
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
const ExportStatus = Type.Optional(
  Type.Union([Type.Literal('approved'), Type.Literal('requested'), Type.Literal('rejected')], {
    description: 'approved (paid out: the default), requested or rejected',
  }),
);
const EXPORT_STATUS = { approved: 'paid', requested: 'requested', rejected: 'rejected' } as const;
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
    async (request) => distribution.myWithdrawals(requireUser(request).id, request.query),
  );

  app.get(
    '/api/me/withdrawals/:id',
    {
      onRequest: signedIn,
      schema: {
        tags: ['distribution'],
        summary: 'One of my withdrawals',
        description: 'With the payout details it was requested with, masked. Another person’s → 404.',
        params: IdParams,
        response: { 200: WithdrawalSchema, 404: Problem },
      },
    },
    async (request) => distribution.myWithdrawal(requireUser(request).id, request.params.id),
  );

  app.get(
    '/api/me/payout-details',
    {
      onRequest: signedIn,
      schema: {
        tags: ['distribution'],
        summary: 'Where my withdrawals are paid to',
        description: 'The saved payout details, masked (`details` is null until saved).',
        response: { 200: PayoutDetailsSchema },
      },
    },
    async (request) => ({ details: await distribution.payoutDetails(requireUser(request).id) }),
  );

  app.put(
    '/api/me/payout-details',
    {
      onRequest: signedIn,
      schema: {
        tags: ['distribution'],
        summary: 'Save where my withdrawals are paid to',
        description:
          'Alipay (email or mobile number), WeChat Pay (WeChat ID or mobile number) or a bank account ' +
          '(account number and bank name), with the holder’s name. Replaces what was saved; later ' +
          'withdrawals carry the new details, earlier ones keep theirs. Answered masked.',
        body: PayoutDetailsBody,
        response: { 200: PayoutDetailsSchema, 400: Problem },
      },
    },
    async (request) => ({
      details: await distribution.savePayoutDetails(requireUser(request).id, request.body),
    }),
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
          signal: Type.Optional(Type.Literal('shared_ip')),
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
        summary: 'Withdrawals to decide and pay out',
        description:
          'The payout view: each withdrawal with the full payout details it was requested with, and ' +
          'the promoter’s balance now (`covers`: whether it can still be paid).',
        querystring: Type.Object({ status: WithdrawalStatus, ...pageQuery }),
        response: { 200: AdminWithdrawalPage },
      },
    },
    async (request) => distribution.adminWithdrawals(request.query),
  );

  app.get(
    '/api/admin/withdrawals/export.csv',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin'],
        summary: 'Export withdrawals as CSV',
        description:
          'For the bank or payment platform: one row per withdrawal of the status (approved by default), ' +
          'oldest first, with the full payout details and the amount in major units. UTF-8 with a BOM; ' +
          'cells a spreadsheet would run as formulas start with an apostrophe.',
        querystring: Type.Object({ status: ExportStatus }),
        response: { 200: Type.String({ description: 'text/csv' }) },
      },
    },
    async (request, reply) => {
      const status = request.query.status ?? 'approved';
      const csv = await distribution.exportWithdrawals(EXPORT_STATUS[status]);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="withdrawals-${status}.csv"`)
        .send(`\uFEFF${csv}`);
    },
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
          summary: action === 'approve' ? 'Approve and pay a withdrawal' : 'Reject a withdrawal',
          description:
            action === 'approve'
              ? 'Records the payout. 422 while the promoter’s balance (available + reserved, held money ' +
                'excluded) cannot cover it, e.g. after a refund reversed a settled commission.'
              : 'The reserved amount goes back to the promoter’s available balance.',
          body: WithdrawalDecisionBody,
          response: { 200: WithdrawalSchema, 404: Problem, 409: Problem, 422: Problem },
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
