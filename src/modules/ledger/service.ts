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
    return (await postMany(tx, [set])).size === 1;
  }

  /**
   * Records many posting sets in three statements, whatever their number (a settlement batch):
   * returns the refs actually recorded; a set whose kind+ref exists is skipped, as with `post`.
   */
  async function postMany(
    tx: Queryable & { inTransaction: true },
    sets: readonly PostingSet[],
  ): Promise<Set<string>> {
    if (sets.length === 0) return new Set();
    for (const set of sets) assertBalanced(set.lines);
    const ids = sets.map(() => newId());
    const inserted = await tx.query<{ id: string }>(
      `INSERT INTO ledger_transactions (id, kind, ref, memo, created_at)
       SELECT id, kind, ref, memo, $5 FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS t(id, kind, ref, memo)
       ON CONFLICT (kind, ref) DO NOTHING RETURNING id`,
      [ids, sets.map((s) => s.kind), sets.map((s) => s.ref), sets.map((s) => s.memo ?? ''), deps.clock.now()],
    );
    const recorded = new Set(inserted.map((r) => r.id));
    const kept = sets.flatMap((set, i) =>
      recorded.has(ids[i] as string) ? [{ set, id: ids[i] as string }] : [],
    );
    if (kept.length === 0) return new Set();
    await createAccounts(
      tx,
      kept.map((k) => k.set),
    );
    const lines = kept.flatMap(({ set, id }) => set.lines.map((l) => ({ id, ...l })));
    await tx.query(
      `INSERT INTO ledger_postings (transaction_id, account_code, amount)
       SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[])`,
      [lines.map((l) => l.id), lines.map((l) => l.account), lines.map((l) => l.amount)],
    );
    return new Set(kept.map((k) => k.set.ref));
  }

  /** Creates the accounts the sets use, if new; in code order, so concurrent posters never deadlock. */
  async function createAccounts(tx: Queryable, sets: readonly PostingSet[]) {
    const kinds = new Map<string, AccountKind>();
    for (const set of sets) {
      for (const { account } of set.lines) {
        const kind = set.accountKinds[account];
        if (!kind) throw new Error(`the kind of ledger account ${account} is unknown`);
        kinds.set(account, kind);
      }
    }
    const codes = [...kinds.keys()].sort();
    await tx.query(
      `INSERT INTO ledger_accounts (code, kind, owner_id)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) ON CONFLICT (code) DO NOTHING`,
      [
        codes,
        codes.map((c) => kinds.get(c)),
        codes.map((c) => (c.startsWith('promoter:') ? (c.split(':')[1] ?? null) : null)),
      ],
    );
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

  return { post, postMany, balance, balances, lockAccount, findViolations, postingsFor };
}

export type LedgerService = ReturnType<typeof createLedgerService>;
