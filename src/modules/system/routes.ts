import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Config } from '../../config.js';
import type { AdjustableClock } from '../../platform/clock.js';
import type { Database } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { adminOnly } from '../../platform/http/auth.js';
import { ProblemResponse } from '../../platform/http/schemas.js';
import type { JobRunner } from '../../platform/jobs.js';
import {
  POLICY_PROFILES,
  POLICY_TABLE,
  type Policy,
  PolicyOverviewSchema,
  PolicyProfileNameSchema,
  PolicyRulesSchema,
} from '../../platform/policy.js';

export interface SystemRouteOptions {
  config: Config;
  db: Database;
  jobs: JobRunner;
  policy: Policy;
  /** The operator's current commission depth and rates (they can change them while running). */
  distributionRules: () => Promise<{ maxLevels: number; ratesBps: number[] }>;
  /** Present only when TEST_CLOCK=1: then POST /api/test/clock exists. */
  testClock?: AdjustableClock;
}

const PublicConfig = Type.Object({
  currency: Type.String(),
  distribution: Type.Object({ maxLevels: Type.Integer(), rates: Type.Array(Type.Integer()) }),
  returnWindowDays: Type.Integer(),
  autoConfirmDays: Type.Integer(),
  /** Days a paid gift waits for its recipient before it is refunded (GIFT_CLAIM_DAYS). */
  giftClaimDays: Type.Integer(),
  paymentTimeoutMinutes: Type.Integer(),
  timeZone: Type.String(),
  sandboxPayments: Type.Boolean(),
  /** The largest image file `POST /api/uploads` accepts, in megabytes (UPLOAD_MAX_BYTES). */
  uploadMaxMegabytes: Type.Number(),
  /** What the web app needs for Stripe's card form; null when Stripe is off or has no publishable key. */
  stripe: Type.Union([Type.Object({ publishableKey: Type.String() }), Type.Null()]),
  /** The market policy profile (POLICY_PROFILE) and its rules: the web app hides what they forbid. */
  policy: Type.Object({
    profile: PolicyProfileNameSchema,
    rules: PolicyRulesSchema,
  }),
});

export const systemRoutes: FastifyPluginAsyncTypebox<SystemRouteOptions> = async (app, opts) => {
  const { config, db, jobs, testClock, distributionRules, policy } = opts;

  app.get(
    '/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Health for load balancers',
        description:
          'For anyone: `ok` once migrations ran and the database answers; 503 `unavailable` when it does not.',
        response: { 200: Type.Object({ status: Type.Literal('ok') }), 503: ProblemResponse },
      },
    },
    async () => {
      try {
        await db.query('SELECT 1');
      } catch {
        throw new AppError('unavailable', 'The database does not answer');
      }
      return { status: 'ok' as const };
    },
  );

  app.get(
    '/api/config',
    {
      schema: {
        tags: ['system'],
        summary: 'The shop’s public settings',
        description:
          'For anyone: the currency (ISO 4217; money everywhere is in its minor units), commission ' +
          'levels and rates (basis points), return, auto-confirm and gift-claim windows, the payment timeout, the ' +
          'shop’s time zone, what the web app needs for payments, and the market policy profile’s rules.',
        response: { 200: PublicConfig },
      },
    },
    async () => {
      const rules = await distributionRules();
      return {
        currency: config.currency,
        distribution: { maxLevels: rules.maxLevels, rates: rules.ratesBps },
        returnWindowDays: config.returnWindowDays,
        autoConfirmDays: config.autoConfirmDays,
        giftClaimDays: config.giftClaimDays,
        paymentTimeoutMinutes: config.paymentTimeoutMinutes,
        timeZone: config.timeZone,
        sandboxPayments: config.sandboxPayments,
        uploadMaxMegabytes: Math.round((config.uploadMaxBytes / 1024 / 1024) * 10) / 10,
        stripe: config.stripe?.publishableKey ? { publishableKey: config.stripe.publishableKey } : null,
        policy: { profile: policy.profile.name, rules: policy.rules },
      };
    },
  );

  app.get(
    '/api/admin/policy',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin', 'system'],
        summary: 'The market policy profile in force',
        description:
          'Admin only. The profile set by POLICY_PROFILE (changed by restarting with another value), its rules and the source of each, and every other profile for comparison. Features it forbids answer 422 `policy_forbids`; orders and commissions made before a switch stay as they were.',
        response: { 200: PolicyOverviewSchema, 401: ProblemResponse, 403: ProblemResponse },
      },
    },
    async () => ({
      current: policy.profile,
      profiles: POLICY_PROFILES.map((name) => POLICY_TABLE[name]),
    }),
  );

  if (testClock) {
    app.post(
      '/api/test/clock',
      {
        schema: {
          tags: ['testing'],
          summary: 'Move the test clock forward',
          description:
            'Only when the server runs with TEST_CLOCK=1 (acceptance runs): advances time by `advanceMs` ' +
            'and runs the jobs that became due (expiries, settlements) before answering the new time.',
          body: Type.Object(
            { advanceMs: Type.Integer({ minimum: 0, maximum: 10 * 365 * 86_400_000 }) },
            { additionalProperties: false },
          ),
          response: { 200: Type.Object({ now: Type.String({ format: 'date-time' }) }), 400: ProblemResponse },
        },
      },
      async (request) => {
        const now = testClock.advance(request.body.advanceMs);
        // Due work (expiries, settlements) runs before we answer, as API.md promises.
        await jobs.scheduleRecurring();
        await jobs.runDue();
        return { now: now.toISOString() };
      },
    );
  }
};
