import type { Queryable } from '../../platform/db.js';
import { invalidInput } from '../../platform/errors.js';
import { decodeCursor, encodeCursor, type Page, toPage } from '../../platform/http/pagination.js';
import { maskedPerson } from '../../platform/privacy.js';
import type { AccountsService } from '../accounts/index.js';
import { flagCounts } from './fraud-review.js';
import type { BindingRow, CommissionRow, WithdrawalRow } from './queries.js';
import type { Commission, Customer, PromoterSummary, TeamMember, Withdrawal } from './schemas.js';
import { presentWithdrawal, presentWithdrawalInFull } from './wallet.js';

export type { Commission, Customer, PromoterSummary, TeamMember } from './schemas.js';

/** Who people are: names and emails come from the accounts module, never from joining `users`. */
export type People = Pick<AccountsService, 'namesOf' | 'contactsOf' | 'inviteesOf'>;

const presentCommission = (c: CommissionRow, names: ReadonlyMap<string, string>): Commission => ({
  id: c.id,
  orderId: c.order_id,
  level: c.level,
  role: c.role,
  amount: c.amount,
  status: c.status,
  // A settled commission under dispute is held too: it cannot be withdrawn until the dispute closes.
  held: c.hold_reason !== null && c.status !== 'reversed',
  holdReason: c.status === 'reversed' ? null : c.hold_reason,
  signals: c.signals,
  buyer: { id: c.buyer_id, name: names.get(c.buyer_id) ?? '' },
  promoter: { id: c.promoter_id, name: names.get(c.promoter_id) ?? '' },
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
  people: People,
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
  const rows = await conn.query<CommissionRow>(
    `SELECT c.* FROM commissions c ${f.sql()} ORDER BY c.id DESC ${f.limit(options.limit)}`,
    f.params,
  );
  const names = await people.namesOf(
    conn,
    rows.slice(0, options.limit).flatMap((r) => [r.buyer_id, r.promoter_id]),
  );
  return toPage(
    rows,
    options.limit,
    (r) => [r.id],
    (r) => presentCommission(r, names),
  );
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
  people: People,
  conn: Queryable,
  promoterId: string,
  options: ListOptions,
): Promise<Page<Customer>> {
  const offset = offsetOf(options.cursor);
  const rows = await conn.query<{
    buyer_id: string;
    origin_type: BindingRow['origin_type'];
    origin_ref: string;
    bound_at: Date;
    expires_at: Date | null;
    orders: number;
    gmv: number;
  }>(
    `SELECT b.buyer_id, b.origin_type, b.origin_ref, b.bound_at, b.expires_at,
       count(c.id)::bigint AS orders, COALESCE(sum(c.base_amount), 0)::bigint AS gmv
     FROM bindings b
     -- The orders this buyer placed that earned the promoter a first-level commission, not reversed.
     LEFT JOIN commissions c ON c.buyer_id = b.buyer_id AND c.promoter_id = b.promoter_id AND c.level = 1
       AND c.status <> 'reversed'
     WHERE b.promoter_id = $1
     GROUP BY b.buyer_id, b.origin_type, b.origin_ref, b.bound_at, b.expires_at
     ORDER BY b.bound_at DESC, b.buyer_id DESC OFFSET $2 LIMIT $3`,
    [promoterId, offset, options.limit + 1],
  );
  const names = await people.namesOf(
    conn,
    rows.slice(0, options.limit).map((r) => r.buyer_id),
  );
  return offsetPage(
    rows,
    offset,
    options.limit,
    (r): Customer => ({
      ...maskedPerson(names.get(r.buyer_id) ?? ''),
      origin: { type: r.origin_type, ref: r.origin_ref },
      boundAt: r.bound_at.toISOString(),
      expiresAt: r.expires_at?.toISOString() ?? null,
      orders: r.orders,
      gmv: r.gmv,
    }),
  );
}

/** The people I invited (my level 2), with their own sales and how many they invited in turn. */
export async function listTeam(
  people: People,
  conn: Queryable,
  userId: string,
  options: ListOptions,
): Promise<Page<TeamMember>> {
  const offset = offsetOf(options.cursor);
  const invitees = await people.inviteesOf(conn, userId, { offset, limit: options.limit + 1 });
  const sales = await conn.query<{ promoter_id: string; sales: number }>(
    `SELECT promoter_id, COALESCE(sum(base_amount), 0)::bigint AS sales FROM commissions
     WHERE promoter_id = ANY($1) AND level = 1 AND status <> 'reversed' GROUP BY promoter_id`,
    [invitees.map((i) => i.id)],
  );
  const salesOf = new Map(sales.map((r) => [r.promoter_id, r.sales]));
  return offsetPage(
    invitees,
    offset,
    options.limit,
    (i): TeamMember => ({
      ...maskedPerson(i.name),
      joinedAt: i.joinedAt.toISOString(),
      sales: salesOf.get(i.id) ?? 0,
      invited: i.invited,
    }),
  );
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

/** Admin: everyone who has earned, with totals and how many commissions are held for review. */
export async function listPromoters(
  people: People,
  conn: Queryable,
  options: ListOptions & { flaggedOnly?: boolean },
): Promise<Page<PromoterSummary>> {
  const [before] = decodeCursor(options.cursor) ?? [];
  const rows = await conn.query<Omit<PromoterSummary, 'flags' | 'name' | 'email'>>(
    `SELECT c.promoter_id AS id,
       COALESCE(sum(c.amount) FILTER (WHERE c.status = 'pending'), 0)::bigint AS pending,
       COALESCE(sum(c.amount) FILTER (WHERE c.status = 'settled'), 0)::bigint AS settled,
       COALESCE(sum(c.amount) FILTER (WHERE c.status = 'reversed'), 0)::bigint AS reversed,
       count(c.id) FILTER (WHERE c.status <> 'reversed' AND c.hold_reason IS NOT NULL)::bigint AS held,
       count(c.id) FILTER (WHERE c.status <> 'reversed' AND cardinality(c.signals) > 0)::bigint AS signals,
       (SELECT count(*) FROM bindings b WHERE b.promoter_id = c.promoter_id)::bigint AS customers
     FROM commissions c
     WHERE ($1::text IS NULL OR c.promoter_id < $1)
     GROUP BY c.promoter_id
     HAVING NOT $2 OR count(c.id) FILTER (WHERE c.status <> 'reversed' AND c.hold_reason IS NOT NULL) > 0
     ORDER BY c.promoter_id DESC LIMIT $3`,
    [before === undefined ? null : String(before), options.flaggedOnly ?? false, options.limit + 1],
  );
  const ids = rows.slice(0, options.limit).map((r) => r.id);
  const flags = await flagCounts(conn, ids);
  const contacts = await people.contactsOf(conn, ids);
  return toPage(
    rows,
    options.limit,
    (r) => [r.id],
    (r): PromoterSummary => ({
      ...r,
      name: contacts.get(r.id)?.name ?? '',
      email: contacts.get(r.id)?.email ?? '',
      flags: flags.get(r.id) ?? {},
    }),
  );
}

/**
 * Withdrawals, newest first. Payout details are masked unless `inFull` (the operator's payout view).
 */
export async function listWithdrawals(
  people: People,
  conn: Queryable,
  options: ListOptions & { userId?: string; id?: string; status?: string; inFull?: boolean },
): Promise<Page<Withdrawal & { user: { name: string; email: string } }>> {
  const f = filters();
  if (options.userId) f.add((p) => `w.user_id = ${p}`, options.userId);
  if (options.id) f.add((p) => `w.id = ${p}`, options.id);
  if (options.status) f.add((p) => `w.status = ${p}`, options.status);
  const [before] = decodeCursor(options.cursor) ?? [];
  if (before !== undefined) f.add((p) => `w.id < ${p}`, String(before));
  const rows = await conn.query<WithdrawalRow>(
    `SELECT w.* FROM withdrawals w ${f.sql()} ORDER BY w.id DESC ${f.limit(options.limit)}`,
    f.params,
  );
  const contacts = await people.contactsOf(
    conn,
    rows.slice(0, options.limit).map((r) => r.user_id),
  );
  return toPage(
    rows,
    options.limit,
    (r) => [r.id],
    (r) => ({
      ...(options.inFull ? presentWithdrawalInFull(r) : presentWithdrawal(r)),
      user: { name: contacts.get(r.user_id)?.name ?? '', email: contacts.get(r.user_id)?.email ?? '' },
    }),
  );
}
