import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { adminOnly, requireUser, signedIn } from '../../platform/http/auth.js';
import { pageQuery } from '../../platform/http/pagination.js';
import { ProblemResponse } from '../../platform/http/schemas.js';
import { auditContext } from '../audit/index.js';
import {
  ApplicationPage,
  ApplicationSchema,
  ApplicationStatusFilter,
  CreateStoreBody,
  EmptyBody,
  Id,
  ListingSchema,
  MyShopkeeperStatusSchema,
  RejectBody,
  ShopkeeperStatusSchema,
  StorePageSchema,
  StoreSchema,
  UpdateStoreBody,
} from './schemas.js';
import type { StoresService } from './service.js';

/** `PUT … {}` is the contract, but a client that sends no body at all means the same. */
const bodyDefaultsToEmpty = async (request: FastifyRequest) => {
  request.body ??= {};
};

const StoreParams = Type.Object({ id: Id });
const ListingParams = Type.Object({ id: Id, productId: Id });
const adminProblems = { 401: ProblemResponse, 403: ProblemResponse };

export const storesRoutes: FastifyPluginAsyncTypebox<{ stores: StoresService }> = async (app, { stores }) => {
  // Before validation, like the other guards; it says why: no application yet, or one still waiting.
  const shopkeeperOnly = async (request: FastifyRequest) => {
    const user = requireUser(request);
    await stores.assertShopkeeper(user.id, user.roles);
  };

  app.post(
    '/api/shopkeepers',
    {
      onRequest: signedIn,
      schema: {
        tags: ['stores'],
        summary: 'Become a shopkeeper',
        description:
          'Any signed-in person. With approval off (the default) they gain the `shopkeeper` role at once ' +
          '(`approved`); with SHOPKEEPER_APPROVAL on the application waits for the operator (`pending`). ' +
          'Asking again answers the current state.',
        response: { 201: ShopkeeperStatusSchema, 401: ProblemResponse },
      },
    },
    async (request, reply) => reply.status(201).send(await stores.becomeShopkeeper(requireUser(request).id)),
  );

  app.get(
    '/api/me/shopkeeper',
    {
      onRequest: signedIn,
      schema: {
        tags: ['stores'],
        summary: 'Whether I am a shopkeeper',
        description:
          'Signed in: `approved`, `pending` (the application waits for the operator), `rejected` (with the ' +
          'operator’s `reason`, if they gave one, and `decidedAt`; applying again makes it pending) or `none`.',
        response: { 200: MyShopkeeperStatusSchema, 401: ProblemResponse },
      },
    },
    async (request) => stores.shopkeeperStatus(requireUser(request).id),
  );

  app.get(
    '/api/admin/shopkeepers',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin', 'stores'],
        summary: 'Shopkeeper applications',
        description:
          'Admin only. Applications oldest first, optionally only `pending`, `approved` or `rejected` ones. ' +
          'With `decided=true`, only approved and rejected ones, latest decision first.',
        querystring: Type.Object({
          status: ApplicationStatusFilter,
          decided: Type.Optional(Type.Boolean()),
          ...pageQuery,
        }),
        response: { 200: ApplicationPage, 400: ProblemResponse, ...adminProblems },
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
        tags: ['admin', 'stores'],
        summary: 'Approve a shopkeeper',
        description:
          'Admin only. The applicant gains the `shopkeeper` role; approving again changes nothing. ' +
          '404 for someone who has not applied.',
        params: Type.Object({ userId: Id }),
        response: { 200: ShopkeeperStatusSchema, 404: ProblemResponse, ...adminProblems },
      },
    },
    async (request) =>
      stores.approveShopkeeper(requireUser(request).id, request.params.userId, auditContext(request)),
  );

  app.post(
    '/api/admin/shopkeepers/:userId/reject',
    {
      onRequest: adminOnly,
      preValidation: bodyDefaultsToEmpty,
      schema: {
        tags: ['admin', 'stores'],
        summary: 'Reject a shopkeeper application',
        description:
          'Admin only. A pending application is turned down, with an optional `reason` (up to 500 ' +
          'characters) the applicant sees on their store page; they may apply again. Rejecting again ' +
          'changes nothing; an approved one is 409 `invalid_transition`; 404 for someone who has not applied.',
        params: Type.Object({ userId: Id }),
        body: RejectBody,
        response: {
          200: ApplicationSchema,
          400: ProblemResponse,
          404: ProblemResponse,
          409: ProblemResponse,
          ...adminProblems,
        },
      },
    },
    async (request) =>
      stores.rejectShopkeeper(
        requireUser(request).id,
        request.params.userId,
        request.body.reason,
        auditContext(request),
      ),
  );

  app.post(
    '/api/stores',
    {
      onRequest: shopkeeperOnly,
      schema: {
        tags: ['stores'],
        summary: 'Open my store',
        description:
          'Shopkeepers only: 403 `shopkeeper_required` for others, `shopkeeper_approval_pending` while ' +
          'the application waits. The slug is the store’s address (`/stores/<slug>`): 3 to 40 lowercase ' +
          'letters, digits and single dashes, not a reserved word (field errors on `/slug`); one another ' +
          'store has is 409 `slug_taken`. One store per shopkeeper: 409 `one_store_per_shopkeeper`.',
        body: CreateStoreBody,
        response: {
          201: StoreSchema,
          400: ProblemResponse,
          401: ProblemResponse,
          403: ProblemResponse,
          409: ProblemResponse,
        },
      },
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
        summary: 'Edit my store',
        description:
          'The store’s owner: name, logo and intro (the slug never changes). Another person’s store is 404. ' +
          '`logoUploadId` sets the logo to an upload of the owner’s (another person’s upload is 404 `upload_not_found`).',
        params: StoreParams,
        body: UpdateStoreBody,
        response: { 200: StoreSchema, 400: ProblemResponse, 401: ProblemResponse, 404: ProblemResponse },
      },
    },
    async (request) => stores.updateStore(requireUser(request).id, request.params.id, request.body),
  );

  app.get(
    '/api/me/store',
    {
      onRequest: signedIn,
      schema: {
        tags: ['stores'],
        summary: 'My store',
        description: 'Signed in: the store I own; 404 when I have none yet.',
        response: { 200: StoreSchema, 401: ProblemResponse, 404: ProblemResponse },
      },
    },
    async (request) => stores.getMyStore(requireUser(request).id),
  );

  app.put(
    '/api/stores/:id/products/:productId',
    {
      onRequest: signedIn,
      preValidation: bodyDefaultsToEmpty,
      schema: {
        tags: ['stores'],
        summary: 'List a product in my store',
        description:
          'The store’s owner (another person’s store is 404). Listing a listed product changes nothing. ' +
          'An unknown product is 404, an archived one 409 `product_archived`; a store lists at most 200 ' +
          'products (422 `store_listing_limit`).',
        params: ListingParams,
        body: EmptyBody,
        response: {
          200: ListingSchema,
          400: ProblemResponse,
          401: ProblemResponse,
          404: ProblemResponse,
          409: ProblemResponse,
          422: ProblemResponse,
        },
      },
    },
    async (request) =>
      stores.listProduct(requireUser(request).id, request.params.id, request.params.productId),
  );

  app.delete(
    '/api/stores/:id/products/:productId',
    {
      onRequest: signedIn,
      schema: {
        tags: ['stores'],
        summary: 'Take a product out of my store',
        description:
          'The store’s owner (another person’s store is 404); unlisting an unlisted product changes nothing.',
        params: ListingParams,
        response: { 200: ListingSchema, 401: ProblemResponse, 404: ProblemResponse },
      },
    },
    async (request) =>
      stores.unlistProduct(requireUser(request).id, request.params.id, request.params.productId),
  );

  app.get(
    '/api/stores/:slug',
    {
      schema: {
        tags: ['stores'],
        summary: 'A store’s page',
        description:
          'For anyone: the store, who runs it and the active products it lists, most recently listed first.',
        params: Type.Object({ slug: Type.String({ minLength: 1, maxLength: 100 }) }),
        response: { 200: StorePageSchema, 404: ProblemResponse },
      },
    },
    async (request) => stores.getStorePageBySlug(request.params.slug),
  );

  app.get(
    '/api/stores/by-id/:id',
    {
      schema: {
        tags: ['stores'],
        summary: 'A store’s page, by id',
        description: 'Like `GET /api/stores/{slug}`, for links that carry the store’s id.',
        params: StoreParams,
        response: { 200: StorePageSchema, 404: ProblemResponse },
      },
    },
    async (request) => stores.getStorePageById(request.params.id),
  );
};
