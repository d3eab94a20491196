import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/support/test-db.js';
import type { Database } from '../../platform/db.js';
import { commissionMachine, withdrawalMachine } from './rules.js';

/** The CHECK constraints of migration 021 list exactly the machines' states. */
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
