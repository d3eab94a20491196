import type { Clock } from '../../platform/clock.js';
import type { Database, Queryable } from '../../platform/db.js';
import { AppError, notFound } from '../../platform/errors.js';
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

  /** Step 1 of a refund, in the caller's transaction: claims the order's one live refund. */
  async function requestRefund(
    tx: Queryable,
    input: { orderId: string; payment: q.PaymentRow; reason: string },
  ) {
    const id = newId();
    const now = clock.now();
    const rows = await tx.query<q.RefundRow>(
      `INSERT INTO refunds (id, order_id, payment_id, amount, status, reason, created_at, updated_at)
       VALUES ($1, $2, $3, $4, 'requested', $5, $6, $6)
       ON CONFLICT (order_id) WHERE status IN ('requested', 'succeeded') DO NOTHING RETURNING *`,
      [id, input.orderId, input.payment.id, input.payment.amount, input.reason, now],
    );
    if (!rows[0]) throw new AppError('conflict', 'This order is already being refunded');
    return rows[0];
  }

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
    requestRefund,
    refundAtProvider,
    settleRefund,
    lockLatestPayment,
  };
}

export type PaymentsService = ReturnType<typeof createPaymentsService>;
