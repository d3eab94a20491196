import type { Clock } from '../../platform/clock.js';
import type { Database, Queryable, Tx } from '../../platform/db.js';
import { conflict, notFound } from '../../platform/errors.js';
import { decodeCursor, type Page, toPage } from '../../platform/http/pagination.js';
import type { LedgerService } from '../ledger/index.js';
import { accounts, transferBetween } from '../ledger/index.js';
import type { CommissionRow } from './queries.js';

/**
 * The operator's fraud review: the ring signals each commission raised, with their evidence (per
 * promoter and per order), and the decision on a held commission: release it (it settles as usual)
 * or reverse it through the ledger, as a refund would, without refunding the buyer. Both are
 * recorded with the operator and their note.
 */
export interface FraudReviewContext {
  db: Database;
  clock: Clock;
  ledger: LedgerService;
}

export interface CommissionFlag {
  signal: string;
  evidence: Record<string, unknown>;
  createdAt: string;
}

export interface CommissionReview {
  decision: 'released' | 'reversed';
  note: string;
  decidedBy: { id: string; name: string };
  decidedAt: string;
}

export interface FlaggedCommission {
  id: string;
  orderId: string;
  level: number;
  amount: number;
  status: CommissionRow['status'];
  held: boolean;
  holdReason: string | null;
  /** Held for a ring signal (not a dispute), not decided yet: the operator may release or reverse it. */
  reviewable: boolean;
  buyer: { id: string; name: string };
  promoter: { id: string; name: string };
  createdAt: string;
  flags: CommissionFlag[];
  review: CommissionReview | null;
}

type Row = CommissionRow & {
  buyer_name: string;
  promoter_name: string;
  flags: { signal: string; evidence: Record<string, unknown>; created_at: string }[] | null;
  decision: CommissionReview['decision'] | null;
  note: string | null;
  decided_by: string | null;
  decider_name: string | null;
  decided_at: Date | null;
};

const isReviewable = (c: Pick<CommissionRow, 'status' | 'hold_reason'>) =>
  c.status === 'pending' && c.hold_reason !== null && c.hold_reason !== 'dispute';

const present = (r: Row): FlaggedCommission => ({
  id: r.id,
  orderId: r.order_id,
  level: r.level,
  amount: r.amount,
  status: r.status,
  held: r.hold_reason !== null && r.status !== 'reversed',
  holdReason: r.status === 'reversed' ? null : r.hold_reason,
  reviewable: isReviewable(r),
  buyer: { id: r.buyer_id, name: r.buyer_name },
  promoter: { id: r.promoter_id, name: r.promoter_name },
  createdAt: r.created_at.toISOString(),
  flags: (r.flags ?? []).map((f) => ({
    signal: f.signal,
    evidence: f.evidence,
    createdAt: new Date(f.created_at).toISOString(),
  })),
  review:
    r.decision && r.decided_at
      ? {
          decision: r.decision,
          note: r.note ?? '',
          decidedBy: { id: r.decided_by ?? '', name: r.decider_name ?? '' },
          decidedAt: r.decided_at.toISOString(),
        }
      : null,
});

const SELECT = `SELECT c.*, b.name AS buyer_name, p.name AS promoter_name,
    (SELECT json_agg(json_build_object('signal', f.signal, 'evidence', f.evidence, 'created_at', f.created_at)
       ORDER BY f.signal) FROM commission_flags f WHERE f.commission_id = c.id) AS flags,
    r.decision, r.note, r.decided_by, d.name AS decider_name, r.decided_at
  FROM commissions c JOIN users b ON b.id = c.buyer_id JOIN users p ON p.id = c.promoter_id
  LEFT JOIN commission_reviews r ON r.commission_id = c.id LEFT JOIN users d ON d.id = r.decided_by`;

export interface FlagListOptions {
  orderId?: string;
  promoterId?: string;
  signal?: string;
  limit: number;
  cursor?: string;
}

/**
 * Commissions with their flags, newest first. For an order: all its commissions (flagged or not),
 * so the order page shows what each level earned; otherwise only flagged ones.
 */
