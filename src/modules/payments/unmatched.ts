import type { Clock } from '../../platform/clock.js';
import type { Database, Tx } from '../../platform/db.js';
import { newId } from '../../platform/ids.js';
import type { JobRunner } from '../../platform/jobs.js';
import type { LedgerService } from '../ledger/index.js';
import { accounts, transferBetween } from '../ledger/index.js';
import type { PaymentEvent, PaymentProvider } from './provider.js';
import * as q from './queries.js';
import { unmatchedPaymentMachine } from './rules.js';

export const REFUND_UNMATCHED_JOB = 'payments.refund-unmatched';
/** The reference an unmatched payment's refund carries at the provider: `unmatched:<id>`. */
export const UNMATCHED_REFERENCE = 'unmatched:';

/**
 * Money that arrived in another amount than the order's total (a provider bug, a tampered intent):
 * never applied to the order, booked as owed back to the payer, refunded by a job and listed for
 * the operator.
 */
export function createUnmatchedPayments(deps: {
  db: Database;
  clock: Clock;
  ledger: LedgerService;
  jobs: JobRunner;
  provider: (name: string) => PaymentProvider;
}) {
  const { db, clock, ledger } = deps;

  /** In the caller's transaction: the row, its booking, and the refund job keyed for idempotency. */
  async function record(tx: Tx, payment: q.PaymentRow, event: PaymentEvent) {
    const id = newId();
    const now = clock.now();
    await tx.query(
      `INSERT INTO unmatched_payments (id, payment_id, order_id, provider, external_id, event_id,
         amount_received, expected, status, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)`,
      [
        id,
        payment.id,
        payment.order_id,
        payment.provider,
        payment.external_id,
        event.eventId,
        event.amount,
        payment.amount,
        event.amount > 0 ? 'refunding' : 'refunded',
        now,
      ],
    );
    if (event.amount === 0) return;
    await ledger.post(tx, {
      kind: 'payment.unmatched',
      ref: id,
      ...transferBetween(accounts.unmatchedPayments, accounts.provider(payment.provider), event.amount),
    });
    await deps.jobs.enqueue(tx, REFUND_UNMATCHED_JOB, { id }, { dedupeKey: `unmatched:${id}` });
  }

  /**
   * Job: refunds an unmatched payment at the provider (no transaction; the key makes a retry after
   * a crash refund once), then books it. A refusal is kept on the row for the operator and retried.
   */
  async function refund(id: string): Promise<void> {
    const row = await q.findUnmatched(db, id);
    if (row?.status !== 'refunding') return;
    let made: { externalId: string };
    try {
      made = await deps.provider(row.provider).refund({
        externalId: row.external_id,
        amount: row.amount_received,
        idempotencyKey: `unmatched:${row.id}`,
        reference: `${UNMATCHED_REFERENCE}${row.id}`,
      });
    } catch (error) {
      await db.query('UPDATE unmatched_payments SET last_error = $2, updated_at = $3 WHERE id = $1', [
        id,
        String(error).slice(0, 500),
        clock.now(),
      ]);
      throw error;
    }
    await db.transaction(async (tx) => {
      const locked = await q.lockUnmatched(tx, id);
      if (locked?.status !== 'refunding') return;
      await tx.query(
        `UPDATE unmatched_payments SET status = 'refunded', refund_external_id = $2, last_error = NULL,
           updated_at = $3 WHERE id = $1 AND status = ANY($4)`,
        [id, made.externalId, clock.now(), unmatchedPaymentMachine.fromStates('refunded')],
      );
      await ledger.post(tx, {
        kind: 'payment.unmatched-refunded',
        ref: id,
        ...transferBetween(
          accounts.provider(locked.provider),
          accounts.unmatchedPayments,
          locked.amount_received,
        ),
      });
    });
  }
  deps.jobs.register(REFUND_UNMATCHED_JOB, (payload) => refund(String(payload.id)));

  /**
   * The provider's refund.failed for an unmatched payment's refund: back to the operator. A job
   * still retrying it stops (it refunds only `refunding` rows); money is not re-booked.
   */
  async function recordRefundFailure(
    tx: Tx,
    input: { refundId: string; reference: string | null; reason: string },
  ): Promise<boolean> {
    const rows = await tx.query(
      `UPDATE unmatched_payments SET status = 'refund_failed', last_error = $2, updated_at = $3
       WHERE id = $1 AND status = ANY($4) RETURNING id`,
      [
        input.reference?.slice(UNMATCHED_REFERENCE.length),
        `refund ${input.refundId} failed: ${input.reason}`,
        clock.now(),
        unmatchedPaymentMachine.fromStates('refund_failed'),
      ],
    );
    return rows.length > 0;
  }

  return { record, refund, recordRefundFailure };
}
