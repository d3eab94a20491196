import { type Static, Type } from 'typebox';
import { NonBlankText, Nullable } from '../../platform/http/schemas.js';
import { MAX_PRIZE_RANK, MAX_PRIZES, METRICS } from './rules.js';

export const Id = Type.String({ minLength: 1, maxLength: 64 });
const Instant = Type.String({ format: 'date-time' });
const Rank = Type.Integer({ minimum: 1, maximum: MAX_PRIZE_RANK });
const ranks = { fromRank: Rank, toRank: Rank };

export const MetricSchema = Type.Enum(METRICS, {
  description:
    '`settled_sales`: minor units of sales behind the person’s level-1 commissions that settled in the period; ' +
    '`new_customers`: distinct buyers whose first paid order earned them a level-1 commission; ' +
    '`team_growth`: invited friends whose first order was paid.',
});

/** A prize for a range of ranks: points, a coupon from a template, or a bonus into the wallet. */
export const PrizeSchema = Type.Union([
  Type.Object(
    { ...ranks, kind: Type.Literal('points'), points: Type.Integer({ minimum: 1, maximum: 1_000_000 }) },
    { additionalProperties: false },
  ),
  Type.Object(
    { ...ranks, kind: Type.Literal('coupon'), couponTemplateId: Id },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      ...ranks,
      kind: Type.Literal('commission_bonus'),
      amount: Type.Integer({ minimum: 1, maximum: 100_000_000, description: 'minor units' }),
    },
    { additionalProperties: false },
  ),
]);

export const CompetitionBody = Type.Object(
  {
    title: NonBlankText(120),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    metric: MetricSchema,
    startsAt: Instant,
    endsAt: Instant,
    prizes: Type.Array(PrizeSchema, { maxItems: MAX_PRIZES }),
  },
  { additionalProperties: false },
);

export const PhaseSchema = Type.Enum(['upcoming', 'running', 'ended', 'cancelled']);

export const CompetitionSchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  description: Type.String(),
  metric: MetricSchema,
  startsAt: Instant,
  endsAt: Instant,
  phase: PhaseSchema,
  prizes: Type.Array(PrizeSchema),
  /** When prizes were paid; null before. */
  awardedAt: Nullable(Instant),
});

export const CompetitionPage = Type.Object({
  items: Type.Array(CompetitionSchema),
  nextCursor: Nullable(Type.String()),
});

export const LeaderboardEntry = Type.Object({
  rank: Type.Integer(),
  /** In full for the viewer’s own entry, masked ("Chen J.") for everyone else’s. */
  name: Type.String(),
  initial: Type.String(),
  score: Type.Integer(),
  isMe: Type.Boolean(),
  prize: Nullable(PrizeSchema),
});

export const MyStanding = Type.Object({
  /** Where the person stands among listed people (also when they are not listed themselves); null without a score. */
  rank: Nullable(Type.Integer()),
  score: Type.Integer(),
  listed: Type.Boolean(),
  /** The prize their rank wins (won, once the competition ended); none while not listed. */
  prize: Nullable(PrizeSchema),
});

export const CompetitionDetail = Type.Object({
  ...CompetitionSchema.properties,
  /** People on the leaderboard (listed, with a score). */
  participants: Type.Integer(),
  leaderboard: Type.Array(LeaderboardEntry),
  me: Nullable(MyStanding),
});

export const DetailQuery = Type.Object(
  { top: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })) },
  { additionalProperties: false },
);

export const ListStatus = Type.Optional(Type.Enum(['upcoming', 'running', 'ended']));

export const AdminCompetition = Type.Object({
  ...CompetitionSchema.properties,
  status: Type.Enum(['scheduled', 'cancelled', 'awarded']),
  participants: Type.Integer(),
  createdAt: Instant,
  updatedAt: Instant,
});

export const AdminCompetitionPage = Type.Object({
  items: Type.Array(AdminCompetition),
  nextCursor: Nullable(Type.String()),
});

export const AdminResult = Type.Object({
  /** Rank among listed people; null for someone who is not listed (they win nothing). */
  rank: Nullable(Type.Integer()),
  user: Type.Object({ id: Type.String(), name: Type.String() }),
  score: Type.Integer(),
  listed: Type.Boolean(),
  reachedAt: Instant,
});

export const AdminAward = Type.Object({
  rank: Type.Integer(),
  user: Type.Object({ id: Type.String(), name: Type.String() }),
  prize: PrizeSchema,
  /** The coupon given for a coupon prize; null when its template could give none (disabled, used up). */
  userCouponId: Nullable(Type.String()),
  awardedAt: Instant,
});

export const AdminCompetitionDetail = Type.Object({
  ...AdminCompetition.properties,
  results: Type.Array(AdminResult),
  awards: Type.Array(AdminAward),
});

export const LeaderboardPreference = Type.Object({ listed: Type.Boolean() });
export const LeaderboardPreferenceBody = Type.Object(
  { listed: Type.Boolean() },
  { additionalProperties: false },
);

export type CompetitionInput = Static<typeof CompetitionBody>;
export type Competition = Static<typeof CompetitionSchema>;
export type CompetitionView = Static<typeof CompetitionDetail>;
export type AdminCompetitionView = Static<typeof AdminCompetition>;
export type AdminCompetitionDetailView = Static<typeof AdminCompetitionDetail>;
