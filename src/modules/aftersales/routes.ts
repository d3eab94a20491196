import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { adminOnly, requireUser, signedIn } from '../../platform/http/auth.js';
import { pageQuery } from '../../platform/http/pagination.js';
import { ProblemResponse as Problem } from '../../platform/http/schemas.js';
import { auditContext } from '../audit/index.js';
import {
  AfterSaleBody,
  AfterSalePage,
  AfterSaleSchema,
  DecisionBody,
  QuoteBody,
  QuoteSchema,
  RejectBody,
  StatusFilter,
} from './schemas.js';
import type { AfterSalesService } from './service.js';

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const tags = ['after-sales'];
const errors = { 400: Problem, 401: Problem, 404: Problem, 409: Problem, 422: Problem };
const quoteErrors = { 400: Problem, 401: Problem, 404: Problem, 409: Problem };
const adminErrors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 503: Problem };

export const afterSalesRoutes: FastifyPluginAsyncTypebox<{ afterSales: AfterSalesService }> = async (
  app,
  { afterSales },
) => {
  app.post(
    '/api/orders/:id/after-sales',
    {
      onRequest: signedIn,
      schema: {
        tags,
        summary: 'Ask for a refund or a return',
        description:
          'The order owner asks for a refund (paid, not shipped) or a return (shipped or completed, inside the ' +
          'return window) of some units, or without `items` of every unit not yet refunded. `amount` is those ' +
          "units' shares of the paid total. Refusals: an order without after-sales (unpaid, cancelled, " +
          'refunded) → 409 `after_sale_order_not_eligible`; a refund once shipped or a return before → 422 ' +
          '`after_sale_already_shipped` / `after_sale_not_shipped`; a points-mall redemption → 422 ' +
          '`after_sale_points_redemption`; after the return window → 422 ' +
          '`after_sale_window_closed` (with `returnWindowDays`); more units than are left → 409 ' +
          '`after_sale_quantity_above_refundable` (with `remaining`); units an open request names → 409 ' +
          '`after_sale_already_requested`; nothing left → 409 `after_sale_nothing_left`. Another ' +
          "person's order → 404; a claimed gift is its recipient's, so its buyer gets 404 too.",
        params: IdParams,
        body: AfterSaleBody,
        response: { 201: AfterSaleSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await afterSales.request(requireUser(request).id, request.params.id, request.body)),
  );

  app.post(
    '/api/orders/:id/after-sales/quote',
    {
      onRequest: signedIn,
      schema: {
        tags,
        summary: 'What a request would refund',
        description:
          'The amount and units a request of these items would cover, without making it (order owner). ' +
          'Refuses units as the request would: 409 `after_sale_quantity_above_refundable`, ' +
          '`after_sale_already_requested` or `after_sale_nothing_left`; another person’s order → 404.',
        params: IdParams,
        body: QuoteBody,
        response: { 200: QuoteSchema, ...quoteErrors },
      },
    },
    async (request) => afterSales.quote(requireUser(request).id, request.params.id, request.body.items),
  );

  app.get(
    '/api/orders/:id/after-sales',
    {
      onRequest: signedIn,
      schema: {
        tags,
        summary: "An order's after-sales requests",
        description: 'The requests made for one of my orders, newest first; another person’s order → 404.',
        params: IdParams,
        querystring: Type.Object(pageQuery),
        response: { 200: AfterSalePage, 400: Problem, 401: Problem, 404: Problem },
      },
    },
    async (request) =>
      afterSales.ofOrder(requireUser(request).id, request.params.id, {
        ...request.query,
        limit: request.query.limit ?? 20,
      }),
  );

  app.get(
    '/api/me/after-sales',
    {
      onRequest: signedIn,
      schema: {
        tags,
        summary: 'My after-sales requests',
        description: 'Every request the signed-in buyer made, newest first, optionally of one status.',
        querystring: Type.Object({ status: StatusFilter, ...pageQuery }),
        response: { 200: AfterSalePage, 400: Problem, 401: Problem },
      },
    },
    async (request) =>
      afterSales.list({
        ...request.query,
        userId: requireUser(request).id,
        limit: request.query.limit ?? 20,
      }),
  );

  app.get(
    '/api/after-sales/:id',
    {
      onRequest: signedIn,
      schema: {
        tags,
        summary: 'One after-sales request',
        description: 'For the buyer who made it, or an operator; 404 for anyone else.',
        params: IdParams,
        response: { 200: AfterSaleSchema, 400: Problem, 401: Problem, 404: Problem },
      },
    },
    async (request) => afterSales.getFor(requireUser(request), request.params.id),
  );

  app.get(
    '/api/admin/after-sales',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin', ...tags],
        summary: 'Every after-sales request',
        description:
          'All requests, newest first, optionally of one status (`requested` to work through). Admin only.',
        querystring: Type.Object({ status: StatusFilter, ...pageQuery }),
        response: { 200: AfterSalePage, 400: Problem, 401: Problem, 403: Problem },
      },
    },
    async (request) => afterSales.list({ ...request.query, limit: request.query.limit ?? 20 }),
  );

  app.post(
    '/api/admin/after-sales/:id/approve',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin', ...tags],
        summary: 'Approve a request: refund it',
        description:
          'Admin only. Refunds the amount through the payment provider, returns the units to stock and ' +
          "shrinks the order's commissions; the order stays in its status unless this refunds the rest of " +
          'it. `includeShipping` adds the shipping fee not yet refunded to a return. A request already decided → 409 `invalid_transition`; one whose refund is with the provider ' +
          '→ 409 `after_sale_refund_in_progress`; the provider unreachable → 503.',
        params: IdParams,
        body: Type.Optional(DecisionBody),
        response: { 200: AfterSaleSchema, ...adminErrors },
      },
    },
    async (request) =>
      afterSales.approve(
        requireUser(request).id,
        request.params.id,
        request.body?.note ?? '',
        { includeShipping: request.body?.includeShipping ?? false },
        auditContext(request),
      ),
  );

  app.post(
    '/api/admin/after-sales/:id/reject',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin', ...tags],
        summary: 'Reject a request',
        description:
          'Admin only. Rejects an open request with a note the buyer reads; nothing is refunded. A request ' +
          'already decided → 409 `invalid_transition`; one being refunded → 409 `after_sale_refund_in_progress`.',
        params: IdParams,
        body: RejectBody,
        response: { 200: AfterSaleSchema, ...adminErrors },
      },
    },
    async (request) =>
      afterSales.reject(requireUser(request).id, request.params.id, request.body.note, auditContext(request)),
  );
};
