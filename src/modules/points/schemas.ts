import { type Static, Type } from 'typebox';
import { Nullable } from '../../platform/http/schemas.js';

export const PointsStatement = Type.Object({
  balance: Type.Integer({ description: 'below zero when refunds took back points already spent (a debt)' }),
  expiring: Type.Array(
    Type.Object({ points: Type.Integer(), expiresAt: Type.String({ format: 'date-time' }) }),
    { description: 'points that will expire and when, soonest first (at most 20 lots)' },
  ),
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      delta: Type.Integer(),
      reason: Type.String({ description: 'a code, such as `order`, `checkout`, `expired`, `invitation`' }),
      createdAt: Type.String(),
      expiresAt: Nullable(
        Type.String({
          description:
            'when the points of a positive posting expire (of a `checkout_return`, the soonest of the lots ' +
            'they went back into); null: never, or spent',
        }),
      ),
      debtPaid: Type.Integer({ description: 'of a positive posting, the points that paid off a debt first' }),
    }),
  ),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

export type PointsPosting = Static<typeof PointsStatement>['items'][number];

export const PointsSettingsSchema = Type.Object({
  earnPerUnit: Type.Integer({
    minimum: 0,
    maximum: 100,
    description: 'points earned per major currency unit paid (0: orders earn none; at most 100)',
  }),
  redeemPerUnit: Type.Integer({
    minimum: 1,
    maximum: 1_000_000,
    description: 'points that pay one major currency unit at checkout',
  }),
  maxShareBps: Type.Integer({
    minimum: 0,
    maximum: 10_000,
    description: 'the largest share of an order points may pay, in basis points',
  }),
  expiryMonths: Nullable(
    Type.Integer({ minimum: 1, maximum: 120, description: 'months until earned points expire; null: never' }),
  ),
});

export const PointsSettingsBody = Type.Object(PointsSettingsSchema.properties, {
  additionalProperties: false,
});

export const CheckoutQuery = Type.Object(
  {
    payable: Type.Integer({
      minimum: 0,
      // As large as an order's total may be (orders are bigint), not int4's 2^31.
      maximum: Number.MAX_SAFE_INTEGER,
      description: 'what is left to pay, minor units',
    }),
  },
  { additionalProperties: false },
);

export const CheckoutQuote = Type.Object({
  balance: Type.Integer(),
  maxPoints: Type.Integer({ description: 'the most points this checkout may spend' }),
  discount: Type.Integer({ description: 'the money `maxPoints` pay, in minor units' }),
  redeemPerUnit: Type.Integer({ description: 'points that pay one major currency unit' }),
});
