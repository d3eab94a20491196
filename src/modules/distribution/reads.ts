import type { Queryable } from '../../platform/db.js';
import { invalidInput } from '../../platform/errors.js';
import { decodeCursor, encodeCursor, type Page, toPage } from '../../platform/http/pagination.js';
import { maskedPerson } from '../../platform/privacy.js';
import { flagCounts } from './fraud-review.js';
import type { CommissionRow, WithdrawalRow } from './queries.js';
import { presentWithdrawal, presentWithdrawalInFull, type Withdrawal } from './wallet.js';

export interface Commission {
  id: string;
  orderId: string;
  level: number;
  amount: number;
  status: CommissionRow['status'];
  held: boolean;
  /** A code (`shared_device`, `dispute`) clients say in the person's language. */
  holdReason: string | null;
  /** What the operator may want to look at, without holding the money (`shared_ip`); operator views only. */
  signals: string[];
  buyer: { id: string; name: string };
  promoter: { id: string; name: string };
  createdAt: string;
  settleAfter: string | null;
  settledAt: string | null;
  reversedAt: string | null;
}

type CommissionListRow = CommissionRow & { buyer_name: string; promoter_name: string };

const presentCommission = (c: CommissionListRow): Commission => ({
  id: c.id,
  orderId: c.order_id,
  level: c.level,
  amount: c.amount,
  status: c.status,
  // A settled commission under dispute is held too: it cannot be withdrawn until the dispute closes.
  held: c.hold_reason !== null && c.status !== 'reversed',
  holdReason: c.status === 'reversed' ? null : c.hold_reason,
  signals: c.signals,
  buyer: { id: c.buyer_id, name: c.buyer_name },
  promoter: { id: c.promoter_id, name: c.promoter_name },
  createdAt: c.created_at.toISOString(),
  settleAfter: c.settle_after?.toISOString() ?? null,
  settledAt: c.settled_at?.toISOString() ?? null,
  reversedAt: c.reversed_at?.toISOString() ?? null,
});

interface ListOptions {
  limit: number;
  cursor?: string;
}

/** Builds `WHERE` clauses with numbered parameters, for the list queries below. */
function filters() {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (clause: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(clause(`$${params.length}`));
  };
  const sql = () => (where.length ? `WHERE ${where.join(' AND ')}` : '');
  const limit = (n: number) => {
    params.push(n + 1);
    return `LIMIT $${params.length}`;
  };
  return { add, sql, params, limit };
}

export async function listCommissions(
  conn: Queryable,
  options: ListOptions & { promoterId?: string; status?: string; held?: boolean; signal?: string },
): Promise<Page<Commission>> {
  const f = filters();
  if (options.promoterId) f.add((p) => `c.promoter_id = ${p}`, options.promoterId);
  if (options.status) f.add((p) => `c.status = ${p}`, options.status);
  if (options.held !== undefined) {
    f.add((p) => `(c.hold_reason IS NOT NULL AND c.status <> 'reversed') = ${p}`, options.held);
  }
  if (options.signal) f.add((p) => `${p} = ANY(c.signals)`, options.signal);
  const [before] = decodeCursor(options.cursor) ?? [];
  if (before !== undefined) f.add((p) => `c.id < ${p}`, String(before));
  const rows = await conn.query<CommissionListRow>(
    `SELECT c.*, b.name AS buyer_name, pr.name AS promoter_name FROM commissions c
     JOIN users b ON b.id = c.buyer_id JOIN users pr ON pr.id = c.promoter_id
     ${f.sql()} ORDER BY c.id DESC ${f.limit(options.limit)}`,
    f.params,
  );
  return toPage(rows, options.limit, (r) => [r.id], presentCommission);
}

export interface Customer {
  /** Customers did not choose to be public: a masked name and avatar initial, never their id. */
  name: string;
  initial: string;
  origin: { type: string; ref: string };
  boundAt: string;
  expiresAt: string | null;
  orders: number;
  gmv: number;
}

/**
 * A page's position as an offset: a keyset cursor would carry the last person's id to the client,
 * and these lists never show ids. One promoter's customers and team are short lists.
 */
