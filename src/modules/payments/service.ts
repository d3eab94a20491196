import type { Static } from 'typebox';
import type { Clock } from '../../platform/clock.js';
import type { Database, Queryable, Tx } from '../../platform/db.js';
import { notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { JobRunner } from '../../platform/jobs.js';
import { accounts, type LedgerService, transferBetween } from '../ledger/index.js';
import { outcomeUnknown, type PaymentProvider, type ProviderPayment } from './provider.js';
import * as q from './queries.js';
import { type PaymentStatus, type RefundStatus, refundMachine } from './rules.js';
import type { DisputeSchema, PaymentSummarySchema } from './schemas.js';
import { createUnmatchedPayments, UNMATCHED_REFERENCE } from './unmatched.js';

/** A chargeback on an order's payment, as every order response shows it. */
export type Dispute = Static<typeof DisputeSchema>;
export type Payment = Static<typeof PaymentSummarySchema>;

/**
 * Payment records and the gateway to providers. It never changes an order: the orders service
 * decides what a payment means and calls back here inside its own transactions.
 */
export function createPaymentsService(deps: {
  db: Database;
  clock: Clock;
  providers: PaymentProvider[];
  defaultProvider: string;
  ledger: LedgerService;
  jobs: JobRunner;
}) {
  const { clock, db, ledger } = deps;
  const providers = new Map(deps.providers.map((p) => [p.name, p]));

  function provider(name: string): PaymentProvider {
    const found = providers.get(name);
    if (!found) throw notFound(`Payment provider ${name}`);
    return found;
  }
  const unmatched = createUnmatchedPayments({ db, clock, ledger, jobs: deps.jobs, provider });

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

  /** Records the new payment; returns it as an order shows it (what `paymentsOf` would read back). */
  async function recordPayment(
    tx: Queryable,
    input: { orderId: string; provider: string; amount: number; payment: ProviderPayment },
  ): Promise<Payment> {
    const now = clock.now();
    await tx.query(
      `INSERT INTO payments (id, order_id, provider, external_id, amount, status, created_at, updated_at, client_secret)
       VALUES ($1, $2, $3, $4, $5, 'pending', $6, $6, $7)`,
      [
        newId(),
        input.orderId,
        input.provider,
        input.payment.externalId,
        input.amount,
        now,
        input.payment.clientSecret ?? null,
      ],
    );
    return summary({
      order_id: input.orderId,
      provider: input.provider,
      status: 'pending',
      amount: input.amount,
    });
  }

  const summary = (row: Pick<q.PaymentRow, 'order_id' | 'provider' | 'status' | 'amount'>): Payment => ({
    provider: row.provider,
    status: row.status,
    amount: row.amount,
    payUrl: row.provider === 'sandbox' ? `/pay/${row.order_id}` : null,
  });

  async function paymentsOf(conn: Queryable, orderIds: readonly string[]): Promise<Map<string, Payment>> {
    const rows = orderIds.length ? await q.latestPayments(conn, orderIds) : [];
    return new Map(rows.map((row) => [row.order_id, summary(row)]));
  }

  const findByExternalId = q.findPaymentByExternalId;
  /** Moves a payment along its machine; false when its state does not allow the move (nothing changes). */
  const markPayment = (tx: Queryable, id: string, status: PaymentStatus) =>
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
   * claim. The caller has checked it fits in what is left; `refundsInFlightOf` tells it what is taken.
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

  /** An order's refunds claimed and not yet applied (what it has refunded, the order counts itself). */
  const refundsInFlightOf = (conn: Queryable, orderId: string) =>
    conn.query<q.RefundRow>(
      `SELECT * FROM refunds WHERE order_id = $1 AND kind = 'order' AND status = 'requested' ORDER BY id`,
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

  const findRefund = q.findRefund;

  /** Locks a refund for its apply step: the status seen under the lock decides whether to apply. */
  const lockRefund = async (tx: Queryable, id: string) =>
    (await tx.query<q.RefundRow>('SELECT * FROM refunds WHERE id = $1 FOR NO KEY UPDATE', [id]))[0];

  /** Refunds claimed before `before` and still not applied: a crash, a timeout, a provider down. */
  const unfinishedRefunds = (conn: Queryable, before: Date, limit: number) =>
    conn.query<q.RefundRow>(
      `SELECT * FROM refunds WHERE status = 'requested' AND updated_at < $1 ORDER BY updated_at, id LIMIT $2`,
      [before, limit],
    );

  /**
   * A provider call for a refund failed: counted, and the refund stays `requested` for recovery.
   * The three ways a refund fails compose through its state: this one keeps it `requested` (the
   * recovery job retries it); `settleRefund(…, 'failed')` ends a `requested` one whose caller gave
   * it up; `recordRefundFailure` (the provider's refund.failed) ends it from `requested` or
   * `succeeded`. Once `failed`, neither the recovery job (it takes only `requested` refunds) nor a
   * late apply step (`settleRefund` moves only `requested` ones) touches it again.
   */
  const recordRefundAttemptFailure = (conn: Queryable, id: string, error: unknown) =>
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
      reference: refund.id,
    });

  /**
   * Step 3's outcome for a `requested` refund: applied (`succeeded`) or given up (`failed`). A refund
   * that left `requested` meanwhile (applied by the recovery job, failed at the provider) is not
   * moved again; false then. Failing one that succeeded is `recordRefundFailure`'s alone.
   */
  async function settleRefund(
    tx: Queryable,
    refundId: string,
    outcome: { externalId: string } | 'failed',
  ): Promise<boolean> {
    const to: RefundStatus = outcome === 'failed' ? 'failed' : 'succeeded';
    const from: RefundStatus = 'requested';
    refundMachine.assertTransition(from, to);
    const rows = await tx.query(
      `UPDATE refunds SET status = $2, external_id = $3, updated_at = $4
       WHERE id = $1 AND status = $5 RETURNING id`,
      [refundId, to, outcome === 'failed' ? null : outcome.externalId, clock.now(), from],
    );
    return rows.length > 0;
  }

  const findPayment = async (conn: Queryable, id: string) =>
    (await conn.query<q.PaymentRow>('SELECT * FROM payments WHERE id = $1', [id]))[0];

  const lockLatestPayment = async (tx: Queryable, orderId: string) =>
    (
      await tx.query<q.PaymentRow>(
        'SELECT * FROM payments WHERE order_id = $1 ORDER BY id DESC LIMIT 1 FOR NO KEY UPDATE',
        [orderId],
      )
    )[0];

  const lockPayment = async (tx: Queryable, id: string) =>
    (await tx.query<q.PaymentRow>('SELECT * FROM payments WHERE id = $1 FOR NO KEY UPDATE', [id]))[0];

  const latestPayment = async (orderId: string, conn: Queryable) =>
    (await q.latestPayments(conn, [orderId]))[0];
  /** The order's latest payment, read outside any transaction (a route, the demo seed). */
  const latestPaymentNow = (orderId: string) => latestPayment(orderId, db);

  async function disputesOf(conn: Queryable, orderIds: readonly string[]): Promise<Map<string, Dispute>> {
    const rows = orderIds.length ? await q.latestDisputes(conn, orderIds) : [];
    return new Map(
      rows.map((row) => [
        row.order_id,
        {
          status: row.status,
          openedAt: row.opened_at.toISOString(),
          closedAt: row.closed_at?.toISOString() ?? null,
        },
      ]),
    );
  }

  /** What the buyer's browser needs to finish paying: the client secret while the payment is open. */
  async function checkoutOf(orderId: string) {
    const payment = await latestPayment(orderId, db);
    if (!payment) throw notFound('Payment');
    const open = payment.status === 'pending' || payment.status === 'failed';
    return {
      provider: payment.provider,
      status: payment.status,
      amount: payment.amount,
      clientSecret: open ? payment.client_secret : null,
    };
  }

  /**
   * The provider reports that a refund failed after all (refund.failed). Fission's own refund is
   * marked failed with the reason; an unmatched payment's refund goes back to the operator. A refund
   * that had succeeded is booked back from the buyer to the provider's account, as money owed to the
   * buyer (`platform:failed-refunds`): a person decides what to do (the needs-attention list shows
   * it), and the order keeps counting it as refunded (`planRefund`), so it is not refunded twice.
   * False if unknown.
   */
  async function recordRefundFailure(
    tx: Tx,
    input: { refundId: string; reference: string | null; reason: string },
  ): Promise<boolean> {
    if (input.reference?.startsWith(UNMATCHED_REFERENCE)) return unmatched.recordRefundFailure(tx, input);
    const now = clock.now();
    const found =
      (input.reference ? await q.findRefund(tx, input.reference) : undefined) ??
      (await q.findRefundByExternalId(tx, input.refundId));
    // Decided from the locked row: a refund being applied at this moment (requested → succeeded,
    // booked as returned to the buyer) must be seen as succeeded, or its booking-back is missed.
    const refund = found && (await q.lockRefund(tx, found.id));
    if (!refund || refund.status === 'failed') return false;
    refundMachine.assertTransition(refund.status, 'failed');
    await tx.query(
      `UPDATE refunds SET status = 'failed', failure_reason = $2, external_id = COALESCE(external_id, $3),
         updated_at = $4 WHERE id = $1 AND status = ANY($5)`,
      [refund.id, input.reason, input.refundId, now, refundMachine.fromStates('failed')],
    );
    // A refund that had succeeded was booked as money gone back to the buyer; the provider holds
    // it again. Without this the ledger's provider account fell short of the provider by its amount.
    const payment = refund.status === 'succeeded' ? await findPayment(tx, refund.payment_id) : undefined;
    if (payment && refund.amount > 0) {
      await ledger.post(tx, {
        kind: 'refund.failed',
        ref: refund.id,
        ...transferBetween(accounts.failedRefunds, accounts.provider(payment.provider), refund.amount),
      });
    }
    return true;
  }

  return {
    provider,
    lockPayment,
    latestPayment,
    latestPaymentNow,
    defaultProvider: deps.defaultProvider,
    createProviderPayment,
    recordPayment,
    paymentsOf,
    findByExternalId,
    markPayment,
    firstDelivery,
    claimRefund,
    refundsInFlightOf,
    liveLateRefund,
    findRefund,
    lockRefund,
    unfinishedRefunds,
    recordRefundAttemptFailure,
    findPayment,
    refundAtProvider,
    outcomeUnknown,
    settleRefund,
    lockLatestPayment,
    disputesOf,
    checkoutOf,
    recordUnmatchedPayment: unmatched.record,
    refundUnmatched: unmatched.refund,
    recordRefundFailure,
  };
}

export type PaymentsService = ReturnType<typeof createPaymentsService>;
