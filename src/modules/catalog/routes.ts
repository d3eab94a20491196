import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { adminOnly } from '../../platform/http/auth.js';
import { pageQuery } from '../../platform/http/pagination.js';
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

const VariantInput = Type.Object(
  {
    id: Type.Optional(Id),
    sku: Type.String({ minLength: 1, maxLength: 64, pattern: '^\\S+$' }),
    title: Type.Optional(Type.String({ maxLength: 120 })),
    price: Money,
    stock: Type.Integer({ minimum: 0, maximum: 10_000_000 }),
  },
  { additionalProperties: false },
);

const productFields = {
  title: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
  description: Type.Optional(Type.String({ maxLength: 10_000 })),
  images: Type.Optional(Type.Array(ImageUrl, { maxItems: 12 })),
  category: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 40 }), Type.Null()])),
  variants: Type.Array(VariantInput, { minItems: 1, maxItems: 50 }),
  commissionRateBps: Type.Optional(Type.Union([Type.Integer({ minimum: 0, maximum: 10_000 }), Type.Null()])),
};

export const CreateProductBody = Type.Object(productFields, { additionalProperties: false });
const UpdateProductBody = Type.Partial(Type.Object(productFields), { additionalProperties: false });

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
      return reply.status(201).send(await catalog.createProduct(request.body));
    },
  );

  app.patch(
    '/api/admin/products/:id',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin'],
        params: IdParams,
        body: UpdateProductBody,
        response: { 200: ProductSchema },
      },
    },
    async (request) => {
      return catalog.updateProduct(request.params.id, request.body);
    },
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
