import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { adminOnly, requireUser, signedIn } from '../../platform/http/auth.js';
import { pageQuery } from '../../platform/http/pagination.js';
import { ProblemResponse } from '../../platform/http/schemas.js';
import { auditContext } from '../audit/index.js';
import {
  AdminItemPage,
  AdminItemSchema,
  AdminRedemptionPage,
  AdminRedemptionSchema,
  CreateItemBody,
  Id,
  MallItemPage,
  MallItemSchema,
  RedeemBody,
  RedemptionFilter,
  RedemptionPage,
  RedemptionSchema,
  UpdateItemBody,
} from './schemas.js';
import type { PointsMallService } from './service.js';

const tags = ['points-mall'];
const adminTags = ['admin', 'points-mall'];
const ItemParams = Type.Object({ itemId: Id });
const RedemptionParams = Type.Object({ redemptionId: Id });
/** Only a product item needs a body (its address): no body at all means `{}`. */
const bodyDefaultsToEmpty = async (request: FastifyRequest) => {
  request.body ??= {};
};
const ADMIN_PROBLEMS = { 400: ProblemResponse, 401: ProblemResponse, 403: ProblemResponse };

export const pointsMallRoutes: FastifyPluginAsyncTypebox<{ pointsMall: PointsMallService }> = async (
  app,
  { pointsMall },
) => {
  app.get(
    '/api/points-mall',
    {
      schema: {
        tags,
        summary: 'The points mall',
        description:
          'Anyone (it is the shop window of points, shown before sign-in). Active items, newest first, each ' +
          'with its cost and the units left; a signed-in viewer also sees how many they redeemed, how many ' +
          'more they may, and what a redemption would meet now (`availability`, from their balance).',
        querystring: Type.Object(pageQuery),
        response: { 200: MallItemPage, 400: ProblemResponse },
      },
    },
    async (request) => pointsMall.listItems(request.user?.id ?? null, request.query),
  );

  app.get(
    '/api/points-mall/:itemId',
    {
      schema: {
        tags,
        summary: 'A points-mall item',
        description: 'Anyone, as the list. An inactive or unknown item is 404.',
        params: ItemParams,
        response: { 200: MallItemSchema, 400: ProblemResponse, 404: ProblemResponse },
      },
    },
    async (request) => pointsMall.getItem(request.user?.id ?? null, request.params.itemId),
  );

  app.post(
    '/api/points-mall/:itemId/redemptions',
    {
      onRequest: signedIn,
      preValidation: bodyDefaultsToEmpty,
      schema: {
        tags,
        summary: 'Redeem an item',
        description:
          'Signed in. Spends the item’s points and gives it: a coupon goes to my coupons, a product becomes a ' +
          'paid order of total 0 that ships like any other (`address` required, 400 without), a perk waits ' +
          'for the operator (`pending`). Checked in this order: none left → 409 `mall_sold_out`; my ' +
          'per-person limit reached → 409 `mall_limit_reached`; not enough points → 422 ' +
          '`not_enough_points` (so when both apply, 409). 409 `mall_item_unavailable` when the coupon ' +
          'cannot be given, `out_of_stock` when the product’s variant has none left. 404 for an ' +
          'inactive or unknown item.',
        params: ItemParams,
        body: RedeemBody,
        response: {
          201: RedemptionSchema,
          400: ProblemResponse,
          401: ProblemResponse,
          404: ProblemResponse,
          409: ProblemResponse,
          422: ProblemResponse,
        },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await pointsMall.redeem(requireUser(request).id, request.params.itemId, request.body)),
  );

  app.get(
    '/api/me/points-mall/redemptions',
    {
      onRequest: signedIn,
      schema: {
        tags,
        summary: 'My redemptions',
        description: 'Signed in: what I redeemed in the points mall, newest first.',
        querystring: Type.Object(pageQuery),
        response: { 200: RedemptionPage, 400: ProblemResponse, 401: ProblemResponse },
      },
    },
    async (request) => pointsMall.myRedemptions(requireUser(request).id, request.query),
  );

  app.get(
    '/api/admin/points-mall/items',
    {
      onRequest: adminOnly,
      schema: {
        tags: adminTags,
        summary: 'Points-mall items',
        description: 'Admin only. Every item, active or not, newest first, with the units redeemed.',
        querystring: Type.Object(pageQuery),
        response: { 200: AdminItemPage, ...ADMIN_PROBLEMS },
      },
    },
    async (request) => pointsMall.listAdminItems(request.query),
  );

  app.post(
    '/api/admin/points-mall/items',
    {
      onRequest: adminOnly,
      schema: {
        tags: adminTags,
        summary: 'Create a points-mall item',
        description:
          'Admin only. A `coupon` item names its `couponTemplateId`, a `product` item its `variantId` (a ' +
          'variant on sale), a `perk` neither (its description is the benefit); 400 field errors otherwise ' +
          '(`required`, `additionalProperties`, `exists`). `costPoints` > 0, `stock` ≥ 0, ' +
          '`perPersonLimit` ≥ 1 or null for none.',
        body: CreateItemBody,
        response: { 201: AdminItemSchema, ...ADMIN_PROBLEMS },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await pointsMall.createItem(request.body, auditContext(request))),
  );

  app.get(
    '/api/admin/points-mall/items/:itemId',
    {
      onRequest: adminOnly,
      schema: {
        tags: adminTags,
        summary: 'Get a points-mall item',
        description: 'Admin only. 404 for an unknown item.',
        params: ItemParams,
        response: { 200: AdminItemSchema, ...ADMIN_PROBLEMS, 404: ProblemResponse },
      },
    },
    async (request) => pointsMall.getAdminItem(request.params.itemId),
  );

  app.patch(
    '/api/admin/points-mall/items/:itemId',
    {
      onRequest: adminOnly,
      schema: {
        tags: adminTags,
        summary: 'Edit a points-mall item',
        description:
          'Admin only. Title, description, image, cost, stock and per-person limit; the kind and what it ' +
          'gives stay. Redemptions made keep the title and cost they were made at. 404 for an unknown item.',
        params: ItemParams,
        body: UpdateItemBody,
        response: { 200: AdminItemSchema, ...ADMIN_PROBLEMS, 404: ProblemResponse },
      },
    },
    async (request) => pointsMall.updateItem(request.params.itemId, request.body, auditContext(request)),
  );

  for (const [action, active] of [
    ['deactivate', false],
    ['activate', true],
  ] as const) {
    app.post(
      `/api/admin/points-mall/items/:itemId/${action}`,
      {
        onRequest: adminOnly,
        schema: {
          tags: adminTags,
          summary: active ? 'Put a points-mall item back on offer' : 'Take a points-mall item off offer',
          description: active
            ? 'Admin only. The item shows in the mall again. 404 for an unknown item.'
            : 'Admin only. The item leaves the mall (404 to buyers) and cannot be redeemed; redemptions made stay. 404 for an unknown item.',
          params: ItemParams,
          response: { 200: AdminItemSchema, ...ADMIN_PROBLEMS, 404: ProblemResponse },
        },
      },
      async (request) => pointsMall.setActive(request.params.itemId, active, auditContext(request)),
    );
  }

  app.get(
    '/api/admin/points-mall/redemptions',
    {
      onRequest: adminOnly,
      schema: {
        tags: adminTags,
        summary: 'Points-mall redemptions',
        description:
          'Admin only. Every redemption, newest first, with who redeemed; `status=pending` lists the perks ' +
          'waiting to be fulfilled, `itemId` one item’s.',
        querystring: Type.Object(
          { ...pageQuery, ...RedemptionFilter.properties },
          { additionalProperties: false },
        ),
        response: { 200: AdminRedemptionPage, ...ADMIN_PROBLEMS },
      },
    },
    async (request) => pointsMall.adminRedemptions(request.query),
  );

  app.post(
    '/api/admin/points-mall/redemptions/:redemptionId/done',
    {
      onRequest: adminOnly,
      schema: {
        tags: adminTags,
        summary: 'Mark a perk fulfilled',
        description:
          'Admin only. A pending redemption (a perk) becomes `done`; one already done → 409 `invalid_transition`. 404 for an unknown redemption.',
        params: RedemptionParams,
        response: {
          200: AdminRedemptionSchema,
          ...ADMIN_PROBLEMS,
          404: ProblemResponse,
          409: ProblemResponse,
        },
      },
    },
    async (request) => pointsMall.markDone(request.params.redemptionId, auditContext(request)),
  );
};
