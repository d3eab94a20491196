import { defineMachine } from '../../platform/state-machine.js';

/**
 * The states of what the payments module keeps, and the moves between them, as data. Every
 * status update takes its allowed from-states from these (`fromStates`), and migration 019 checks
 * each status column against `states`.
 */

/**
 * A payment attempt. A failed attempt can still succeed (the buyer tries another card on the same
 * intent); money that arrived is refunded in full at most once.
 */
export type PaymentStatus = 'pending' | 'succeeded' | 'failed' | 'refunded';
export const paymentMachine = defineMachine<PaymentStatus>('payment', {
  pending: ['succeeded', 'failed'],
  failed: ['succeeded'],
  succeeded: ['refunded'],
  refunded: [],
});

/**
 * A refund claim. A refund the provider accepted can still fail later (refund.failed: the card was
 * closed, the bank returned it), so `succeeded` → `failed`.
 */
export type RefundStatus = 'requested' | 'succeeded' | 'failed';
export const refundMachine = defineMachine<RefundStatus>('refund', {
  requested: ['succeeded', 'failed'],
  succeeded: ['failed'],
  failed: [],
});

/** A refund made at the provider (its dashboard): applied to the order, or left for a person. */
export type ProviderRefundStatus = 'applying' | 'applied' | 'needs_review';
export const providerRefundMachine = defineMachine<ProviderRefundStatus>('provider refund', {
  applying: ['applied', 'needs_review'],
  applied: [],
  needs_review: [],
});

/** A chargeback: open until the provider closes it, won or lost. */
export type DisputeStatus = 'open' | 'won' | 'lost';
export const disputeMachine = defineMachine<DisputeStatus>('dispute', {
  open: ['won', 'lost'],
  won: [],
  lost: [],
});

/**
 * Money that arrived in another amount than its order's total, on its way back to the payer. A
 * refund the provider accepted can still fail later, so `refunded` → `refund_failed`.
 */
export type UnmatchedPaymentStatus = 'refunding' | 'refunded' | 'refund_failed';
export const unmatchedPaymentMachine = defineMachine<UnmatchedPaymentStatus>('unmatched payment', {
  refunding: ['refunded', 'refund_failed'],
  refunded: ['refund_failed'],
  refund_failed: [],
});

/** The sandbox provider's own payment intents: paid once; a failed attempt may be tried again. */
export const sandboxIntentMachine = defineMachine<'requires_payment' | 'succeeded' | 'failed'>(
  'sandbox payment intent',
  {
    requires_payment: ['succeeded', 'failed'],
    failed: ['succeeded', 'failed'],
    succeeded: [],
  },
);

/** A refund the provider reports that Fission did not make is applied automatically only in full. */
export function dashboardRefundKind(input: {
  refundAmount: number;
  paymentAmount: number;
  alreadyRefunded: number;
}): 'full' | 'partial' {
  return input.alreadyRefunded === 0 && input.refundAmount === input.paymentAmount ? 'full' : 'partial';
}

/**
 * The refunds a provider lists that are new to Fission: not Fission's own (by the reference it
 * stored at the provider, or by the provider's refund id it recorded) and not seen before. When the
 * provider does not list them, the part of the refunded total Fission cannot account for is one
 * refund, named after the event. `failed` are Fission's own refunds that failed: still its own when
 * an older snapshot lists them (events arrive in any order), but holding no money in the total.
 */
export function unknownRefunds(input: {
  eventId: string;
  amountRefunded: number;
  listed: readonly { id: string; amount: number; reference: string | null }[] | null;
  own: readonly { id: string; externalId: string | null; amount: number }[];
  failed?: readonly { id: string; externalId: string | null }[];
  seen: readonly { externalId: string; amount: number }[];
}): { id: string; amount: number }[] {
  const mine = [...input.own, ...(input.failed ?? [])];
  const ownIds = new Set(mine.map((r) => r.id));
  const ownExternal = new Set(mine.flatMap((r) => (r.externalId ? [r.externalId] : [])));
  const seen = new Set(input.seen.map((r) => r.externalId));
  if (input.listed) {
    return input.listed
      .filter((r) => r.amount > 0 && !seen.has(r.id) && !ownExternal.has(r.id))
      .filter((r) => !(r.reference && ownIds.has(r.reference)))
      .map((r) => ({ id: r.id, amount: r.amount }));
  }
  const accounted =
    input.own.reduce((sum, r) => sum + r.amount, 0) + input.seen.reduce((sum, r) => sum + r.amount, 0);
  const rest = input.amountRefunded - accounted;
  return rest > 0 ? [{ id: `${input.eventId}:unlisted`, amount: rest }] : [];
}
