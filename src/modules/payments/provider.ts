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
  /**
   * Fission's name for this refund (a refund id, or `unmatched:<id>`), stored with the refund at
   * the provider so its later events are recognised as Fission's own even before its id is known.
   */
  reference?: string;
}

/** A payment's outcome, as a provider reports it, already verified, in Fission's words. */
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

/** One refund of a payment, as the provider lists it. */
export interface ObservedRefund {
  id: string;
  amount: number;
  /** The `reference` Fission gave the refund, when Fission made it. */
  reference: string | null;
}

/**
 * Everything else a provider reports about a payment (`externalId`), in Fission's words: refunds
 * (made by Fission or in the provider's dashboard), disputes (chargebacks) and failed refunds.
 */
export type PaymentNotice =
  | {
      eventId: string;
      type: 'refund.observed';
      externalId: string;
      /** The payment's refunded total so far, as the provider counts it. */
      amountRefunded: number;
      /** Every refund of the payment, when the provider's event lists them. */
      refunds: ObservedRefund[] | null;
    }
  | {
      eventId: string;
      type: 'dispute.opened' | 'dispute.closed';
      externalId: string;
      disputeId: string;
      amount: number;
      reason: string;
      /** Set on `dispute.closed`. */
      outcome?: 'won' | 'lost';
    }
  | {
      eventId: string;
      type: 'refund.failed';
      externalId: string;
      refundId: string;
      reference: string | null;
      amount: number;
      reason: string;
    };

export type ProviderEvent = PaymentEvent | PaymentNotice;

const NOTICE_TYPES: ReadonlySet<string> = new Set<PaymentNotice['type']>([
  'refund.observed',
  'dispute.opened',
  'dispute.closed',
  'refund.failed',
]);
export const isPaymentNotice = (event: ProviderEvent): event is PaymentNotice => NOTICE_TYPES.has(event.type);

export interface PaymentProvider {
  readonly name: string;
  createPayment(input: CreatePaymentInput): Promise<ProviderPayment>;
  refund(input: RefundInput): Promise<{ externalId: string }>;
  /** Verifies a webhook's signature and reads its event; throws InvalidWebhookError if it is not genuine. */
  parseWebhook?(rawBody: Buffer, headers: Record<string, string | string[] | undefined>): ProviderEvent;
}

export class InvalidWebhookError extends Error {}

export class ProviderError extends Error {
  /**
   * The request may have reached the provider and been acted on (the connection dropped, the
   * provider answered 5xx): only asking again with the same idempotency key tells what happened.
   */
  readonly outcomeUnknown: boolean;

  constructor(
    readonly provider: string,
    message: string,
    options?: { cause?: unknown; outcomeUnknown?: boolean },
  ) {
    super(message, options);
    this.outcomeUnknown = options?.outcomeUnknown ?? false;
  }
}

/** True for a provider failure after which the call may have taken effect (see `outcomeUnknown`). */
export const outcomeUnknown = (error: unknown): boolean =>
  error instanceof ProviderError && error.outcomeUnknown;
