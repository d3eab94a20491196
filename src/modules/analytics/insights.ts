import type { Clock } from '../../platform/clock.js';
import type { Queryable } from '../../platform/db.js';
import * as iq from './insight-queries.js';
import {
  CONVERSION_MIN_OPENINGS,
  type CohortCounts,
  channelRetention,
  cohortTable,
  OUTLIER_FACTOR,
  OUTLIER_MIN_GAP,
  OUTLIER_MIN_ORDERS,
  payback,
} from './insight-rules.js';
import { CHANNELS, type Channel, periodOf, ratio } from './rules.js';

/** What the deeper tables need of other modules, wired in app.ts (no other module's tables are read). */
export interface InsightPorts {
  names: (ids: readonly string[]) => Promise<Map<string, string>>;
  productTitles: (ids: readonly string[]) => Promise<Map<string, string>>;
  couponTitles: (ids: readonly string[]) => Promise<Map<string, string>>;
  campaignTitles: (ids: readonly string[]) => Promise<Map<string, string>>;
  /** A promoter's team shape from the structure module; null when it cannot be drawn. */
  teamShape: (userId: string) => Promise<TeamShape | null>;
}

export interface TeamShape {
  shape: 'tower' | 'umbrella' | 'honeycomb' | 'unclassified';
  size: number;
  depth: number;
  breadth: number;
  clustering: number;
  truncated: boolean;
}

const none = async () => new Map<string, string>();
/** Without other modules (a bench): ids without names, no team shapes. */
export const NO_INSIGHT_PORTS: InsightPorts = {
  names: none,
  productTitles: none,
  couponTitles: none,
  campaignTitles: none,
  teamShape: async () => null,
};

type PeriodQuery = { from?: string; to?: string };

/** Rows each table lists at most. */
export const TOP = 10;
/** Promoters whose team structure is drawn: the first of the payback table. */
export const TEAMS_SHOWN = 5;

const asChannel = (c: string): Channel =>
  (CHANNELS as readonly string[]).includes(c) ? (c as Channel) : 'direct';

