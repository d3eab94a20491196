import { Type } from 'typebox';
import { NonBlankText, Nullable } from '../../platform/http/schemas.js';
import { DisputeSchema, PaymentSummarySchema } from '../payments/index.js';
import { ORDER_STATUSES } from './rules.js';

const Phone = Type.String({ minLength: 3, maxLength: 40, pattern: '^[0-9+()\\-\\s]+$' });
const placeFields = {
  line2: Type.Optional(Type.String({ maxLength: 200 })),
  postalCode: Type.Optional(Type.String({ maxLength: 20 })),
  country: Type.Optional(Type.String({ maxLength: 60 })),
  // Added with saved addresses; optional, so a client sending only the first fields keeps working.
  province: Type.Optional(Type.String({ maxLength: 80 })),
  district: Type.Optional(Type.String({ maxLength: 80 })),
};
const AddressId = Type.String({ minLength: 1, maxLength: 64 });

/** An order's delivery address; `addressId` names the saved address it was copied from. */
export const AddressSchema = Type.Object(
  {
    name: NonBlankText(80),
    phone: Phone,
    line1: NonBlankText(200),
    city: NonBlankText(80),
    ...placeFields,
    addressId: Type.Optional(AddressId),
  },
  { additionalProperties: false },
);

/**
 * The address of a new order: either typed out (name, phone, line1 and city required: checked by
 * `requireTypedAddress`, with the same field errors the schema would give), or `{ addressId }` of one
 * of the buyer's saved addresses, which is copied into the order.
 */
export const AddressInputSchema = Type.Object(
  {
    name: Type.Optional(NonBlankText(80)),
    phone: Type.Optional(Phone),
    line1: Type.Optional(NonBlankText(200)),
    city: Type.Optional(NonBlankText(80)),
    ...placeFields,
    addressId: Type.Optional(AddressId),
  },
  {
    additionalProperties: false,
    description:
      'Typed out (`name`, `phone`, `line1`, `city` required), or `{ addressId }` of a saved address ' +
      '(GET /api/me/addresses) alone, copied into the order; another person’s `addressId` is 404.',
  },
);

export const PlaceOrderBody = Type.Object(
  {
    items: Type.Array(
      Type.Object(
        {
          variantId: Type.String({ minLength: 1, maxLength: 64 }),
          quantity: Type.Integer({ minimum: 1, maximum: 99 }),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 50 },
    ),
    address: Type.Optional(AddressInputSchema),
    shareCode: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    storeSlug: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    postId: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 64,
        description:
          'The post the buyer ordered from: the order remembers it (`source`) and its author is credited as ' +
          'the sharer. At most one of `postId` and `liveRoomId` (both: 400 `invalid_input`); an unknown or ' +
          'not public post is 400 `order_source_unknown`.',
      }),
    ),
    liveRoomId: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 64,
        description:
          'The live room the buyer ordered from: as `postId`, crediting the room’s host. Unknown or not ' +
          'public: 400 `order_source_unknown`.',
      }),
    ),
    couponId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    points: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 100_000_000,
        description:
          'Points to spend on the order; fewer are spent when the operator’s share of an order ' +
          'they may pay is reached (the order shows `pointsUsed`). More than the buyer has is 422.',
      }),
    ),
    groupBuy: Type.Optional(
      Type.Object(
        {
          campaignId: Type.String({ minLength: 1, maxLength: 64 }),
          groupId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
        },
        { additionalProperties: false },
      ),
    ),
    flashSale: Type.Optional(
      Type.Object(
        { saleId: Type.String({ minLength: 1, maxLength: 64 }) },
        {
          additionalProperties: false,
          description:
            'Bought at a flash sale’s price: one line of its variant; `total` = the sale price × quantity ' +
            '(it ships free and takes no coupon, points or group seat). 409 before it opens, after it ' +
            'ends or when too few units are left; 422 over its per-person limit.',
        },
      ),
    ),
    bargain: Type.Optional(
      Type.Object(
        { bargainId: Type.String({ minLength: 1, maxLength: 64 }) },
        {
          additionalProperties: false,
          description:
            'Bought at a bargain’s price by its starter: one unit of its variant; `total` = the price the ' +
            'bargain reached (no coupon, points, group seat or flash sale with it). 409 once it expired or ' +
            'while another order of it is paid or being paid; 422 for someone else’s bargain.',
        },
      ),
    ),
    gift: Type.Optional(
      Type.Object(
        {
          message: Type.Optional(
            Type.String({ maxLength: 200, description: 'A note to the recipient, shown on the claim page.' }),
          ),
        },
        {
          additionalProperties: false,
          description:
            'Bought for a friend: send no `address` or `pickup` (400). Once paid, the order carries ' +
            '`gift.claimUrl` for its buyer to send; the friend claims it with their address ' +
            '(POST /api/gifts/{token}/claim), which the buyer never sees, and after-sales is theirs from then on. ' +
            'Unclaimed `giftClaimDays` (GET /api/config) after payment, it is refunded. Coupons, points and ' +
            'flash sales apply as to any order; a group seat or a bargain is refused (400 `giftAlone`).',
        },
      ),
    ),
    pickup: Type.Optional(
      Type.Object(
        { communityId: Type.String({ minLength: 1, maxLength: 64 }) },
        {
          additionalProperties: false,
          description:
            'Collect the order at the community’s pickup point instead of an `address` (not both): the buyer ' +
            'must be a member of the community (422 `community_membership_required`); nothing is charged for shipping.',
        },
      ),
    ),
  },
  { additionalProperties: false },
);