function offsetOf(cursor: string | undefined): number {
  const key = decodeCursor(cursor);
  if (key === undefined) return 0;
  const [offset] = key;
  if (key.length !== 1 || typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0) {
    throw invalidInput('/query/cursor', 'is not a cursor this server issued');
  }
  return offset;
}

function offsetPage<Row, Item>(
  rows: readonly Row[],
  offset: number,
  limit: number,
  present: (r: Row) => Item,
) {
  return {
    items: rows.slice(0, limit).map(present),
    nextCursor: rows.length > limit ? encodeCursor([offset + limit]) : null,
  };
}

/** The buyers bound to a promoter, with how and when they were bound, and what they bought since. */
export async function listCustomers(
  conn: Queryable,
  promoterId: string,
  options: ListOptions,
): Promise<Page<Customer>> {
  const offset = offsetOf(options.cursor);
  const rows = await conn.query<{
    name: string;
    origin_type: string;
    origin_ref: string;
    bound_at: Date;
    expires_at: Date | null;
    orders: number;
    gmv: number;
  }>(
    `SELECT u.name, b.origin_type, b.origin_ref, b.bound_at, b.expires_at,
       count(c.id)::bigint AS orders, COALESCE(sum(c.base_amount), 0)::bigint AS gmv
     FROM bindings b JOIN users u ON u.id = b.buyer_id
     -- The orders this buyer placed that earned the promoter a first-level commission, not reversed.
     LEFT JOIN commissions c ON c.buyer_id = b.buyer_id AND c.promoter_id = b.promoter_id AND c.level = 1
       AND c.status <> 'reversed'
     WHERE b.promoter_id = $1
     GROUP BY b.buyer_id, u.name, b.origin_type, b.origin_ref, b.bound_at, b.expires_at
     ORDER BY b.bound_at DESC, b.buyer_id DESC OFFSET $2 LIMIT $3`,
    [promoterId, offset, options.limit + 1],
  );
  return offsetPage(rows, offset, options.limit, (r) => ({
    ...maskedPerson(r.name),
    origin: { type: r.origin_type, ref: r.origin_ref },
    boundAt: r.bound_at.toISOString(),
    expiresAt: r.expires_at?.toISOString() ?? null,
    orders: r.orders,
    gmv: r.gmv,
  }));
}

export interface TeamMember {
  /** Team members did not choose to be public: a masked name and avatar initial, never their id. */
  name: string;
  initial: string;
  joinedAt: string;
  /** Commission-bearing sales they brought as a level-1 promoter (paid amount of those orders). */
  sales: number;
  invited: number;
}

/** The people I invited (my level 2), with their own sales and how many they invited in turn. */
export async function listTeam(
  conn: Queryable,
  userId: string,
  options: ListOptions,
): Promise<Page<TeamMember>> {
  const offset = offsetOf(options.cursor);
  const rows = await conn.query<{
    name: string;
    created_at: Date;
    sales: number;
    invited: number;
  }>(
    `SELECT u.name, u.created_at,
       (SELECT COALESCE(sum(c.base_amount), 0) FROM commissions c
         WHERE c.promoter_id = u.id AND c.level = 1 AND c.status <> 'reversed')::bigint AS sales,
       (SELECT count(*) FROM users i WHERE i.invited_by = u.id)::bigint AS invited
     FROM users u WHERE u.invited_by = $1
     ORDER BY u.created_at DESC, u.id DESC OFFSET $2 LIMIT $3`,
    [userId, offset, options.limit + 1],
  );
  return offsetPage(rows, offset, options.limit, (r) => ({
    ...maskedPerson(r.name),
    joinedAt: r.created_at.toISOString(),
    sales: r.sales,
    invited: r.invited,
  }));
}

