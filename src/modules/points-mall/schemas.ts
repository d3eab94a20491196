import { type Static, Type } from 'typebox';
import { NonBlankText, Nullable } from '../../platform/http/schemas.js';
import { OrderAddressInputSchema } from '../orders/index.js';

export const Id = Type.String({ minLength: 1, maxLength: 64 });
const Kind = Type.Union([Type.Literal('coupon'), Type.Literal('product'), Type.Literal('perk')]);
/** As products take theirs: an uploaded image's URL (`/uploads/…`) or any http(s) URL. */
const ImageUrl = Type.String({ minLength: 1, maxLength: 2048, pattern: '^(https?://|/)' });
const Cost = Type.Integer({ minimum: 1, maximum: 100_000_000, description: 'Points one unit costs' });
const Stock = Type.Integer({ minimum: 0, maximum: 1_000_000, description: 'Units left' });
const Limit = Nullable(
  Type.Integer({ minimum: 1, maximum: 1000, description: 'Units one person may redeem; null = no limit' }),
);
const Availability = Type.Union(
  [
    Type.Literal('available'),
    Type.Literal('mall_sold_out'),
    Type.Literal('mall_limit_reached'),
    Type.Literal('not_enough_points'),
  ],
  {
    description:
      'What a redemption by the viewer would meet now (signed out: only `available` or `mall_sold_out`)',
  },
);

/** An item as the mall shows it; `redeemedByMe` and `leftForMe` are null when signed out. */
export const MallItemSchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  description: Type.String(),
  image: Nullable(Type.String()),
  kind: Kind,
  costPoints: Type.Integer(),
  stock: Type.Integer(),
  perPersonLimit: Nullable(Type.Integer()),
  redeemedByMe: Nullable(Type.Integer()),
  leftForMe: Nullable(Type.Integer({ description: 'null: no limit, or signed out' })),
  availability: Availability,
});

export const MallItemPage = Type.Object({
  items: Type.Array(MallItemSchema),
  nextCursor: Nullable(Type.String()),
});

/** An item as the operator edits it: what it gives and whether it is on offer. */
export const AdminItemSchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  description: Type.String(),
  image: Nullable(Type.String()),
  kind: Kind,
  costPoints: Type.Integer(),
  stock: Type.Integer(),
  perPersonLimit: Nullable(Type.Integer()),
  couponTemplateId: Nullable(Type.String()),
  variantId: Nullable(Type.String()),
  active: Type.Boolean(),
  redeemed: Type.Integer({ description: 'Units redeemed so far' }),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});

export const AdminItemPage = Type.Object({
  items: Type.Array(AdminItemSchema),
  nextCursor: Nullable(Type.String()),
});

export const CreateItemBody = Type.Object(
  {
    title: NonBlankText(120),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    image: Type.Optional(Nullable(ImageUrl)),
    kind: Kind,
    costPoints: Cost,
    stock: Stock,
    perPersonLimit: Type.Optional(Limit),
    couponTemplateId: Type.Optional(Nullable(Id)),
    variantId: Type.Optional(Nullable(Id)),
  },
  { additionalProperties: false },
);

/** What may change once an item exists: not its kind or what it gives (redemptions point at them). */
export const UpdateItemBody = Type.Object(
  {
    title: Type.Optional(NonBlankText(120)),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    image: Type.Optional(Nullable(ImageUrl)),
    costPoints: Type.Optional(Cost),
    stock: Type.Optional(Stock),
    perPersonLimit: Type.Optional(Limit),
  },
  { additionalProperties: false },
);

export const RedeemBody = Type.Object(
  {
    address: Type.Optional(OrderAddressInputSchema),
  },
  {
    additionalProperties: false,
    description:
      'A product item ships: `address` typed out or `{ addressId }` of a saved address is required (400 without); other kinds take none.',
  },
);

const Status = Type.Union([Type.Literal('pending'), Type.Literal('done')]);

export const RedemptionSchema = Type.Object({
  id: Type.String(),
  itemId: Type.String(),
  kind: Kind,
  title: Type.String({ description: 'The item’s title when redeemed' }),
  costPoints: Type.Integer({ description: 'Points spent' }),
  status: Status,
  couponId: Nullable(Type.String({ description: 'The coupon given (a coupon item)' })),
  orderId: Nullable(Type.String({ description: 'The order that ships it (a product item)' })),
  createdAt: Type.String({ format: 'date-time' }),
  doneAt: Nullable(Type.String({ format: 'date-time' })),
});

export const RedemptionPage = Type.Object({
  items: Type.Array(RedemptionSchema),
  nextCursor: Nullable(Type.String()),
});

export const AdminRedemptionSchema = Type.Object({
  ...RedemptionSchema.properties,
  buyer: Type.Object({ id: Type.String(), name: Type.String(), email: Type.String() }),
});

export const AdminRedemptionPage = Type.Object({
  items: Type.Array(AdminRedemptionSchema),
  nextCursor: Nullable(Type.String()),
});

export const RedemptionFilter = Type.Object(
  { status: Type.Optional(Status), itemId: Type.Optional(Id) },
  { additionalProperties: false },
);

export type MallItem = Static<typeof MallItemSchema>;
export type AdminItem = Static<typeof AdminItemSchema>;
export type CreateItemInput = Static<typeof CreateItemBody>;
export type UpdateItemInput = Static<typeof UpdateItemBody>;
export type RedeemInput = Static<typeof RedeemBody>;
export type Redemption = Static<typeof RedemptionSchema>;
export type AdminRedemption = Static<typeof AdminRedemptionSchema>;
