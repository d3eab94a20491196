import { Type } from 'typebox';
import { CHANNELS, FUNNEL_STEPS } from './rules.js';

const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'A UTC date, YYYY-MM-DD' });
const Count = Type.Integer({ minimum: 0 });
const Money = Type.Integer({ description: 'Minor units' });

export const PeriodQuery = Type.Object(
  {
    from: Type.Optional(Type.String({ ...Day, description: 'First day (UTC), YYYY-MM-DD' })),
    to: Type.Optional(
      Type.String({ ...Day, description: 'Last day (UTC, inclusive), YYYY-MM-DD; default today' }),
    ),
  },
  { additionalProperties: false },
);

export const OverviewSchema = Type.Object({
  from: Day,
  to: Day,
  gmv: Money,
  orders: Count,
  buyers: Count,
  newBuyers: Count,
  sharedGmv: Money,
  sharedOrders: Count,
  shareLinks: Count,
  shareClicks: Count,
  commissionsEarned: Money,
  kFactor: Type.Number({ minimum: 0 }),
  averageOrderValue: Money,
});

export const FunnelSchema = Type.Object({
  from: Day,
  to: Day,
  steps: Type.Array(Type.Object({ step: Type.Enum(FUNNEL_STEPS), count: Count })),
});

export const Channel = Type.Enum(CHANNELS);

export const DailySchema = Type.Object({
  from: Day,
  to: Day,
  days: Type.Array(
    Type.Object({
      day: Day,
      gmv: Money,
      orders: Count,
      buyers: Count,
      newBuyers: Count,
      averageOrderValue: Money,
      refunds: Money,
      shareLinks: Count,
      shareClicks: Count,
      signups: Count,
      byChannel: Type.Array(Type.Object({ channel: Channel, gmv: Money, orders: Count })),
    }),
  ),
});

export const FissionSchema = Type.Object({
  from: Day,
  to: Day,
  weeks: Type.Array(
    Type.Object({
      week: Type.String({
        ...Day,
        description: 'The week’s first day in the period (a Monday but for the first)',
      }),
      referrers: Count,
      brought: Count,
      kFactor: Type.Number({ minimum: 0 }),
      cycleDays: Type.Union([Type.Number({ minimum: 0 }), Type.Null()]),
    }),
  ),
  generations: Type.Array(
    Type.Object({ generation: Count, signup: Count, firstOrder: Count, repeatOrder: Count }),
  ),
});

const Rate = Type.Number({ minimum: 0, description: 'A ratio, 4 decimals' });
const Named = Type.Object({ id: Type.String(), name: Type.String() });

export const CohortsSchema = Type.Object({
  from: Day,
  to: Day,
  cohorts: Type.Array(
    Type.Object({
      week: Type.String({ ...Day, description: 'The Monday of the week of the first paid order' }),
      channel: Channel,
      size: Count,
      repurchased: Count,
      repurchaseRate: Rate,
      retention: Type.Array(Type.Object({ week: Count, active: Count, rate: Rate }), {
        description: 'Weeks after the first one that are over by the end of the period',
      }),
    }),
  ),
  byChannel: Type.Array(
    Type.Object({
      channel: Channel,
      customers: Count,
      repurchased: Count,
      repurchaseRate: Rate,
      retention: Type.Array(Type.Object({ week: Count, measured: Count, active: Count, rate: Rate })),
    }),
  ),
  tooYoung: Type.Integer({ minimum: 0, description: 'First-time buyers of cohorts too young to measure' }),
});

const PromoterFigures = {
  promoter: Named,
  customers: Count,
  orders: Count,
  sales: Money,
  refunded: Money,
  refundedOrders: Count,
  commission: Money,
  netSales: Money,
  payback: Rate,
  commissionShare: Rate,
  refundRate: Rate,
  refundsUnusually: Type.Boolean(),
};

export const PromotersSchema = Type.Object({
  from: Day,
  to: Day,
  marginBasis: Type.Literal('net_sales'),
  shopRefundRate: Rate,
  outlierRule: Type.Object({ minOrders: Count, factor: Type.Number(), minGap: Type.Number() }),
  promoters: Type.Array(Type.Object(PromoterFigures)),
  refundOutliers: Type.Array(Type.Object(PromoterFigures)),
  teams: Type.Array(
    Type.Object({
      promoter: Named,
      team: Type.Union([
        Type.Object({
          shape: Type.Enum(['tower', 'umbrella', 'honeycomb', 'unclassified']),
          size: Count,
          depth: Count,
          breadth: Count,
          clustering: Type.Number(),
          truncated: Type.Boolean(),
        }),
        Type.Null(),
      ]),
    }),
  ),
  links: Type.Array(
    Type.Object({
      code: Type.String(),
      promoter: Type.Union([Named, Type.Null()]),
      target: Type.Union([
        Type.Object({
          type: Type.String(),
          id: Type.String(),
          title: Type.Union([Type.String(), Type.Null()]),
        }),
        Type.Null(),
      ]),
      openings: Count,
      orders: Count,
      sales: Money,
      conversion: Rate,
    }),
  ),
});

const ProductFigures = Type.Object({
  product: Type.Object({ id: Type.String(), title: Type.String() }),
  shares: Count,
  openings: Count,
  orders: Count,
  sales: Money,
  conversion: Rate,
});

export const ProductsSchema = Type.Object({
  from: Day,
  to: Day,
  minOpenings: Count,
  byShares: Type.Array(ProductFigures),
  byConversion: Type.Array(ProductFigures),
});

const Costed = { orders: Count, sales: Money, cost: Money, costShare: Rate };

export const IncentivesSchema = Type.Object({
  from: Day,
  to: Day,
  coupons: Type.Array(
    Type.Object({
      template: Type.Object({ id: Type.String(), title: Type.String() }),
      unlocked: Count,
      ...Costed,
    }),
  ),
  groupBuys: Type.Array(
    Type.Object({
      campaign: Type.Object({ id: Type.String(), title: Type.String() }),
      groupsOpened: Count,
      couponCost: Money,
      commission: Money,
      ...Costed,
    }),
  ),
});
