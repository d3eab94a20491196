import type { Queryable } from '../../platform/db.js';
import { businessRule, conflict, notFound } from '../../platform/errors.js';
import { requestHash, type StoredResponse } from '../../platform/idempotency.js';
import { newId } from '../../platform/ids.js';
import { accounts, transferBetween } from '../ledger/rules.js';
import type { DistributionContext } from './context.js';
import * as q from './queries.js';
import { currentSettings } from './settings.js';

export interface Wallet {
  pending: number;
  available: number;
  /** Asked for and not yet paid out. */
  reserved: number;
  withdrawn: number;
}

export interface Withdrawal {
  id: string;
  userId: string;
  amount: number;
  status: q.WithdrawalRow['status'];
  note: string;
  createdAt: string;
  decidedAt: string | null;
}

export const presentWithdrawal = (w: q.WithdrawalRow): Withdrawal => ({
  id: w.id,
  userId: w.user_id,
  amount: w.amount,
  status: w.status,
  note: w.note,
  createdAt: w.created_at.toISOString(),
  decidedAt: w.decided_at?.toISOString() ?? null,
});

/** Promoter balances are liabilities (credit-balance), so each is the negated sum of its postings. */
export async function walletOf(ctx: DistributionContext, conn: Queryable, userId: string): Promise<Wallet> {
  const codes = {
    pending: accounts.promoterPending(userId).code,
    available: accounts.promoterAvailable(userId).code,
    reserved: accounts.promoterReserved(userId).code,
  };
  const balances = await ctx.ledger.balances(conn, Object.values(codes));
  const [paid] = await conn.query<{ total: number }>(
    `SELECT COALESCE(sum(amount), 0)::bigint AS total FROM withdrawals WHERE user_id = $1 AND status = 'paid'`,
    [userId],
  );
  const owed = (code: string) => -(balances.get(code) ?? 0) || 0;
  return {
    pending: owed(codes.pending),
    available: owed(codes.available),
    reserved: owed(codes.reserved),
    withdrawn: paid?.total ?? 0,
  };
}

/**
 * A withdrawal reserves the amount at once: available → reserved, under a lock on the promoter's
 * available account so two requests cannot both spend the same balance.
 */
export async function requestWithdrawal(
  ctx: DistributionContext,
  userId: string,
  amount: number,
  idempotencyKey?: string,
): Promise<StoredResponse & { body: Withdrawal }> {
  const hash = requestHash({ amount });
  const scope = `withdrawal:${userId}`;
  return ctx.db.transaction(async (tx) => {
    if (idempotencyKey) {
      const replay = await ctx.idempotency.claim(tx, scope, idempotencyKey, hash);
      if (replay) return replay as StoredResponse & { body: Withdrawal };
    }
    const available = accounts.promoterAvailable(userId);
    const reserved = accounts.promoterReserved(userId);
    await ctx.ledger.lockAccount(tx, available.code, available.kind);
    const settings = await currentSettings(ctx, tx);
    if (amount < settings.minWithdrawal) {
      throw businessRule(`The smallest withdrawal is ${settings.minWithdrawal}`);
    }
    const wallet = await walletOf(ctx, tx, userId);
    if (amount > wallet.available) throw businessRule(`Only ${wallet.available} is available to withdraw`);
    const now = ctx.clock.now();
    const row: q.WithdrawalRow = {
      id: newId(),
      user_id: userId,
      amount,
      status: 'requested',
      note: '',
      created_at: now,
      decided_at: null,
      decided_by: null,
    };
    await tx.query(
      'INSERT INTO withdrawals (id, user_id, amount, status, created_at) VALUES ($1, $2, $3, $4, $5)',
      [row.id, userId, amount, row.status, now],
    );
    await ctx.ledger.post(tx, {
      kind: 'withdrawal.requested',
      ref: row.id,
      ...transferBetween(reserved, available, amount),
    });
    const response = { statusCode: 201, body: presentWithdrawal(row) };
    if (idempotencyKey) await ctx.idempotency.complete(tx, scope, idempotencyKey, response);
    return response;
  });
}

/**
 * An admin decides: `paid` records the payout (reserved → paid out of the platform's payout
 * account); `rejected` gives the money back to available.
 */
export async function decideWithdrawal(
  ctx: DistributionContext,
  withdrawalId: string,
  decision: { outcome: 'paid' | 'rejected'; adminId: string; note?: string },
): Promise<Withdrawal> {
  return ctx.db.transaction(async (tx) => {
    const w = await q.lockWithdrawal(tx, withdrawalId);
    if (!w) throw notFound('Withdrawal');
    if (w.status !== 'requested') throw conflict(`The withdrawal is already ${w.status}`);
    const reserved = accounts.promoterReserved(w.user_id);
    const target = decision.outcome === 'paid' ? accounts.payouts : accounts.promoterAvailable(w.user_id);
    await ctx.ledger.post(tx, {
      kind: `withdrawal.${decision.outcome}`,
      ref: w.id,
      ...transferBetween(target, reserved, w.amount),
    });
    const now = ctx.clock.now();
    const rows = await tx.query<q.WithdrawalRow>(
      `UPDATE withdrawals SET status = $2, note = $3, decided_at = $4, decided_by = $5 WHERE id = $1 RETURNING *`,
      [w.id, decision.outcome, decision.note ?? '', now, decision.adminId],
    );
    return presentWithdrawal(rows[0] as q.WithdrawalRow);
  });
}
