import { type Static, Type } from 'typebox';
import { pageQuery } from '../../platform/http/pagination.js';
import { Nullable } from '../../platform/http/schemas.js';
import { MAX_STOCK } from './rules.js';
import { PRODUCT_SORTS } from './search.js';

/** The catalog's request and response shapes: the one source of its types (`Static<>`) and of the web's. */

export const Id = Type.String({ minLength: 1, maxLength: 64 });
const moneyRange = { minimum: 0, maximum: 100_000_000_00 };
const ImageUrl = Type.String({ minLength: 1, maxLength: 2048, pattern: '^(https?://|/)' });

export const ProductStatus = Type.Union([Type.Literal('active'), Type.Literal('archived')]);

export const VariantSchema = Type.Object({
  id: Type.String(),
  sku: Type.String(),
  title: Type.String(),
  price: Type.Integer({ description: 'Minor units' }),
  stock: Type.Integer(),
});

export const ProductSchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  description: Type.String(),
  images: Type.Array(Type.String()),
  category: Nullable(Type.String({ description: 'A category slug, such as "tea"' })),
  status: ProductStatus,
  commissionRateBps: Nullable(Type.Integer()),
  leaderRateBps: Nullable(
    Type.Integer({
      description:
        'this product’s own community-leader commission in basis points, replacing the operator’s ' +
        '`leaderRateBps` for its lines; null = the operator’s',
    }),
  ),
  repurchase: Type.Boolean({
    description:
      'bought again and again (tea, rice): recommendations may show it to someone who bought it in the last 30 days',
  }),
  variants: Type.Array(VariantSchema),
  minPrice: Nullable(Type.Integer()),
  maxPrice: Nullable(Type.Integer()),
  inStock: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});

export type Product = Static<typeof ProductSchema>;
export type Variant = Static<typeof VariantSchema>;

export const ProductPage = Type.Object({
  items: Type.Array(ProductSchema),
  nextCursor: Nullable(Type.String()),
  total: Type.Optional(
    Type.Integer({ minimum: 0, description: 'How many products match the filter, on all pages together.' }),
  ),
});

const Stock = Type.Integer({ minimum: 0, maximum: MAX_STOCK });
const variantFields = {
  sku: Type.String({ minLength: 1, maxLength: 64, pattern: '^\\S+$' }),
  title: Type.Optional(Type.String({ maxLength: 120 })),
  price: Type.Integer(moneyRange),
};
const NewVariantInput = Type.Object({ ...variantFields, stock: Stock }, { additionalProperties: false });
// In an edit, `stock` is only for variants without an id (new ones); the service refuses it on others.
const EditedVariantInput = Type.Object(
  { id: Type.Optional(Id), ...variantFields, stock: Type.Optional(Stock) },
  { additionalProperties: false },
);

const productFields = {
  title: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
  description: Type.Optional(Type.String({ maxLength: 10_000 })),
  images: Type.Optional(Type.Array(ImageUrl, { maxItems: 12 })),
  category: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 40 }))),
  variants: Type.Array(NewVariantInput, { minItems: 1, maxItems: 50 }),
  commissionRateBps: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 10_000 }))),
  leaderRateBps: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 10_000 }))),
  repurchase: Type.Optional(Type.Boolean()),
};

export const CreateProductBody = Type.Object(productFields, { additionalProperties: false });
export const UpdateProductBody = Type.Partial(
  Type.Object({
    ...productFields,
    variants: Type.Array(EditedVariantInput, { minItems: 1, maxItems: 50 }),
  }),
  { additionalProperties: false },
);

/** A variant as an edit gives it: with an `id` to update, without to add (with its starting stock). */
export type VariantInput = Static<typeof EditedVariantInput>;
export type ProductInput = Static<typeof CreateProductBody>;
export type ProductPatch = Static<typeof UpdateProductBody>;

export const AdjustStockBody = Type.Object(
  {
    delta: Type.Optional(Type.Integer({ minimum: -MAX_STOCK, maximum: MAX_STOCK })),
    expected: Type.Optional(Stock),
    stock: Type.Optional(Stock),
    reason: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
  },
  { additionalProperties: false },
);

export const MovementKind = Type.Union([
  Type.Literal('initial'),
  Type.Literal('adjustment'),
  Type.Literal('sold'),
  Type.Literal('released'),
  Type.Literal('returned'),
]);

export const MovementSchema = Type.Object({
  id: Type.String(),
  variantId: Type.String(),
  delta: Type.Integer(),
  stock: Type.Integer({ description: "The variant's stock right after this movement." }),
  kind: MovementKind,
  actorId: Nullable(
    Type.String({
      description: 'The operator who made it; null when the system did (checkout, expiry, refunds).',
    }),
  ),
  reason: Type.String(),
  orderId: Nullable(Type.String()),
  createdAt: Type.String({ format: 'date-time' }),
});
export type StockMovement = Static<typeof MovementSchema>;

export const MovementPage = Type.Object({
  items: Type.Array(MovementSchema),
  nextCursor: Nullable(Type.String()),
});

export const ProductSortSchema = Type.Union(
  PRODUCT_SORTS.map((s) => Type.Literal(s)),
  {
    description:
      '`relevance` (the default with `q`; without `q` it is `newest`, the default then), `popular` (units ' +
      'sold: taken by checkouts and not released, refunded or returned), `price_asc` / `price_desc` (by ' +
      'the lowest variant price), `newest`.',
  },
);

export const ListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  category: Type.Optional(Type.String({ maxLength: 40 })),
  sort: Type.Optional(ProductSortSchema),
  minPrice: Type.Optional(
    Type.Integer({
      ...moneyRange,
      description: "Minor units; the product's lowest variant price at least this.",
    }),
  ),
  maxPrice: Type.Optional(
    Type.Integer({
      ...moneyRange,
      description: "Minor units; the product's lowest variant price at most this. Below `minPrice`: 400.",
    }),
  ),
  ...pageQuery,
});
export const AdminListQuery = Type.Object({
  ...ListQuery.properties,
  includeArchived: Type.Optional(Type.Boolean({ default: true })),
});
export const IdParams = Type.Object({ id: Id });
