import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { adminOnly, requireUser } from '../../platform/http/auth.js';
import { sendCsv } from '../../platform/http/csv-reply.js';
import { pageQuery } from '../../platform/http/pagination.js';
import { auditContext } from '../audit/index.js';
import {
  AdminWithdrawalPage,
  CommissionPage,
  CommissionStatus,
  IdParams,
  Problem,
  PromoterPage,
  RingSignalSchema,
  SettingsPatch,
  SettingsSchema,
  WithdrawalDecisionBody,
  WithdrawalSchema,
  WithdrawalStatus,
} from './schemas.js';
import type { DistributionService } from './service.js';

const ExportStatus = Type.Optional(
  Type.Union([Type.Literal('approved'), Type.Literal('requested'), Type.Literal('rejected')], {
    description: 'approved (paid out: the default), requested or rejected',
  }),
);
const EXPORT_STATUS = { approved: 'paid', requested: 'requested', rejected: 'rejected' } as const;

/** The operator console's distribution API: rules, promoters, holds, and the payout view. */
export const adminDistributionRoutes: FastifyPluginAsyncTypebox<{
  distribution: DistributionService;
}> = async (app, { distribution }) => {
  app.get(
    '/api/admin/distribution/settings',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin'],
        summary: 'Distribution rules',
        description: 'Levels, rates, cap, attribution and binding rules, minimum withdrawal.',
        response: { 200: SettingsSchema },
      },
    },
    async () => distribution.settings(),
  );

  app.put(
    '/api/admin/distribution/settings',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin'],
        summary: 'Change the distribution rules',
        description: 'Only the fields sent change; they apply to orders paid from now on.',
        body: SettingsPatch,
        response: { 200: SettingsSchema, 400: Problem },
      },
    },
    async (request) => distribution.updateSettings(request.body, auditContext(request)),
  );

  app.get(
    '/api/admin/promoters',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin'],
        summary: 'Promoters',
        description:
          'Everyone who has earned, with totals, held commissions and signals (shared addresses); ' +
          '`flagged=true`: only those with something held.',
        querystring: Type.Object({ flagged: Type.Optional(Type.Boolean()), ...pageQuery }),
        response: { 200: PromoterPage },
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
        summary: 'Commissions',
        description:
          'All commissions, newest first; `held=true` for those held, `signal=<ring signal>` for those ' +
          'that raised it (e.g. shared_ip: buyer and promoter on one network address).',
        querystring: Type.Object({
          status: CommissionStatus,
          held: Type.Optional(Type.Boolean()),
          signal: Type.Optional(RingSignalSchema),
          ...pageQuery,
        }),
        response: { 200: CommissionPage },
      },
    },
    async (request) => distribution.commissions(request.query),
  );

  app.get(
    '/api/admin/commissions/export.csv',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin'],
        summary: 'Export commissions as CSV',
        description:
          'The commissions of `GET /api/admin/commissions` with the same filters, newest first, amounts in ' +
          'major units. UTF-8 with a BOM; cells a spreadsheet would run as formulas start with an ' +
          'apostrophe. At most 10,000 rows: a last line says when there were more.',
        querystring: Type.Object({
          status: CommissionStatus,
          held: Type.Optional(Type.Boolean()),
          signal: Type.Optional(RingSignalSchema),
        }),
        response: { 200: Type.String({ description: 'text/csv' }) },
      },
    },
    async (request, reply) =>
      sendCsv(reply, 'commissions.csv', await distribution.exportCommissions(request.query)),
  );

  app.post(
    '/api/admin/commissions/:id/release',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin'],
        summary: 'Release a held commission',
        description:
          'After review: it settles on the normal schedule. `released: false` when it was not held, ' +
          'or held by a dispute (that hold ends when the dispute closes). Records no note: ' +
          'POST /api/admin/commissions/:id/review releases or reverses with one.',
        params: IdParams,
        response: { 200: Type.Object({ released: Type.Boolean() }) },
      },
    },
    async (request) => {
      const released = await distribution.releaseHold(request.params.id, auditContext(request));
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
              ? 'Records the payout. 422 `withdrawal_not_covered` while the promoter’s balance (available + ' +
                'reserved, held money excluded) cannot cover it, e.g. after a refund reversed a settled ' +
                'commission; 409 `invalid_transition` once decided.'
              : 'The reserved amount goes back to the promoter’s available balance; 409 `invalid_transition` ' +
                'once decided.',
          body: WithdrawalDecisionBody,
          response: { 200: WithdrawalSchema, 404: Problem, 409: Problem, 422: Problem },
        },
      },
      async (request) =>
        distribution.decideWithdrawal(
          request.params.id,
          {
            outcome,
            adminId: requireUser(request).id,
            note: request.body?.note,
          },
          auditContext(request),
        ),
    );
  }
};