/** Where a pickup order is collected, its wave and how far collection is. */
export const OrderPickupSchema = Type.Object({
  communityId: Type.String(),
  communityName: Type.String(),
  pickupPoint: Type.Object({
    name: Type.String(),
    address: Type.String(),
    openingHours: Nullable(Type.String()),
    location: Nullable(Type.Object({ lat: Type.Number(), lng: Type.Number() })),
  }),
  wave: Type.Object(
    { id: Type.String(), cutoffAt: Type.String() },
    {
      description:
        'The delivery wave: the first cut-off after the order was placed (one placed at it: the next).',
    },
  ),
  status: Type.Union(
    [
      Type.Literal('awaiting_payment'),
      Type.Literal('awaiting_collection'),
      Type.Literal('collected'),
      Type.Literal('returned'),
      Type.Literal('closed'),
    ],
    {
      description:
        '`returned`: not collected in time and sent back to the platform (an after-sales return); ' +
        '`closed`: refunded or cancelled.',
    },
  ),
  collectBy: Nullable(Type.String({ description: 'Not collected by then, it is refunded or returned.' })),
  collectedAt: Nullable(Type.String()),
});

/** A gift order's state as its order shows it; the claim link to its sender alone. */
export const OrderGiftSchema = Type.Object({
  status: Type.Union(
    [
      Type.Literal('awaiting_payment'),
      Type.Literal('unclaimed'),
      Type.Literal('claimed'),
      Type.Literal('refunded'),
      Type.Literal('cancelled'),
    ],
    {
      description:
        '`unclaimed` once paid, until the recipient claims it (`claimed`) or `claimBy` passes (`refunded`, ' +
        'also when the order is refunded in full before it is claimed); `cancelled` with an unpaid order.',
    },
  ),
  message: Nullable(Type.String()),
  claimUrl: Nullable(
    Type.String({
      description:
        'The absolute link to send to the recipient (ends with `/gifts/<token>`), once paid: to the buyer ' +
        'only, null for anyone else and before payment.',
    }),
  ),
  claimBy: Nullable(Type.String({ description: 'Unclaimed by then, the order is refunded.' })),
  claimedAt: Nullable(Type.String()),
});

export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
});

const OrderStatusSchema = Type.Enum(ORDER_STATUSES);

/** A step of an order's timeline: each status it reached, and the payment failures and partial refunds between. */
const TimelineStatusSchema = Type.Enum([...ORDER_STATUSES, 'payment_failed', 'partially_refunded']);

