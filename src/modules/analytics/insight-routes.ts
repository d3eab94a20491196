import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { csvDocument } from '../../platform/csv.js';
import { adminOnly } from '../../platform/http/auth.js';
import { sendCsv } from '../../platform/http/csv-reply.js';
import { PERIOD_TEXT, PROBLEMS, tags } from './route-texts.js';
import { CohortsSchema, IncentivesSchema, PeriodQuery, ProductsSchema, PromotersSchema } from './schemas.js';
import type { AnalyticsService } from './service.js';

const CSV = { 200: Type.String({ description: 'text/csv' }), ...PROBLEMS };

/** The dashboard's deeper tables: cohorts, promoter payback, products, coupons and group buys; CSV of each. */
export const insightRoutes: FastifyPluginAsyncTypebox<{ analytics: AnalyticsService }> = async (
  app,
  { analytics },
) => {
  const json = (path: string, summary: string, description: string, response: object) => ({
    path,
    summary,
    description: `${description} ${PERIOD_TEXT}`,
    response,
  });
  const routes = [
    json(
      '/api/admin/analytics/cohorts',
      'Cohort retention and repurchase rate by acquisition channel',
      'Cohorts: people by the ISO week (Monday, UTC) of their first paid order in the period and that order’s ' +
        'channel. **Active in week k**: paid any order in the k-th week after that week. `retention` lists only the ' +
        'weeks over by the period’s end (at most 12); cohorts whose first following week is not over are left out ' +
        '(`tooYoung` counts their people). `repurchaseRate`: who paid a second order by the end. `byChannel`: the ' +
        'cohorts of a channel added up, week k over the cohorts old enough to have it (`measured`).',
      CohortsSchema,
    ),
    json(
      '/api/admin/analytics/promoters',
      'Promoter payback, refund outliers, team structure and top share links',
      'Per promoter, the orders paid in the period they earned a commission on (any level): buyers, sales, refunds, ' +
        'and the commission (shrunk by refunds). The catalog keeps no cost price, so the margin is the net sales ' +
        '(`marginBasis: "net_sales"`): `payback` = net sales ÷ commission, `commissionShare` its inverse. ' +
        '`refundsUnusually`: at least `outlierRule.minOrders` orders and a refund rate (orders with any refund) at ' +
        'least `factor` × the shop’s and `minGap` above it. `teams`: the team shape (tower / umbrella / honeycomb, from ' +
        'the structure module) of the first five promoters. `links`: share links by net sales through them.',
      PromotersSchema,
    ),
    json(
      '/api/admin/analytics/products',
      'Top products by shares and by conversion',
      'Per product: share links made to it, openings of its links, and orders paid through them (net sales). ' +
        '`conversion` = orders ÷ openings; `byConversion` lists only products with at least `minOpenings` openings.',
      ProductsSchema,
    ),
    json(
      '/api/admin/analytics/incentives',
      'Coupon and group-buy performance: cost against sales',
      'Coupons per template: given out in the period (`unlocked`), orders paid with one, their net sales, and the ' +
        'discount of those not refunded in full (`cost`). Group buys per campaign: groups opened, orders paid in its ' +
        'groups, net sales, and their cost: coupon discounts plus commissions (the price cut is the campaign’s own ' +
        'price, not measured here). `costShare` = cost ÷ sales.',
      IncentivesSchema,
    ),
  ] as const;
  const handlers = [analytics.cohorts, analytics.promoters, analytics.products, analytics.incentives];
  routes.forEach((r, i) => {
    const handler = handlers[i] as (q: { from?: string; to?: string }) => Promise<unknown>;
    app.get(
      r.path,
      {
        onRequest: adminOnly,
        schema: {
          tags,
          summary: r.summary,
          description: r.description,
          querystring: PeriodQuery,
          response: { 200: r.response, ...PROBLEMS },
        },
      },
      async (request) => handler(request.query),
    );
  });

  const csv = (
    path: string,
    summary: string,
    name: string,
    table: (q: {
      from?: string;
      to?: string;
    }) => Promise<{ from: string; to: string; header: string[]; rows: (string | number | null)[][] }>,
  ) =>
    app.get(
      path,
      {
        onRequest: adminOnly,
        schema: {
          tags,
          summary,
          description: `As the JSON route, one row per line. ${PERIOD_TEXT}`,
          querystring: PeriodQuery,
          response: CSV,
        },
      },
      async (request, reply) => {
        const t = await table(request.query);
        return sendCsv(reply, `analytics-${name}-${t.from}-${t.to}.csv`, csvDocument(t.header, t.rows));
      },
    );

  csv('/api/admin/analytics/cohorts.csv', 'Export the cohorts as CSV', 'cohorts', async (q) => {
    const r = await analytics.cohorts(q);
    const weeks = r.cohorts.reduce((n, c) => Math.max(n, c.retention.length), 0);
    return {
      ...r,
      header: [
        'week',
        'channel',
        'size',
        'repurchased',
        'repurchase_rate',
        ...Array.from({ length: weeks }, (_, k) => `week_${k + 1}_active`),
      ],
      rows: r.cohorts.map((c) => [
        c.week,
        c.channel,
        c.size,
        c.repurchased,
        c.repurchaseRate,
        ...c.retention.map((w) => w.active),
      ]),
    };
  });
  csv(
    '/api/admin/analytics/promoters.csv',
    'Export promoter payback and top links as CSV',
    'promoters',
    async (q) => {
      const r = await analytics.promoters(q);
      const promoterRows = (table: string, list: typeof r.promoters) =>
        list.map((p) => [
          table,
          p.promoter.id,
          p.promoter.name,
          p.customers,
          p.orders,
          p.netSales,
          p.commission,
          p.payback,
          p.refundRate,
          p.refundsUnusually ? 1 : 0,
        ]);
      return {
        ...r,
        header: [
          'table',
          'id',
          'name',
          'customers',
          'orders',
          'net_sales',
          'commission_or_openings',
          'payback_or_conversion',
          'refund_rate',
          'refunds_unusually',
        ],
        rows: [
          ...promoterRows('promoter', r.promoters),
          ...promoterRows('refund_outlier', r.refundOutliers),
          ...r.links.map((l) => [
            'link',
            l.code,
            l.promoter?.name ?? '',
            null,
            l.orders,
            l.sales,
            l.openings,
            l.conversion,
            null,
            null,
          ]),
        ],
      };
    },
  );
  csv('/api/admin/analytics/products.csv', 'Export the top products as CSV', 'products', async (q) => {
    const r = await analytics.products(q);
    const rows = (table: string, list: typeof r.byShares) =>
      list.map((p) => [
        table,
        p.product.id,
        p.product.title,
        p.shares,
        p.openings,
        p.orders,
        p.sales,
        p.conversion,
      ]);
    return {
      ...r,
      header: ['table', 'product_id', 'title', 'shares', 'openings', 'orders', 'sales', 'conversion'],
      rows: [...rows('by_shares', r.byShares), ...rows('by_conversion', r.byConversion)],
    };
  });
  csv(
    '/api/admin/analytics/incentives.csv',
    'Export coupon and group-buy performance as CSV',
    'incentives',
    async (q) => {
      const r = await analytics.incentives(q);
      return {
        ...r,
        header: ['table', 'id', 'title', 'unlocked_or_groups', 'orders', 'sales', 'cost', 'cost_share'],
        rows: [
          ...r.coupons.map((c) => [
            'coupon',
            c.template.id,
            c.template.title,
            c.unlocked,
            c.orders,
            c.sales,
            c.cost,
            c.costShare,
          ]),
          ...r.groupBuys.map((g) => [
            'group_buy',
            g.campaign.id,
            g.campaign.title,
            g.groupsOpened,
            g.orders,
            g.sales,
            g.cost,
            g.costShare,
          ]),
        ],
      };
    },
  );
};
