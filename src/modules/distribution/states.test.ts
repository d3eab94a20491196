import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/support/test-db.js';
import type { Database } from '../../platform/db.js';
import { commissionMachine, withdrawalMachine } from './rules.js';

/** The transition tables, and the database's status checks, which must list exactly their states. */
describe('commission machine', () => {
  it('settles or reverses a pending commission, reverses a settled one, and ends at reversed', () => {
    expect(commissionMachine.transitions).toEqual({
      pending: ['settled', 'reversed'],
      settled: ['reversed'],
      reversed: [],
    });
    expect(commissionMachine.fromStates('settled')).toEqual(['pending']);
    expect(commissionMachine.fromStates('reversed')).toEqual(['pending', 'settled']);
    expect(() => commissionMachine.assertTransition('reversed', 'settled')).toThrow(
      expect.objectContaining({ reason: 'invalid_transition' }),
    );
  });
});

describe('withdrawal machine', () => {
  it('decides a requested withdrawal once: paid or rejected', () => {
    expect(withdrawalMachine.transitions).toEqual({
      requested: ['paid', 'rejected'],
      paid: [],
      rejected: [],
    });
    for (const decided of ['paid', 'rejected'] as const) {
      expect(withdrawalMachine.fromStates(decided)).toEqual(['requested']);
      expect(() => withdrawalMachine.assertTransition(decided, 'paid')).toThrow(
        expect.objectContaining({
          reason: 'invalid_transition',
          params: { machine: 'withdrawal', from: decided, to: 'paid' },
        }),
      );
    }
  });
});

describe('status checks in the database', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(() => db.close());

  /** The values of `status IN (…)` in the table's check on `status`. */
  async function checkedValues(table: string): Promise<string[]> {
    const rows = await db.query<{ def: string }>(
      `SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint
       WHERE conrelid = $1::regclass AND contype = 'c' AND conname = $2`,
      [table, `${table}_status_check`],
    );
    expect(rows).toHaveLength(1);
    return [...(rows[0]?.def ?? '').matchAll(/'([a-z_]+)'/g)].map((m) => m[1] as string).sort();
  }

  it.each([
    ['commissions', commissionMachine.states],
    ['withdrawals', withdrawalMachine.states],
  ] as const)('%s.status allows exactly the machine’s states', async (table, states) => {
    expect(await checkedValues(table)).toEqual([...states].sort());
  });
});