export const OrderSchema = Type.Object({
  id: Type.String(),
  userId: Type.String(),
  status: OrderStatusSchema,
  subtotal: Type.Integer(),
  discount: Type.Integer({
    description: 'Everything taken off the subtotal: coupon + member level + points.',
  }),
  memberDiscount: Type.Integer({ description: 'The part of `discount` the buyer’s membership level gave.' }),
  pointsUsed: Type.Integer({ description: 'Points spent on the order.' }),
  pointsDiscount: Type.Integer({ description: 'The part of `discount` the spent points paid.' }),
  total: Type.Integer({ description: '`subtotal` − `discount` + `shippingFee`.' }),
  shippingFee: Type.Integer({
    description:
      'What shipping costs, part of `total`: by the products’ shipping templates and the address’s province; ' +
      '0 when the order ships free (over the template’s amount, a member level or a campaign that ships free). ' +
      'Coupons, points, member discounts and commissions count goods only, never this fee.',
  }),
  shippingRefunded: Type.Integer({
    description:
      'The part of `refundedAmount` that was the shipping fee: refunded with a full refund before shipping, ' +
      'after shipping only when the operator includes it.',
  }),
  refundedAmount: Type.Integer(),
  pointsRedemption: Type.Boolean({
    description:
      'Paid in points alone in the points mall (total 0): not a sale, so it earns nothing and has no after-sales.',
  }),
  currency: Type.String(),
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      variantId: Type.String(),
      productId: Type.String(),
      title: Type.String(),
      variantTitle: Type.String(),
      sku: Type.String(),
      image: Nullable(Type.String()),
      unitPrice: Type.Integer(),
      quantity: Type.Integer(),
      lineTotal: Type.Integer(),
      refundedQuantity: Type.Integer(),
    }),
  ),
  address: Nullable(AddressSchema),
  shareCode: Nullable(Type.String()),
  storeSlug: Nullable(Type.String()),
  source: Nullable(
    Type.Object(
      { type: Type.Union([Type.Literal('post'), Type.Literal('live')]), id: Type.String() },
      {
        description:
          'The content the order was placed through (`postId` → `post`, `liveRoomId` → `live`), or null. ' +
          'Added to the order shape of API.md; everything else is unchanged.',
      },
    ),
  ),
  payment: Nullable(PaymentSummarySchema),
  groupBuy: Nullable(
    Type.Object({
      campaignId: Type.String(),
      groupId: Type.String(),
      status: Type.Union([
        Type.Literal('waiting'),
        Type.Literal('succeeded'),
        Type.Literal('failed'),
        Type.Literal('left'),
      ]),
      role: Type.Union([Type.Literal('leader'), Type.Literal('member')]),
    }),
  ),
  shipment: Nullable(
    Type.Object({
      carrier: Type.String(),
      trackingNumber: Type.String(),
      shippedAt: Type.String(),
      autoConfirmAt: Type.String(),
    }),
  ),
  dispute: Nullable(DisputeSchema),
  pickup: Nullable(OrderPickupSchema),
  pickupCode: Nullable(
    Type.String({
      description:
        'A pickup order’s code once it is paid, shown at the pickup point (also as a QR code): only to its ' +
        'buyer and the community’s leader and helpers, null for anyone else and before payment.',
    }),
  ),
  gift: Nullable(OrderGiftSchema),
  timeline: Type.Array(Type.Object({ status: TimelineStatusSchema, note: Type.String(), at: Type.String() })),
  expiresAt: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const AdminOrderSchema = Type.Object({
  ...OrderSchema.properties,
  buyer: Type.Object({ id: Type.String(), name: Type.String(), email: Type.String() }),
});

const page = <T extends Parameters<typeof Type.Array>[0]>(item: T) =>
  Type.Object({ items: Type.Array(item), nextCursor: Nullable(Type.String()) });

export const OrderPage = page(OrderSchema);
export const AdminOrderPage = page(AdminOrderSchema);
export const StatusFilter = Type.Optional(OrderStatusSchema);