export async function listFlagged(conn: Queryable, o: FlagListOptions): Promise<Page<FlaggedCommission>> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (clause: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(clause(`$${params.length}`));
  };
  if (o.orderId) add((p) => `c.order_id = ${p}`, o.orderId);
  if (o.promoterId) add((p) => `c.promoter_id = ${p}`, o.promoterId);
  if (o.signal) {
    add(
      (p) => `EXISTS (SELECT 1 FROM commission_flags f WHERE f.commission_id = c.id AND f.signal = ${p})`,
      o.signal,
    );
  } else if (!o.orderId) {
    where.push('EXISTS (SELECT 1 FROM commission_flags f WHERE f.commission_id = c.id)');
  }
  const [before] = decodeCursor(o.cursor) ?? [];
  if (before !== undefined) add((p) => `c.id < ${p}`, String(before));
  params.push(o.limit + 1);
  const rows = await conn.query<Row>(
    `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY c.id DESC LIMIT $${params.length}`,
    params,
  );
  return toPage(rows, o.limit, (r) => [r.id], present);
}

/** Per promoter: how many of their commissions (not reversed) raised each signal. */
export async function flagCounts(
  conn: Queryable,
  promoterIds: readonly string[],
): Promise<Map<string, Record<string, number>>> {
  const counts = new Map<string, Record<string, number>>();
  if (promoterIds.length === 0) return counts;
  const rows = await conn.query<{ promoter_id: string; signal: string; n: number }>(
    `SELECT c.promoter_id, f.signal, count(*)::int AS n FROM commissions c
     JOIN commission_flags f ON f.commission_id = c.id
     WHERE c.promoter_id = ANY($1) AND c.status <> 'reversed' GROUP BY c.promoter_id, f.signal`,
    [promoterIds],
  );
  for (const r of rows) counts.set(r.promoter_id, { ...counts.get(r.promoter_id), [r.signal]: r.n });
  return counts;
}

export type ReviewDecision = 'release' | 'reverse';

/**
 * Decides a commission held for a ring signal. 404 for an unknown commission; 409 when it is not
 * held, is held by a dispute (that hold ends when the dispute closes), or was already decided.
 */
export async function reviewCommission(
  ctx: FraudReviewContext,
  commissionId: string,
  input: { decision: ReviewDecision; note?: string; adminId: string },
): Promise<FlaggedCommission> {
  return ctx.db.transaction(async (tx) => {
    const [c] = await tx.query<CommissionRow>('SELECT * FROM commissions WHERE id = $1 FOR UPDATE', [
      commissionId,
    ]);
    if (!c) throw notFound('Commission');
    if (c.hold_reason === 'dispute' && c.status !== 'reversed') {
      throw conflict('This commission is held by a dispute; the hold ends when the dispute closes');
    }
    if (!isReviewable(c)) throw conflict('This commission is not held for review');
    const now = ctx.clock.now();
    if (input.decision === 'release') {
      await tx.query('UPDATE commissions SET hold_reason = NULL WHERE id = $1', [c.id]);
    } else {
      await reverseHeld(ctx, tx, c, now);
    }
    await tx.query(
      `INSERT INTO commission_reviews (commission_id, decision, note, decided_by, decided_at)
       VALUES ($1, $2, $3, $4, $5)`,
      [
        c.id,
        input.decision === 'release' ? 'released' : 'reversed',
        input.note?.trim() ?? '',
        input.adminId,
        now,
      ],
    );
    const [row] = await tx.query<Row>(`${SELECT} WHERE c.id = $1`, [c.id]);
    return present(row as Row);
  });
}

/** A held commission is pending: reversing it takes back exactly what it earned, as a refund does. */
async function reverseHeld(ctx: FraudReviewContext, tx: Tx, c: CommissionRow, now: Date) {
  await ctx.ledger.post(tx, {
    kind: 'commission.reversed',
    ref: c.id,
    ...transferBetween(accounts.commissionExpense, accounts.promoterPending(c.promoter_id), c.amount),
  });
  await tx.query(`UPDATE commissions SET status = 'reversed', reversed_at = $2 WHERE id = $1`, [c.id, now]);
}
