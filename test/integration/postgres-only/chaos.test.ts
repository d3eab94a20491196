import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkInvariants, type Facts, type Verdict } from '../../../scripts/chaos/invariants.js';
import { formatReport } from '../../../scripts/chaos/report.js';
import { type ChaosResult, runChaos } from '../../../scripts/chaos/run.js';
import { type Database, openPostgres, type Queryable } from '../../../src/platform/db.js';
import { createPostgresDatabase } from '../../support/test-db.js';

/**
 * The short chaos run CI does (`npm run chaos` is the long one): two server processes on one
 * PostgreSQL under mixed load, one SIGKILLed twice; every invariant must hold. Then the checker
 * itself is shown to catch each kind of damage, on the run's own database.
 */
let url: string;
let result: ChaosResult;
let db: Database;

beforeAll(async () => {
  url = await createPostgresDatabase();
  result = await runChaos({ seconds: 25, seed: 18, kills: 2, databaseUrl: url });
  db = openPostgres(url, 2);
}, 400_000);

afterAll(async () => {
  await db?.close();
});

const failing = (verdicts: Verdict[]) => verdicts.filter((v) => !v.ok).map((v) => v.name);

/** The checks run on the run's database with `damage` done in a transaction that is rolled back. */
async function checkDamaged(damage: (tx: Queryable) => Promise<unknown>, facts: Facts = result.facts) {
  let verdicts: Verdict[] = [];
  await db
    .transaction(async (tx) => {
      await damage(tx);
      verdicts = await checkInvariants(tx, facts);
      throw new Error('roll back');
    })
    .catch((error: Error) => {
      if (error.message !== 'roll back') throw error;
    });
  return failing(verdicts);
}

describe('the chaos run (short)', () => {
  it('keeps every invariant while a process is killed under load', () => {
    expect(result.verdicts.map((v) => v.name)).toHaveLength(7);
    expect(failing(result.verdicts), formatReport(result)).toEqual([]);
    // No 500 and no refusal the API does not document for the situation, kills or not.
    expect(result.load.unexpected, formatReport(result)).toBe(0);
    expect(result.kills).toBe(2);
    expect(result.restarts).toBe(2);
    // The run did what it says: orders, payments, replayed and reordered webhooks, refunds, groups.
    expect(result.load.acknowledged).toBeGreaterThan(20);
    expect(result.load.payments).toBeGreaterThan(10);
    expect(result.webhooks.replayed).toBeGreaterThan(0);
    expect(result.webhooks.reordered).toBeGreaterThan(0);
    expect(result.stripe.refunds).toBeGreaterThan(0);
    expect(result.load.groupOpened).toBeGreaterThan(0);
  });

  it('reports a ledger posting changed by one unit', async () => {
    const broken = await checkDamaged((tx) =>
      tx.query(
        'UPDATE ledger_postings SET amount = amount + 1 WHERE id = (SELECT min(id) FROM ledger_postings)',
      ),
    );
    expect(broken).toContain('the ledger balances');
  });

  it('reports a unit of stock that appeared from nowhere', async () => {
    const [variantId] = result.facts.initialStock.keys();
    expect(
      await checkDamaged((tx) =>
        tx.query('UPDATE variants SET stock = stock + 1 WHERE id = $1', [variantId]),
      ),
    ).toEqual(['stock + sold = initial']);
  });

  it('reports an acknowledged order the database does not have', async () => {
    const facts = {
      ...result.facts,
      acknowledgedOrderIds: [...result.facts.acknowledgedOrderIds, 'lost-order'],
    };
    expect(await checkDamaged(async () => {}, facts)).toEqual(['every acknowledged order exists']);
  });

  it('reports a commission paid one unit too much', async () => {
    const broken = await checkDamaged((tx) =>
      tx.query(
        `UPDATE commissions SET amount = amount + 1
         WHERE id = (SELECT min(id) FROM commissions WHERE status <> 'reversed')`,
      ),
    );
    expect(broken).toContain('no commission doubled or lost');
  });

  it('reports a failed group whose refund Stripe never made', async () => {
    const [member] = await db.query<{ order_id: string }>(
      `SELECT m.order_id FROM group_buy_members m JOIN group_buy_groups g ON g.id = m.group_id
       WHERE g.status = 'failed' AND m.status = 'refunded' LIMIT 1`,
    );
    if (!member) throw new Error(`this run failed no group with a paid member:\n${formatReport(result)}`);
    const books = new Map(result.facts.providerBooks);
    const paid = books.get(member.order_id)!;
    books.set(member.order_id, { ...paid, refunded: 0 });
    const broken = await checkDamaged(async () => {}, { ...result.facts, providerBooks: books });
    expect(broken).toEqual(['the ledger reconciles with Stripe', 'every failed group refunded exactly once']);
  });
});
