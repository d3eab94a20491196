import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireUser, signedIn } from '../../platform/http/auth.js';
import { pageQuery } from '../../platform/http/pagination.js';
import { maskedPerson } from '../../platform/privacy.js';
import { adminDistributionRoutes } from './admin-routes.js';
import type { UsersLookup } from './schemas.js';
import {
  BindingSchema,
  CommissionStatus,
  CustomerPage,
  EarningsSchema,
  IdParams,
  MyCommissionPage,
  PayoutDetailsBody,
  PayoutDetailsSchema,
  Problem,
  TeamPage,
  WalletSchema,
  WithdrawalBody,
  WithdrawalPage,
  WithdrawalSchema,
} from './schemas.js';
import type { DistributionService } from './service.js';

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
        summary: 'My commissions',
        description:
          'Newest first. `held` with a `holdReason` code (shared_device, dispute): held commissions do ' +
          'not settle until the operator releases them or the dispute closes.',
        querystring: Type.Object({ status: CommissionStatus, ...pageQuery }),
        response: { 200: MyCommissionPage },
      },
    },
    async (request) => {
      const page = await distribution.myCommissions(requireUser(request).id, request.query);
      // The buyer did not choose to be public: the promoter sees a masked name and initial, no id.
      return { ...page, items: page.items.map((c) => ({ ...c, buyer: maskedPerson(c.buyer.name) })) };
    },
  );

  app.get(
    '/api/me/wallet',
    {
      onRequest: signedIn,
      schema: {
        tags: ['distribution'],
        summary: 'My wallet',
        description:
          'Balances in minor units: pending (in the return window), held (for review or a dispute), ' +
          'available (to withdraw), reserved (asked for, not decided) and withdrawn.',
        response: { 200: WalletSchema },
      },
    },
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
        summary: 'Ask for a withdrawal',
        description:
          'Reserves the amount out of available at once and carries a copy of the saved payout details. ' +
          '422 `withdrawal_above_balance` (above available), `below_min_withdrawal` (under the minimum) or ' +
          '`payout_details_missing`.',
        body: WithdrawalBody,
        response: { 201: WithdrawalSchema, 422: Problem },
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
        summary: 'My withdrawals',
        description: 'Newest first, each with the payout details it was asked with, masked.',
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
    {
      onRequest: signedIn,
      schema: {
        tags: ['distribution'],
        summary: 'My customers',
        description: 'The buyers bound to me, how they were bound, and what they bought since.',
        querystring: Type.Object(pageQuery),
        response: { 200: CustomerPage },
      },
    },
    async (request) => distribution.customers(requireUser(request).id, request.query),
  );

  app.get(
    '/api/me/team',
    {
      onRequest: signedIn,
      schema: {
        tags: ['distribution'],
        summary: 'My team',
        description: 'The people I invited, with their own sales and how many they invited in turn.',
        querystring: Type.Object(pageQuery),
        response: { 200: TeamPage },
      },
    },
    async (request) => distribution.team(requireUser(request).id, request.query),
  );

  app.get(
    '/api/me/earnings',
    {
      onRequest: signedIn,
      schema: {
        tags: ['distribution'],
        summary: 'My earnings per day',
        description: 'Commission earned per calendar day of the shop’s time zone, reversals excluded.',
        querystring: Type.Object({ days: Type.Optional(Type.Integer({ minimum: 1, maximum: 366 })) }),
        response: { 200: EarningsSchema },
      },
    },
    async (request) => ({
      items: await distribution.dailyEarnings(requireUser(request).id, request.query.days ?? 30),
    }),
  );

  app.get(
    '/api/me/binding',
    {
      onRequest: signedIn,
      schema: {
        tags: ['distribution'],
        summary: 'Who I am bound to',
        description: 'The promoter my purchases earn commission for, if any, and how I came to them.',
        response: { 200: BindingSchema },
      },
    },
    async (request) => {
      const binding = await distribution.binding(requireUser(request).id);
      if (!binding) return { promoter: null };
      const promoter = await users.profile(binding.promoter_id);
      return {
        // The promoter shared with this buyer, choosing to be seen by them: their public name, no id.
        promoter: { name: promoter.name },
        origin: { type: binding.origin_type, ref: binding.origin_ref },
        boundAt: binding.bound_at.toISOString(),
        expiresAt: binding.expires_at?.toISOString() ?? null,
      };
    },
  );

  await app.register(adminDistributionRoutes, { distribution });
};
