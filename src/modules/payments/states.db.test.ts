import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/support/test-db.js';
import type { Database } from '../../platform/db.js';
import type { StateMachine } from '../../platform/state-machine.js';
import { orderMachine } from '../orders/rules.js';
import {
  disputeMachine,
  paymentMachine,
  providerRefundMachine,
  refundMachine,
  sandboxIntentMachine,
  unmatchedPaymentMachine,
} from './rules.js';

/** Each status column's CHECK constraint (migration 019) lists exactly its state machine's states. */
let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db.close());

const columns: [string, StateMachine<string>][] = [
  ['orders', orderMachine],
  ['payments', paymentMachine],
  ['refunds', refundMachine],
  ['provider_refunds', providerRefundMachine],
  ['payment_disputes', disputeMachine],
  ['unmatched_payments', unmatchedPaymentMachine],
  ['sandbox_payment_intents', sandboxIntentMachine],
];

async function checkedStates(table: string): Promise<string[]> {
  const rows = await db.query<{ def: string }>(
    `SELECT pg_get_constraintdef(c.oid) AS def FROM pg_constraint c
     WHERE c.conrelid = $1::regclass AND c.contype = 'c' AND c.conname = $2`,
    [table, `${table}_status_check`],
  );
  expect(rows).toHaveLength(1);
  return [...(rows[0]?.def ?? '').matchAll(/'([^']+)'/g)].map((m) => m[1] as string).sort();
}

describe('status columns and their state machines', () => {
  it.each(columns)('%s.status takes exactly the states of its machine', async (table, machine) => {
    expect(await checkedStates(table)).toEqual([...machine.states].sort());
  });

  it('refuses a status no machine knows', async () => {
    await expect(
      db.query(
        `INSERT INTO sandbox_payment_intents (id, order_id, amount, currency, status, created_at)
         VALUES ('x', 'o', 1, 'CNY', 'lost', now())`,
      ),
    ).rejects.toThrow(/check constraint/);
  });
});
