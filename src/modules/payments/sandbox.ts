import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db.js';
import { randomToken } from '../../platform/ids.js';
import {
  type CreatePaymentInput,
  type PaymentEvent,
  type PaymentProvider,
  ProviderError,
  type RefundInput,
} from './provider.js';
import { sandboxIntentMachine } from './rules.js';

/**
 * The built-in sandbox provider: a working payment provider with no real money. It keeps its own
 * books (sandbox_payment_intents), as a real provider does on its side, and refuses what a real one
 * would: paying an intent twice, refunding more than was paid, refunding an unpaid intent.
 * A person "pays" on the web app's sandbox page, which calls `simulate`.
 */
export function createSandboxProvider(deps: { db: Database; clock: Clock }) {
  const { db, clock } = deps;

  async function createPayment(input: CreatePaymentInput) {
    const externalId = `sbx_pi_${randomToken(12)}`;
    await db.query(
      `INSERT INTO sandbox_payment_intents (id, order_id, amount, currency, status, created_at)
       VALUES ($1, $2, $3, $4, 'requires_payment', $5)`,
      [externalId, input.orderId, input.amount, input.currency, clock.now()],
    );
    return { externalId, payUrl: `/pay/${input.orderId}` };
  }

  /**
   * Refunds part or all of a paid intent. Like Stripe, an idempotency key names one refund: the
   * same key again returns that refund (nothing moves twice), the same key with another amount
   * or intent is refused. The key is taken in the same transaction as the intent's update.
   */
  async function refund(input: RefundInput) {
    return db.transaction(async (tx) => {
      const claimed = await tx.query<{ external_id: string }>(
        `INSERT INTO sandbox_refunds (idempotency_key, intent_id, amount, external_id, created_at)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (idempotency_key) DO NOTHING RETURNING external_id`,
        [input.idempotencyKey, input.externalId, input.amount, `sbx_re_${randomToken(12)}`, clock.now()],
      );
      if (!claimed[0]) {
        const [earlier] = await tx.query<{ intent_id: string; amount: number; external_id: string }>(
          'SELECT intent_id, amount, external_id FROM sandbox_refunds WHERE idempotency_key = $1',
          [input.idempotencyKey],
        );
        if (earlier?.intent_id !== input.externalId || earlier.amount !== input.amount)
          throw new ProviderError('sandbox', 'the sandbox refused the refund: idempotency key reused');
        return { externalId: earlier.external_id };
      }
      const rows = await tx.query<{ id: string }>(
        `UPDATE sandbox_payment_intents SET refunded_amount = refunded_amount + $2
         WHERE id = $1 AND status = 'succeeded' AND refunded_amount + $2 <= amount RETURNING id`,
        [input.externalId, input.amount],
      );
      if (rows.length === 0)
        throw new ProviderError('sandbox', 'the sandbox refused the refund: not paid or over-refunded');
      return { externalId: claimed[0].external_id };
    });
  }

  /** The person paid (or their payment failed): returns the event the provider would send. */
  async function simulate(externalId: string, outcome: 'succeeded' | 'failed'): Promise<PaymentEvent | null> {
    const rows = await db.query<{ id: string; amount: number }>(
      `UPDATE sandbox_payment_intents SET status = $2
       WHERE id = $1 AND status = ANY($3) RETURNING id, amount`,
      [externalId, outcome, sandboxIntentMachine.fromStates(outcome)],
    );
    const intent = rows[0];
    if (!intent) return null;
    return {
      eventId: `sbx_evt_${randomToken(12)}`,
      type: outcome === 'succeeded' ? 'payment.succeeded' : 'payment.failed',
      externalId,
      amount: intent.amount,
    };
  }

  const provider: PaymentProvider = { name: 'sandbox', createPayment, refund };
  return { provider, simulate };
}

export type SandboxProvider = ReturnType<typeof createSandboxProvider>;
