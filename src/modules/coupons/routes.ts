import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { adminOnly, requireUser, signedIn } from '../../platform/http/auth.js';
import { pageQuery } from '../../platform/http/pagination.js';
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
    { schema: { tags: ['coupons'], querystring: Type.Object(pageQuery), response: { 200: OfferPage } } },
    async (request) => coupons.listOffers(request.user?.id ?? null, request.query),
  );

  app.post(
    '/api/coupons/:id/claim',
    {
      onRequest: signedIn,
      schema: { tags: ['coupons'], params: IdParams, response: { 201: HeldCouponSchema } },
    },
    async (request, reply) =>
      reply.status(201).send(await coupons.claim(requireUser(request).id, request.params.id)),
  );

  app.get(
    '/api/coupons/:id/progress',
    {
      onRequest: signedIn,
      schema: { tags: ['coupons'], params: IdParams, response: { 200: ProgressSchema } },
    },
    async (request) => coupons.progress(requireUser(request).id, request.params.id),
  );

  app.get(
    '/api/me/coupons',
    {
      onRequest: signedIn,
      schema: {
        tags: ['coupons'],
        querystring: Type.Object({ status: HeldStatusFilter, ...pageQuery }),
        response: { 200: HeldCouponPage },
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
        response: { 200: ApplicableSchema },
      },
    },
    async (request) => {
      const { items, campaignId, groupId } = request.query;
      const groupBuy = campaignId ? { campaignId, ...(groupId ? { groupId } : {}) } : undefined;
      return { items: await coupons.choices(requireUser(request).id, parseCart(items), groupBuy) };
    },
  );

  app.get(
    '/api/admin/coupons',
    {
      onRequest: adminOnly,
      schema: { tags: ['admin'], querystring: Type.Object(pageQuery), response: { 200: TemplatePage } },
    },
    async (request) => coupons.listTemplates(request.query),
  );

  app.post(
    '/api/admin/coupons',
    {
      onRequest: adminOnly,
      schema: { tags: ['admin'], body: CreateTemplateBody, response: { 201: TemplateSchema } },
    },
    async (request, reply) => reply.status(201).send(await coupons.createTemplate(request.body)),
  );

  app.get(
    '/api/admin/coupons/:id',
    {
      onRequest: adminOnly,
      schema: { tags: ['admin'], params: IdParams, response: { 200: TemplateSchema } },
    },
    async (request) => coupons.getTemplate(request.params.id),
  );

  app.patch(
    '/api/admin/coupons/:id',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin'],
        params: IdParams,
        body: UpdateTemplateBody,
        response: { 200: TemplateSchema },
      },
    },
    async (request) => coupons.updateTemplate(request.params.id, request.body),
  );

  app.post(
    '/api/admin/coupons/:id/disable',
    {
      onRequest: adminOnly,
      schema: { tags: ['admin'], params: IdParams, response: { 200: TemplateSchema } },
    },
    async (request) => coupons.disableTemplate(request.params.id),
  );

  app.post(
    '/api/admin/coupons/:id/enable',
    {
      onRequest: adminOnly,
      schema: { tags: ['admin'], params: IdParams, response: { 200: TemplateSchema } },
    },
    async (request) => coupons.enableTemplate(request.params.id),
  );
};
