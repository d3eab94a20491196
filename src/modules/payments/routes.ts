import type { FastifyPluginAsyncTypebox, TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../../platform/errors.js';
import { adminOnly } from '../../platform/http/auth.js';
import { ProblemResponse } from '../../platform/http/schemas.js';
import type { Attention } from './attention.js';
import type { PaymentNotices } from './notices.js';
import type { PaymentOrders } from './ports.js';
import { InvalidWebhookError, isPaymentNotice, type PaymentProvider } from './provider.js';
import { refuse } from './reasons.js';
import { AttentionListSchema } from './schemas.js';

export interface PaymentRouteOptions {
  /** The orders the providers' payment outcomes apply to (the orders service, wired in app.ts). */
  orders: PaymentOrders;
  /** Providers that confirm payments by webhook (Stripe). */
  webhookProviders: PaymentProvider[];
  notices: PaymentNotices;
  attention: Attention;
}

export const paymentRoutes: FastifyPluginAsyncTypebox<PaymentRouteOptions> = async (app, opts) => {
  const { orders, notices, attention } = opts;

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
          'that were not applied, and open disputes; newest first, with counts by kind. Admins only.',
        response: { 200: AttentionListSchema, 401: ProblemResponse, 403: ProblemResponse },
      },
    },
    async () => ({ ...(await attention.list()), nextCursor: null }),
  );

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
          response: {
            200: Type.Object({ received: Type.Boolean(), applied: Type.Boolean() }),
            400: ProblemResponse,
            404: ProblemResponse,
          },
        },
      },
      async (request) => {
        const provider = byName.get(request.params.provider);
        if (!provider?.parseWebhook)
          throw refuse(
            'unknown_payment_provider',
            { provider: request.params.provider },
            `No webhook for provider ${request.params.provider}`,
          );
        if (!Buffer.isBuffer(request.body))
          throw refuse('invalid_webhook', undefined, 'Send the provider event as JSON');
        let event: ReturnType<NonNullable<PaymentProvider['parseWebhook']>>;
        try {
          event = provider.parseWebhook(request.body, request.headers);
        } catch (error) {
          if (error instanceof InvalidWebhookError) throw refuse('invalid_webhook', undefined, error.message);
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
