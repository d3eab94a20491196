import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { adminOnly, requireUser } from '../../platform/http/auth.js';
import { pageQuery } from '../../platform/http/pagination.js';
import { ProblemResponse } from '../../platform/http/schemas.js';
import { auditContext } from '../audit/index.js';
import { categoryRoutes } from './category-routes.js';
import { CategoryList } from './category-schemas.js';
import {
  AdjustStockBody,
  AdminListQuery,
  CreateProductBody,
  IdParams,
  ListQuery,
  MovementPage,
  MovementSchema,
  ProductPage,
  ProductSchema,
  UpdateProductBody,
} from './schemas.js';
import type { CatalogService } from './service.js';

/** The refusals every operator route can give before its own: no token, not an admin. */
const adminProblems = { 401: ProblemResponse, 403: ProblemResponse };

export const catalogRoutes: FastifyPluginAsyncTypebox<{ catalog: CatalogService }> = async (
  app,
  { catalog },
) => {
  await app.register(categoryRoutes, { catalog });

  app.get(
    '/api/products',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Search the catalog',
        description:
          'Active products for anyone (no sign-in). `q` searches title (weighted most) and description: ' +
          'English words by stem and prefix, a misspelt word by trigram similarity to the title, Chinese ' +
          'by its characters, and any substring; results are ranked by relevance unless `sort` says ' +
          'otherwise (without `q`: newest first). `category` takes a category slug (a name is turned into ' +
          'its slug); `minPrice`/`maxPrice` (minor units) filter on the lowest variant price. `total` is ' +
          'how many match on all pages; a cursor belongs to the sort it was issued for. Archived products never appear.',
        querystring: ListQuery,
        response: { 200: ProductPage, 400: ProblemResponse },
      },
    },
    async (request) => catalog.listProducts({ ...request.query, limit: request.query.limit ?? 20 }),
  );

  app.get(
    '/api/products/:id',
    {
      schema: {
        tags: ['catalog'],
        summary: 'A product with its variants',
        description: 'For anyone. An archived or unknown product is 404 (`not_found`).',
        params: IdParams,
        response: { 200: ProductSchema, 404: ProblemResponse },
      },
    },
    async (request) => catalog.getProduct(request.params.id),
  );

  app.get(
    '/api/categories',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Categories in use',
        description:
          "The categories that have active products, in the operator's order: slug, how many active " +
          'products, display names in each interface language, and icon.',
        response: { 200: CategoryList },
      },
    },
    async () => ({ items: await catalog.listCategories() }),
  );

  app.get(
    '/api/admin/products',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin', 'catalog'],
        summary: 'The catalog as the operator sees it',
        description:
          'Admin only. Like `GET /api/products`, with archived products included unless `includeArchived=false`.',
        querystring: AdminListQuery,
        response: { 200: ProductPage, 400: ProblemResponse, ...adminProblems },
      },
    },
    async (request) => catalog.listProducts({ ...request.query, limit: request.query.limit ?? 20 }),
  );

  app.get(
    '/api/admin/products/:id',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin', 'catalog'],
        summary: 'A product, archived or not',
        description: 'Admin only. Answers archived products too; 404 for an unknown one.',
        params: IdParams,
        response: { 200: ProductSchema, 404: ProblemResponse, ...adminProblems },
      },
    },
    async (request) => catalog.getProduct(request.params.id, true),
  );

  app.post(
    '/api/admin/products',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin', 'catalog'],
        summary: 'Add a product',
        description:
          'Admin only. A product with one or more variants (SKU, price in minor units, starting stock, ' +
          'recorded as its `initial` movement). A SKU used twice in the body is a field error (rule ' +
          '`unique`); a SKU another product has is 409 `sku_taken`. A `category` (a slug, or a name made ' +
          'into one) that is not a managed category yet becomes one, named after its slug and last in the order.',
        body: CreateProductBody,
        response: { 201: ProductSchema, 400: ProblemResponse, 409: ProblemResponse, ...adminProblems },
      },
    },
    async (request, reply) => {
      return reply
        .status(201)
        .send(await catalog.createProduct(request.body, requireUser(request).id, auditContext(request)));
    },
  );

  app.patch(
    '/api/admin/products/:id',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin', 'catalog'],
        summary: 'Edit a product and its variants',
        description:
          'Admin only. Fields left out stay as they were. `variants` lists every variant to keep: those ' +
          'with an `id` are updated (SKU, title, price, position), those without are added with the `stock` ' +
          'given (0 if none). An edit never changes the stock of an existing variant: `stock` on a variant ' +
          'with an `id` is refused with 400 (rule `stockReadOnly`); change stock with ' +
          '`POST /api/admin/variants/{id}/stock`. A SKU another product has is 409 `sku_taken`.',
        params: IdParams,
        body: UpdateProductBody,
        response: {
          200: ProductSchema,
          400: ProblemResponse,
          404: ProblemResponse,
          409: ProblemResponse,
          ...adminProblems,
        },
      },
    },
    async (request) => {
      return catalog.updateProduct(
        request.params.id,
        request.body,
        requireUser(request).id,
        auditContext(request),
      );
    },
  );

  app.post(
    '/api/admin/variants/:id/stock',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin', 'catalog'],
        summary: "Change a variant's stock",
        description:
          'Admin only. Either `{ delta, reason }` (add or, negative, remove units) or `{ expected, stock, ' +
          'reason }` (compare-and-set: 409 `stock_changed` with the stock `available` now when it is no ' +
          'longer `expected`). Stock stays within 0..10,000,000: removing more than there is is 422 ' +
          '`insufficient_stock` (with `available`), going past the top 422 `stock_above_maximum`. ' +
          'Answers the recorded movement, whose `stock` is the new stock.',
        params: IdParams,
        body: AdjustStockBody,
        response: {
          200: MovementSchema,
          400: ProblemResponse,
          404: ProblemResponse,
          409: ProblemResponse,
          422: ProblemResponse,
          ...adminProblems,
        },
      },
    },
    async (request) =>
      catalog.adjustStock(request.params.id, request.body, requireUser(request).id, auditContext(request)),
  );

  app.get(
    '/api/admin/variants/:id/stock-movements',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin', 'catalog'],
        summary: "A variant's stock movements, newest first",
        description:
          'Admin only. Every change of the stock: `initial`, `adjustment` (by an operator, `actorId`), ' +
          '`sold` (reserved by a checkout), `released` (an unpaid order cancelled or expired) and ' +
          '`returned` (a refund or return), each with the stock after it. The deltas of all movements ' +
          'sum to the stock.',
        params: IdParams,
        querystring: Type.Object(pageQuery),
        response: { 200: MovementPage, 400: ProblemResponse, 404: ProblemResponse, ...adminProblems },
      },
    },
    async (request) =>
      catalog.listMovements(request.params.id, { ...request.query, limit: request.query.limit ?? 20 }),
  );

  app.post(
    '/api/admin/products/:id/archive',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin', 'catalog'],
        summary: 'Stop selling a product',
        description:
          'Admin only. The product leaves the storefront, stores and checkout; orders keep referring to ' +
          'it. Archiving an archived product changes nothing.',
        params: IdParams,
        response: { 200: ProductSchema, 404: ProblemResponse, ...adminProblems },
      },
    },
    async (request) => catalog.archiveProduct(request.params.id, auditContext(request)),
  );

  app.post(
    '/api/admin/products/:id/restore',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin', 'catalog'],
        summary: 'Sell an archived product again',
        description:
          'Admin only. The product is active again, and shows in the stores that listed it. Restoring an ' +
          'active product changes nothing.',
        params: IdParams,
        response: { 200: ProductSchema, 404: ProblemResponse, ...adminProblems },
      },
    },
    async (request) => catalog.restoreProduct(request.params.id, auditContext(request)),
  );
};
