import { type Static, Type } from 'typebox';
import { Nullable } from '../../platform/http/schemas.js';
import {
  type CampaignStatus,
  campaignMachine,
  type GroupStatus,
  groupMachine,
  MAX_GROUP_SIZE,
  MIN_GROUP_SIZE,
} from './rules.js';

const Money = Type.Integer({ minimum: 0, maximum: 1_000_000_000_00 });
const Id = Type.String({ minLength: 1, maxLength: 64 });
// Up to 30 days: a group that waits longer is no longer a "team up with friends now" deal.
const Duration = Type.Integer({ minimum: 1, maximum: 30 * 24 * 60 });
const PerUserLimit = Type.Integer({ minimum: 1, maximum: 999 });
const Instant = Type.String({ format: 'date-time', maxLength: 40 });

const FreeShipping = Type.Boolean({
  description: 'Its orders ship free whatever the products’ shipping templates say (default true).',
});

export const CampaignBody = Type.Object(
  {
    variantId: Id,
    groupSize: Type.Integer({ minimum: MIN_GROUP_SIZE, maximum: MAX_GROUP_SIZE }),
    price: Money,
    durationMinutes: Duration,
    perUserLimit: Type.Optional(Nullable(PerUserLimit)),
    leaderPrice: Type.Optional(Nullable(Money)),
    startsAt: Type.Optional(Nullable(Instant)),
    endsAt: Type.Optional(Nullable(Instant)),
    freeShipping: Type.Optional(FreeShipping),
    communityId: Type.Optional(
      Nullable(
        Type.String({
          minLength: 1,
          maxLength: 64,
          description:
            'Limit the campaign to one community: its groups are filled by members who collect at its ' +
            'pickup point. Set on creation only; 404 for an unknown community.',
        }),
      ),
    ),
  },
  { additionalProperties: false },
);

export const CampaignPatchBody = Type.Object(
  {
    price: Type.Optional(Money),
    durationMinutes: Type.Optional(Duration),
    perUserLimit: Type.Optional(Nullable(PerUserLimit)),
    leaderPrice: Type.Optional(Nullable(Money)),
    startsAt: Type.Optional(Nullable(Instant)),
    endsAt: Type.Optional(Nullable(Instant)),
    freeShipping: Type.Optional(FreeShipping),
  },
  { additionalProperties: false },
);

export const ProductRefSchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  image: Nullable(Type.String()),
});
const ProductRef = ProductRefSchema;
/** Members by masked name and avatar initial, never by id; `you` marks the viewer. */
export const PersonSchema = Type.Object({ name: Type.String(), initial: Type.String(), you: Type.Boolean() });
const Person = PersonSchema;
/** The group machine's states (rules.ts), as the API names them. */
const GroupStatusSchema = Type.Unsafe<GroupStatus>(Type.String({ enum: [...groupMachine.states] }));

export const CampaignSchema = Type.Object({
  id: Type.String(),
  variantId: Type.String(),
  productId: Type.String(),
  groupSize: Type.Integer(),
  price: Type.Integer(),
  leaderPrice: Nullable(Type.Integer()),
  regularPrice: Nullable(Type.Integer()),
  durationMinutes: Type.Integer(),
  perUserLimit: Nullable(Type.Integer()),
  startsAt: Nullable(Type.String()),
  endsAt: Nullable(Type.String()),
  freeShipping: Type.Boolean(),
  communityId: Nullable(
    Type.String({
      description:
        'The community the campaign is limited to (its orders are collected at its pickup point); null = everyone',
    }),
  ),
  status: Type.Unsafe<CampaignStatus>(Type.String({ enum: [...campaignMachine.states] })),
  running: Type.Boolean(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const GroupSummarySchema = Type.Object({
  id: Type.String(),
  leader: Person,
  groupSize: Type.Integer(),
  paidMembers: Type.Integer(),
  seatsLeft: Type.Integer(),
  expiresAt: Type.String(),
});

export const PublicCampaignSchema = Type.Object({
  ...CampaignSchema.properties,
  product: ProductRef,
  openGroups: Type.Array(GroupSummarySchema),
});

export const AdminCampaignSchema = Type.Object({
  ...CampaignSchema.properties,
  product: ProductRef,
  stats: Type.Object({
    open: Type.Integer(),
    succeeded: Type.Integer(),
    failed: Type.Integer(),
    members: Type.Integer(),
  }),
});

export const GroupSchema = Type.Object({
  id: Type.String(),
  campaignId: Type.String(),
  status: GroupStatusSchema,
  groupSize: Type.Integer(),
  members: Type.Array(Type.Object({ ...Person.properties, joinedAt: Type.String(), leader: Type.Boolean() })),
  paidMembers: Type.Integer(),
  seatsLeft: Type.Integer(),
  expiresAt: Type.String(),
  price: Type.Integer(),
  leaderPrice: Nullable(Type.Integer()),
  regularPrice: Nullable(Type.Integer()),
  product: ProductRef,
  variantId: Type.String(),
  communityId: Nullable(
    Type.String({
      description: 'The community its campaign is limited to (members collect at its pickup point)',
    }),
  ),
  leader: Person,
  completedByPlatform: Type.Boolean(),
  createdAt: Type.String(),
  decidedAt: Nullable(Type.String()),
});

/** A group as the console lists it: the group page's fields, and what the operator decides with. */
export const AdminGroupSchema = Type.Object({
  ...GroupSchema.properties,
  /** Seats taken: paid, and reserved by orders not paid yet. */
  joinedMembers: Type.Integer(),
  /** Whether "complete at the platform's cost" would be accepted now. */
  completable: Type.Boolean(),
  /** Seats without a paid member while the group is open; 0 once decided. */
  seatsMissing: Type.Integer(),
  /**
   * What completing it would cost the platform, in minor units: the discount off the regular price
   * on every paid unit, at the campaign's current prices. Null unless `completable` (or when the
   * regular price is unknown).
   */
  completionCost: Nullable(Type.Integer()),
});

export const GroupStatusFilter = Type.Optional(GroupStatusSchema);

export const MyGroupBuySchema = Type.Object({
  orderId: Type.String(),
  role: Type.Union([Type.Literal('leader'), Type.Literal('member')]),
  status: Type.Union([
    Type.Literal('waiting'),
    Type.Literal('succeeded'),
    Type.Literal('failed'),
    Type.Literal('left'),
  ]),
  group: GroupSchema,
});

const page = <T extends Parameters<typeof Type.Array>[0]>(item: T) =>
  Type.Object({ items: Type.Array(item), nextCursor: Nullable(Type.String()) });

export const PublicCampaignPage = page(PublicCampaignSchema);
export const AdminCampaignPage = page(AdminCampaignSchema);
export const MyGroupBuyPage = page(MyGroupBuySchema);
export const AdminGroupPage = page(AdminGroupSchema);

export type Campaign = Static<typeof CampaignSchema>;
export type PublicCampaign = Static<typeof PublicCampaignSchema>;
export type AdminCampaign = Static<typeof AdminCampaignSchema>;
export type Group = Static<typeof GroupSchema>;
export type AdminGroup = Static<typeof AdminGroupSchema>;
export type GroupSummary = Static<typeof GroupSummarySchema>;
export type MyGroupBuy = Static<typeof MyGroupBuySchema>;
export type ProductRef = Static<typeof ProductRefSchema>;
export type PersonRef = Static<typeof PersonSchema>;