export function createInsights(deps: {
  db: Queryable;
  clock: Clock;
  ports: InsightPorts;
  flush: () => Promise<void>;
}) {
  const { db, clock, ports } = deps;

  /** Cohorts by week and channel of the first order; week k retention and the repurchase rate. */
  async function cohorts(query: PeriodQuery) {
    const period = periodOf(query, clock.now());
    const rows = await iq.cohorts(db, period.start, period.end);
    const byKey = new Map<string, CohortCounts & { active: Map<number, number> }>();
    for (const r of rows) {
      const key = `${r.week}|${r.channel}`;
      const c = byKey.get(key) ?? {
        week: r.week,
        channel: asChannel(r.channel),
        size: 0,
        repurchased: 0,
        active: new Map<number, number>(),
      };
      if (Number(r.week_offset) === 0) {
        c.size += Number(r.people);
        c.repurchased += Number(r.repurchased);
      } else c.active.set(Number(r.week_offset), Number(r.people));
      byKey.set(key, c);
    }
    // Observed up to the period's end, never past now.
    const end = new Date(Math.min(period.end.getTime(), clock.now().getTime()));
    const { cohorts: table, tooYoung } = cohortTable([...byKey.values()], end);
    return {
      from: period.from,
      to: period.to,
      cohorts: table,
      byChannel: channelRetention(table, CHANNELS),
      tooYoung,
    };
  }

  /** Promoters by commission: payback, refund outliers, team shapes of the first; top links. */
  async function promoters(query: PeriodQuery) {
    const period = periodOf(query, clock.now());
    const [rows, shop, links] = await Promise.all([
      iq.promoters(db, period.start, period.end),
      iq.shopRefunds(db, period.start, period.end),
      iq.topLinks(db, period.start, period.end, TOP),
    ]);
    const shopRefundRate = shop.orders === 0 ? 0 : shop.refundedOrders / shop.orders;
    const all = rows.map((r) =>
      payback(
        {
          promoterId: r.promoter_id,
          customers: Number(r.customers),
          orders: Number(r.orders),
          sales: Number(r.sales),
          refunded: Number(r.refunded),
          refundedOrders: Number(r.refunded_orders),
          commission: Number(r.commission),
        },
        shopRefundRate,
      ),
    );
    all.sort(
      (a, b) =>
        b.commission - a.commission || b.netSales - a.netSales || (a.promoterId < b.promoterId ? -1 : 1),
    );
    const top = all.slice(0, TOP);
    const outliers = all
      .filter((p) => p.refundsUnusually)
      .sort((a, b) => b.refundRate - a.refundRate)
      .slice(0, TOP);
    const people = [
      ...new Set([...top, ...outliers].map((p) => p.promoterId)),
      ...links.flatMap((l) => l.promoter_id ?? []),
    ];
    const names = await ports.names(people);
    const person = (id: string) => ({ id, name: names.get(id) ?? '' });
    const shaped = [];
    for (const p of top.slice(0, TEAMS_SHOWN))
      shaped.push({
        promoter: person(p.promoterId),
        team: await ports.teamShape(p.promoterId).catch(() => null),
      });
    const present = ({ promoterId, ...p }: (typeof all)[number]) => ({ promoter: person(promoterId), ...p });
    const productIds = links.filter((l) => l.target_type === 'product').map((l) => l.target_id as string);
    const titles = await ports.productTitles(productIds);
    return {
      from: period.from,
      to: period.to,
      marginBasis: 'net_sales' as const,
      shopRefundRate: ratio(shop.refundedOrders, shop.orders),
      outlierRule: { minOrders: OUTLIER_MIN_ORDERS, factor: OUTLIER_FACTOR, minGap: OUTLIER_MIN_GAP },
      promoters: top.map(present),
      refundOutliers: outliers.map(present),
      teams: shaped,
      links: links.map((l) => ({
        code: l.code,
        promoter: l.promoter_id ? person(l.promoter_id) : null,
        target:
          l.target_type && l.target_id
            ? { type: l.target_type, id: l.target_id, title: titles.get(l.target_id) ?? null }
            : null,
        openings: Number(l.openings),
        orders: Number(l.orders),
        sales: Number(l.sales),
        conversion: ratio(Number(l.orders), Number(l.openings)),
      })),
    };
  }

  /** Products by share links made to them, and by conversion of their links' openings into orders. */
  async function products(query: PeriodQuery) {
    const period = periodOf(query, clock.now());
    await deps.flush();
    const rows = (await iq.productShares(db, period.start, period.end)).map((r) => ({
      productId: r.product_id,
      shares: Number(r.shares),
      openings: Number(r.openings),
      orders: Number(r.orders),
      sales: Number(r.sales),
      conversion: ratio(Number(r.orders), Number(r.openings)),
    }));
    const byShares = [...rows]
      .sort((a, b) => b.shares - a.shares || b.openings - a.openings || (a.productId < b.productId ? -1 : 1))
      .slice(0, TOP);
    const byConversion = rows
      .filter((r) => r.openings >= CONVERSION_MIN_OPENINGS)
      .sort(
        (a, b) => b.conversion - a.conversion || b.orders - a.orders || (a.productId < b.productId ? -1 : 1),
      )
      .slice(0, TOP);
    const titles = await ports.productTitles([
      ...new Set([...byShares, ...byConversion].map((r) => r.productId)),
    ]);
    const present = ({ productId, ...r }: (typeof rows)[number]) => ({
      product: { id: productId, title: titles.get(productId) ?? '' },
      ...r,
    });
    return {
      from: period.from,
      to: period.to,
      minOpenings: CONVERSION_MIN_OPENINGS,
      byShares: byShares.map(present),
      byConversion: byConversion.map(present),
    };
  }

  /** Coupons and group buys: what they cost against the sales of the orders that used them. */
  async function incentives(query: PeriodQuery) {
    const period = periodOf(query, clock.now());
    await deps.flush();
    const [coupons, groups] = await Promise.all([
      iq.couponPerformance(db, period.start, period.end),
      iq.groupBuyPerformance(db, period.start, period.end),
    ]);
    const [couponTitles, campaignTitles] = await Promise.all([
      ports.couponTitles(coupons.map((c) => c.id)),
      ports.campaignTitles(groups.map((g) => g.id)),
    ]);
    const figures = (r: iq.IncentiveRow) => {
      const cost = Number(r.cost) + Number(r.commission);
      return {
        orders: Number(r.orders),
        sales: Number(r.sales),
        cost,
        costShare: ratio(cost, Number(r.sales)),
      };
    };
    return {
      from: period.from,
      to: period.to,
      coupons: coupons.slice(0, TOP * 2).map((c) => ({
        template: { id: c.id, title: couponTitles.get(c.id) ?? '' },
        unlocked: Number(c.unlocked),
        ...figures(c),
      })),
      groupBuys: groups.slice(0, TOP * 2).map((g) => ({
        campaign: { id: g.id, title: campaignTitles.get(g.id) ?? '' },
        groupsOpened: Number(g.unlocked),
        couponCost: Number(g.cost),
        commission: Number(g.commission),
        ...figures(g),
      })),
    };
  }

  return { cohorts, promoters, products, incentives };
}
