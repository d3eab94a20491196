import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { adminOnly, requireUser, signedIn } from '../../platform/http/auth.js';
import { pageQuery } from '../../platform/http/pagination.js';
import { ProblemResponse } from '../../platform/http/schemas.js';
import { auditContext } from '../audit/index.js';
import {
  ApplicableSchema,
  CartQuery,
  CreateTemplateBody,
  HeldCouponPage,
  HeldCouponSchema,
  HeldStatusFilter,
  OfferPage,
  ProgressSchema,
  TemplatePage,
  TemplateSchema,
  UpdateTemplateBody,
} from './schemas.js';
import type { CouponsService } from './service.js';

const Id = Type.String({ minLength: 1, maxLength: 64 });
const IdParams = Type.Object({ id: Id });

/** The refusals an operator's route may give besides its own (401 signed out, 403 not an admin). */
const ADMIN_PROBLEMS = { 400: ProblemResponse, 401: ProblemResponse, 403: ProblemResponse };
const SIGNED_IN_PROBLEMS = { 400: ProblemResponse, 401: ProblemResponse };

/** `a:1,b:2` → lines; the schema already guarantees the shape. */
const parseCart = (cart: string) =>
  cart.split(',').map((pair) => {
    const [variantId = '', quantity = '0'] = pair.split(':');
    return { variantId, quantity: Number(quantity) };
  });

