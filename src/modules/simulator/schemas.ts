import { type Static, Type } from 'typebox';
import { Nullable } from '../../platform/http/schemas.js';
import { PolicyProfileNameSchema } from '../../platform/policy.js';

const Bps = Type.Integer({ minimum: 0, maximum: 10_000, description: 'basis points (10000 = 100 %)' });
const Money = Type.Integer({ minimum: 0, maximum: 100_000_000, description: 'minor units' });

export const SchemeSchema = Type.Object(
  {
    name: Type.Optional(Type.String({ maxLength: 40 })),
    commissionBps: Type.Array(Bps, {
      maxItems: 3,
      description: 'commission per level, level 1 first, in bps of what the buyer paid; [] for none',
    }),
    groupBuy: Nullable(
      Type.Object(
        {
          size: Type.Integer({ minimum: 2, maximum: 10 }),
          discountBps: Bps,
        },
        { additionalProperties: false },
      ),
    ),
    invitationReward: Type.Integer({
      minimum: 0,
      maximum: 10_000_000,
      description: 'paid to the inviter, in minor units, when the invited person pays a first order',
    }),
    coupon: Nullable(
      Type.Object(
        { amountOff: Money, minSpend: Money },
        { additionalProperties: false, description: 'a new customer’s coupon on the first order' },
      ),
    ),
    policyProfile: PolicyProfileNameSchema,
  },
  { additionalProperties: false },
);

const SharedRates = {
  seedCustomers: Type.Integer({
    minimum: 1,
    maximum: 1_000_000,
    description: 'customers at week 0, who share first (at most half the people)',
  }),
  shareRate: Type.Integer({
    minimum: 0,
    maximum: 10_000,
    description: 'bps: chance that a new customer shares in the week after buying, with no incentive',
  }),
  visitRate: Type.Integer({
    minimum: 0,
    maximum: 10_000,
    description: 'bps: chance that a friend who receives a share opens it',
  }),
  orderRate: Type.Integer({
    minimum: 0,
    maximum: 10_000,
    description: 'bps: chance that a visitor places a first order, with no discount',
  }),
  repeatRate: Type.Integer({
    minimum: 0,
    maximum: 10_000,
    description: 'bps: chance that a customer orders again in a given week',
  }),
  averageOrderValue: Type.Integer({ minimum: 1, maximum: 100_000_000, description: 'minor units' }),
  marginBps: Type.Integer({
    minimum: 0,
    maximum: 10_000,
    description: 'gross margin on the list price before any incentive',
  }),
};

export const SyntheticPopulationSchema = Type.Object(
  {
    kind: Type.Literal('synthetic'),
    people: Type.Integer({ minimum: 10, maximum: 2_000_000 }),
    degree: Type.Union([Type.Literal('power-law'), Type.Literal('poisson')], {
      description:
        '`power-law`: preferential attachment (Barabási–Albert, each newcomer befriends ⌈meanDegree/2⌉ people chosen in proportion to their friends); `poisson`: uniformly random friendships (Erdős–Rényi)',
    }),
    meanDegree: Type.Integer({ minimum: 1, maximum: 50 }),
    ...SharedRates,
  },
  { additionalProperties: false },
);

/** A shared rate, optional: the operator's override of what the shop's data says. */
const optional = (key: keyof typeof SharedRates, what: string) => {
  const { minimum, maximum, description } = SharedRates[key] as unknown as {
    minimum: number;
    maximum: number;
    description: string;
  };
  return Type.Optional(Type.Integer({ minimum, maximum, description: `${description}; ${what}` }));
};

export const DEFAULT_MARGIN_BPS = 3_000;

/**
 * The shop itself: its people and who knows whom (invitations, distribution bindings, follows,
 * communities), its buyers as week-0 customers, and rates measured from its last
 * SHOP_WINDOW_DAYS days. A rate given here overrides the measured one; margin is not in the data.
 */
export const ShopPopulationSchema = Type.Object(
  {
    kind: Type.Literal('shop'),
    shareRate: optional('shareRate', 'overrides the measured rate'),
    visitRate: optional('visitRate', 'overrides the measured rate'),
    orderRate: optional('orderRate', 'overrides the measured rate'),
    repeatRate: optional('repeatRate', 'overrides the measured rate'),
    averageOrderValue: optional('averageOrderValue', 'overrides the measured value'),
    marginBps: optional('marginBps', `not in the data: default ${DEFAULT_MARGIN_BPS}`),
  },
  { additionalProperties: false },
);

export const PopulationSchema = Type.Union([SyntheticPopulationSchema, ShopPopulationSchema]);

export const RATE_KEYS = [
  'shareRate',
  'visitRate',
  'orderRate',
  'repeatRate',
  'averageOrderValue',
  'marginBps',
] as const;
export type RateKey = (typeof RATE_KEYS)[number];

const SourcedRate = Type.Object({
  value: Type.Integer(),
  source: Type.Union([Type.Literal('measured'), Type.Literal('default'), Type.Literal('override')], {
    description:
      '`measured` from the window, `default` when the data cannot tell, or the operator’s `override`',
  }),
  numerator: Type.Optional(Type.Number({ description: 'what was counted above the line' })),
  denominator: Type.Optional(Type.Number({ description: 'and below it (0: not measurable)' })),
});

