import type { Queryable } from '../../platform/db.js';
import { notFound } from '../../platform/errors.js';
import { decodeCursor, type Page, toPage } from '../../platform/http/pagination.js';
import { type AuditContext, record } from '../audit/index.js';
import type { DistributionContext, RingSignal } from './context.js';
import type { CommissionRow } from './queries.js';
import { refuse } from './reasons.js';
import type { FlagEvidence, FlaggedCommission } from './schemas.js';
import { reverseRemainder } from './settlement.js';

/**
 * The operator's fraud review: the ring signals each commission raised, with their evidence (per
 * promoter and per order), and the decision on a held commission: release it (it settles as usual)
 * or reverse it through the ledger, as a refund would, without refunding the buyer. Both are
 * recorded with the operator and their note. Names come from the accounts module.
 */
export type FraudReviewContext = Pick<DistributionContext, 'db' | 'clock' | 'ledger' | 'accounts'>;

type Row = CommissionRow & {
  flags:
    | { signal: FlaggedCommission['flags'][number]['signal']; evidence: FlagEvidence; created_at: string }[]
    | null;
  decision: 'released' | 'reversed' | null;
  note: string | null;
  decided_by: string | null;
  decided_at: Date | null;
};

const isReviewable = (c: Pick<CommissionRow, 'status' | 'hold_reason'>) =>
  c.status === 'pending' && c.hold_reason !== null && c.hold_reason !== 'dispute';

const present = (r: Row, names: ReadonlyMap<string, string>): FlaggedCommission => ({
  id: r.id,
  orderId: r.order_id,
  level: r.level,
  amount: r.amount,
  status: r.status,
  held: r.hold_reason !== null && r.status !== 'reversed',
  holdReason: r.status === 'reversed' ? null : r.hold_reason,
  reviewable: isReviewable(r),
  buyer: { id: r.buyer_id, name: names.get(r.buyer_id) ?? '' },
  promoter: { id: r.promoter_id, name: names.get(r.promoter_id) ?? '' },
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
          decidedBy: { id: r.decided_by ?? '', name: names.get(r.decided_by ?? '') ?? '' },
          decidedAt: r.decided_at.toISOString(),
        }
      : null,
});

/** Presents rows with the names of their buyers, promoters and deciders, in one look-up. */
async function presentAll(ctx: FraudReviewContext, conn: Queryable, rows: readonly Row[]) {
  const ids = rows.flatMap((r) => [r.buyer_id, r.promoter_id, ...(r.decided_by ? [r.decided_by] : [])]);
  const names = await ctx.accounts.namesOf(conn, ids);
  return (r: Row) => present(r, names);
}

const SELECT = `SELECT c.*,
    (SELECT json_agg(json_build_object('signal', f.signal, 'evidence', f.evidence, 'created_at', f.created_at)
       ORDER BY f.signal) FROM commission_flags f WHERE f.commission_id = c.id) AS flags,
    r.decision, r.note, r.decided_by, r.decided_at
  FROM commissions c LEFT JOIN commission_reviews r ON r.commission_id = c.id`;

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
export async function listFlagged(
  ctx: FraudReviewContext,
  conn: Queryable,
  o: FlagListOptions,
): Promise<Page<FlaggedCommission>> {
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
  return toPage(rows, o.limit, (r) => [r.id], await presentAll(ctx, conn, rows.slice(0, o.limit)));
}

/** Per promoter: how many of their commissions (not reversed) raised each signal. */
export async function flagCounts(
  conn: Queryable,
  promoterIds: readonly string[],
): Promise<Map<string, Partial<Record<RingSignal, number>>>> {
  const counts = new Map<string, Partial<Record<RingSignal, number>>>();
  if (promoterIds.length === 0) return counts;
  const rows = await conn.query<{ promoter_id: string; signal: RingSignal; n: number }>(
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
  by?: AuditContext,
): Promise<FlaggedCommission> {
  return ctx.db.transaction(async (tx) => {
    const [c] = await tx.query<CommissionRow>('SELECT * FROM commissions WHERE id = $1 FOR NO KEY UPDATE', [
      commissionId,
    ]);
    if (!c) throw notFound('Commission');
    if (c.hold_reason === 'dispute' && c.status !== 'reversed') {
      throw refuse(
        'commission_held_by_dispute',
        { commissionId: c.id },
        'This commission is held by a dispute; the hold ends when the dispute closes',
      );
    }
    if (!isReviewable(c)) {
      throw refuse('commission_not_held', { commissionId: c.id }, 'This commission is not held for review');
    }
    const now = ctx.clock.now();
    if (input.decision === 'release') {
      await tx.query('UPDATE commissions SET hold_reason = NULL WHERE id = $1', [c.id]);
    } else {
      await reverseRemainder(ctx, tx, c);
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
    const [after] = await tx.query<CommissionRow>('SELECT * FROM commissions WHERE id = $1', [c.id]);
    await record(tx, {
      by,
      at: now,
      action: input.decision === 'release' ? 'commission.release' : 'commission.reverse',
      target: { type: 'commission', id: c.id },
      before: { status: c.status, amount: c.amount, holdReason: c.hold_reason },
      after: {
        status: after?.status ?? null,
        amount: after?.amount ?? null,
        holdReason: after?.hold_reason ?? null,
        note: input.note?.trim() ?? '',
      },
    });
    const rows = await tx.query<Row>(`${SELECT} WHERE c.id = $1`, [c.id]);
    return (await presentAll(ctx, tx, rows))(rows[0] as Row);
  });
}
