import { type Static, Type } from 'typebox';
import { Nullable, ProblemResponse } from '../../platform/http/schemas.js';
import { TRUST_PARTS } from './rules.js';

export const Problem = ProblemResponse;

const PartKey = Type.Unsafe<(typeof TRUST_PARTS)[number]>(
  Type.Union(
    TRUST_PARTS.map((k) => Type.Literal(k)),
    { description: TRUST_PARTS.join(', ') },
  ),
);

export const TrustPartSchema = Type.Object({
  key: PartKey,
  weight: Type.Integer({ description: 'percent of the score this part carries when it has data' }),
  value: Type.Integer({ minimum: 0, maximum: 100, description: '100 = nothing against them' }),
  hasData: Type.Boolean({ description: 'false: nothing to measure yet; the part is left out of the score' }),
  count: Type.Integer({
    description:
      'the bad events (refunded orders, requests, complaints, missed pickups); reviews: the rating sum',
  }),
  outOf: Type.Integer({ description: 'what they are counted out of (orders brought, pickups due, reviews)' }),
  cost: Type.Integer({ description: 'score points this part costs now' }),
});

const TrustBody = {
  score: Type.Integer({ minimum: 0, maximum: 100 }),
  threshold: Type.Integer({ minimum: 0, maximum: 100, description: 'below it, new commissions are held' }),
  held: Type.Boolean({ description: 'new commissions are held for review (`low_trust`) while this is true' }),
  parts: Type.Array(TrustPartSchema),
};

export const TrustDetailSchema = Type.Object({
  user: Type.Object({ id: Type.String(), name: Type.String(), email: Type.String() }),
  ...TrustBody,
});

export const MyTrustSchema = Type.Object({
  user: Type.Object({ id: Type.String(), name: Type.String() }),
  ...TrustBody,
});

export const TrustPageSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      user: Type.Object({ id: Type.String(), name: Type.String(), email: Type.String() }),
      roles: Type.Array(Type.String(), {
        description: 'shopkeeper, leader (none: a promoter without a role)',
      }),
      score: Type.Integer(),
      held: Type.Boolean(),
      orders: Type.Integer({ description: 'orders brought, in the window the score looks at' }),
    }),
  ),
  nextCursor: Nullable(Type.String()),
  threshold: Type.Integer(),
});

export const TrustSettingsSchema = Type.Object({
  threshold: Type.Integer({ minimum: 0, maximum: 100, description: '0 holds nobody' }),
});
export const TrustSettingsPatch = Type.Partial(TrustSettingsSchema, { additionalProperties: false });

export type TrustDetail = Static<typeof TrustDetailSchema>;
