import { Type } from 'typebox';
import { Nullable } from '../../platform/http/schemas.js';
import { DisputeSchema, PaymentSummarySchema } from '../payments/index.js';
import { ORDER_STATUSES } from './rules.js';

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S' });

export const AddressSchema = Type.Object(
  {
    name: Text(80),
    phone: Type.String({ minLength: 3, maxLength: 40, pattern: '^[0-9+()\\-\\s]+$' }),
    line1: Text(200),
    line2: Type.Optional(Type.String({ maxLength: 200 })),
    city: Text(80),
    postalCode: Type.Optional(Type.String({ maxLength: 20 })),
    country: Type.Optional(Type.String({ maxLength: 60 })),
  },
  { additionalProperties: false },
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
    address: Type.Optional(AddressSchema),
    shareCode: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    storeSlug: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    couponId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    groupBuy: Type.Optional(
      Type.Object(
        {
          campaignId: Type.String({ minLength: 1, maxLength: 64 }),
          groupId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

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
  discount: Type.Integer(),
  total: Type.Integer(),
  refundedAmount: Type.Integer(),
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
