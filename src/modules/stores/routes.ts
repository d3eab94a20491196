import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { adminOnly, requireRole, requireUser, signedIn } from '../../platform/http/auth.js';
import { pageQuery } from '../../platform/http/pagination.js';
import {
  ApplicationPage,
  ApplicationStatusFilter,
  CreateStoreBody,
  EmptyBody,
  Id,
  ListingSchema,
  ShopkeeperStatusSchema,
  StorePageSchema,
  StoreSchema,
  UpdateStoreBody,
} from './schemas.js';
import type { StoresService } from './service.js';

const shopkeeperOnly = async (request: FastifyRequest) => {
  requireRole(request, 'shopkeeper');
};

/** `PUT … {}` is the contract, but a client that sends no body at all means the same. */
const bodyDefaultsToEmpty = async (request: FastifyRequest) => {
  request.body ??= {};
};

const StoreParams = Type.Object({ id: Id });
const ListingParams = Type.Object({ id: Id, productId: Id });

export const storesRoutes: FastifyPluginAsyncTypebox<{ stores: StoresService }> = async (app, { stores }) => {
  app.post(
    '/api/shopkeepers',
    { onRequest: signedIn, schema: { tags: ['stores'], response: { 201: ShopkeeperStatusSchema } } },
    async (request, reply) => reply.status(201).send(await stores.becomeShopkeeper(requireUser(request).id)),
  );

  app.get(
    '/api/me/shopkeeper',
    {
      onRequest: signedIn,
      schema: {
        tags: ['stores'],
        response: {
          200: Type.Object({
            status: Type.Union([Type.Literal('approved'), Type.Literal('pending'), Type.Literal('none')]),
          }),
        },
      },
    },
    async (request) => ({ status: await stores.shopkeeperStatus(requireUser(request).id) }),
  );

  app.get(
    '/api/admin/shopkeepers',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin'],
        querystring: Type.Object({ status: ApplicationStatusFilter, ...pageQuery }),
        response: { 200: ApplicationPage },
      },
    },
    async (request) =>
      stores.listShopkeeperApplications({ ...request.query, limit: request.query.limit ?? 20 }),
  );

  app.post(
    '/api/admin/shopkeepers/:userId/approve',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin'],
        params: Type.Object({ userId: Id }),
        response: { 200: ShopkeeperStatusSchema },
      },
    },
    async (request) => stores.approveShopkeeper(requireUser(request).id, request.params.userId),
  );

  app.post(
    '/api/stores',
    {
      onRequest: shopkeeperOnly,
      schema: { tags: ['stores'], body: CreateStoreBody, response: { 201: StoreSchema } },
    },
    async (request, reply) =>
      reply.status(201).send(await stores.createStore(requireUser(request).id, request.body)),
  );

  app.patch(
    '/api/stores/:id',
    {
      onRequest: signedIn,
      schema: {
        tags: ['stores'],
        params: StoreParams,
        body: UpdateStoreBody,
        response: { 200: StoreSchema },
      },
    },
    async (request) => stores.updateStore(requireUser(request).id, request.params.id, request.body),
  );

  app.get(
    '/api/me/store',
    { onRequest: signedIn, schema: { tags: ['stores'], response: { 200: StoreSchema } } },
    async (request) => stores.getMyStore(requireUser(request).id),
  );

  app.put(
    '/api/stores/:id/products/:productId',
    {
      onRequest: signedIn,
      preValidation: bodyDefaultsToEmpty,
      schema: { tags: ['stores'], params: ListingParams, body: EmptyBody, response: { 200: ListingSchema } },
    },
    async (request) =>
      stores.listProduct(requireUser(request).id, request.params.id, request.params.productId),
  );

  app.delete(
    '/api/stores/:id/products/:productId',
    {
      onRequest: signedIn,
      schema: { tags: ['stores'], params: ListingParams, response: { 200: ListingSchema } },
    },
    async (request) =>
      stores.unlistProduct(requireUser(request).id, request.params.id, request.params.productId),
  );

  app.get(
    '/api/stores/:slug',
    {
      schema: {
        tags: ['stores'],
        params: Type.Object({ slug: Type.String({ minLength: 1, maxLength: 100 }) }),
        response: { 200: StorePageSchema },
      },
    },
    async (request) => stores.getStorePageBySlug(request.params.slug),
  );

  app.get(
    '/api/stores/by-id/:id',
    { schema: { tags: ['stores'], params: StoreParams, response: { 200: StorePageSchema } } },
    async (request) => stores.getStorePageById(request.params.id),
  );
};
