import { type Static, Type } from 'typebox';
import { NonBlankText, Nullable } from '../../platform/http/schemas.js';
import { UserSchema } from '../accounts/index.js';
import { OrderSchema } from '../orders/index.js';

export const Id = Type.String({ minLength: 1, maxLength: 64 });
export const MAX_REJECT_REASON = 500;

// The states of `leaderApplicationMachine` (rules.ts).
const ApplicationStatus = Type.Union([
  Type.Literal('pending'),
  Type.Literal('approved'),
  Type.Literal('rejected'),
]);
export const ApplicationStatusFilter = Type.Optional(ApplicationStatus);

export const LeaderStatusSchema = Type.Object({ status: ApplicationStatus, user: UserSchema });

export const MyLeaderStatusSchema = Type.Object({
  status: Type.Union([
    Type.Literal('approved'),
    Type.Literal('pending'),
    Type.Literal('rejected'),
    Type.Literal('none'),
  ]),
  reason: Nullable(Type.String({ description: 'The operator’s reason when `rejected`, if they gave one.' })),
  decidedAt: Nullable(Type.String({ format: 'date-time' })),
});

export const RejectBody = Type.Object(
  { reason: Type.Optional(Nullable(Type.String({ maxLength: MAX_REJECT_REASON }))) },
  { additionalProperties: false },
);

export const LeaderApplicationSchema = Type.Object({
  userId: Type.String(),
  name: Type.String(),
  email: Type.String(),
  status: ApplicationStatus,
  createdAt: Type.String({ format: 'date-time' }),
  decidedAt: Nullable(Type.String({ format: 'date-time' })),
  rejectReason: Nullable(Type.String()),
});

export const LeaderApplicationPage = Type.Object({
  items: Type.Array(LeaderApplicationSchema),
  nextCursor: Nullable(Type.String()),
});

const Location = Type.Object(
  { lat: Type.Number({ minimum: -90, maximum: 90 }), lng: Type.Number({ minimum: -180, maximum: 180 }) },
  { additionalProperties: false },
);
const CutoffTime = Type.String({
  pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$',
  description:
    'HH:MM in the platform’s time zone: each day’s delivery wave closes then (an order placed at it ships in the next).',
});

const PickupPointInput = Type.Object(
  {
    name: NonBlankText(80),
    address: NonBlankText(300),
    openingHours: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    location: Type.Optional(Nullable(Location)),
  },
  { additionalProperties: false },
);

export const CreateCommunityBody = Type.Object(
  {
    name: NonBlankText(60),
    pickupPoint: PickupPointInput,
    description: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
    cutoffTime: Type.Optional(CutoffTime),
  },
  { additionalProperties: false },
);

export const UpdateCommunityBody = Type.Object(
  {
    name: Type.Optional(NonBlankText(60)),
    pickupPoint: Type.Optional(PickupPointInput),
    description: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
    cutoffTime: Type.Optional(CutoffTime),
  },
  { additionalProperties: false },
);

export const PickupPointSchema = Type.Object({
  name: Type.String(),
  address: Type.String(),
  openingHours: Nullable(Type.String()),
  location: Nullable(Type.Object({ lat: Type.Number(), lng: Type.Number() })),
});

export const CommunitySchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: Nullable(Type.String()),
  leader: Type.Object({ id: Type.String(), name: Type.String() }),
  pickupPoint: PickupPointSchema,
  cutoffTime: Type.String(),
  membersCount: Type.Integer(),
  /** What the viewer is here; all false for someone signed out. */
  viewer: Type.Object({ member: Type.Boolean(), leader: Type.Boolean(), helper: Type.Boolean() }),
  /** The wave an order placed now ships in. */
  nextCutoffAt: Type.String(),
  createdAt: Type.String(),
});

export const CommunityPage = Type.Object({
  items: Type.Array(CommunitySchema),
  nextCursor: Nullable(Type.String()),
});

export const MembershipSchema = Type.Object({
  communityId: Type.String(),
  member: Type.Boolean(),
  membersCount: Type.Integer(),
  /** The community the person left by joining this one (a person belongs to one at a time). */
  leftCommunityId: Nullable(Type.String()),
});

export const MyCommunitySchema = Type.Object({ community: Nullable(CommunitySchema) });

export const HelperSchema = Type.Object({
  userId: Type.String(),
  name: Type.String(),
  email: Type.String(),
  addedAt: Type.String(),
});
export const HelperList = Type.Object({ items: Type.Array(HelperSchema) });
export const AddHelperBody = Type.Object(
  { userId: Id },
  { additionalProperties: false, description: 'A member of the community (see its members list).' },
);

