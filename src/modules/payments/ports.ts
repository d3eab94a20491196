import type { Tx } from '../../platform/db.js';
import type { PaymentEvent } from './provider.js';
import type { RefundItem } from './queries.js';

/**
 * What the payments module needs from the orders its payments are for: a provider's webhook tells
 * of payment outcomes and of refunds made in its dashboard, and the order decides what they mean.
 * Declared here (payments depends on no other module); the orders service supplies it, wired in
 * app.ts. Each throws an `AppError` (409, 404) when the order cannot take the event: the webhook
 * acknowledges those, or the provider would retry them forever.
 */
export interface PaymentOrders {
  /** A payment succeeded: the order becomes paid (or a late payment is refunded). */
  confirmPayment(provider: string, event: PaymentEvent): Promise<unknown>;
  /** A payment attempt failed: recorded on the order, which stays payable. */
  recordPaymentFailure(provider: string, event: PaymentEvent): Promise<unknown>;
  /** Locks the payment's order for the rest of the caller's transaction (to order locks). */
  lockOrderRow(tx: Tx, orderId: string): Promise<{ id: string; user_id: string } | undefined>;
  /** Refunds the order for a refund the provider already made: no provider call. */
  refundOrder(
    orderId: string,
    reason: string,
    options: {
      alreadyRefunded: { externalId: string };
      restock: boolean;
      amount?: number;
      items?: readonly RefundItem[];
    },
  ): Promise<unknown>;
}
