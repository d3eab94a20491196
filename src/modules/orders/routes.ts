import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { adminOnly, requireUser, signedIn } from '../../platform/http/auth.js';
import { identifierCookie } from '../../platform/http/cookies.js';
import { pageQuery } from '../../platform/http/pagination.js';
import { ProblemResponse } from '../../platform/http/schemas.js';
import {
  AdminOrderPage,
  AdminOrderSchema,
  IdempotencyHeaders,
  OrderPage,
  OrderSchema,
  PlaceOrderBody,
  StatusFilter,
} from './schemas.js';
import type { OrdersService } from './service.js';

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

export interface OrdersRouteOptions {
  orders: OrdersService;
  /** Checkouts per person (CHECKOUT_RATE_LIMIT), or false when rate limits are off. */
  checkoutRateLimit?: { max: number; timeWindow: string } | false;
}

export const ordersRoutes: FastifyPluginAsyncTypebox<OrdersRouteOptions> = async (
  app,
  { orders, checkoutRateLimit = false },
) => {
  app.post(
    '/api/orders',
    {
      onRequest: signedIn,
      config: {
        // Per person, not per address: buyers behind one NAT do not share a budget.
        rateLimit: checkoutRateLimit && {
          ...checkoutRateLimit,
          hook: 'preHandler' as const,
          keyGenerator: (request: FastifyRequest) => `checkout:${request.user?.id ?? request.ip}`,
        },
      },
      schema: {
        tags: ['orders'],
        headers: IdempotencyHeaders,
        body: PlaceOrderBody,
        response: { 201: OrderSchema },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const cookie = request.headers.cookie;
      // A buyer who arrived through a share link carries its code in a cookie; the body wins if both.
      const shareCode = request.body.shareCode ?? identifierCookie(cookie, 'fission_ref');
      const result = await orders.placeOrder(
        user.id,
        shareCode ? { ...request.body, shareCode } : request.body,
        {
          idempotencyKey: request.headers['idempotency-key'],
          deviceId: identifierCookie(cookie, 'fission_device'),
          ip: request.ip,
        },
      );
      // 201 on first placement; a replayed key answers with the stored status (also 201).
      return reply.status(result.statusCode as 201).send(result.body);
    },
  );

  app.get(
    '/api/orders/:id',
    { onRequest: signedIn, schema: { tags: ['orders'], params: IdParams, response: { 200: OrderSchema } } },
    async (request) => orders.getOrder(requireUser(request), request.params.id),
  );

  app.post(
    '/api/orders/:id/receipt',
    {
      onRequest: signedIn,
      schema: {
        tags: ['orders'],
        summary: 'Confirm receipt of a shipped order',
        description:
          'The buyer confirms the parcel arrived: shipped → completed, and the return window starts. ' +
          'Another person’s order → 404; an order that has not shipped → 409.',
        params: IdParams,
        response: {
          200: OrderSchema,
          400: ProblemResponse,
          401: ProblemResponse,
          404: ProblemResponse,
          409: ProblemResponse,
        },
      },
    },
    async (request) => orders.confirmReceipt(requireUser(request).id, request.params.id),
  );

  app.post(
    '/api/orders/:id/cancel',
    {
      onRequest: signedIn,
      schema: {
        tags: ['orders'],
        summary: 'Cancel an unpaid order',
        description:
          'The buyer cancels an order that is still pending payment; its stock goes back. ' +
          'A paid order → 409 (ask for a refund instead); another person’s order → 404.',
        params: IdParams,
        response: {
          200: OrderSchema,
          400: ProblemResponse,
          401: ProblemResponse,
          404: ProblemResponse,
          409: ProblemResponse,
        },
      },
    },
    async (request) => orders.cancelByBuyer(requireUser(request).id, request.params.id),
  );

  app.get(
    '/api/me/orders',
    {
      onRequest: signedIn,
      schema: {
        tags: ['orders'],
        querystring: Type.Object({ status: StatusFilter, ...pageQuery }),
        response: { 200: OrderPage },
      },
    },
    async (request) =>
      orders.listOrders({
        ...request.query,
        userId: requireUser(request).id,
        limit: request.query.limit ?? 20,
      }),
  );

  app.get(
    '/api/admin/orders',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin'],
        querystring: Type.Object({
          status: StatusFilter,
          q: Type.Optional(Type.String({ maxLength: 200 })),
          ...pageQuery,
        }),
        response: { 200: AdminOrderPage },
      },
    },
    async (request) => orders.listOrders({ ...request.query, limit: request.query.limit ?? 20 }),
  );

  app.get(
    '/api/admin/orders/:id',
    {
      onRequest: adminOnly,
      schema: { tags: ['admin'], params: IdParams, response: { 200: AdminOrderSchema } },
    },
    async (request) => orders.getAdminOrder(request.params.id),
  );

  app.post(
    '/api/admin/orders/:id/complete',
    { onRequest: adminOnly, schema: { tags: ['admin'], params: IdParams, response: { 200: OrderSchema } } },
    async (request) => orders.completeOrder(request.params.id),
  );

  app.post(
    '/api/admin/orders/:id/refund',
    { onRequest: adminOnly, schema: { tags: ['admin'], params: IdParams, response: { 200: OrderSchema } } },
    async (request) => orders.refundOrder(request.params.id, `refunded by ${requireUser(request).email}`),
  );
};
