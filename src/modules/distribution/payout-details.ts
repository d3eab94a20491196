import { collectPages, csvDocument, majorUnits } from '../../platform/csv.js';
import type { Queryable } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import type { DistributionContext } from './context.js';
import {
  csvRow,
  maskPayoutDetails,
  normalizePayoutDetails,
  type PayoutDetails,
  type PayoutDetailsInput,
  payoutDetailsErrors,
} from './payout-rules.js';
import type { PayoutSnapshot, WithdrawalRow } from './queries.js';
import type { Commission } from './schemas.js';

/** Saved payout details as their owner sees them: masked, like everywhere but the payout view. */
export type MaskedPayoutDetails = PayoutDetails & { updatedAt: string };

interface PayoutDetailsRow {
  user_id: string;
  method: PayoutDetails['method'];
  holder_name: string;
  account: string;
  bank_name: string | null;
  updated_at: Date;
}

const fromRow = (r: PayoutDetailsRow): PayoutDetails => ({
  method: r.method,
  holderName: r.holder_name,
  account: r.account,
  bankName: r.bank_name,
});

const findRow = async (conn: Queryable, userId: string) =>
  (await conn.query<PayoutDetailsRow>('SELECT * FROM payout_details WHERE user_id = $1', [userId]))[0];

/** The full details: for a withdrawal's snapshot, never for a response to their owner. */
export async function payoutDetailsOf(conn: Queryable, userId: string): Promise<PayoutDetails | null> {
  const row = await findRow(conn, userId);
  return row ? fromRow(row) : null;
}

export async function myPayoutDetails(ctx: DistributionContext, userId: string) {
  const row = await findRow(ctx.db, userId);
  return row ? { ...maskPayoutDetails(fromRow(row)), updatedAt: row.updated_at.toISOString() } : null;
}

/** Saves (replaces) where the promoter's money goes; 400 with field errors when it cannot be paid to. */
export async function savePayoutDetails(
  ctx: DistributionContext,
  userId: string,
  input: PayoutDetailsInput,
): Promise<MaskedPayoutDetails> {
  const details = normalizePayoutDetails(input);
  const errors = payoutDetailsErrors(details, input);
  if (errors.length > 0) throw new AppError('invalid_input', 'The payout details are invalid', errors);
  const now = ctx.clock.now();
  await ctx.db.query(
    `INSERT INTO payout_details (user_id, method, holder_name, account, bank_name, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (user_id) DO UPDATE SET method = $2, holder_name = $3, account = $4, bank_name = $5, updated_at = $6`,
    [userId, details.method, details.holderName, details.account, details.bankName, now],
  );
  return { ...maskPayoutDetails(details), updatedAt: now.toISOString() };
}

export const maskSnapshot = (p: PayoutSnapshot | null): PayoutSnapshot | null =>
  p ? maskPayoutDetails(p) : null;

const EXPORT_HEADER = [
  'withdrawal_id',
  'requested_at',
  'decided_at',
  'promoter_id',
  'amount',
  'currency',
  'method',
  'holder_name',
  'account',
  'bank_name',
  'note',
] as const;

export const EXPORT_LIMIT = 10_000;

/**
 * Withdrawals of one status as CSV for the bank or payment platform, with the full payout details
 * each one was requested with, oldest first. Bounded: an export past the limit says so in its last
 * line rather than growing without end.
 */
export async function exportWithdrawalsCsv(
  ctx: DistributionContext,
  status: WithdrawalRow['status'],
): Promise<string> {
  const rows = await ctx.db.query<WithdrawalRow>(
    `SELECT * FROM withdrawals WHERE status = $1 ORDER BY created_at, id LIMIT $2`,
    [status, EXPORT_LIMIT + 1],
  );
  let csv = csvRow(EXPORT_HEADER);
  for (const w of rows.slice(0, EXPORT_LIMIT)) {
    csv += csvRow([
      w.id,
      w.created_at.toISOString(),
      w.decided_at?.toISOString() ?? null,
      w.user_id,
      majorUnits(w.amount, ctx.config.currency),
      ctx.config.currency,
      w.payout?.method ?? null,
      w.payout?.holderName ?? null,
      w.payout?.account ?? null,
      w.payout?.bankName ?? null,
      w.note,
    ]);
  }
  if (rows.length > EXPORT_LIMIT) csv += csvRow([`more than ${EXPORT_LIMIT} rows: export again later`]);
  return csv;
}

const COMMISSION_HEADER = [
  'id',
  'created_at',
  'order_id',
  'level',
  'amount',
  'currency',
  'status',
  'held',
  'hold_reason',
  'promoter_id',
  'promoter_name',
  'buyer_id',
  'buyer_name',
  'settle_after',
  'settled_at',
  'reversed_at',
] as const;

/** Commissions as their operator list shows them (same filters, every page), amounts in major units. */
export async function exportCommissionsCsv(
  currency: string,
  page: (
    cursor: string | undefined,
    limit: number,
  ) => Promise<{ items: Commission[]; nextCursor: string | null }>,
): Promise<string> {
  const { items, more } = await collectPages(page);
  const rows = items.map((c) => [
    c.id,
    c.createdAt,
    c.orderId,
    c.level,
    majorUnits(c.amount, currency),
    currency,
    c.status,
    c.held ? 'yes' : 'no',
    c.holdReason,
    c.promoter.id,
    c.promoter.name,
    c.buyer.id,
    c.buyer.name,
    c.settleAfter,
    c.settledAt,
    c.reversedAt,
  ]);
  return csvDocument(COMMISSION_HEADER, rows, more);
}