/** Commission earned per day (UTC) over the last `days` days, reversals excluded, for the earnings chart. */
/** Earnings per calendar day of the shop's time zone (TIME_ZONE), as the promoter lives them. */
export async function dailyEarnings(
  conn: Queryable,
  userId: string,
  range: { days: number; now: Date; timeZone: string },
) {
  const since = new Date(range.now.getTime() - range.days * 86_400_000);
  // Money fields are named `amount` (API.md conventions), so clients format it like any other.
  const rows = await conn.query<{ day: string; amount: number }>(
    `SELECT to_char(created_at AT TIME ZONE $3, 'YYYY-MM-DD') AS day, sum(amount)::bigint AS amount
     FROM commissions WHERE promoter_id = $1 AND created_at >= $2 AND status <> 'reversed'
     GROUP BY 1 ORDER BY 1`,
    [userId, since, range.timeZone],
  );
  return rows;
}

export interface PromoterSummary {
  id: string;
  name: string;
  email: string;
  pending: number;
  settled: number;
  reversed: number;
  held: number;
  /** Commissions carrying a signal (a shared address), for the operator to look at. */
  signals: number;
  customers: number;
  /** Commissions (not reversed) that raised each ring signal, by signal code. */
  flags: Record<string, number>;
}

/** Admin: everyone who has earned, with totals and how many commissions are held for review. */
export async function listPromoters(conn: Queryable, options: ListOptions & { flaggedOnly?: boolean }) {
  const [before] = decodeCursor(options.cursor) ?? [];
  const rows = await conn.query<Omit<PromoterSummary, 'flags'>>(
    `SELECT u.id, u.name, u.email,
       COALESCE(sum(c.amount) FILTER (WHERE c.status = 'pending'), 0)::bigint AS pending,
       COALESCE(sum(c.amount) FILTER (WHERE c.status = 'settled'), 0)::bigint AS settled,
       COALESCE(sum(c.amount) FILTER (WHERE c.status = 'reversed'), 0)::bigint AS reversed,
       count(c.id) FILTER (WHERE c.status <> 'reversed' AND c.hold_reason IS NOT NULL)::bigint AS held,
       count(c.id) FILTER (WHERE c.status <> 'reversed' AND cardinality(c.signals) > 0)::bigint AS signals,
       (SELECT count(*) FROM bindings b WHERE b.promoter_id = u.id)::bigint AS customers
     FROM users u JOIN commissions c ON c.promoter_id = u.id
     WHERE ($1::text IS NULL OR u.id < $1)
     GROUP BY u.id, u.name, u.email
     HAVING NOT $2 OR count(c.id) FILTER (WHERE c.status <> 'reversed' AND c.hold_reason IS NOT NULL) > 0
     ORDER BY u.id DESC LIMIT $3`,
    [before === undefined ? null : String(before), options.flaggedOnly ?? false, options.limit + 1],
  );
  const flags = await flagCounts(
    conn,
    rows.slice(0, options.limit).map((r) => r.id),
  );
  return toPage(
    rows,
    options.limit,
    (r) => [r.id],
    (r): PromoterSummary => ({ ...r, flags: flags.get(r.id) ?? {} }),
  );
}

/**
 * Withdrawals, newest first. Payout details are masked unless `inFull` (the operator's payout view).
 */
export async function listWithdrawals(
  conn: Queryable,
  options: ListOptions & { userId?: string; id?: string; status?: string; inFull?: boolean },
): Promise<Page<Withdrawal & { user: { name: string; email: string } }>> {
  const f = filters();
  if (options.userId) f.add((p) => `w.user_id = ${p}`, options.userId);
  if (options.id) f.add((p) => `w.id = ${p}`, options.id);
  if (options.status) f.add((p) => `w.status = ${p}`, options.status);
  const [before] = decodeCursor(options.cursor) ?? [];
  if (before !== undefined) f.add((p) => `w.id < ${p}`, String(before));
  const rows = await conn.query<WithdrawalRow & { name: string; email: string }>(
    `SELECT w.*, u.name, u.email FROM withdrawals w JOIN users u ON u.id = w.user_id
     ${f.sql()} ORDER BY w.id DESC ${f.limit(options.limit)}`,
    f.params,
  );
  return toPage(
    rows,
    options.limit,
    (r) => [r.id],
    (r) => ({
      ...(options.inFull ? presentWithdrawalInFull(r) : presentWithdrawal(r)),
      user: { name: r.name, email: r.email },
    }),
  );
}