export const ShopPopulationPreview = Type.Object({
  people: Type.Integer({ description: 'accounts' }),
  friendships: Type.Integer({
    description: 'distinct pairs of accounts linked by an invitation, a binding, a follow or a community',
  }),
  seedCustomers: Type.Integer({ description: 'accounts who have paid an order: the week-0 customers' }),
  window: Type.Object({ from: Type.String(), to: Type.String(), days: Type.Integer() }),
  rates: Type.Object(
    Object.fromEntries(RATE_KEYS.map((k) => [k, SourcedRate])) as Record<RateKey, typeof SourcedRate>,
  ),
});

export const SimulationBody = Type.Object(
  {
    scheme: SchemeSchema,
    population: PopulationSchema,
    weeks: Type.Integer({ minimum: 1, maximum: 52 }),
    runs: Type.Integer({ minimum: 1, maximum: 1000 }),
    seed: Type.Integer({ minimum: -2_147_483_648, maximum: 2_147_483_647 }),
    payoutShareLimitBps: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 10_000,
        description: 'warn when payout passes this share of the gross margin (default 5000)',
      }),
    ),
  },
  { additionalProperties: false },
);

const Spread = Type.Object({
  mean: Type.Number(),
  p10: Type.Number(),
  p90: Type.Number(),
});

const WeekSchema = Type.Object({
  week: Type.Integer({ minimum: 1 }),
  gmv: Spread,
  orders: Spread,
  newCustomers: Spread,
  payout: Spread,
  marginAfterPayout: Spread,
  commissions: Type.Number({ description: 'mean, minor units' }),
  rewards: Type.Number({ description: 'mean, minor units' }),
  couponCost: Type.Number({ description: 'mean, minor units' }),
  groupDiscounts: Type.Number({ description: 'mean, minor units' }),
});

export const WARNING_CODES = [
  'payout_over_margin_share',
  'levels_beyond_policy',
  'payout_over_policy_cap',
  'policy_forbids',
] as const;

const WarningSchema = Type.Object({
  code: Type.Union([
    Type.Literal('payout_over_margin_share'),
    Type.Literal('levels_beyond_policy'),
    Type.Literal('payout_over_policy_cap'),
    Type.Literal('policy_forbids'),
  ]),
  rule: Type.Optional(Type.String({ description: 'the policy rule concerned' })),
  limit: Type.Optional(Type.Number()),
  value: Type.Optional(Type.Number()),
});

export const ResultSchema = Type.Object({
  weeks: Type.Array(WeekSchema),
  totals: Type.Object({
    gmv: Spread,
    orders: Spread,
    newCustomers: Spread,
    payout: Spread,
    marginAfterPayout: Spread,
    grossMargin: Type.Number({ description: 'mean, minor units' }),
  }),
  warnings: Type.Array(WarningSchema),
  shop: Type.Optional(ShopPopulationPreview),
  model: Type.Object({
    people: Type.Integer(),
    friendships: Type.Integer(),
    shareProbability: Type.Number({ description: 'a new customer’s chance to share, incentives included' }),
    conversionProbability: Type.Number({
      description: 'a reached friend’s chance to order, discounts included',
    }),
  }),
});

export const SIMULATION_STATUSES = ['running', 'done', 'failed'] as const;

export const SimulationSchema = Type.Object({
  id: Type.String(),
  status: Type.Union([Type.Literal('running'), Type.Literal('done'), Type.Literal('failed')]),
  progress: Type.Number({ minimum: 0, maximum: 1 }),
  result: Nullable(ResultSchema),
  failure: Nullable(
    Type.String({ description: '`cancelled`, `lost` (its process stopped) or `error`; null unless failed' }),
  ),
  scheme: SchemeSchema,
  population: PopulationSchema,
  weeks: Type.Integer(),
  runs: Type.Integer(),
  seed: Type.Integer(),
  createdAt: Type.String(),
  finishedAt: Nullable(Type.String()),
});

export const SimulationSummary = Type.Omit(SimulationSchema, ['result']);
export const SimulationPage = Type.Object({
  items: Type.Array(SimulationSummary),
  nextCursor: Nullable(Type.String()),
});
export const CreatedSimulation = Type.Object({ id: Type.String() });

export type Scheme = Static<typeof SchemeSchema>;
export type Population = Static<typeof PopulationSchema>;
export type SyntheticPopulation = Static<typeof SyntheticPopulationSchema>;
export type ShopPopulation = Static<typeof ShopPopulationSchema>;
export type ShopPreview = Static<typeof ShopPopulationPreview>;
/** What the cascade needs to know about people's behaviour and the orders, whichever population. */
export type Rates = Pick<SyntheticPopulation, RateKey>;
export type SimulationInput = Static<typeof SimulationBody>;
export type SimulationResult = Static<typeof ResultSchema>;
export type SimulationWarning = Static<typeof WarningSchema>;
export type Simulation = Static<typeof SimulationSchema>;
export type SimulationStatus = (typeof SIMULATION_STATUSES)[number];
