import type { Clock } from '../../platform/clock.js';
import type { Database, Tx } from '../../platform/db.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { EventBus } from '../../platform/events.js';
import type { LedgerService } from '../ledger/index.js';
import { accounts, transferBetween } from '../ledger/index.js';
import type { PaymentOrders } from './ports.js';
import type { PaymentNotice } from './provider.js';
import * as q from './queries.js';
import { dashboardRefundKind, unknownRefunds } from './rules.js';
import type { PaymentsService } from './service.js';

export interface NoticeDeps {
  db: Database;
  clock: Clock;
  orders: PaymentOrders;
  payments: PaymentsService;
  ledger: LedgerService;
  events: EventBus;
}

/** What applying a notice did: `false` when it was a replay or changed nothing. */
export type NoticeOutcome = { applied: boolean };

/**
 * What a provider reports about a payment beyond its outcome: refunds made in its dashboard,
 * chargebacks and refunds that failed. Each runs under the order's row lock and the provider's
 * event id (a replay is a no-op), and whatever cannot be decided automatically is left for the
 * operator's needs-attention list rather than refused: a refused webhook is retried forever.
 */
export function createPaymentNotices(deps: NoticeDeps) {
  const { db, clock, orders, payments } = deps;

  /** Locks the payment's order and claims the event; null for a replay. */
  async function open(tx: Tx, provider: string, notice: PaymentNotice) {
    const payment = await payments.findByExternalId(tx, provider, notice.externalId);
    if (!payment) throw notFound('Payment');
    const order = await orders.lockOrderRow(tx, payment.order_id);
    if (!order) throw notFound('Order');
    if (!(await payments.firstDelivery(tx, provider, notice.eventId))) return null;
    return { payment, order };
  }

  async function apply(provider: string, notice: PaymentNotice): Promise<NoticeOutcome> {
    switch (notice.type) {
      case 'refund.observed':
        return refundObserved(provider, notice);
      case 'dispute.opened':
      case 'dispute.closed':
        return dispute(provider, notice);
      case 'refund.failed':
        return refundFailed(provider, notice);
    }
  }

  /**
   * A charge was refunded. Fission's own refunds are recognised by the reference stored with them
   * at the provider or by the provider's refund id, and skipped: they were applied when made. A
   * refund made in the dashboard for the whole payment refunds the order through the normal path
   * (stock, ledger, commissions) without calling the provider again; a partial one refunds that much
   * money through the same path (commissions shrink in proportion).
   */
  async function refundObserved(
    provider: string,
    notice: Extract<PaymentNotice, { type: 'refund.observed' }>,
  ): Promise<NoticeOutcome> {
    const plan = await db.transaction(async (tx) => {
      const opened = await open(tx, provider, notice);
      if (!opened) return null;
      const { payment, order } = opened;
      // Fission's own: refunds of the order, and refunds of amounts that did not match it.
      const ownAndUnmatched = [
        ...(await q.ownRefunds(tx, payment.id)).map((r) => ({
          id: r.id,
          externalId: r.external_id,
          amount: r.amount,
        })),
        ...(await q.unmatchedRefundsOf(tx, payment.id)).map((r) => ({
          id: `unmatched:${r.id}`,
          externalId: r.refund_external_id,
          amount: r.amount_received,
        })),
      ];
      const seen = await q.providerRefundsOf(tx, provider, payment.id);
      // A refund made at the provider and applied through the order's refund path is both seen and
      // one of the order's refunds: count it once, as seen.
      const seenIds = new Set(seen.map((r) => r.external_id));
      const own = ownAndUnmatched.filter((r) => r.externalId === null || !seenIds.has(r.externalId));
      const fresh = unknownRefunds({
        eventId: notice.eventId,
        amountRefunded: notice.amountRefunded,
        listed: notice.refunds,
        own,
        failed: (await q.failedOwnRefunds(tx, payment.id)).map((r) => ({
          id: r.id,
          externalId: r.external_id,
        })),
        seen: seen.map((r) => ({ externalId: r.external_id, amount: r.amount })),
      });
      let alreadyRefunded =
        own.reduce((sum, r) => sum + r.amount, 0) + seen.reduce((sum, r) => sum + r.amount, 0);
      // Each refund made at the provider goes through the order's refund path (no provider call):
      // the whole payment as a full refund with its stock, a part as money only (its units are not
      // known, so none are marked refunded and none return to stock).
      const toApply: { externalId: string; amount: number; full: boolean }[] = [];
      for (const refund of fresh) {
        const kind = dashboardRefundKind({
          refundAmount: refund.amount,
          paymentAmount: payment.amount,
          alreadyRefunded,
        });
        const applicable = payment.status === 'succeeded';
        await q.insertProviderRefund(
          tx,
          {
            provider,
            external_id: refund.id,
            payment_id: payment.id,
            order_id: order.id,
            amount: refund.amount,
            status: applicable ? 'applying' : 'needs_review',
            note: applicable ? '' : 'a refund made at the provider of a payment that is not settled',
          },
          clock.now(),
        );
        if (applicable) toApply.push({ externalId: refund.id, amount: refund.amount, full: kind === 'full' });
        alreadyRefunded += refund.amount;
      }
      return { orderId: order.id, toApply, recorded: fresh.length };
    });
    if (!plan) return { applied: false };
    for (const refund of plan.toApply) {
      try {
        await orders.refundOrder(plan.orderId, `refunded at ${provider}`, {
          alreadyRefunded: { externalId: refund.externalId },
          ...(refund.full ? { restock: true } : { amount: refund.amount, items: [], restock: false }),
        });
        await q.setProviderRefundStatus(db, provider, refund.externalId, 'applied', '', clock.now());
      } catch (error) {
        // The money is back with the buyer but the order could not follow (refunded already, or a
        // state that cannot be refunded): a person decides.
        const reason = error instanceof AppError ? error.message : 'the refund could not be applied';
        await q.setProviderRefundStatus(db, provider, refund.externalId, 'needs_review', reason, clock.now());
        if (!(error instanceof AppError)) throw error;
      }
    }
    return { applied: plan.recorded > 0 };
  }

  /**
   * A chargeback opened or closed. The order shows it; `order.disputed` and `order.dispute_closed`
   * let distribution hold and release the order's commissions. A lost dispute books the money the
   * provider took back as a loss. A close without its opening (missed event) records both.
   */
  async function dispute(
    provider: string,
    notice: Extract<PaymentNotice, { type: 'dispute.opened' | 'dispute.closed' }>,
  ): Promise<NoticeOutcome> {
    return db.transaction(async (tx) => {
      const opened = await open(tx, provider, notice);
      if (!opened) return { applied: false };
      const { payment, order } = opened;
      const now = clock.now();
      const subject = { orderId: order.id, userId: order.user_id };
      let existing = await q.lockDispute(tx, provider, notice.disputeId);
      if (!existing) {
        existing = {
          provider,
          external_id: notice.disputeId,
          payment_id: payment.id,
          order_id: order.id,
          amount: notice.amount,
          reason: notice.reason,
          status: 'open',
          opened_at: now,
          closed_at: null,
        };
        await q.insertDispute(tx, existing);
        await deps.events.publish(tx, 'order.disputed', subject);
      }
      if (notice.type === 'dispute.opened' || existing.status !== 'open' || !notice.outcome) {
        return { applied: notice.type === 'dispute.opened' };
      }
      const outcome = notice.outcome;
      await q.closeDispute(tx, provider, notice.disputeId, outcome, now);
      if (outcome === 'lost' && notice.amount > 0) {
        await deps.ledger.post(tx, {
          kind: 'dispute.lost',
          ref: `${provider}:${notice.disputeId}`,
          ...transferBetween(accounts.provider(provider), accounts.disputeLosses, notice.amount),
        });
      }
      await deps.events.publish(tx, 'order.dispute_closed', { ...subject, outcome });
      return { applied: true };
    });
  }

  /** A refund failed at the provider after all: marked failed, for the operator to resolve. */
  async function refundFailed(
    provider: string,
    notice: Extract<PaymentNotice, { type: 'refund.failed' }>,
  ): Promise<NoticeOutcome> {
    return db.transaction(async (tx) => {
      if (!(await open(tx, provider, notice))) return { applied: false };
      const applied = await payments.recordRefundFailure(tx, notice);
      return { applied };
    });
  }

  return { apply };
}

export type PaymentNotices = ReturnType<typeof createPaymentNotices>;
