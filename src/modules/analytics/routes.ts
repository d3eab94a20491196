import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { csvDocument } from '../../platform/csv.js';
import { adminOnly } from '../../platform/http/auth.js';
import { sendCsv } from '../../platform/http/csv-reply.js';
import { insightRoutes } from './insight-routes.js';
import { PERIOD_TEXT, PROBLEMS, tags } from './route-texts.js';
import { CHANNELS } from './rules.js';
import { DailySchema, FissionSchema, FunnelSchema, OverviewSchema, PeriodQuery } from './schemas.js';
import type { AnalyticsService } from './service.js';

/** The operator's dashboard: sales, the fission funnel and the daily series, with CSV exports. */
export const analyticsRoutes: FastifyPluginAsyncTypebox<{ analytics: AnalyticsService }> = async (
  app,
  { analytics },
) => {
  app.get(
    '/api/admin/analytics/overview',
    {
      onRequest: adminOnly,
      schema: {
        tags,
        summary: 'Sales and sharing in a period',
        description:
          '`gmv`: orders paid in the period less their refunds; `shared*`: those attributed to a promoter (a level-1 ' +
          'commission); `shareLinks`/`shareClicks`: links made and opened (counted by a job, at most a minute behind); ' +
          '`commissionsEarned`: commissions earned, shrunk by their orders’ refunds; `kFactor`: new buyers brought by ' +
          `buyers’ shares and invitations ÷ buyers who shared or invited. ${PERIOD_TEXT}`,
        querystring: PeriodQuery,
        response: { 200: OverviewSchema, ...PROBLEMS },
      },
    },
    async (request) => analytics.overview(request.query),
  );

  app.get(
    '/api/admin/analytics/funnel',
    {
      onRequest: adminOnly,
      schema: {
        tags,
        summary: 'The fission funnel',
        description:
          'Steps `visit` (devices that opened a share link, by the cookie the redirect sets), `signup` (of them, ' +
          'from which someone signed up after opening), `first_order` and `repeat_order` (whose person paid one, ' +
          `then two orders by the end): each a subset of the one before. ${PERIOD_TEXT}`,
        querystring: PeriodQuery,
        response: { 200: FunnelSchema, ...PROBLEMS },
      },
    },
    async (request) => analytics.funnel(request.query),
  );

  app.get(
    '/api/admin/analytics/daily',
    {
      onRequest: adminOnly,
      schema: {
        tags,
        summary: 'Sales, refunds and sharing by day and channel',
        description:
          'Every day of the period (quiet days as zeros): GMV, orders, buyers, new buyers, average order value, ' +
          'refunds made that day, links made and opened, sign-ups, and GMV and orders by channel (`direct`, `share`, ' +
          `\`store\`, \`group\`, \`post\`, \`live\`, \`community\`). ${PERIOD_TEXT}`,
        querystring: PeriodQuery,
        response: { 200: DailySchema, ...PROBLEMS },
      },
    },
    async (request) => analytics.daily(request.query),
  );

  app.get(
    '/api/admin/analytics/fission',
    {
      onRequest: adminOnly,
      schema: {
        tags,
        summary: 'K-factor and cycle time per week, and the funnel by generation',
        description:
          'Per ISO week of the period (the first and last clipped to it): referrers, new buyers they brought, ' +
          '`kFactor` (as in the overview) and `cycleDays` (average days from a referrer’s first paid order to the first ' +
          'paid order of a buyer they brought; null without any). By generation of the invitation tree (0: invited by ' +
          'nobody): of those who signed up in the period, who paid a first and a second order. ' +
          PERIOD_TEXT,
        querystring: PeriodQuery,
        response: { 200: FissionSchema, ...PROBLEMS },
      },
    },
    async (request) => analytics.fission(request.query),
  );

  app.get(
    '/api/admin/analytics/fission.csv',
    {
      onRequest: adminOnly,
      schema: {
        tags,
        summary: 'Export the weekly K-factor and the generations as CSV',
        description: `The two tables of \`GET /api/admin/analytics/fission\`, one after the other. ${PERIOD_TEXT}`,
        querystring: PeriodQuery,
        response: { 200: Type.String({ description: 'text/csv' }), ...PROBLEMS },
      },
    },
    async (request, reply) => {
      const { from, to, weeks, generations } = await analytics.fission(request.query);
      const rows = [
        ...weeks.map((w) => ['week', w.week, w.referrers, w.brought, w.kFactor, w.cycleDays]),
        ...generations.map((g) => ['generation', g.generation, g.signup, g.firstOrder, g.repeatOrder, null]),
      ];
      const header = [
        'table',
        'week_or_generation',
        'referrers_or_signups',
        'brought_or_first_orders',
        'k_factor_or_repeat_orders',
        'cycle_days',
      ];
      return sendCsv(reply, `analytics-fission-${from}-${to}.csv`, csvDocument(header, rows));
    },
  );

  app.get(
    '/api/admin/analytics/daily.csv',
    {
      onRequest: adminOnly,
      schema: {
        tags,
        summary: 'Export the daily table as CSV',
        description: `The rows of \`GET /api/admin/analytics/daily\`, money in minor units, one column per channel. ${PERIOD_TEXT}`,
        querystring: PeriodQuery,
        response: { 200: Type.String({ description: 'text/csv' }), ...PROBLEMS },
      },
    },
    async (request, reply) => {
      const { from, to, days } = await analytics.daily(request.query);
      const header = [
        'day',
        'gmv',
        'orders',
        'buyers',
        'new_buyers',
        'average_order_value',
        'refunds',
        'share_links',
        'share_clicks',
        'signups',
        ...CHANNELS.flatMap((c) => [`${c}_gmv`, `${c}_orders`]),
      ];
      const rows = days.map((d) => [
        d.day,
        d.gmv,
        d.orders,
        d.buyers,
        d.newBuyers,
        d.averageOrderValue,
        d.refunds,
        d.shareLinks,
        d.shareClicks,
        d.signups,
        ...d.byChannel.flatMap((c) => [c.gmv, c.orders]),
      ]);
      return sendCsv(reply, `analytics-daily-${from}-${to}.csv`, csvDocument(header, rows));
    },
  );

  app.get(
    '/api/admin/analytics/funnel.csv',
    {
      onRequest: adminOnly,
      schema: {
        tags,
        summary: 'Export the funnel as CSV',
        description: `The steps of \`GET /api/admin/analytics/funnel\`. ${PERIOD_TEXT}`,
        querystring: PeriodQuery,
        response: { 200: Type.String({ description: 'text/csv' }), ...PROBLEMS },
      },
    },
    async (request, reply) => {
      const { from, to, steps } = await analytics.funnel(request.query);
      const rows = steps.map((s) => [s.step, s.count]);
      return sendCsv(reply, `analytics-funnel-${from}-${to}.csv`, csvDocument(['step', 'count'], rows));
    },
  );

  await app.register(insightRoutes, { analytics });
};
