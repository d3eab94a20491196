import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { collectPages, csvDocument } from '../../platform/csv.js';
import { adminOnly, requireUser, signedIn } from '../../platform/http/auth.js';
import { identifierCookie } from '../../platform/http/cookies.js';
import { sendCsv } from '../../platform/http/csv-reply.js';
import { pageQuery } from '../../platform/http/pagination.js';
import { ProblemResponse } from '../../platform/http/schemas.js';
import { auditContext } from '../audit/index.js';
import { OrderPaymentSchema } from '../payments/index.js';
import { ORDER_EXPORT_HEADER, orderExportRows } from './export.js';
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
const OrderParams = Type.Object({ orderId: Type.String({ minLength: 1, maxLength: 64 }) });

/** The refusals every signed-in route may give, plus the ones named. */
const problems = <C extends number>(...codes: C[]) =>
  Object.fromEntries([400, 401, ...codes].map((code) => [code, ProblemResponse])) as Record<
    400 | 401 | C,
    typeof ProblemResponse
  >;

export interface OrdersRouteOptions {
  orders: OrdersService;
  /** PUBLIC_URL: a gift's claim link is built from it (on the embedded database, the request's origin). */
  publicUrl?: string;
  /** Checkouts per person (CHECKOUT_RATE_LIMIT), or false when rate limits are off. */
  checkoutRateLimit?: { max: number; timeWindow: string } | false;
}

