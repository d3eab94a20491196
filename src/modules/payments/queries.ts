import type { Queryable } from '../../platform/db.js';
import {
  disputeMachine,
  type PaymentStatus,
  type ProviderRefundStatus,
  paymentMachine,
  providerRefundMachine,
  type RefundStatus,
} from './rules.js';

export interface PaymentRow {
  id: string;
  order_id: string;
  provider: string;
  external_id: string;
  amount: number;
  status: PaymentStatus;
  /** Stripe's PaymentIntent client secret, for the buyer's browser; null for other providers. */
  client_secret: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface RefundRow {
  id: string;
  order_id: string;
  payment_id: string;
  /** `order`: money (and maybe units) of a paid order; `late_payment`: a payment for a cancelled order. */
  kind: 'order' | 'late_payment';
  amount: number;
  status: RefundStatus;
  external_id: string | null;
  failure_reason?: string | null;
  /** The order's units this refund covers. */
  items: RefundItem[];
  /** Whether those units go back to stock when the refund is applied. */
  restock: boolean;
  reason: string;
  attempts: number;
  last_error: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface RefundItem {
  orderItemId: string;
  quantity: number;
}

/** The latest payment attempt of each order. */
export const latestPayments = (conn: Queryable, orderIds: readonly string[]) =>
  conn.query<PaymentRow>(
    `SELECT DISTINCT ON (order_id) * FROM payments WHERE order_id = ANY($1) ORDER BY order_id, id DESC`,
    [orderIds],
  );

export const findPaymentByExternalId = async (conn: Queryable, provider: string, externalId: string) =>
  (
    await conn.query<PaymentRow>('SELECT * FROM payments WHERE provider = $1 AND external_id = $2', [
      provider,
      externalId,
    ])
  )[0];

/** Moves the payment to `status` from a state the machine allows; false when it was in none of them. */
export const setPaymentStatus = async (conn: Queryable, id: string, status: PaymentStatus, now: Date) =>
  (
    await conn.query(
      'UPDATE payments SET status = $2, updated_at = $3 WHERE id = $1 AND status = ANY($4) RETURNING id',
      [id, status, now, paymentMachine.fromStates(status)],
    )
  ).length > 0;

export interface ProviderRefundRow {
  provider: string;
  external_id: string;
  payment_id: string;
  order_id: string;
  amount: number;
  status: ProviderRefundStatus;
  note: string;
  created_at: Date;
}

export interface DisputeRow {
  provider: string;
  external_id: string;
  payment_id: string;
  order_id: string;
  amount: number;
  reason: string;
  status: 'open' | 'won' | 'lost';
  opened_at: Date;
  closed_at: Date | null;
}

export interface UnmatchedPaymentRow {
  id: string;
  payment_id: string;
  order_id: string;
  provider: string;
  external_id: string;
  event_id: string;
  amount_received: number;
  expected: number;
  status: 'refunding' | 'refunded' | 'refund_failed';
  refund_external_id: string | null;
  last_error: string | null;
  created_at: Date;
  updated_at: Date;
}

/** Fission's own refunds of a payment that are live or done (a failed one returned nothing). */
export const ownRefunds = (conn: Queryable, paymentId: string) =>
  conn.query<RefundRow>(
    "SELECT * FROM refunds WHERE payment_id = $1 AND status IN ('requested', 'succeeded') ORDER BY id",
    [paymentId],
  );

/** Fission's own refunds of a payment that failed: still its own when a provider lists them. */
export const failedOwnRefunds = (conn: Queryable, paymentId: string) =>
  conn.query<RefundRow>("SELECT * FROM refunds WHERE payment_id = $1 AND status = 'failed' ORDER BY id", [
    paymentId,
  ]);

export const providerRefundsOf = (conn: Queryable, provider: string, paymentId: string) =>
  conn.query<ProviderRefundRow>('SELECT * FROM provider_refunds WHERE provider = $1 AND payment_id = $2', [
    provider,
    paymentId,
  ]);

/** Records a refund seen at the provider; false when it was recorded before. */
export async function insertProviderRefund(
  tx: Queryable,
  r: Omit<ProviderRefundRow, 'created_at'>,
  now: Date,
): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO provider_refunds (provider, external_id, payment_id, order_id, amount, status, note, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) ON CONFLICT DO NOTHING RETURNING external_id`,
    [r.provider, r.external_id, r.payment_id, r.order_id, r.amount, r.status, r.note, now],
  );
  return rows.length > 0;
}

export const setProviderRefundStatus = (
  conn: Queryable,
  provider: string,
  externalId: string,
  status: ProviderRefundRow['status'],
  note: string,
  now: Date,
) =>
  conn.query(
    `UPDATE provider_refunds SET status = $3, note = $4, updated_at = $5
     WHERE provider = $1 AND external_id = $2 AND status = ANY($6)`,
    [provider, externalId, status, note, now, providerRefundMachine.fromStates(status)],
  );

/** The latest dispute of each order. */
export const latestDisputes = (conn: Queryable, orderIds: readonly string[]) =>
  conn.query<DisputeRow>(
    `SELECT DISTINCT ON (order_id) * FROM payment_disputes WHERE order_id = ANY($1)
     ORDER BY order_id, opened_at DESC, external_id DESC`,
    [orderIds],
  );

export const lockDispute = async (tx: Queryable, provider: string, externalId: string) =>
  (
    await tx.query<DisputeRow>(
      'SELECT * FROM payment_disputes WHERE provider = $1 AND external_id = $2 FOR NO KEY UPDATE',
      [provider, externalId],
    )
  )[0];

export const insertDispute = (tx: Queryable, d: DisputeRow) =>
  tx.query(
    `INSERT INTO payment_disputes (provider, external_id, payment_id, order_id, amount, reason, status, opened_at, closed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      d.provider,
      d.external_id,
      d.payment_id,
      d.order_id,
      d.amount,
      d.reason,
      d.status,
      d.opened_at,
      d.closed_at,
    ],
  );

export const closeDispute = (
  tx: Queryable,
  provider: string,
  externalId: string,
  status: 'won' | 'lost',
  now: Date,
) =>
  tx.query(
    `UPDATE payment_disputes SET status = $3, closed_at = $4
     WHERE provider = $1 AND external_id = $2 AND status = ANY($5)`,
    [provider, externalId, status, now, disputeMachine.fromStates(status)],
  );

export const findRefund = async (conn: Queryable, id: string) =>
  (await conn.query<RefundRow>('SELECT * FROM refunds WHERE id = $1', [id]))[0];

/** The refund, row-locked: a decision taken from its status holds until the transaction ends. */
export const lockRefund = async (tx: Queryable, id: string) =>
  (await tx.query<RefundRow>('SELECT * FROM refunds WHERE id = $1 FOR NO KEY UPDATE', [id]))[0];

export const findRefundByExternalId = async (conn: Queryable, externalId: string) =>
  (await conn.query<RefundRow>('SELECT * FROM refunds WHERE external_id = $1', [externalId]))[0];

/** Refunds of a payment's unmatched amounts: Fission's own, made by the unmatched-payment job. */
export const unmatchedRefundsOf = (conn: Queryable, paymentId: string) =>
  conn.query<{ id: string; refund_external_id: string | null; amount_received: number }>(
    `SELECT id, refund_external_id, amount_received FROM unmatched_payments
     WHERE payment_id = $1 AND status IN ('refunding', 'refunded') AND amount_received > 0`,
    [paymentId],
  );

export const lockUnmatched = async (tx: Queryable, id: string) =>
  (
    await tx.query<UnmatchedPaymentRow>('SELECT * FROM unmatched_payments WHERE id = $1 FOR NO KEY UPDATE', [
      id,
    ])
  )[0];

export const findUnmatched = async (conn: Queryable, id: string) =>
  (await conn.query<UnmatchedPaymentRow>('SELECT * FROM unmatched_payments WHERE id = $1', [id]))[0];
