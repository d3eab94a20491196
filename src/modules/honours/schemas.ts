import { type Static, Type } from 'typebox';
import { Nullable } from '../../platform/http/schemas.js';
import { BADGES, TIERS } from './rules.js';

export const TierSchema = Type.Enum(TIERS, { description: 'bronze, silver or gold' });
export const BadgeNameSchema = Type.Enum(BADGES, { description: 'the badge (rules.ts)' });

/** One badge as its holder sees it: the tier held (or none), the count, and what the next tier needs. */
export const MyBadgeSchema = Type.Object({
  badge: BadgeNameSchema,
  tier: Nullable(TierSchema),
  /** Distinct customers, lessons or sales; or the best streak, years or placing score (1..3). */
  count: Type.Integer({ minimum: 0 }),
  nextTier: Nullable(TierSchema),
  /** The count at which `nextTier` is granted; null at the badge's top tier. */
  nextThreshold: Nullable(Type.Integer({ minimum: 1 })),
  /** Each tier's threshold, bronze first (a badge may have fewer than three tiers). */
  thresholds: Type.Array(Type.Integer({ minimum: 1 })),
  /** When the tier held was granted. */
  grantedAt: Nullable(Type.String({ format: 'date-time' })),
});

/** Every badge, earned or not, in a fixed order: never more than a handful, so never paged. */
export const MyBadgeList = Type.Object({ items: Type.Array(MyBadgeSchema), nextCursor: Type.Null() });

/** What anyone may see of someone's honours: the badges earned and their tier, nothing counted. */
export const PublicBadgeSchema = Type.Object({ badge: BadgeNameSchema, tier: TierSchema });
export const PublicBadgeList = Type.Object({ items: Type.Array(PublicBadgeSchema), nextCursor: Type.Null() });

export const HoldersSchema = Type.Object({
  badge: BadgeNameSchema,
  tier: TierSchema,
  holders: Type.Integer({ minimum: 0 }),
  /** The latest people to reach this tier, newest first (at most five). */
  recent: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
});
export const HoldersList = Type.Object({ items: Type.Array(HoldersSchema), nextCursor: Type.Null() });

export const UserParams = Type.Object(
  { id: Type.String({ minLength: 1, maxLength: 64 }) },
  { additionalProperties: false },
);

export type MyBadge = Static<typeof MyBadgeSchema>;
export type PublicBadge = Static<typeof PublicBadgeSchema>;
export type Holders = Static<typeof HoldersSchema>;
