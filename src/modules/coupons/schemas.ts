import { type Static, Type } from 'typebox';
import { NonBlankText, Nullable } from '../../platform/http/schemas.js';
import { MinSpendParams, NotApplicableParams } from './reasons.js';
import { COUPON_SOURCES, type TemplateStatus, templateMachine } from './rules.js';

const Money = Type.Integer({ minimum: 1, maximum: 1_000_000_000_00 });
const Kind = Type.Union([Type.Literal('amount_off'), Type.Literal('percent_off')]);
const Instant = Type.String({ format: 'date-time' });

/** Fields an operator sets on a template; all but the title and kind may be left out. */
const templateFields = {
  title: NonBlankText(80),
  description: Type.String({ maxLength: 500 }),
  kind: Kind,
  amountOff: Nullable(Money),
  percentOffBps: Nullable(Type.Integer({ minimum: 1, maximum: 10_000 })),
  maxDiscount: Nullable(Money),
  minSpend: Type.Integer({ minimum: 0, maximum: 1_000_000_000_00 }),
  productIds: Nullable(
    Type.Array(Type.String({ minLength: 1, maxLength: 64 }), {
      minItems: 1,
      maxItems: 100,
      uniqueItems: true,
    }),
  ),
  startsAt: Nullable(Instant),
  endsAt: Nullable(Instant),
  validDays: Nullable(Type.Integer({ minimum: 1, maximum: 3650 })),
  perUserLimit: Type.Integer({ minimum: 1, maximum: 100 }),
  totalQuantity: Nullable(Type.Integer({ minimum: 1, maximum: 100_000_000 })),
  shareToUnlock: Nullable(Type.Integer({ minimum: 1, maximum: 1000 })),
  claimable: Type.Boolean(),
};

const { title, kind, ...optional } = templateFields;

export const CreateTemplateBody = Type.Object(
  { title, kind, ...Type.Partial(Type.Object(optional)).properties },
  { additionalProperties: false },
);
export type CreateTemplateInput = Static<typeof CreateTemplateBody>;

export const UpdateTemplateBody = Type.Partial(Type.Object(templateFields), { additionalProperties: false });
export type UpdateTemplateInput = Static<typeof UpdateTemplateBody>;

/** A coupon's terms, the same on its template and on every coupon claimed from it. */
const termsFields = {
  title: Type.String(),
  description: Type.String(),
  kind: Kind,
  amountOff: Nullable(Type.Integer()),
  percentOffBps: Nullable(Type.Integer()),
  maxDiscount: Nullable(Type.Integer()),
  minSpend: Type.Integer(),
  productIds: Nullable(Type.Array(Type.String())),
};

export const TemplateSchema = Type.Object({
  id: Type.String(),
  ...termsFields,
  startsAt: Nullable(Type.String()),
  endsAt: Nullable(Type.String()),
  validDays: Nullable(Type.Integer()),
  perUserLimit: Type.Integer(),
  totalQuantity: Nullable(Type.Integer()),
  issued: Type.Integer(),
  /** Left to claim; null when the quantity is unlimited. */
  remaining: Nullable(Type.Integer()),
  shareToUnlock: Nullable(Type.Integer()),
  claimable: Type.Boolean(),
  status: Type.Unsafe<TemplateStatus>(Type.String({ enum: [...templateMachine.states] })),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

/** A template as the coupon centre shows it to one person. */
export const OfferSchema = Type.Object({
  ...TemplateSchema.properties,
  /** How many of these the viewer holds (0 when signed out). */
  held: Type.Integer(),
  /** Whether the viewer may claim one more now, leaving share-to-unlock progress aside. */
  canClaim: Type.Boolean(),
});

export const HeldCouponSchema = Type.Object({
  id: Type.String(),
  templateId: Type.String(),
  ...termsFields,
  source: Type.Enum(COUPON_SOURCES, {
    description:
      'Where it came from: `claim` (the coupon centre), or a reward: `invitation`, `task`, `level` (monthly coupon), `competition` (prize) or `mall` (points mall).',
  }),
  status: Type.Union([Type.Literal('available'), Type.Literal('used'), Type.Literal('expired')]),
  claimedAt: Type.String(),
  validUntil: Nullable(Type.String()),
  orderId: Nullable(Type.String()),
  usedAt: Nullable(Type.String()),
});

const page = <T extends Parameters<typeof Type.Array>[0]>(item: T) =>
  Type.Object({ items: Type.Array(item), nextCursor: Nullable(Type.String()) });

/** A template as the console lists it: its terms, and what its coupons did. */
export const AdminTemplateSchema = Type.Object({
  ...TemplateSchema.properties,
  usage: Type.Object({
    /** Claimed in the coupon centre (`issued` also counts those given as rewards). */
    claimed: Type.Integer(),
    /** Used on orders that were paid and not refunded in full. */
    used: Type.Integer(),
    /** The discount those orders got, minor units. A refunded order's is not counted. */
    discountGiven: Type.Integer(),
    /** Used on orders later refunded in full (their coupons went back to their holders). */
    refunded: Type.Integer(),
  }),
});

export const TemplatePage = page(AdminTemplateSchema);
export const OfferPage = page(OfferSchema);
export const HeldCouponPage = page(HeldCouponSchema);

export const ProgressSchema = Type.Object({ required: Type.Integer(), reached: Type.Integer() });

export const ApplicableSchema = Type.Object({
  memberDiscount: Type.Integer({
    description:
      'What the buyer’s level takes off this cart, as checkout takes it; coupons are priced on the cart after it.',
  }),
  items: Type.Array(
    Type.Object({
      coupon: HeldCouponSchema,
      /** What it would take off this cart; 0 when it does not apply. */
      discount: Type.Integer(),
      applicable: Type.Boolean(),
      /** Why it does not apply, in English words; null when it does. Clients word `refusal` instead. */
      reason: Nullable(Type.String()),
      /** Why it does not apply, as a refusal reason and its params (money in minor units); null when it does. */
      refusal: Nullable(
        Type.Union([
          Type.Object({ reason: Type.Literal('coupon_not_applicable'), params: NotApplicableParams }),
          Type.Object({ reason: Type.Literal('coupon_min_spend'), params: MinSpendParams }),
        ]),
      ),
    }),
  ),
});

export const HeldStatusFilter = Type.Optional(
  Type.Union([Type.Literal('available'), Type.Literal('used'), Type.Literal('expired')]),
);

/** `variantId:quantity` pairs separated by commas, as the cart holds them. */
export const CartQuery = Type.String({
  minLength: 3,
  maxLength: 2000,
  pattern: '^[A-Za-z0-9_-]{1,64}:[0-9]{1,2}(,[A-Za-z0-9_-]{1,64}:[0-9]{1,2}){0,49}$',
});
