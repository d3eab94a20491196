import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { adminOnly, requireUser, signedIn } from '../../platform/http/auth.js';
import { pageQuery } from '../../platform/http/pagination.js';
import { ProblemResponse } from '../../platform/http/schemas.js';
import { auditContext } from '../audit/index.js';
import {
  IdParams,
  ProductShippingBody,
  ProductShippingSchema,
  QuoteQuery,
  QuoteSchema,
  TemplateBody,
  TemplatePage,
  TemplateSchema,
} from './schemas.js';
import type { ShippingService } from './service.js';

const ADMIN_PROBLEMS = { 400: ProblemResponse, 401: ProblemResponse, 403: ProblemResponse };
const ADMIN_TAGS = ['shipping', 'admin'];

/** `a:1,b:2` → lines; the schema already guarantees the shape. */
const parseCart = (cart: string) =>
  cart.split(',').map((pair) => {
    const [variantId = '', quantity = '0'] = pair.split(':');
    return { variantId, quantity: Number(quantity) };
  });

export const shippingRoutes: FastifyPluginAsyncTypebox<{ shipping: ShippingService }> = async (
  app,
  { shipping },
) => {
  app.get(
    '/api/me/shipping-quote',
    {
      onRequest: signedIn,
      schema: {
        tags: ['shipping'],
        summary: 'The shipping fee of a cart',
        description:
          'Signed in. What checkout will charge for shipping these items to `province` (the default rule without it), ' +
          'at the prices checkout charges (a group-buy seat at its price with `campaignId`, and `groupId` when joining): ' +
          'each template’s part, how much more would ship it free, and `waiver` when the buyer’s level or the campaign ships free. ' +
          'Unknown or archived variants are left out. 404 for an unknown campaign.',
        querystring: QuoteQuery,
        response: { 200: QuoteSchema, 400: ProblemResponse, 401: ProblemResponse, 404: ProblemResponse },
      },
    },
    async (request) => {
      const { items, province, campaignId, groupId } = request.query;
      return shipping.quote(requireUser(request).id, {
        lines: parseCart(items),
        province: province?.trim() ? province : null,
        groupBuy: campaignId ? { campaignId, ...(groupId ? { groupId } : {}) } : undefined,
      });
    },
  );

  app.get(
    '/api/admin/shipping-templates',
    {
      onRequest: adminOnly,
      schema: {
        tags: ADMIN_TAGS,
        summary: 'List shipping templates',
        description: 'Admin only. Every template by name, with how many products are assigned to it.',
        querystring: Type.Object(pageQuery),
        response: { 200: TemplatePage, ...ADMIN_PROBLEMS },
      },
    },
    async (request) => shipping.listTemplates(request.query),
  );

  app.post(
    '/api/admin/shipping-templates',
    {
      onRequest: adminOnly,
      schema: {
        tags: ADMIN_TAGS,
        summary: 'Create a shipping template',
        description:
          'Admin only. A flat fee, or a fee by items or by weight (first units, then each further step), an amount ' +
          'of goods from which it ships free, and rules for named provinces. `isDefault` makes it the template of ' +
          'every product without one of its own (the previous default stops being it).',
        body: TemplateBody,
        response: { 201: TemplateSchema, ...ADMIN_PROBLEMS },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await shipping.createTemplate(request.body, auditContext(request))),
  );

  app.get(
    '/api/admin/shipping-templates/:id',
    {
      onRequest: adminOnly,
      schema: {
        tags: ADMIN_TAGS,
        summary: 'Get a shipping template',
        description: 'Admin only. 404 for an unknown template.',
        params: IdParams,
        response: { 200: TemplateSchema, ...ADMIN_PROBLEMS, 404: ProblemResponse },
      },
    },
    async (request) => shipping.getTemplate(request.params.id),
  );

  app.put(
    '/api/admin/shipping-templates/:id',
    {
      onRequest: adminOnly,
      schema: {
        tags: ADMIN_TAGS,
        summary: 'Replace a shipping template',
        description:
          'Admin only. The whole template as when creating it; orders placed already keep the fee they were charged. 404 for an unknown template.',
        params: IdParams,
        body: TemplateBody,
        response: { 200: TemplateSchema, ...ADMIN_PROBLEMS, 404: ProblemResponse },
      },
    },
    async (request) => shipping.replaceTemplate(request.params.id, request.body, auditContext(request)),
  );

  app.delete(
    '/api/admin/shipping-templates/:id',
    {
      onRequest: adminOnly,
      schema: {
        tags: ADMIN_TAGS,
        summary: 'Delete a shipping template',
        description:
          'Admin only. 409 `shipping_template_in_use` (with `products`) while products are assigned to it, and 409 `shipping_template_default` for the default template (make another one the default first). 404 for an unknown template.',
        params: IdParams,
        response: { 204: Type.Null(), ...ADMIN_PROBLEMS, 404: ProblemResponse, 409: ProblemResponse },
      },
    },
    async (request, reply) => {
      await shipping.deleteTemplate(request.params.id, auditContext(request));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/admin/products/:id/shipping',
    {
      onRequest: adminOnly,
      schema: {
        tags: ADMIN_TAGS,
        summary: 'A product’s shipping',
        description:
          'Admin only. The product’s own template (null: the default), what it ships under now, and its variants’ weights in grams. 404 for an unknown product.',
        params: IdParams,
        response: { 200: ProductShippingSchema, ...ADMIN_PROBLEMS, 404: ProblemResponse },
      },
    },
    async (request) => shipping.getProductShipping(request.params.id),
  );

  app.put(
    '/api/admin/products/:id/shipping',
    {
      onRequest: adminOnly,
      schema: {
        tags: ADMIN_TAGS,
        summary: 'Set a product’s shipping',
        description:
          'Admin only. `templateId` null: the product ships under the default template. `weights` (when sent) replaces ' +
          'its variants’ weights; a variant without one weighs nothing for a template by weight. 400 for a template ' +
          'that does not exist or a variant of another product; 404 for an unknown product.',
        params: IdParams,
        body: ProductShippingBody,
        response: { 200: ProductShippingSchema, ...ADMIN_PROBLEMS, 404: ProblemResponse },
      },
    },
    async (request) => shipping.setProductShipping(request.params.id, request.body, auditContext(request)),
  );
};
