import { type Static, Type } from 'typebox';
import { NonBlankText, Nullable } from '../../platform/http/schemas.js';

export const BenefitSchema = Type.Union([
  Type.Object({
    kind: Type.Literal('discount'),
    bps: Type.Integer({ description: 'off the goods, in basis points' }),
  }),
  Type.Object({
    kind: Type.Literal('commission_multiplier'),
    bps: Type.Integer({ description: 'commissions ×bps/10000 for a promoter' }),
  }),
  Type.Object({ kind: Type.Literal('free_shipping') }),
  Type.Object({ kind: Type.Literal('monthly_coupon'), couponTemplateId: Type.String() }),
]);

export const MyLevelSchema = Type.Object({
  level: Type.Integer({ description: 'the rank of the person’s level' }),
  name: Type.String(),
  growth: Type.Integer(),
  nextLevelGrowth: Nullable(
    Type.Integer({ description: 'growth at which the next level starts; null at the top' }),
  ),
  benefits: Type.Array(BenefitSchema),
});

const levelFields = {
  name: NonBlankText(40),
  threshold: Type.Integer({ minimum: 0, maximum: 1_000_000_000, description: 'growth at which it starts' }),
  discountBps: Type.Integer({
    minimum: 0,
    maximum: 10_000,
    description: 'off the goods of a regular order at checkout; at most 9000 (422 `level_discount_too_high`)',
  }),
  commissionMultiplierBps: Type.Integer({
    minimum: 0,
    maximum: 100_000,
    description: '10000 = ×1; still within the distribution cap',
  }),
  freeShipping: Type.Boolean(),
  monthlyCouponTemplateId: Nullable(Type.String({ minLength: 1, maxLength: 64 })),
};

export const LevelSchema = Type.Object({
  rank: Type.Integer(),
  ...levelFields,
  benefits: Type.Array(BenefitSchema),
});
export type LevelView = Static<typeof LevelSchema>;

export const LevelPage = Type.Object({
  items: Type.Array(LevelSchema),
  nextCursor: Nullable(Type.String()),
});

export const CreateLevelBody = Type.Object(
  { rank: Type.Integer({ minimum: 1, maximum: 100 }), ...levelFields },
  { additionalProperties: false },
);
export type CreateLevelInput = Static<typeof CreateLevelBody>;

export const UpdateLevelBody = Type.Object(levelFields, { additionalProperties: false });
export type UpdateLevelInput = Static<typeof UpdateLevelBody>;

export const RankParams = Type.Object({ rank: Type.Integer({ minimum: 1, maximum: 100 }) });

const settingsFields = {
  growthPerUnit: Type.Integer({ minimum: 0, maximum: 10_000, description: 'per major currency unit paid' }),
  growthPerCheckin: Type.Integer({ minimum: 0, maximum: 10_000 }),
  growthPerReview: Type.Integer({ minimum: 0, maximum: 10_000 }),
  growthPerLesson: Type.Integer({ minimum: 0, maximum: 10_000 }),
  reviewEnabled: Type.Boolean({ description: 'the yearly re-evaluation, which can move people down' }),
  reviewDate: Type.String({ pattern: '^\\d{2}-\\d{2}$', description: 'MM-DD, every year (not 02-29)' }),
};

export const LevelSettingsSchema = Type.Object({
  ...settingsFields,
  nextReviewDay: Nullable(Type.String({ description: 'YYYY-MM-DD of the next re-evaluation, when on' })),
});
export type LevelSettings = Static<typeof LevelSettingsSchema>;

export const UpdateSettingsBody = Type.Partial(Type.Object(settingsFields), { additionalProperties: false });
export type UpdateSettingsInput = Static<typeof UpdateSettingsBody>;
