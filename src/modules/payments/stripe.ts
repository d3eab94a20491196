import Stripe from 'stripe';
import {
  type CreatePaymentInput,
  InvalidWebhookError,
  type ObservedRefund,
  type PaymentProvider,
  ProviderError,
  type ProviderEvent,
  type RefundInput,
} from './provider.js';

export interface StripeProviderOptions {
  secretKey: string;
  webhookSecret: string;
  /** Replaces the network transport (tests answer with recorded Stripe responses). */
  httpClient?: Stripe.HttpClient;
  /** Another API endpoint speaking Stripe's protocol (stripe-mock, the chaos run's fake Stripe). */
  apiUrl?: URL | undefined;
}

const endpointOf = (url: URL) => ({
  host: url.hostname,
  protocol: url.protocol === 'http:' ? ('http' as const) : ('https' as const),
  ...(url.port ? { port: Number(url.port) } : {}),
});

/**
 * Stripe through PaymentIntents: checkout creates an intent and hands its client secret to the
 * buyer's browser (Stripe.js confirms it there); Stripe then tells us the outcome by webhook.
 * Fission's minor units are Stripe's "smallest currency unit", so amounts pass through unchanged.
 */
export function createStripeProvider(options: StripeProviderOptions): PaymentProvider {
  const stripe = new Stripe(options.secretKey, {
    ...(options.httpClient ? { httpClient: options.httpClient } : {}),
    ...(options.apiUrl ? endpointOf(options.apiUrl) : {}),
    // Safe because every call carries an idempotency key: a retried request cannot charge twice.
    maxNetworkRetries: 2,
  });

  async function createPayment(input: CreatePaymentInput) {
    const intent = await call('create the payment', () =>
      stripe.paymentIntents.create(
        {
          amount: input.amount,
          currency: input.currency.toLowerCase(),
          metadata: { orderId: input.orderId },
          automatic_payment_methods: { enabled: true },
        },
        { idempotencyKey: input.idempotencyKey },
      ),
    );
    if (!intent.client_secret)
      throw new ProviderError('stripe', `PaymentIntent ${intent.id} has no client secret`);
    return { externalId: intent.id, clientSecret: intent.client_secret, payUrl: null };
  }

  async function refund(input: RefundInput) {
    const created = await call('refund the payment', () =>
      stripe.refunds.create(
        {
          payment_intent: input.externalId,
          amount: input.amount,
          ...(input.reference ? { metadata: { fissionRefundId: input.reference } } : {}),
        },
        { idempotencyKey: input.idempotencyKey },
      ),
    );
    return { externalId: created.id };
  }

  function parseWebhook(
    rawBody: Buffer,
    headers: Record<string, string | string[] | undefined>,
  ): ProviderEvent {
    const signature = headers['stripe-signature'];
    if (typeof signature !== 'string' || signature === '')
      throw new InvalidWebhookError('The stripe-signature header is missing');
    let event: Stripe.Event;
    try {
      event = stripe.webhooks.constructEvent(rawBody, signature, options.webhookSecret);
    } catch (error) {
      throw new InvalidWebhookError(`The Stripe event could not be verified: ${(error as Error).message}`);
    }
    return toPaymentEvent(event);
  }

  return { name: 'stripe', createPayment, refund, parseWebhook };
}

/** The PaymentIntent a charge, dispute or refund belongs to (an id, or the expanded object). */
const intentId = (value: string | { id: string } | null | undefined) =>
  typeof value === 'string' ? value : (value?.id ?? '');

const referenceOf = (refund: { metadata?: Stripe.Metadata | null }) =>
  refund.metadata?.fissionRefundId ?? null;

/**
 * A verified Stripe event in Fission's words: the PaymentIntent outcomes, refunds seen on a charge
 * (made by Fission or in the dashboard), disputes and failed refunds. Anything else is ignored.
 */
export function toPaymentEvent(event: Stripe.Event): ProviderEvent {
  switch (event.type) {
    case 'payment_intent.succeeded': {
      const intent = event.data.object;
      return {
        eventId: event.id,
        type: 'payment.succeeded',
        externalId: intent.id,
        amount: intent.amount_received,
      };
    }
    case 'payment_intent.payment_failed': {
      const intent = event.data.object;
      return { eventId: event.id, type: 'payment.failed', externalId: intent.id, amount: intent.amount };
    }
    case 'charge.refunded': {
      const charge = event.data.object;
      // API versions since 2022-11-15 no longer list a charge's refunds; older ones (and ours) do.
      const listed = charge.refunds?.data;
      const refunds: ObservedRefund[] | null = listed
        ? listed
            .filter((r) => r.status !== 'failed' && r.status !== 'canceled')
            .map((r) => ({ id: r.id, amount: r.amount, reference: referenceOf(r) }))
        : null;
      return {
        eventId: event.id,
        type: 'refund.observed',
        externalId: intentId(charge.payment_intent),
        amountRefunded: charge.amount_refunded,
        refunds,
      };
    }
    case 'charge.dispute.created':
    case 'charge.dispute.closed': {
      const dispute = event.data.object;
      const closed = event.type === 'charge.dispute.closed';
      return {
        eventId: event.id,
        type: closed ? 'dispute.closed' : 'dispute.opened',
        externalId: intentId(dispute.payment_intent),
        disputeId: dispute.id,
        amount: dispute.amount,
        reason: dispute.reason,
        // Stripe closes a dispute as won, lost, or (an inquiry that never became one) warning_closed.
        ...(closed ? { outcome: dispute.status === 'lost' ? ('lost' as const) : ('won' as const) } : {}),
      };
    }
    case 'refund.failed': {
      const refund = event.data.object;
      return {
        eventId: event.id,
        type: 'refund.failed',
        externalId: intentId(refund.payment_intent),
        refundId: refund.id,
        reference: referenceOf(refund),
        amount: refund.amount,
        reason: refund.failure_reason ?? 'unknown',
      };
    }
    default:
      return { eventId: event.id, type: 'ignored', externalId: '', amount: 0 };
  }
}

async function call<T>(what: string, request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    throw new ProviderError('stripe', `Stripe could not ${what}: ${(error as Error).message}`, {
      cause: error,
      // No answer, or Stripe's own failure: the request may have been carried out. A refusal
      // (a 4xx: card, invalid request, rate limit) was not.
      outcomeUnknown:
        error instanceof Stripe.errors.StripeConnectionError || error instanceof Stripe.errors.StripeAPIError,
    });
  }
}
