import type { Database, Queryable } from '../../src/platform/db.js';

const DAY_MS = 86_400_000;

/**
 * `count` commissions due for settlement, seeded set-based as the app would have left them: promoters
 * and buyers, one completed order per buyer, one pending level-1 commission per order (return window
 * over), and the `commission.earned` posting each implies (expense debited, promoter's pending credited).
 */
export async function seedDueCommissions(db: Database, count: number, promoters: number, now: Date) {
  const earnedAt = new Date(now.getTime() - 20 * DAY_MS);
  const dueSince = new Date(now.getTime() - DAY_MS);
  await db.transaction(async (tx) => {
    for (const [prefix, n] of [
      ['promoter', promoters],
      ['buyer', count],
    ] as const) {
      await tx.query(
        `INSERT INTO users (id, email, name, password_hash, invite_code, created_at)
         SELECT 'bench-${prefix}-' || i, '${prefix}' || i || '@bench.test', '${prefix} ' || i, '-',
                '${prefix.toUpperCase()}' || i, $1
         FROM generate_series(1, $2::int) AS i`,
        [earnedAt, n],
      );
    }
    await tx.query(
      `INSERT INTO orders (id, user_id, status, subtotal, total, currency, provider, expires_at, created_at, updated_at)
       SELECT 'bench-order-' || i, 'bench-buyer-' || i, 'completed', 10000, 10000, 'CNY', 'sandbox', $1, $1, $1
       FROM generate_series(1, $2::int) AS i`,
      [earnedAt, count],
    );
    await tx.query(
      `INSERT INTO commissions (id, order_id, promoter_id, buyer_id, level, base_amount, rate_bps, amount,
                                status, settle_after, created_at)
       SELECT 'bench-commission-' || lpad(i::text, 8, '0'), 'bench-order-' || i,
              'bench-promoter-' || (1 + i % $3::int), 'bench-buyer-' || i, 1, 10000, 1000, 1000 + i % 97,
              'pending', $2, $1
       FROM generate_series(1, $4::int) AS i`,
      [earnedAt, dueSince, promoters, count],
    );
    await tx.query(
      `INSERT INTO ledger_accounts (code, kind, owner_id)
       SELECT 'promoter:bench-promoter-' || i || ':pending', 'liability', 'bench-promoter-' || i
       FROM generate_series(1, $1::int) AS i
       UNION ALL SELECT 'platform:commission-expense', 'expense', NULL
       ON CONFLICT (code) DO NOTHING`,
      [promoters],
    );
    await tx.query(
      `INSERT INTO ledger_transactions (id, kind, ref, created_at)
       SELECT 'bench-earned-' || id, 'commission.earned', id, created_at FROM commissions`,
    );
    await tx.query(
      `INSERT INTO ledger_postings (transaction_id, account_code, amount)
       SELECT 'bench-earned-' || c.id, line.account, line.amount FROM commissions c
       CROSS JOIN LATERAL (VALUES ('platform:commission-expense', c.amount),
                                  ('promoter:' || c.promoter_id || ':pending', -c.amount)) AS line(account, amount)`,
    );
  });
}

const DUE = `status = 'pending' AND hold_reason IS NULL AND settle_after <= $1`;

/** Baseline: every due commission marked settled by one set-based UPDATE (no ledger). */
export async function settleSetBased(db: Database, now: Date): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    `WITH settled AS (UPDATE commissions SET status = 'settled', settled_at = $1 WHERE ${DUE} RETURNING 1)
     SELECT count(*)::int AS n FROM settled`,
    [now],
  );
  return row?.n ?? 0;
}

/** Baseline: the due commissions read, then one plain UPDATE per row, all in one transaction (no ledger). */
export function settleRowByRow(db: Database, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const due = await tx.query<{ id: string }>(
      `SELECT id FROM commissions WHERE ${DUE} ORDER BY settle_after, id FOR UPDATE`,
      [now],
    );
    for (const { id } of due) {
      await tx.query(`UPDATE commissions SET status = 'settled', settled_at = $2 WHERE id = $1`, [id, now]);
    }
    return due.length;
  });
}

const one = async (db: Queryable, sql: string): Promise<number> =>
  (await db.query<{ n: number }>(sql))[0]?.n ?? 0;

/**
 * What must hold after settling the seeded commissions, beyond the ledger's own checks: all settled,
 * one `commission.settled` posting set each, pending balances back to zero, and the promoters'
 * available balances (credits, so negative) equal to what they earned. Returns what does not hold.
 */
export async function settlementProblems(db: Queryable, count: number): Promise<string[]> {
  const checks: [string, number, number][] = [
    [
      'settled commissions',
      await one(db, `SELECT count(*)::int AS n FROM commissions WHERE status = 'settled'`),
      count,
    ],
    [
      'commission.settled transactions',
      await one(db, `SELECT count(*)::int AS n FROM ledger_transactions WHERE kind = 'commission.settled'`),
      count,
    ],
    [
      'sum of all postings',
      await one(db, 'SELECT COALESCE(sum(amount), 0)::bigint AS n FROM ledger_postings'),
      0,
    ],
    [
      'pending accounts not at zero',
      await one(
        db,
        `SELECT count(*)::int AS n FROM (SELECT account_code FROM ledger_postings
         WHERE account_code LIKE 'promoter:%:pending' GROUP BY account_code HAVING sum(amount) <> 0) AS p`,
      ),
      0,
    ],
    [
      'available balances + earned',
      await one(
        db,
        `SELECT ((SELECT COALESCE(sum(amount), 0) FROM ledger_postings WHERE account_code LIKE 'promoter:%:available')
               + (SELECT COALESCE(sum(amount), 0) FROM commissions))::bigint AS n`,
      ),
      0,
    ],
  ];
  return checks
    .filter(([, got, want]) => got !== want)
    .map(([what, got, want]) => `${what}: ${got}, expected ${want}`);
}
