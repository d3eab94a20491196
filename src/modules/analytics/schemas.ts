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
