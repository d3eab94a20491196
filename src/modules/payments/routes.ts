import type { FastifyPluginAsyncTypebox, TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError, conflict, invalidInput } from '../../platform/errors.js';
import { adminOnly, requireUser, signedIn } from '../../platform/http/auth.js';
import type { OrdersService } from '../orders/index.js';
import { assertTransition, OrderSchema } from '../orders/index.js';
import type { Attention } from './attention.js';
import type { PaymentNotices } from './notices.js';
import { InvalidWebhookError, isPaymentNotice, type PaymentProvider } from './provider.js';
import type { SandboxProvider } from './sandbox.js';
import { AttentionListSchema, OrderPaymentSchema } from './schemas.js';
import type { PaymentsService } from './service.js';

export interface PaymentRouteOptions {
  orders: OrdersService;
  payments: PaymentsService;
  /** Present when the sandbox provider is enabled (the default). */
  sandbox?: SandboxProvider;
  /** Providers that confirm payments by webhook (Stripe). */
  webhookProviders: PaymentProvider[];
  notices: PaymentNotices;
  attention: Attention;
}

const OrderParams = Type.Object({ orderId: Type.String({ minLength: 1, maxLength: 64 }) });
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

export const paymentRoutes: FastifyPluginAsyncTypebox<PaymentRouteOptions> = async (app, opts) => {
  const { orders, payments, sandbox, notices, attention } = opts;

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
        response: { 200: OrderPaymentSchema },
      },
    },
    async (request) => {
      const order = await orders.getOwnOrder(requireUser(request).id, request.params.id);
      return payments.checkoutOf(order.id);
    },
  );

  app.get(
    '/api/admin/attention',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['admin'],
        summary: 'Work that needs a person',
        description:
          'Jobs that failed for good, refunds stuck `requested` over 15 minutes or failed, payments whose ' +
          'amount differed from their order, failed provider refunds, refunds made in the provider dashboard ' +
          'that were not applied, and open disputes; newest first, with counts by kind.',
        response: { 200: AttentionListSchema },
      },
    },
    async () => ({ ...(await attention.list()), nextCursor: null }),
  );

  if (sandbox) {
    /** The buyer's side of the sandbox: what a card form would do at a real provider. */
    const simulate = async (userId: string, orderId: string, outcome: 'succeeded' | 'failed') => {
      const order = await orders.getOwnOrder(userId, orderId);
      assertTransition(order.status, 'paid');
      const payment = await payments.latestPaymentNow(orderId);
      if (payment?.provider !== 'sandbox') throw conflict('This order is not paid through the sandbox');
      const event = await sandbox.simulate(payment.external_id, outcome);
      if (!event) throw conflict('The order is already paid');
      return outcome === 'succeeded'
        ? orders.confirmPayment('sandbox', event)
        : orders.recordPaymentFailure('sandbox', event);
    };

    app.post(
      '/api/payments/sandbox/:orderId/succeed',
      {
        onRequest: signedIn,
        schema: {
          tags: ['payments'],
          summary: 'Pay an order in the sandbox',
          description:
            'The buyer pays their order with no real money. Exists only while the sandbox provider is on ' +
            '(by default on the embedded database; on PostgreSQL only with SANDBOX_PAYMENTS=on).',
          params: OrderParams,
          response: { 200: OrderSchema },
        },
      },
      async (request) => simulate(requireUser(request).id, request.params.orderId, 'succeeded'),
    );
    app.post(
      '/api/payments/sandbox/:orderId/fail',
      {
        onRequest: signedIn,
        schema: {
          tags: ['payments'],
          summary: 'Fail a sandbox payment',
          description: 'The buyer’s sandbox payment attempt fails; the order stays payable until it expires.',
          params: OrderParams,
          response: { 200: OrderSchema },
        },
      },
      async (request) => simulate(requireUser(request).id, request.params.orderId, 'failed'),
    );
  }

  await app.register(async (scope) => {
    const webhooks = scope.withTypeProvider<TypeBoxTypeProvider>();
    // Signatures are computed over the exact bytes sent, so this route keeps the raw body.
    webhooks.removeContentTypeParser('application/json');
    webhooks.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => {
      done(null, body);
    });
    const byName = new Map(opts.webhookProviders.map((p) => [p.name, p]));

    webhooks.post(
      '/api/payments/:provider/webhook',
      {
        schema: {
          tags: ['payments'],
          summary: "A payment provider's event",
          description:
            'Verified by its signature and applied once per event id: payment outcomes, refunds (also those ' +
            'made in the provider dashboard), disputes and failed refunds. Events it cannot apply are ' +
            'acknowledged (`applied: false`) so the provider does not retry them forever.',
          params: Type.Object({ provider: Type.String({ maxLength: 40 }) }),
          response: { 200: Type.Object({ received: Type.Boolean(), applied: Type.Boolean() }) },
        },
      },
      async (request) => {
        const provider = byName.get(request.params.provider);
        if (!provider?.parseWebhook)
          throw new AppError('not_found', `No webhook for provider ${request.params.provider}`);
        if (!Buffer.isBuffer(request.body)) throw invalidInput('/', 'send the provider event as JSON');
        let event: ReturnType<NonNullable<PaymentProvider['parseWebhook']>>;
        try {
          event = provider.parseWebhook(request.body, request.headers);
        } catch (error) {
          if (error instanceof InvalidWebhookError) throw new AppError('invalid_input', error.message);
          throw error;
        }
        if (event.type === 'ignored') return { received: true, applied: false };
        try {
          if (isPaymentNotice(event))
            return { received: true, ...(await notices.apply(provider.name, event)) };
          if (event.type === 'payment.succeeded') await orders.confirmPayment(provider.name, event);
          else await orders.recordPaymentFailure(provider.name, event);
          return { received: true, applied: true };
        } catch (error) {
          // Replays and payments for orders already settled are acknowledged, or the provider retries forever.
          if (error instanceof AppError && (error.code === 'conflict' || error.code === 'not_found')) {
            request.log.info(
              { event: event.eventId, reason: error.message },
              'webhook acknowledged without effect',
            );
            return { received: true, applied: false };
          }
          throw error;
        }
      },
    );
  });
};
