import Stripe from 'stripe';
import {
  type CreatePaymentInput,
  InvalidWebhookError,
  type PaymentEvent,
  type PaymentProvider,
  ProviderError,
  type RefundInput,
} from './provider.js';

export interface StripeProviderOptions {
  secretKey: string;
  webhookSecret: string;
  /** Replaces the network transport (tests answer with recorded Stripe responses). */
  httpClient?: Stripe.HttpClient;
}

/**
 * Stripe through PaymentIntents: checkout creates an intent and hands its client secret to the
 * buyer's browser (Stripe.js confirms it there); Stripe then tells us the outcome by webhook.
 * Fission's minor units are Stripe's "smallest currency unit", so amounts pass through unchanged.
 */
export function createStripeProvider(options: StripeProviderOptions): PaymentProvider {
  const stripe = new Stripe(options.secretKey, {
    ...(options.httpClient ? { httpClient: options.httpClient } : {}),
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
        { payment_intent: input.externalId, amount: input.amount },
        { idempotencyKey: input.idempotencyKey },
      ),
    );
    return { externalId: created.id };
  }

  function parseWebhook(
    rawBody: Buffer,
    headers: Record<string, string | string[] | undefined>,
  ): PaymentEvent {
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

/** A verified Stripe event in Fission's words; only the two PaymentIntent outcomes matter here. */
function toPaymentEvent(event: Stripe.Event): PaymentEvent {
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
    });
  }
}
