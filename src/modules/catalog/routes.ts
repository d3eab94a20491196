import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { adminOnly, requireUser } from '../../platform/http/auth.js';
import { pageQuery } from '../../platform/http/pagination.js';
import { Nullable } from '../../platform/http/schemas.js';
import { MAX_STOCK } from './rules.js';
import type { CatalogService } from './service.js';

const Id = Type.String({ minLength: 1, maxLength: 64 });
const Money = Type.Integer({ minimum: 0, maximum: 100_000_000_00 });
const ImageUrl = Type.String({ minLength: 1, maxLength: 2048, pattern: '^(https?://|/)' });

const VariantSchema = Type.Object({
  id: Type.String(),
  sku: Type.String(),
  title: Type.String(),
  price: Type.Integer(),
  stock: Type.Integer(),
});

export const ProductSchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  description: Type.String(),
  images: Type.Array(Type.String()),
  category: Type.Union([Type.String(), Type.Null()]),
  status: Type.Union([Type.Literal('active'), Type.Literal('archived')]),
  commissionRateBps: Type.Union([Type.Integer(), Type.Null()]),
  variants: Type.Array(VariantSchema),
  minPrice: Type.Union([Type.Integer(), Type.Null()]),
  maxPrice: Type.Union([Type.Integer(), Type.Null()]),
  inStock: Type.Boolean(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

const ProductPage = Type.Object({
  items: Type.Array(ProductSchema),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

const Stock = Type.Integer({ minimum: 0, maximum: MAX_STOCK });
const variantFields = {
  sku: Type.String({ minLength: 1, maxLength: 64, pattern: '^\\S+$' }),
  title: Type.Optional(Type.String({ maxLength: 120 })),
  price: Money,
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
  category: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 40 }), Type.Null()])),
  variants: Type.Array(NewVariantInput, { minItems: 1, maxItems: 50 }),
  commissionRateBps: Type.Optional(Type.Union([Type.Integer({ minimum: 0, maximum: 10_000 }), Type.Null()])),
};

export const CreateProductBody = Type.Object(productFields, { additionalProperties: false });
const UpdateProductBody = Type.Partial(
  Type.Object({
    ...productFields,
    variants: Type.Array(EditedVariantInput, { minItems: 1, maxItems: 50 }),
  }),
  { additionalProperties: false },
);

const AdjustStockBody = Type.Object(
  {
    delta: Type.Optional(Type.Integer({ minimum: -MAX_STOCK, maximum: MAX_STOCK })),
    expected: Type.Optional(Stock),
    stock: Type.Optional(Stock),
    reason: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
  },
  { additionalProperties: false },
);

export const MovementSchema = Type.Object({
  id: Type.String(),
  variantId: Type.String(),
  delta: Type.Integer(),
  /** The variant's stock right after this movement. */
  stock: Type.Integer(),
  kind: Type.Union([
    Type.Literal('initial'),
    Type.Literal('adjustment'),
    Type.Literal('sold'),
    Type.Literal('released'),
    Type.Literal('returned'),
  ]),
  /** The operator who made it; null when the system did (checkout, expiry, refunds). */
  actorId: Nullable(Type.String()),
  reason: Type.String(),
  orderId: Nullable(Type.String()),
  createdAt: Type.String({ format: 'date-time' }),
});
const MovementPage = Type.Object({ items: Type.Array(MovementSchema), nextCursor: Nullable(Type.String()) });

const ListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  category: Type.Optional(Type.String({ maxLength: 40 })),
  ...pageQuery,
});
const AdminListQuery = Type.Object({
  ...ListQuery.properties,
  includeArchived: Type.Optional(Type.Boolean({ default: true })),
});
const IdParams = Type.Object({ id: Id });

