/**
 * What Fission needs from a payment provider. Calls to a provider are network calls: callers make
 * them outside database transactions and pass an idempotency key so a retry cannot charge twice.
 */
export interface CreatePaymentInput {
  orderId: string;
  amount: number;
  currency: string;
  idempotencyKey: string;
}

export interface ProviderPayment {
  externalId: string;
  /** Where a person completes the payment (the sandbox page), or null for in-app flows. */
  payUrl: string | null;
  /** For client-side confirmation (Stripe's PaymentIntent client secret). */
  clientSecret?: string;
}

export interface RefundInput {
  externalId: string;
  amount: number;
  idempotencyKey: string;
}

/** A provider's notification, already verified, in Fission's words. */
export interface PaymentEvent {
  eventId: string;
  type: 'payment.succeeded' | 'payment.failed' | 'ignored';
  externalId: string;
  amount: number;
  /**
   * A stable fingerprint of the card or wallet that paid, where the provider gives one (Stripe's
   * `card.fingerprint`, a wallet's payer id); the sandbox gives none. Used for fraud signals only.
   */
  paymentFingerprint?: string;
}

export interface PaymentProvider {
  readonly name: string;
  createPayment(input: CreatePaymentInput): Promise<ProviderPayment>;
  refund(input: RefundInput): Promise<{ externalId: string }>;
  /** Verifies a webhook's signature and reads its event; throws InvalidWebhookError if it is not genuine. */
  parseWebhook?(rawBody: Buffer, headers: Record<string, string | string[] | undefined>): PaymentEvent;
}

export class InvalidWebhookError extends Error {}

export class ProviderError extends Error {
  constructor(
    readonly provider: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
