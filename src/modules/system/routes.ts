import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Config } from '../../config.js';
import type { AdjustableClock } from '../../platform/clock.js';
import type { Database } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import type { JobRunner } from '../../platform/jobs.js';

export interface SystemRouteOptions {
  config: Config;
  db: Database;
  jobs: JobRunner;
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
  paymentTimeoutMinutes: Type.Integer(),
  timeZone: Type.String(),
  sandboxPayments: Type.Boolean(),
  /** What the web app needs for Stripe's card form; null when Stripe is off or has no publishable key. */
  stripe: Type.Union([Type.Object({ publishableKey: Type.String() }), Type.Null()]),
});

export const systemRoutes: FastifyPluginAsyncTypebox<SystemRouteOptions> = async (app, opts) => {
  const { config, db, jobs, testClock, distributionRules } = opts;

  app.get(
    '/health',
    { schema: { tags: ['system'], response: { 200: Type.Object({ status: Type.Literal('ok') }) } } },
    async () => {
      try {
        await db.query('SELECT 1');
      } catch {
        throw new AppError('unavailable', 'The database does not answer');
      }
      return { status: 'ok' as const };
    },
  );

  app.get('/api/config', { schema: { tags: ['system'], response: { 200: PublicConfig } } }, async () => {
    const rules = await distributionRules();
    return {
      currency: config.currency,
      distribution: { maxLevels: rules.maxLevels, rates: rules.ratesBps },
      returnWindowDays: config.returnWindowDays,
      autoConfirmDays: config.autoConfirmDays,
      paymentTimeoutMinutes: config.paymentTimeoutMinutes,
      timeZone: config.timeZone,
      sandboxPayments: config.sandboxPayments,
      stripe: config.stripe?.publishableKey ? { publishableKey: config.stripe.publishableKey } : null,
    };
  });

  if (testClock) {
    app.post(
      '/api/test/clock',
      {
        schema: {
          tags: ['testing'],
          body: Type.Object(
            { advanceMs: Type.Integer({ minimum: 0, maximum: 10 * 365 * 86_400_000 }) },
            { additionalProperties: false },
          ),
          response: { 200: Type.Object({ now: Type.String() }) },
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
