import type { Clock } from '../../platform/clock.js';
import type { Database, Queryable } from '../../platform/db.js';
import { notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { PaymentProvider, ProviderPayment } from './provider.js';
import * as q from './queries.js';

export interface Payment {
  provider: string;
  status: q.PaymentRow['status'];
  amount: number;
  payUrl: string | null;
  clientSecret?: string;
}

/**
 * Payment records and the gateway to providers. It never changes an order: the orders service
 * decides what a payment means and calls back here inside its own transactions.
 */
export function createPaymentsService(deps: {
  db: Database;
  clock: Clock;
  providers: PaymentProvider[];
  defaultProvider: string;
}) {
  const { clock } = deps;
  const providers = new Map(deps.providers.map((p) => [p.name, p]));

  function provider(name: string): PaymentProvider {
    const found = providers.get(name);
    if (!found) throw notFound(`Payment provider ${name}`);
    return found;
  }

  /** Provider call: outside any transaction. Its undo is nothing: an unpaid intent simply lapses. */
  function createProviderPayment(input: {
    orderId: string;
    amount: number;
    currency: string;
    provider: string;
  }) {
    return provider(input.provider).createPayment({
      ...input,
      idempotencyKey: `order:${input.orderId}:payment`,
    });
  }

  async function recordPayment(
    tx: Queryable,
    input: { orderId: string; provider: string; amount: number; payment: ProviderPayment },
  ): Promise<void> {
    const now = clock.now();
    await tx.query(
      `INSERT INTO payments (id, order_id, provider, external_id, amount, status, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, 'pending', $6, $6)`,
      [newId(), input.orderId, input.provider, input.payment.externalId, input.amount, now],
    );
  }

  async function paymentsOf(conn: Queryable, orderIds: readonly string[]): Promise<Map<string, Payment>> {
    const rows = orderIds.length ? await q.latestPayments(conn, orderIds) : [];
    return new Map(
      rows.map((row) => [
        row.order_id,
        {
          provider: row.provider,
          status: row.status,
          amount: row.amount,
          payUrl: row.provider === 'sandbox' ? `/pay/${row.order_id}` : null,
        },
      ]),
    );
  }

  const findByExternalId = q.findPaymentByExternalId;
  const markPayment = (tx: Queryable, id: string, status: q.PaymentRow['status']) =>
    q.setPaymentStatus(tx, id, status, clock.now());

  /** True the first time this provider event is seen; webhooks replayed by the provider apply once. */
  async function firstDelivery(tx: Queryable, providerName: string, eventId: string): Promise<boolean> {
    const rows = await tx.query(
      `INSERT INTO payment_webhook_events (provider, event_id, received_at) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING event_id`,
      [providerName, eventId, clock.now()],
    );
    return rows.length > 0;
  }

  /**
   * Step 1 of a refund, in the caller's transaction (which holds the order's row lock): records the
   * claim. The caller has checked it fits in what is left; `liveRefundsOf` tells it what is taken.
   */
  async function claimRefund(
    tx: Queryable,
    input: {
      orderId: string;
      payment: q.PaymentRow;
      kind: q.RefundRow['kind'];
      amount: number;
      items: readonly q.RefundItem[];
      restock: boolean;
      reason: string;
      /** Refunded at the provider already (e.g. from its dashboard): no provider call will be made. */
      externalId?: string;
    },
  ): Promise<q.RefundRow> {
    const now = clock.now();
    const rows = await tx.query<q.RefundRow>(
      `INSERT INTO refunds (id, order_id, payment_id, kind, amount, status, items, restock, reason, external_id,
         created_at, updated_at) VALUES ($1, $2, $3, $4, $5, 'requested', $6, $7, $8, $10, $9, $9) RETURNING *`,
      [
        newId(),
        input.orderId,
        input.payment.id,
        input.kind,
        input.amount,
        JSON.stringify(input.items),
        input.restock,
        input.reason,
        now,
        input.externalId ?? null,
      ],
    );
    return rows[0] as q.RefundRow;
  }

  /** An order's refunds that hold money: applied, or claimed and not yet applied. */
  const liveRefundsOf = (conn: Queryable, orderId: string) =>
    conn.query<q.RefundRow>(
      `SELECT * FROM refunds WHERE order_id = $1 AND kind = 'order' AND status IN ('requested', 'succeeded')
       ORDER BY id`,
      [orderId],
    );

  /** The live refund of a late payment, if one was claimed. */
  const liveLateRefund = async (conn: Queryable, paymentId: string) =>
    (
      await conn.query<q.RefundRow>(
        `SELECT * FROM refunds WHERE payment_id = $1 AND kind = 'late_payment'
         AND status IN ('requested', 'succeeded')`,
        [paymentId],
      )
    )[0];

  const findRefund = async (conn: Queryable, id: string) =>
    (await conn.query<q.RefundRow>('SELECT * FROM refunds WHERE id = $1', [id]))[0];

  /** Locks a refund for its apply step: the status seen under the lock decides whether to apply. */
  const lockRefund = async (tx: Queryable, id: string) =>
    (await tx.query<q.RefundRow>('SELECT * FROM refunds WHERE id = $1 FOR UPDATE', [id]))[0];

  /** Refunds claimed before `before` and still not applied: a crash, a timeout, a provider down. */
  const unfinishedRefunds = (conn: Queryable, before: Date, limit: number) =>
    conn.query<q.RefundRow>(
      `SELECT * FROM refunds WHERE status = 'requested' AND updated_at < $1 ORDER BY updated_at, id LIMIT $2`,
      [before, limit],
    );

  /** A provider call that failed: counted, and the refund waits for its next attempt. */
  const recordRefundFailure = (conn: Queryable, id: string, error: unknown) =>
    conn.query(
      `UPDATE refunds SET attempts = attempts + 1, last_error = $2, updated_at = $3
       WHERE id = $1 AND status = 'requested'`,
      [id, String(error).slice(0, 2000), clock.now()],
    );

  /** Step 2: the provider call, outside any transaction, keyed so a retry refunds once. */
  const refundAtProvider = (payment: q.PaymentRow, refund: q.RefundRow) =>
    provider(payment.provider).refund({
      externalId: payment.external_id,
      amount: refund.amount,
      idempotencyKey: `refund:${refund.id}`,
    });

  async function settleRefund(tx: Queryable, refundId: string, outcome: { externalId: string } | 'failed') {
    await tx.query('UPDATE refunds SET status = $2, external_id = $3, updated_at = $4 WHERE id = $1', [
      refundId,
      outcome === 'failed' ? 'failed' : 'succeeded',
      outcome === 'failed' ? null : outcome.externalId,
      clock.now(),
    ]);
  }

  const findPayment = async (conn: Queryable, id: string) =>
    (await conn.query<q.PaymentRow>('SELECT * FROM payments WHERE id = $1', [id]))[0];

  const lockLatestPayment = async (tx: Queryable, orderId: string) =>
    (
      await tx.query<q.PaymentRow>(
        'SELECT * FROM payments WHERE order_id = $1 ORDER BY id DESC LIMIT 1 FOR UPDATE',
        [orderId],
      )
    )[0];

  const lockPayment = async (tx: Queryable, id: string) =>
    (await tx.query<q.PaymentRow>('SELECT * FROM payments WHERE id = $1 FOR UPDATE', [id]))[0];

  const latestPayment = async (orderId: string, conn: Queryable = deps.db) =>
    (await q.latestPayments(conn, [orderId]))[0];

  return {
    provider,
    lockPayment,
    latestPayment,
    defaultProvider: deps.defaultProvider,
    createProviderPayment,
    recordPayment,
    paymentsOf,
    findByExternalId,
    markPayment,
    firstDelivery,
    claimRefund,
    liveRefundsOf,
    liveLateRefund,
    findRefund,
    lockRefund,
    unfinishedRefunds,
    recordRefundFailure,
    findPayment,
    refundAtProvider,
    settleRefund,
    lockLatestPayment,
  };
}

export type PaymentsService = ReturnType<typeof createPaymentsService>;
