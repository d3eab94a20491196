import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/support/test-db.js';
import type { Database } from '../../platform/db.js';
import { applicationMachine } from '../stores/rules.js';
import { productMachine } from './rules.js';

/** The states a CHECK constraint of `table.column` allows, read from the database's own catalog. */
async function checkedStates(db: Database, table: string, column: string): Promise<string[]> {
  const rows = await db.query<{ definition: string }>(
    `SELECT pg_get_constraintdef(c.oid) AS definition FROM pg_constraint c
     JOIN pg_class t ON t.oid = c.conrelid
     WHERE t.relname = $1 AND c.contype = 'c' AND pg_get_constraintdef(c.oid) LIKE $2`,
    [table, `%${column}%`],
  );
  expect(rows).toHaveLength(1);
  return [...(rows[0]?.definition ?? '').matchAll(/'([^']+)'/g)].map((m) => m[1] as string).sort();
}

let db: Database;
beforeAll(async () => {
  // A copy of the migrated template: every migration, 024 included, has run.
  db = await openTestDatabase();
});
afterAll(() => db.close());

describe('status columns hold exactly the states of their machines', () => {
  it('products.status: productMachine', async () => {
    expect(await checkedStates(db, 'products', 'status')).toEqual([...productMachine.states].sort());
  });

  it('shopkeeper_applications.status: applicationMachine', async () => {
    expect(await checkedStates(db, 'shopkeeper_applications', 'status')).toEqual(
      [...applicationMachine.states].sort(),
    );
  });
});

describe('the machines', () => {
  it('product: archive and restore, nothing else', () => {
    expect(productMachine.transitions).toEqual({ active: ['archived'], archived: ['active'] });
    expect(productMachine.fromStates('archived')).toEqual(['active']);
    expect(() => productMachine.assertTransition('archived', 'archived')).toThrow();
  });

  it('shopkeeper application: pending is approved or rejected, a rejected one may apply again, approved is final', () => {
    expect(applicationMachine.transitions).toEqual({
      pending: ['approved', 'rejected'],
      approved: [],
      rejected: ['pending', 'approved'],
    });
    expect(applicationMachine.fromStates('approved')).toEqual(['pending', 'rejected']);
    expect(applicationMachine.fromStates('rejected')).toEqual(['pending']);
    expect(applicationMachine.canTransition('approved', 'pending')).toBe(false);
  });
});
