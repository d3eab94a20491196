import { Type } from 'typebox';
import { NonBlankText, Nullable } from '../../platform/http/schemas.js';

const Money = Type.Integer({ minimum: 0, maximum: 100_000_000 });
const Units = Type.Integer({
  minimum: 1,
  maximum: 1_000_000,
  description: 'Items (basis `count`) or grams (basis `weight`); unused by a `flat` template.',
});
const Id = Type.String({ minLength: 1, maxLength: 64 });

const ruleFields = {
  first: Units,
  firstFee: Money,
  extra: Units,
  extraFee: Money,
};
export const FeeRuleSchema = Type.Object(ruleFields, {
  additionalProperties: false,
  description:
    '`firstFee` for the first `first` units, then `extraFee` for each further `extra` units or part of them.',
});
export const RegionRuleSchema = Type.Object(
  {
    provinces: Type.Array(NonBlankText(40), { minItems: 1, maxItems: 40 }),
    ...ruleFields,
  },
  {
    additionalProperties: false,
    description:
      'Replaces the default rule for the provinces named (matched without case, spaces or a suffix such as 省 or Province).',
  },
);

export const BasisSchema = Type.Union([Type.Literal('flat'), Type.Literal('count'), Type.Literal('weight')], {
  description: '`flat`: one fee per template in an order; `count`: by items; `weight`: by grams.',
});

export const TemplateBody = Type.Object(
  {
    name: NonBlankText(80),
    basis: BasisSchema,
    freeOverAmount: Type.Optional(
      Nullable(
        Type.Integer({
          minimum: 1,
          maximum: 100_000_000,
          description: 'Goods of this much or more ship free.',
        }),
      ),
    ),
    defaultRule: FeeRuleSchema,
    regionRules: Type.Optional(Type.Array(RegionRuleSchema, { maxItems: 40 })),
    isDefault: Type.Optional(
      Type.Boolean({
        description: 'Products without a template of their own ship under it; one template at most.',
      }),
    ),
  },
  { additionalProperties: false },
);

export const TemplateSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  basis: BasisSchema,
  freeOverAmount: Nullable(Type.Integer()),
  defaultRule: FeeRuleSchema,
  regionRules: Type.Array(RegionRuleSchema),
  isDefault: Type.Boolean(),
  /** Products that ship under it by their own choice (not counting those on the default). */
  productCount: Type.Integer({
    description: 'Products assigned to it (the default template serves others too).',
  }),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const TemplatePage = Type.Object({
  items: Type.Array(TemplateSchema),
  nextCursor: Nullable(Type.String()),
});

export const IdParams = Type.Object({ id: Id });

const Weight = Type.Object(
  { variantId: Id, grams: Type.Integer({ minimum: 1, maximum: 1_000_000 }) },
  { additionalProperties: false },
);

export const ProductShippingBody = Type.Object(
  {
    templateId: Nullable(Id),
    weights: Type.Optional(Type.Array(Weight, { maxItems: 100 })),
  },
  { additionalProperties: false },
);

export const ProductShippingSchema = Type.Object({
  productId: Type.String(),
  templateId: Nullable(
    Type.String({ description: 'The product’s own template; null: it ships under the default.' }),
  ),
  effectiveTemplateId: Nullable(
    Type.String({ description: 'What it ships under now (its own, else the default); null: it ships free.' }),
  ),
  weights: Type.Array(Type.Object({ variantId: Type.String(), grams: Type.Integer() })),
});

export const QuoteQuery = Type.Object({
  items: Type.String({
    minLength: 3,
    maxLength: 2000,
    pattern: '^[^:,]{1,64}:[1-9][0-9]?(,[^:,]{1,64}:[1-9][0-9]?){0,49}$',
    description: 'The cart as `variantId:quantity` pairs separated by commas.',
  }),
  province: Type.Optional(Type.String({ maxLength: 80 })),
  campaignId: Type.Optional(Id),
  groupId: Type.Optional(Id),
});

export const WaiverSchema = Nullable(
  Type.Union([Type.Literal('member'), Type.Literal('group_buy'), Type.Literal('flash_sale')], {
    description: 'Why an order that would pay shipping ships free: the buyer’s level, or the promotion.',
  }),
);

export const QuoteSchema = Type.Object({
  fee: Type.Integer({ description: 'What checkout will charge for shipping, in minor units.' }),
  waiver: WaiverSchema,
  parts: Type.Array(
    Type.Object({
      templateId: Type.String(),
      goodsAmount: Type.Integer(),
      fee: Type.Integer(),
      freeOverAmount: Nullable(Type.Integer()),
      amountToFree: Nullable(
        Type.Integer({
          description: 'How much more of these goods would ship them free; null: no such amount.',
        }),
      ),
    }),
  ),
});