export const catalogRoutes: FastifyPluginAsyncTypebox<{ catalog: CatalogService }> = async (
  app,
  { catalog },
) => {
  app.get(
    '/api/products',
    { schema: { tags: ['catalog'], querystring: ListQuery, response: { 200: ProductPage } } },
    async (request) => catalog.listProducts({ ...request.query, limit: request.query.limit ?? 20 }),
  );

  app.get(
    '/api/products/:id',
    { schema: { tags: ['catalog'], params: IdParams, response: { 200: ProductSchema } } },
    async (request) => catalog.getProduct(request.params.id),
  );

  app.get(
    '/api/categories',
    {
      schema: {
        tags: ['catalog'],
        response: {
          200: Type.Object({
            items: Type.Array(Type.Object({ slug: Type.String(), products: Type.Integer() })),
          }),
        },
      },
    },
    async () => ({ items: await catalog.listCategories() }),
  );

  app.get(
    '/api/admin/products',
    {
      onRequest: adminOnly,
      schema: { tags: ['admin'], querystring: AdminListQuery, response: { 200: ProductPage } },
    },
    async (request) => catalog.listProducts({ ...request.query, limit: request.query.limit ?? 20 }),
  );

  app.get(
    '/api/admin/products/:id',
    { onRequest: adminOnly, schema: { tags: ['admin'], params: IdParams, response: { 200: ProductSchema } } },
    async (request) => {
      return catalog.getProduct(request.params.id, true);
    },
  );

  app.post(
    '/api/admin/products',
    {
      onRequest: adminOnly,
      schema: { tags: ['admin'], body: CreateProductBody, response: { 201: ProductSchema } },
    },
    async (request, reply) => {
      return reply.status(201).send(await catalog.createProduct(request.body, requireUser(request).id));
    },
  );

  app.patch(
    '/api/admin/products/:id',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin'],
        summary: 'Edit a product and its variants',
        description:
          'Fields left out stay as they were. `variants` lists every variant to keep: those with an `id` ' +
          'are updated (SKU, title, price, position), those without are added with the `stock` given ' +
          '(0 if none). An edit never changes the stock of an existing variant: `stock` on a variant with ' +
          'an `id` is refused with 400; change stock with `POST /api/admin/variants/{id}/stock`.',
        params: IdParams,
        body: UpdateProductBody,
        response: { 200: ProductSchema },
      },
    },
    async (request) => {
      return catalog.updateProduct(request.params.id, request.body, requireUser(request).id);
    },
  );

  app.post(
    '/api/admin/variants/:id/stock',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin'],
        summary: "Change a variant's stock",
        description:
          'Either `{ delta, reason }` (add or, negative, remove units) or `{ expected, stock, reason }` ' +
          '(compare-and-set: 409 when the stock is no longer `expected`). Stock stays within 0..10,000,000: ' +
          'a change past either end is refused with 422. Answers the recorded movement, whose `stock` is ' +
          'the new stock.',
        params: IdParams,
        body: AdjustStockBody,
        response: { 200: MovementSchema },
      },
    },
    async (request) => catalog.adjustStock(request.params.id, request.body, requireUser(request).id),
  );

  app.get(
    '/api/admin/variants/:id/stock-movements',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin'],
        summary: "A variant's stock movements, newest first",
        description:
          'Every change of the stock: `initial`, `adjustment` (by an operator, `actorId`), `sold` (reserved ' +
          'by a checkout), `released` (an unpaid order cancelled or expired) and `returned` (a refund or ' +
          'return), each with the stock after it. The deltas of all movements sum to the stock.',
        params: IdParams,
        querystring: Type.Object(pageQuery),
        response: { 200: MovementPage },
      },
    },
    async (request) =>
      catalog.listMovements(request.params.id, { ...request.query, limit: request.query.limit ?? 20 }),
  );

  app.post(
    '/api/admin/products/:id/archive',
    { onRequest: adminOnly, schema: { tags: ['admin'], params: IdParams, response: { 200: ProductSchema } } },
    async (request) => {
      return catalog.archiveProduct(request.params.id);
    },
  );

  app.post(
    '/api/admin/products/:id/restore',
    { onRequest: adminOnly, schema: { tags: ['admin'], params: IdParams, response: { 200: ProductSchema } } },
    async (request) => {
      return catalog.restoreProduct(request.params.id);
    },
  );
};
