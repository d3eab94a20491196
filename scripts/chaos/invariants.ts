import { commissionAfterRefunds } from '../../src/modules/distribution/rules.js';
import { createLedgerService } from '../../src/modules/ledger/index.js';
import { systemClock } from '../../src/platform/clock.js';
import type { Queryable } from '../../src/platform/db.js';
import { orderHoldingsByLedger, providerHoldingsByLedger } from '../../test/support/books.js';

/** What the run knows apart from the database: the answers it got and the provider's own books. */
export interface Facts {
  acknowledgedOrderIds: readonly string[];
  initialStock: ReadonlyMap<string, number>;
  /** Per order, what Stripe took and gave back (the fake Stripe's books). */
  providerBooks: ReadonlyMap<string, { paid: number; refunded: number }>;
  /** Webhook events still undelivered after the final drain. */
  undeliveredWebhooks: number;
}

export interface Verdict {
  name: string;
  ok: boolean;
  /** What was counted, e.g. "412 of 412". */
  figures: string;
  /** The first few offenders, when broken. */
  problems: string[];
}

const FIRST = 5;
const verdict = (name: string, figures: string, problems: string[]): Verdict => ({
  name,
  ok: problems.length === 0,
  figures,
  problems: problems.slice(0, FIRST),
});

/**
 * The chaos run's end-of-run checks, each over the whole database against what the run knows
 * apart from it. Read-only; run after every process has stopped.
 */
export async function checkInvariants(db: Queryable, facts: Facts): Promise<Verdict[]> {
  return [
    await acknowledgedOrdersExist(db, facts),
    await stockIsConserved(db, facts),
    await ledgerBalances(db),
    await ledgerReconcilesWithProvider(db, facts),
    await commissionsExactlyOnce(db),
    await failedGroupsRefundedOnce(db, facts),
    await nothingLeftHanging(db, facts),
  ];
}

async function acknowledgedOrdersExist(db: Queryable, facts: Facts): Promise<Verdict> {
  const ids = [...new Set(facts.acknowledgedOrderIds)];
  const found = await db.query<{ id: string }>('SELECT id FROM orders WHERE id = ANY($1)', [ids]);
  const present = new Set(found.map((r) => r.id));
  const missing = ids.filter((id) => !present.has(id));
  return verdict(
    'every acknowledged order exists',
    `${present.size} of ${ids.length}`,
    missing.map((id) => `order ${id} was answered 201 and is not in the database`),
  );
}

/**
 * stock + sold = initial per variant, where sold is what live orders hold: units of orders neither
 * cancelled nor refunded, less units refunded from them. And the stock-movement log adds up to the
 * stock, so no unit moved without a trace.
 */
async function stockIsConserved(db: Queryable, facts: Facts): Promise<Verdict> {
  const variantIds = [...facts.initialStock.keys()];
  const rows = await db.query<{ id: string; stock: number; sold: number; logged: number }>(
    `SELECT v.id, v.stock,
       COALESCE((SELECT sum(i.quantity - i.refunded_quantity) FROM order_items i JOIN orders o ON o.id = i.order_id
                 WHERE i.variant_id = v.id AND o.status NOT IN ('cancelled', 'refunded')), 0)::bigint AS sold,
       COALESCE((SELECT sum(delta) FROM stock_movements m WHERE m.variant_id = v.id), 0)::bigint AS logged
     FROM variants v WHERE v.id = ANY($1) ORDER BY v.id`,
    [variantIds],
  );
  const problems: string[] = [];
  let stock = 0;
  let sold = 0;
  for (const row of rows) {
    const initial = facts.initialStock.get(row.id) ?? 0;
    stock += row.stock;
    sold += Number(row.sold);
    if (row.stock + Number(row.sold) !== initial)
      problems.push(`variant ${row.id}: stock ${row.stock} + sold ${row.sold} ≠ initial ${initial}`);
    if (Number(row.logged) !== row.stock)
      problems.push(`variant ${row.id}: stock movements add up to ${row.logged}, stock is ${row.stock}`);
  }
  const initial = [...facts.initialStock.values()].reduce((a, b) => a + b, 0);
  return verdict('stock + sold = initial', `${stock} + ${sold} = ${initial}`, problems);
}

async function ledgerBalances(db: Queryable): Promise<Verdict> {
  const violations = await createLedgerService({ clock: systemClock }).findViolations(db);
  const [sum] = await db.query<{ total: number; n: number }>(
    'SELECT COALESCE(sum(amount), 0)::bigint AS total, count(*)::int AS n FROM ledger_postings',
  );
  const problems = violations.map((v) => `${v.kind} ${v.id}: ${v.detail}`);
  if (Number(sum?.total) !== 0) problems.push(`all postings sum to ${sum?.total}, not 0`);
  return verdict('the ledger balances', `${sum?.n ?? 0} postings, sum ${sum?.total ?? 0}`, problems);
}

