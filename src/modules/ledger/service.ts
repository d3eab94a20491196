import type { Clock } from '../../platform/clock.js';
import type { Queryable } from '../../platform/db.js';
import { newId } from '../../platform/ids.js';
import { type AccountKind, assertBalanced, type PostingLine } from './rules.js';

export interface PostingSet {
  /** What kind of movement this is; with `ref`, unique: the same movement cannot be recorded twice. */
  kind: string;
  ref: string;
  memo?: string;
  lines: PostingLine[];
  /** Kinds of accounts first used here, so the ledger can create them. */
  accountKinds: Record<string, AccountKind>;
  ownerId?: string;
}

export interface LedgerViolation {
  kind: 'unbalanced-transaction' | 'empty-transaction';
  id: string;
  detail: string;
}

export function createLedgerService(deps: { clock: Clock }) {
  /**
   * Records a balanced posting set inside the caller's transaction. Returns false (and records
   * nothing) when this kind+ref was already recorded: callers may apply a movement twice safely.
   */
  async function post(tx: Queryable & { inTransaction: true }, set: PostingSet): Promise<boolean> {
    assertBalanced(set.lines);
    const id = newId();
    const inserted = await tx.query(
      `INSERT INTO ledger_transactions (id, kind, ref, memo, created_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (kind, ref) DO NOTHING RETURNING id`,
      [id, set.kind, set.ref, set.memo ?? '', deps.clock.now()],
    );
    if (inserted.length === 0) return false;
    const codes = [...new Set(set.lines.map((l) => l.account))];
    for (const code of codes) {
      const kind = set.accountKinds[code];
      if (!kind) throw new Error(`the kind of ledger account ${code} is unknown`);
      const owner = code.startsWith('promoter:') ? code.split(':')[1] : null;
      await tx.query(
        'INSERT INTO ledger_accounts (code, kind, owner_id) VALUES ($1, $2, $3) ON CONFLICT (code) DO NOTHING',
        [code, kind, owner],
      );
    }
    await tx.query(
      `INSERT INTO ledger_postings (transaction_id, account_code, amount)
       SELECT $1, account, amount FROM unnest($2::text[], $3::bigint[]) AS l(account, amount)`,
      [id, set.lines.map((l) => l.account), set.lines.map((l) => l.amount)],
    );
    return true;
  }

  /** An account's balance: the sum of its postings (debit-positive). */
  async function balance(conn: Queryable, code: string): Promise<number> {
    const rows = await conn.query<{ balance: number }>(
      'SELECT COALESCE(sum(amount), 0)::bigint AS balance FROM ledger_postings WHERE account_code = $1',
      [code],
    );
    return rows[0]?.balance ?? 0;
  }

  async function balances(conn: Queryable, codes: readonly string[]): Promise<Map<string, number>> {
    const rows = await conn.query<{ account_code: string; balance: number }>(
      `SELECT account_code, sum(amount)::bigint AS balance FROM ledger_postings
       WHERE account_code = ANY($1) GROUP BY account_code`,
      [codes],
    );
    const result = new Map(codes.map((c) => [c, 0]));
    for (const row of rows) result.set(row.account_code, row.balance);
    return result;
  }

  /** Serializes movements on one account (e.g. a withdrawal checking the available balance). */
  async function lockAccount(tx: Queryable, code: string, kind: AccountKind): Promise<void> {
    await tx.query('INSERT INTO ledger_accounts (code, kind) VALUES ($1, $2) ON CONFLICT (code) DO NOTHING', [
      code,
      kind,
    ]);
    await tx.query('SELECT code FROM ledger_accounts WHERE code = $1 FOR UPDATE', [code]);
  }

  /** Every way the ledger could be wrong; an empty list means it is sound. Tests run it after each scenario. */
  async function findViolations(conn: Queryable): Promise<LedgerViolation[]> {
    const unbalanced = await conn.query<{ id: string; total: number }>(
      `SELECT transaction_id AS id, sum(amount)::bigint AS total FROM ledger_postings
       GROUP BY transaction_id HAVING sum(amount) <> 0`,
    );
    const empty = await conn.query<{ id: string }>(
      `SELECT t.id FROM ledger_transactions t
       WHERE NOT EXISTS (SELECT 1 FROM ledger_postings p WHERE p.transaction_id = t.id)`,
    );
    return [
      ...unbalanced.map((r) => ({
        kind: 'unbalanced-transaction' as const,
        id: r.id,
        detail: `off by ${r.total}`,
      })),
      ...empty.map((r) => ({ kind: 'empty-transaction' as const, id: r.id, detail: 'no postings' })),
    ];
  }

  /** Postings recorded for one reference, e.g. everything the ledger holds about an order. */
  const postingsFor = (conn: Queryable, kind: string, ref: string) =>
    conn.query<PostingLine>(
      `SELECT p.account_code AS account, p.amount FROM ledger_postings p
       JOIN ledger_transactions t ON t.id = p.transaction_id WHERE t.kind = $1 AND t.ref = $2 ORDER BY p.id`,
      [kind, ref],
    );

  return { post, balance, balances, lockAccount, findViolations, postingsFor };
}

export type LedgerService = ReturnType<typeof createLedgerService>;