export const couponsRoutes: FastifyPluginAsyncTypebox<{ coupons: CouponsService }> = async (
  app,
  { coupons },
) => {
  app.get(
    '/api/coupons',
    {
      schema: {
        tags: ['coupons'],
        summary: 'The coupon centre',
        description:
          'Anyone. Templates open for claiming now, newest first; a signed-in viewer also sees how many they hold and whether they may claim one more (`canClaim`, leaving share-to-unlock progress aside).',
        querystring: Type.Object(pageQuery),
        response: { 200: OfferPage, 400: ProblemResponse },
      },
    },
    async (request) => coupons.listOffers(request.user?.id ?? null, request.query),
  );

  app.post(
    '/api/coupons/:id/claim',
    {
      onRequest: signedIn,
      schema: {
        tags: ['coupons'],
        summary: 'Claim a coupon',
        description:
          'Signed in. Issues one coupon from the template, with its terms copied. Refused with 409 `coupon_unavailable`, `coupon_sold_out`, `coupon_already_claimed` or `coupon_claim_limit_reached`, 422 `coupon_not_started`, `coupon_claim_ended` or `coupon_share_locked` (with `visitors` and `required`); 404 for an unknown or reward-only template.',
        params: IdParams,
        response: {
          201: HeldCouponSchema,
          ...SIGNED_IN_PROBLEMS,
          404: ProblemResponse,
          409: ProblemResponse,
          422: ProblemResponse,
        },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await coupons.claim(requireUser(request).id, request.params.id)),
  );

  app.get(
    '/api/coupons/:id/progress',
    {
      onRequest: signedIn,
      schema: {
        tags: ['coupons'],
        summary: 'Share-to-unlock progress',
        description:
          'Signed in. How many different people (not the sharer’s own devices) opened the person’s share links since the template opened, and how many it needs (0 when it needs none). 404 for an unknown or reward-only template.',
        params: IdParams,
        response: { 200: ProgressSchema, ...SIGNED_IN_PROBLEMS, 404: ProblemResponse },
      },
    },
    async (request) => coupons.progress(requireUser(request).id, request.params.id),
  );

  app.get(
    '/api/me/coupons',
    {
      onRequest: signedIn,
      schema: {
        tags: ['coupons'],
        summary: 'List my coupons',
        description:
          'Signed in. The coupons the person holds, newest claim first, optionally only those `available`, `used` (by an order) or `expired`.',
        querystring: Type.Object({ status: HeldStatusFilter, ...pageQuery }),
        response: { 200: HeldCouponPage, ...SIGNED_IN_PROBLEMS },
      },
    },
    async (request) => coupons.held(requireUser(request).id, request.query),
  );

  app.get(
    '/api/me/coupons/applicable',
    {
      onRequest: signedIn,
      schema: {
        tags: ['coupons'],
        querystring: Type.Object({
          items: CartQuery,
          // A group-buy checkout: the campaign, and the group joined (none when opening one).
          campaignId: Type.Optional(Id),
          groupId: Type.Optional(Id),
        }),
        summary: 'My coupons priced against a cart',
        description:
          'Signed in. Each usable coupon the person holds, priced against the cart as checkout will price it (a group order at its group or leader price; after the member discount, which `memberDiscount` carries): applicable ones first, best discount first; one that does not apply says why in `refusal` (`coupon_not_applicable`, or `coupon_min_spend` with `minSpendAmount` and `subtotal`). 400 `group_price_requires_group` for a group not of the campaign; 404 for an unknown campaign.',
        response: { 200: ApplicableSchema, ...SIGNED_IN_PROBLEMS, 404: ProblemResponse },
      },
    },
    async (request) => {
      const { items, campaignId, groupId } = request.query;
      const groupBuy = campaignId ? { campaignId, ...(groupId ? { groupId } : {}) } : undefined;
      return coupons.choices(requireUser(request).id, parseCart(items), groupBuy);
    },
  );

  app.get(
    '/api/admin/coupons',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin', 'coupons'],
        summary: 'List coupon templates',
        description: 'Admin only. Every template, newest first, with how many were issued and remain.',
        querystring: Type.Object(pageQuery),
        response: { 200: TemplatePage, ...ADMIN_PROBLEMS },
      },
    },
    async (request) => coupons.listTemplates(request.query),
  );

  app.post(
    '/api/admin/coupons',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin', 'coupons'],
        summary: 'Create a coupon template',
        description:
          'Admin only. An amount-off or percent-off coupon (with an optional cap), a minimum spend, the products it covers, a claim window, validity after claiming, per-person and total quantities, share-to-unlock, and whether the coupon centre offers it. 400 field errors when the terms do not fit together (`required`, `onlyPercentOff`, `onlyAmountOff`, `afterStart`).',
        body: CreateTemplateBody,
        response: { 201: TemplateSchema, ...ADMIN_PROBLEMS },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await coupons.createTemplate(request.body, auditContext(request))),
  );

  app.get(
    '/api/admin/coupons/:id',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin', 'coupons'],
        summary: 'Get a coupon template',
        description: 'Admin only. 404 for an unknown template.',
        params: IdParams,
        response: { 200: TemplateSchema, ...ADMIN_PROBLEMS, 404: ProblemResponse },
      },
    },
    async (request) => coupons.getTemplate(request.params.id),
  );

  app.patch(
    '/api/admin/coupons/:id',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin', 'coupons'],
        summary: 'Edit a coupon template',
        description:
          'Admin only. Coupons already claimed keep the terms they were claimed with. The same 400 field errors as creating one; 422 `coupon_quantity_below_issued` when the total quantity would go below what was issued; 404 for an unknown template.',
        params: IdParams,
        body: UpdateTemplateBody,
        response: { 200: TemplateSchema, ...ADMIN_PROBLEMS, 404: ProblemResponse, 422: ProblemResponse },
      },
    },
    async (request) => coupons.updateTemplate(request.params.id, request.body, auditContext(request)),
  );

  app.post(
    '/api/admin/coupons/:id/disable',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin', 'coupons'],
        summary: 'Disable a coupon template',
        description:
          'Admin only. No more claims or grants (claims are refused with `coupon_unavailable`); coupons already held stay usable until they lapse. 404 for an unknown template.',
        params: IdParams,
        response: { 200: TemplateSchema, ...ADMIN_PROBLEMS, 404: ProblemResponse },
      },
    },
    async (request) => coupons.disableTemplate(request.params.id, auditContext(request)),
  );

  app.post(
    '/api/admin/coupons/:id/enable',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin', 'coupons'],
        summary: 'Enable a coupon template',
        description: 'Admin only. Claims and grants resume. 404 for an unknown template.',
        params: IdParams,
        response: { 200: TemplateSchema, ...ADMIN_PROBLEMS, 404: ProblemResponse },
      },
    },
    async (request) => coupons.enableTemplate(request.params.id, auditContext(request)),
  );
};