export const MemberSchema = Type.Object({
  userId: Type.String(),
  name: Type.String(),
  joinedAt: Type.String(),
});
export const MemberPage = Type.Object({
  items: Type.Array(MemberSchema),
  nextCursor: Nullable(Type.String()),
});

export const VerifyPickupBody = Type.Object(
  {
    code: Type.String({
      minLength: 1,
      maxLength: 40,
      description: 'As typed or read from the QR code; spaces and dashes are ignored.',
    }),
  },
  { additionalProperties: false },
);

/** The order handed over, as its buyer sees it (with the code), and who it is for. */
export const CollectedOrderSchema = Type.Object({
  ...OrderSchema.properties,
  buyer: Type.Object({ id: Type.String(), name: Type.String() }),
});

const PickupStatusSchema = Type.Union([
  Type.Literal('awaiting_payment'),
  Type.Literal('awaiting_collection'),
  Type.Literal('collected'),
  Type.Literal('returned'),
  Type.Literal('closed'),
]);

export const WaveSchema = Type.Object({
  id: Type.String(),
  cutoffAt: Type.String(),
  /** `open`: still taking orders; `closed`: past its cut-off (pack and hand out). */
  status: Type.Union([Type.Literal('open'), Type.Literal('closed')]),
  orders: Type.Integer({ description: 'Paid orders in the wave (collected or not).' }),
  awaitingCollection: Type.Integer(),
  collected: Type.Integer(),
});
export const WavePage = Type.Object({ items: Type.Array(WaveSchema), nextCursor: Nullable(Type.String()) });

export const PackingListSchema = Type.Object({
  wave: WaveSchema,
  /** What to pack: each product variant and how many of it, over the wave's paid orders. */
  lines: Type.Array(
    Type.Object({
      variantId: Type.String(),
      productId: Type.String(),
      title: Type.String(),
      variantTitle: Type.String(),
      sku: Type.String(),
      quantity: Type.Integer(),
    }),
  ),
  /** Who collects what: each paid order of the wave with its buyer. */
  orders: Type.Array(
    Type.Object({
      orderId: Type.String(),
      buyer: Type.Object({ id: Type.String(), name: Type.String() }),
      status: PickupStatusSchema,
      items: Type.Array(
        Type.Object({ title: Type.String(), variantTitle: Type.String(), quantity: Type.Integer() }),
      ),
      collectedAt: Nullable(Type.String()),
    }),
  ),
});

export const PickupOrderSchema = Type.Object({
  orderId: Type.String(),
  buyer: Type.Object({ id: Type.String(), name: Type.String() }),
  status: PickupStatusSchema,
  waveCutoffAt: Type.String(),
  paidAt: Nullable(Type.String()),
  collectBy: Nullable(Type.String()),
  remindedAt: Nullable(Type.String()),
  collectedAt: Nullable(Type.String()),
  items: Type.Array(
    Type.Object({ title: Type.String(), variantTitle: Type.String(), quantity: Type.Integer() }),
  ),
});
export const PickupOrderPage = Type.Object({
  items: Type.Array(PickupOrderSchema),
  nextCursor: Nullable(Type.String()),
});

export const AdminCommunitySchema = Type.Object({
  ...CommunitySchema.properties,
  leader: Type.Object({ id: Type.String(), name: Type.String(), email: Type.String() }),
  helpersCount: Type.Integer(),
  awaitingCollection: Type.Integer(),
  collected: Type.Integer(),
  returned: Type.Integer(),
});
export const AdminCommunityPage = Type.Object({
  items: Type.Array(AdminCommunitySchema),
  nextCursor: Nullable(Type.String()),
});

export type LeaderStatus = Static<typeof LeaderStatusSchema>;
export type MyLeaderStatus = Static<typeof MyLeaderStatusSchema>;
export type LeaderApplication = Static<typeof LeaderApplicationSchema>;
export type Community = Static<typeof CommunitySchema>;
export type CommunityInput = Static<typeof CreateCommunityBody>;
export type CommunityPatch = Static<typeof UpdateCommunityBody>;
export type Membership = Static<typeof MembershipSchema>;
export type Helper = Static<typeof HelperSchema>;
export type Member = Static<typeof MemberSchema>;
export type CollectedOrder = Static<typeof CollectedOrderSchema>;
export type Wave = Static<typeof WaveSchema>;
export type PackingList = Static<typeof PackingListSchema>;
export type PickupOrder = Static<typeof PickupOrderSchema>;
export type AdminCommunity = Static<typeof AdminCommunitySchema>;