/**
 * The ledger against Stripe's own books: what `provider:stripe` holds, and per order what sales
 * less refunds (plus money owed back) say Stripe holds for it.
 */
async function ledgerReconcilesWithProvider(db: Queryable, facts: Facts): Promise<Verdict> {
  const atProvider = new Map([...facts.providerBooks].map(([id, b]) => [id, b.paid - b.refunded]));
  const held = [...atProvider.values()].reduce((a, b) => a + b, 0);
  const inLedger = (await providerHoldingsByLedger(db)).get('stripe') ?? 0;
  const problems: string[] = [];
  if (inLedger !== held) problems.push(`provider:stripe is ${inLedger} in the ledger, Stripe holds ${held}`);
  const perOrder = await orderHoldingsByLedger(db);
  for (const id of new Set([...atProvider.keys(), ...perOrder.keys()])) {
    const ledger = perOrder.get(id) ?? 0;
    const stripe = atProvider.get(id) ?? 0;
    if (ledger !== stripe)
      problems.push(`order ${id}: the ledger says Stripe holds ${ledger}, Stripe holds ${stripe}`);
  }
  return verdict('the ledger reconciles with Stripe', `${inLedger} = ${held}`, problems);
}

/**
 * At most one commission per order and level; every paid store order has its level-1 commission;
 * each is what its order's unrefunded part earns (reversed when refunded in full); and the
 * promoters' accounts hold exactly the live commissions less what was paid out.
 */
async function commissionsExactlyOnce(db: Queryable): Promise<Verdict> {
  const problems: string[] = [];
  const doubled = await db.query<{ order_id: string; level: number; n: number }>(
    `SELECT order_id, level, count(*)::int AS n FROM commissions GROUP BY order_id, level HAVING count(*) > 1`,
  );
  for (const d of doubled) problems.push(`order ${d.order_id} level ${d.level}: ${d.n} commissions`);
  const lost = await db.query<{ id: string }>(
    `SELECT o.id FROM orders o
     WHERE o.store_slug IS NOT NULL AND o.status IN ('paid', 'shipped', 'completed', 'refunded')
       AND EXISTS (SELECT 1 FROM payments p WHERE p.order_id = o.id AND p.status IN ('succeeded', 'refunded'))
       AND NOT EXISTS (SELECT 1 FROM commissions c WHERE c.order_id = o.id AND c.level = 1)`,
  );
  for (const l of lost) problems.push(`paid store order ${l.id} has no commission`);
  const rows = await db.query<{
    id: string;
    status: string;
    amount: number;
    earned: number;
    goods_total: number;
    goods_refunded: number;
    order_status: string;
  }>(
    `SELECT c.id, c.status, c.amount, COALESCE(c.earned_amount, c.amount) AS earned, o.status AS order_status,
       o.total - o.shipping_fee AS goods_total, o.refunded_amount - o.shipping_refunded AS goods_refunded
     FROM commissions c JOIN orders o ON o.id = c.order_id`,
  );
  for (const c of rows) {
    const left = commissionAfterRefunds(c.earned, Number(c.goods_total), Number(c.goods_refunded));
    const refundedInFull = c.order_status === 'refunded';
    if (refundedInFull !== (c.status === 'reversed'))
      problems.push(`commission ${c.id} is ${c.status} on a ${c.order_status} order`);
    else if (!refundedInFull && c.amount !== left)
      problems.push(`commission ${c.id} is ${c.amount}, its order's unrefunded part earns ${left}`);
  }
  const books = await db.query<{ promoter_id: string; live: number; paid_out: number; held: number }>(
    `SELECT c.promoter_id,
       sum(c.amount) FILTER (WHERE c.status <> 'reversed')::bigint AS live,
       COALESCE((SELECT sum(w.amount) FROM withdrawals w WHERE w.user_id = c.promoter_id AND w.status = 'paid'), 0)::bigint AS paid_out,
       COALESCE((SELECT -sum(p.amount) FROM ledger_postings p WHERE p.account_code LIKE 'promoter:' || c.promoter_id || ':%'), 0)::bigint AS held
     FROM commissions c GROUP BY c.promoter_id`,
  );
  for (const b of books) {
    const expected = Number(b.live ?? 0) - Number(b.paid_out);
    if (Number(b.held) !== expected)
      problems.push(
        `promoter ${b.promoter_id}: accounts hold ${b.held}, live commissions ${b.live} − paid out ${b.paid_out} = ${expected}`,
      );
  }
  const live = rows.filter((c) => c.status !== 'reversed').length;
  return verdict(
    'no commission doubled or lost',
    `${rows.length} commissions (${live} live, ${rows.length - live} reversed)`,
    problems,
  );
}

/**
 * A failed group refunds each paid member's order exactly once, in full, at Stripe too; a group
 * never has more paid members than its size, and none is left open past its deadline.
 */
