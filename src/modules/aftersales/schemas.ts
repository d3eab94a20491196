import { Type } from 'typebox';
import { Nullable } from '../../platform/http/schemas.js';
import { afterSaleMachine } from './rules.js';

const Id = Type.String({ minLength: 1, maxLength: 64 });

export const ItemsSchema = Type.Array(
  Type.Object(
    { orderItemId: Id, quantity: Type.Integer({ minimum: 1, maximum: 99 }) },
    { additionalProperties: false },
  ),
  { minItems: 1, maxItems: 50 },
);

export const AfterSaleBody = Type.Object(
  {
    type: Type.Union([Type.Literal('refund'), Type.Literal('return')]),
    reason: Type.String({ minLength: 1, maxLength: 500, pattern: '\\S' }),
    photos: Type.Optional(
      Type.Array(Type.String({ minLength: 8, maxLength: 2000, pattern: '^https?://\\S+$' }), { maxItems: 9 }),
    ),
    items: Type.Optional(ItemsSchema),
  },
  { additionalProperties: false },
);

export const QuoteBody = Type.Object({ items: Type.Optional(ItemsSchema) }, { additionalProperties: false });

export const DecisionBody = Type.Object(
  {
    note: Type.Optional(Type.String({ maxLength: 500 })),
    includeShipping: Type.Optional(
      Type.Boolean({
        description:
          'Refund the order’s shipping fee with this return too (a return refunds goods only by default; ' +
          'a refund before shipping that covers every unit left includes the fee already).',
      }),
    ),
  },
  { additionalProperties: false },
);
export const RejectBody = Type.Object(
  { note: Type.String({ minLength: 1, maxLength: 500, pattern: '\\S' }) },
  { additionalProperties: false },
);

/** The request's status: the state machine's states, so the two cannot drift apart. */
const StatusSchema = Type.Enum(afterSaleMachine.states, { description: 'requested, then decided once' });

const ItemSchema = Type.Object({
  orderItemId: Type.String(),
  title: Type.String(),
  quantity: Type.Integer(),
  amount: Type.Integer(),
});

export const AfterSaleSchema = Type.Object({
  id: Type.String(),
  orderId: Type.String(),
  userId: Type.String(),
  type: Type.Union([Type.Literal('refund'), Type.Literal('return')]),
  status: StatusSchema,
  reason: Type.String(),
  photos: Type.Array(Type.String()),
  amount: Type.Integer(),
  shippingRefunded: Type.Integer({
    description:
      'The part of `amount` that is the order’s shipping fee: all of it for a refund before shipping that leaves ' +
      'no unit unrefunded; for a return, only when the operator chose to include it; otherwise 0.',
  }),
  items: Type.Array(ItemSchema),
  note: Type.String(),
  createdAt: Type.String(),
  decidedAt: Nullable(Type.String()),
});

export const QuoteSchema = Type.Object({
  amount: Type.Integer(),
  shippingRefunded: Type.Integer({ description: 'The part of `amount` that is the shipping fee.' }),
  items: Type.Array(ItemSchema),
});

export const AfterSalePage = Type.Object({
  items: Type.Array(AfterSaleSchema),
  nextCursor: Nullable(Type.String()),
});

export const StatusFilter = Type.Optional(StatusSchema);