export const ordersRoutes: FastifyPluginAsyncTypebox<OrdersRouteOptions> = async (
  app,
  { orders, checkoutRateLimit = false, publicUrl },
) => {
  // Never the Host a request names when PUBLIC_URL is set (required on PostgreSQL): anyone can send any Host.
  const origin = (request: FastifyRequest) => publicUrl ?? `${request.protocol}://${request.host}`;
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
        summary: 'Place an order',
        description:
          'The signed-in buyer orders variants (optionally with a coupon, in a group buy, from a store or a ' +
          'share link): stock is reserved, the order waits for payment until `expiresAt`, and the answer ' +
          'carries the payment to finish. The same `Idempotency-Key` with the same body answers the first ' +
          'order again. `address` is typed out or `{ addressId }` of a saved address, copied into the order ' +
          '(another person’s is 404). Refusals: `out_of_stock` (409), `variant_unavailable` (404), `unpaid_order_limit` ' +
          '(422), coupon and group-buy refusals, `rate_limited` (429), `payment_provider_unavailable` (503).',
        headers: IdempotencyHeaders,
        body: PlaceOrderBody,
        response: { 201: OrderSchema, ...problems(404, 409, 422, 429, 503) },
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
    {
      onRequest: signedIn,
      schema: {
        tags: ['orders'],
        summary: 'An order',
        description:
          'The order with its items, payment, group, shipment, dispute and timeline. Its buyer, admins and ' +
          'the recipient of a gift they claimed may read it; anyone else gets 404. A gift’s buyer sees its ' +
          '`gift.claimUrl` and never its address (the recipient’s).',
        params: IdParams,
        response: { 200: OrderSchema, ...problems(404) },
      },
    },
    async (request) => orders.getOrder(requireUser(request), request.params.id, origin(request)),
  );

  app.get(
    '/api/orders/:id/payment',
    {
      onRequest: signedIn,
      schema: {
        tags: ['payments'],
        summary: "The order's payment, for its buyer to finish paying",
        description:
          "The order's latest payment with, while it is open, the provider's client secret (Stripe's " +
          'PaymentIntent) that the card form needs. Only the buyer: anyone else, admins included, gets 404.',
        params: IdParams,
        response: { 200: OrderPaymentSchema, ...problems(404) },
      },
    },
    async (request) => orders.paymentOf(requireUser(request).id, request.params.id),
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
          'Another person’s order → 404; an order that has not shipped → 409 `not_shipped` ' +
          '(`already_completed`, `order_closed`).',
        params: IdParams,
        response: { 200: OrderSchema, ...problems(404, 409) },
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
          'A paid order → 409 `already_paid` (ask for a refund instead; `already_cancelled`, `order_closed`); ' +
          'another person’s order → 404.',
        params: IdParams,
        response: { 200: OrderSchema, ...problems(404, 409) },
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
        summary: 'My orders',
        description: 'The signed-in buyer’s orders, newest first, optionally of one status; paged by cursor.',
        querystring: Type.Object({ status: StatusFilter, ...pageQuery }),
        response: { 200: OrderPage, ...problems() },
      },
    },
    async (request) =>
      orders.listOrders({
        ...request.query,
        userId: requireUser(request).id,
        limit: request.query.limit ?? 20,
        origin: origin(request),
      }),
  );

  if (orders.paysInSandbox) {
    app.post(
      '/api/payments/sandbox/:orderId/succeed',
      {
        onRequest: signedIn,
        schema: {
          tags: ['payments'],
          summary: 'Pay an order in the sandbox',
          description:
            'The buyer pays their order with no real money. Exists only while the sandbox provider is on ' +
            '(by default on the embedded database; on PostgreSQL only with SANDBOX_PAYMENTS=on). ' +
            'Another person’s order → 404; an order not pending payment → 409 `already_paid`, ' +
            '`order_cancelled` or `order_refunded`; not a sandbox payment → 409 `not_sandbox_payment`.',
          params: OrderParams,
          response: { 200: OrderSchema, ...problems(404, 409) },
        },
      },
      async (request) =>
        orders.payInSandbox(requireUser(request).id, request.params.orderId, 'succeeded', origin(request)),
    );
    app.post(
      '/api/payments/sandbox/:orderId/fail',
      {
        onRequest: signedIn,
        schema: {
          tags: ['payments'],
          summary: 'Fail a sandbox payment',
          description:
            'The buyer’s sandbox payment attempt fails: the timeline records `payment_failed` and the order ' +
            'stays payable until it expires. Refusals as for paying.',
          params: OrderParams,
          response: { 200: OrderSchema, ...problems(404, 409) },
        },
      },
      async (request) => orders.payInSandbox(requireUser(request).id, request.params.orderId, 'failed'),
    );
  }

  app.get(
    '/api/admin/orders',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin'],
        summary: 'Every order',
        description:
          'All orders with their buyers, newest first: by status, or searched (`q`) by an order id prefix or ' +
          'part of the buyer’s name or email. Admins only.',
        querystring: Type.Object({
          status: StatusFilter,
          q: Type.Optional(Type.String({ maxLength: 200 })),
          ...pageQuery,
        }),
        response: { 200: AdminOrderPage, ...problems(403) },
      },
    },
    async (request) => orders.listAdminOrders({ ...request.query, limit: request.query.limit ?? 20 }),
  );

  app.get(
    '/api/admin/orders/export.csv',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin'],
        summary: 'Export orders as CSV',
        description:
          'The orders of `GET /api/admin/orders` with the same filters (`status`, `q`), newest first, one ' +
          'row per order item with the order’s totals in major units. UTF-8 with a BOM; cells a spreadsheet ' +
          'would run as formulas start with an apostrophe. At most 10,000 orders: a last line says when ' +
          'there were more. Admins only.',
        querystring: Type.Object({ status: StatusFilter, q: Type.Optional(Type.String({ maxLength: 200 })) }),
        response: { 200: Type.String({ description: 'text/csv' }), ...problems(403) },
      },
    },
    async (request, reply) => {
      const { items, more } = await collectPages((cursor, limit) =>
        orders.listAdminOrders({ ...request.query, cursor, limit }),
      );
      return sendCsv(
        reply,
        'orders.csv',
        csvDocument(ORDER_EXPORT_HEADER, items.flatMap(orderExportRows), more),
      );
    },
  );

  app.get(
    '/api/admin/orders/:id',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin'],
        summary: 'An order, with its buyer',
        description: 'Any order with its buyer’s name and email. Admins only; unknown id → 404.',
        params: IdParams,
        response: { 200: AdminOrderSchema, ...problems(403, 404) },
      },
    },
    async (request) => orders.getAdminOrder(request.params.id),
  );

  app.post(
    '/api/admin/orders/:id/complete',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin'],
        summary: 'Complete an order',
        description:
          'Marks a paid or shipped order delivered (completed); the return window starts. A group-buy order ' +
          'whose group is still filling → 409 `group_waiting`; any other state → 409 `invalid_transition`.',
        params: IdParams,
        response: { 200: OrderSchema, ...problems(403, 404, 409) },
      },
    },
    async (request) => orders.completeOrder(request.params.id, auditContext(request)),
  );

  app.post(
    '/api/admin/orders/:id/refund',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin'],
        summary: 'Refund what is left of an order',
        description:
          'Refunds all the money not yet refunded at the provider, and its units go back to stock; ' +
          'commissions are reversed. Refusals: `no_payment_to_refund`, `refund_in_progress`, ' +
          '`nothing_to_refund`, `invalid_transition` (409); the provider refusing → 503 ' +
          '`refund_refused_by_provider`.',
        params: IdParams,
        response: { 200: OrderSchema, ...problems(403, 404, 409, 503) },
      },
    },
    async (request) =>
      orders.refundOrder(
        request.params.id,
        `refunded by ${requireUser(request).email}`,
        {},
        auditContext(request),
      ),
  );
};
