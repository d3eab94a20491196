import { AppError } from '../../platform/errors.js';

/**
 * A refund's states and the moves between them, as data. A refund the provider accepted can still
 * fail later (refund.failed: the card was closed, the bank returned it), so `succeeded` → `failed`.
 */
export const REFUND_STATUSES = ['requested', 'succeeded', 'failed'] as const;
export type RefundStatus = (typeof REFUND_STATUSES)[number];

export const REFUND_TRANSITIONS: Readonly<Record<RefundStatus, readonly RefundStatus[]>> = {
  requested: ['succeeded', 'failed'],
  succeeded: ['failed'],
  failed: [],
};

/** The states a refund may leave to become `to`: SQL conditions take them from here. */
export const refundStatesBefore = (to: RefundStatus): RefundStatus[] =>
  REFUND_STATUSES.filter((from) => REFUND_TRANSITIONS[from].includes(to));

export function assertRefundTransition(from: RefundStatus, to: RefundStatus): void {
  if (!REFUND_TRANSITIONS[from].includes(to))
    throw new AppError('conflict', `A refund that is ${from} cannot become ${to}`);
}

export type DisputeStatus = 'open' | 'won' | 'lost';

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