async function failedGroupsRefundedOnce(db: Queryable, facts: Facts): Promise<Verdict> {
  const problems: string[] = [];
  const members = await db.query<{
    group_id: string;
    order_id: string;
    member_status: string;
    order_status: string;
    total: number;
    refunds: number;
    refunded: number;
  }>(
    `SELECT m.group_id, m.order_id, m.status AS member_status, o.status AS order_status, o.total,
       (SELECT count(*) FROM refunds r WHERE r.order_id = o.id AND r.status = 'succeeded')::int AS refunds,
       (SELECT COALESCE(sum(r.amount), 0) FROM refunds r WHERE r.order_id = o.id AND r.status = 'succeeded')::bigint AS refunded
     FROM group_buy_members m JOIN group_buy_groups g ON g.id = m.group_id JOIN orders o ON o.id = m.order_id
     WHERE g.status = 'failed' AND m.status IN ('paid', 'refunded')`,
  );
  for (const m of members) {
    const atStripe = facts.providerBooks.get(m.order_id);
    if (m.refunds !== 1 || Number(m.refunded) !== Number(m.total))
      problems.push(
        `order ${m.order_id} of failed group ${m.group_id}: ${m.refunds} refunds of ${m.refunded}/${m.total}`,
      );
    else if (m.order_status !== 'refunded' || m.member_status !== 'refunded')
      problems.push(
        `order ${m.order_id} of failed group ${m.group_id} is ${m.order_status}, member ${m.member_status}`,
      );
    else if (!atStripe || atStripe.refunded !== atStripe.paid)
      problems.push(
        `order ${m.order_id} of failed group ${m.group_id}: Stripe refunded ${atStripe?.refunded}/${atStripe?.paid}`,
      );
  }
  // A seat left unpaid and released (cancelled, expired) whose payment came late: given back once.
  const late = await db.query<{ order_id: string }>(
    `SELECT m.order_id FROM group_buy_members m JOIN group_buy_groups g ON g.id = m.group_id
     WHERE g.status = 'failed' AND m.status = 'released'`,
  );
  for (const { order_id } of late) {
    const atStripe = facts.providerBooks.get(order_id);
    if (atStripe && atStripe.refunded !== atStripe.paid)
      problems.push(
        `late payment of released seat ${order_id}: Stripe refunded ${atStripe.refunded}/${atStripe.paid}`,
      );
  }
  const overfull = await db.query<{ id: string; n: number; size: number }>(
    `SELECT g.id, count(*)::int AS n, g.group_size AS size FROM group_buy_groups g
     JOIN group_buy_members m ON m.group_id = g.id AND m.status = 'paid'
     GROUP BY g.id HAVING count(*) > g.group_size`,
  );
  for (const g of overfull) problems.push(`group ${g.id} has ${g.n} paid members, size ${g.size}`);
  const [groups] = await db.query<{ failed: number; succeeded: number; open: number }>(
    `SELECT count(*) FILTER (WHERE status = 'failed')::int AS failed,
       count(*) FILTER (WHERE status = 'succeeded')::int AS succeeded,
       count(*) FILTER (WHERE status = 'open')::int AS open FROM group_buy_groups`,
  );
  if (groups && groups.open > 0) problems.push(`${groups.open} groups still open after their deadline`);
  return verdict(
    'every failed group refunded exactly once',
    `${groups?.failed ?? 0} failed (${members.length} paid members refunded), ${groups?.succeeded ?? 0} succeeded`,
    problems,
  );
}

/** Nothing left in limbo: no refund waiting for Stripe, no failed job, no undelivered webhook. */
async function nothingLeftHanging(db: Queryable, facts: Facts): Promise<Verdict> {
  const problems: string[] = [];
  const stuck = await db.query<{ id: string; status: string }>(
    `SELECT id, status FROM refunds WHERE status <> 'succeeded'`,
  );
  for (const r of stuck) problems.push(`refund ${r.id} is ${r.status}`);
  const review = await db.query<{ external_id: string }>(
    `SELECT external_id FROM provider_refunds WHERE status <> 'applied'`,
  );
  for (const r of review) problems.push(`Stripe refund ${r.external_id} is not applied in Fission`);
  const failed = await db.query<{ name: string; n: number; error: string }>(
    `SELECT name, count(*)::int AS n, max(last_error) AS error FROM jobs WHERE status = 'failed' GROUP BY name`,
  );
  for (const j of failed) problems.push(`${j.n} failed ${j.name} jobs: ${j.error}`);
  if (facts.undeliveredWebhooks > 0) problems.push(`${facts.undeliveredWebhooks} webhooks never accepted`);
  return verdict(
    'nothing left hanging',
    `${stuck.length} refunds open, ${failed.length} kinds of failed jobs`,
    problems,
  );
}
