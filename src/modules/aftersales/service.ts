import type { Static } from 'typebox';
import type { Queryable, Tx } from '../../platform/db.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { AuthUser } from '../../platform/http/auth.js';
import { decodeCursor, type Page, toPage } from '../../platform/http/pagination.js';
import { newId } from '../../platform/ids.js';
import { type AuditContext, record } from '../audit/index.js';
import type { Order } from '../orders/index.js';
import type { AfterSalesContext } from './context.js';
import * as q from './queries.js';
import { refuse } from './reasons.js';
import {
  type AfterSaleStatus,
  afterSaleMachine,
  amountOf,
  type ChosenLine,
  checkRequestable,
  chooseUnits,
  type LineUnits,
  shippingToRefund,
  unitShares,
} from './rules.js';
import type { AfterSaleBody, AfterSaleSchema } from './schemas.js';

/** A request as the API shows it: the response schema's type, so the two cannot drift apart. */
export type AfterSale = Static<typeof AfterSaleSchema>;

/** What a buyer sends: the request body's schema. */
export type AfterSaleRequest = Static<typeof AfterSaleBody>;

const holdRef = (id: string) => `after_sale:${id}`;

/**
 * After-sales: a buyer asks for a refund (before shipping) or a return (after) of some or all
 * units; an operator approves (the refund goes through the orders module's refund core) or
 * rejects. While a request is open, the order's commissions do not settle.
 */
export function createAfterSalesService(ctx: AfterSalesContext) {
  const { db, clock, events, orders } = ctx;

  /** The units of each line that are refunded, or named by an open request, as after-sales counts them. */
  async function lineUnits(conn: Queryable, order: Order): Promise<LineUnits[]> {
    const taken = await q.unitsOfOrder(conn, order.id);
    return order.items.map((item) => {
      const refunded = new Set<number>();
      const open = new Set<number>();
      for (const t of taken.filter((t) => t.order_item_id === item.id))
        for (const u of t.units) (t.status === 'refunded' ? refunded : open).add(u);
      // Units refunded outside after-sales (none today) count as refunded too, lowest first.
      for (let u = 0; refunded.size < item.refundedQuantity && u < item.quantity; u++)
        if (!open.has(u)) refunded.add(u);
      return { orderItemId: item.id, quantity: item.quantity, refunded, open };
    });
  }

  /**
   * What a request would cover and cost: its units and their shares of the goods paid for (the
   * total without shipping), and the shipping fee when a refund before shipping leaves no unit.
   */
  async function plan(conn: Queryable, order: Order, items: AfterSaleRequest['items']) {
    const units = await lineUnits(conn, order);
    const chosen = chooseUnits(units, items);
    const shares = unitShares(order.total - order.shippingFee, order.items);
    const free = units.reduce((sum, l) => sum + l.quantity - l.refunded.size - l.open.size, 0);
    const shipping = shippingToRefund({
      fee: order.shippingFee,
      feeRefunded: order.shippingRefunded,
      shipped: order.status !== 'paid',
      coversEveryUnitLeft: chosen.reduce((sum, c) => sum + c.quantity, 0) >= free,
      operatorIncludesFee: false,
    });
    return { shipping, lines: priceLines(order, chosen, shares) };
  }

  function priceLines(order: Order, chosen: readonly ChosenLine[], shares: number[][]) {
    return chosen.map((c: ChosenLine) => {
      const index = order.items.findIndex((i) => i.id === c.orderItemId);
      return {
        ...c,
        title: order.items[index]?.title ?? '',
        amount: amountOf(shares[index] ?? [], c.units),
      };
    });
  }

  function completedAt(order: Order): Date | null {
    if (order.status !== 'completed') return null;
    const at = [...order.timeline].reverse().find((e) => e.status === 'completed')?.at;
    return at ? new Date(at) : null;
  }

  async function ownOrder(tx: Tx, userId: string, orderId: string): Promise<Order> {
    // Only "no such order" reads as 404: a deadlock must reach `transaction`, which retries it.
    const order = await orders.lockOrder(tx, orderId).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'not_found') return null;
      throw error;
    });
    // A claimed gift's after-sales is its recipient's, no longer its buyer's.
    if (!order || (await orders.holderOf(tx, orderId)) !== userId) throw notFound('Order');
    return order;
  }

  /** The amount a request of these units would refund, before sending it. */
  async function quote(userId: string, orderId: string, items: AfterSaleRequest['items']) {
    return db.transaction(async (tx) => {
      const order = await ownOrder(tx, userId, orderId);
      const { lines, shipping } = await plan(tx, order, items);
      return {
        amount: lines.reduce((s, l) => s + l.amount, 0) + shipping,
        shippingRefunded: shipping,
        items: lines.map((l) => ({
          orderItemId: l.orderItemId,
          title: l.title,
          quantity: l.quantity,
          amount: l.amount,
        })),
      };
    });
  }

  async function request(userId: string, orderId: string, input: AfterSaleRequest): Promise<AfterSale> {
    const created = await db.transaction((tx) => requestIn(tx, userId, orderId, input));
    return afterRequested(created);
  }

  /**
   * The request made in the caller's transaction (the pickup lapse: the order leaves the pickup
   * point only with its request); the caller runs `afterRequested` once it committed.
   */
  async function requestIn(
    tx: Tx,
    userId: string,
    orderId: string,
    input: AfterSaleRequest,
  ): Promise<q.AfterSaleRow> {
    const order = await ownOrder(tx, userId, orderId);
    checkRequestable(
      order.status,
      input.type,
      { completedAt: completedAt(order), returnWindowDays: ctx.returnWindowDays, now: clock.now() },
      order.pointsRedemption,
    );
    const { lines, shipping } = await plan(tx, order, input.items);
    const row: q.AfterSaleRow = {
      id: newId(),
      order_id: orderId,
      user_id: userId,
      type: input.type,
      status: 'requested',
      reason: input.reason,
      photos: input.photos ?? [],
      amount: lines.reduce((s, l) => s + l.amount, 0) + shipping,
      shipping_refunded: shipping,
      refund_id: null,
      note: '',
      decided_by: null,
      created_at: clock.now(),
      decided_at: null,
    };
    await q.insertAfterSale(
      tx,
      row,
      lines.map((l) => ({
        after_sale_id: row.id,
        order_item_id: l.orderItemId,
        title: l.title,
        quantity: l.quantity,
        units: l.units,
        amount: l.amount,
      })),
    );
    await ctx.holds.hold(tx, orderId, holdRef(row.id));
    return row;
  }

  async function afterRequested(created: q.AfterSaleRow): Promise<AfterSale> {
    if (ctx.autoApproveRefunds && created.type === 'refund') {
      // The request stands even if the provider is down now: an operator sees it and approves later.
      return approve(null, created.id).catch(() => get(created.id));
    }
    return get(created.id);
  }

  /**
   * Approves: claims the refund of the request's amount and units (stock returns on apply) in one
   * transaction with the request, then lets the refund core call the provider and apply it. The
   * request becomes `refunded` in the refund's apply step (see `onRefundApplied`), so a crash
   * after the provider call is finished by the refund core's recovery job, request and all.
   */
  async function approve(
    adminId: string | null,
    id: string,
    note = '',
    options: { includeShipping?: boolean } = {},
    by?: AuditContext,
  ): Promise<AfterSale> {
    const refundId = await db.transaction(async (tx) => {
      const found = await q.findAfterSale(tx, id);
      if (!found) throw notFound('After-sales request');
      const order = await orders.lockOrder(tx, found.order_id);
      let row = (await q.lockAfterSale(tx, id)) as q.AfterSaleRow;
      afterSaleMachine.assertTransition(row.status, 'refunded');
      await refuseWhileRefunding(tx, row);
      const fee = options.includeShipping
        ? shippingToRefund({
            fee: order.shippingFee,
            feeRefunded: order.shippingRefunded + row.shipping_refunded,
            shipped: true,
            coversEveryUnitLeft: false,
            operatorIncludesFee: true,
          })
        : 0;
      if (fee > 0) {
        await q.addShippingFee(tx, id, fee);
        row = { ...row, amount: row.amount + fee, shipping_refunded: row.shipping_refunded + fee };
      }
      const items = await q.itemsOf(tx, [id]);
      const refund = await orders.claimRefund(tx, row.order_id, {
        reason: `after-sales ${row.type}`,
        amount: row.amount,
        shippingAmount: row.shipping_refunded,
        items: items.map((i) => ({ orderItemId: i.order_item_id, quantity: i.quantity })),
        restock: true,
      });
      await q.setRefundId(tx, id, refund.id);
      await q.noteDecision(tx, id, { note, decidedBy: adminId });
      // The decision is recorded now; the request turns `refunded` when the provider's refund applies.
      await record(tx, {
        by,
        at: clock.now(),
        action: 'after-sale.approve',
        target: { type: 'after-sale', id },
        before: { status: row.status, amount: row.amount, orderId: row.order_id },
        after: { status: 'approved', amount: row.amount, orderId: row.order_id, refundId: refund.id, note },
      });
      return refund.id;
    });
    await orders.finishRefund(refundId);
    return get(id);
  }

  async function reject(adminId: string, id: string, note: string, by?: AuditContext): Promise<AfterSale> {
    await db.transaction(async (tx) => {
      const found = await q.findAfterSale(tx, id);
      if (!found) throw notFound('After-sales request');
      await orders.lockOrder(tx, found.order_id);
      const row = (await q.lockAfterSale(tx, id)) as q.AfterSaleRow;
      afterSaleMachine.assertTransition(row.status, 'rejected');
      await refuseWhileRefunding(tx, row);
      await decide(tx, row, 'rejected', { note, decidedBy: adminId });
      await record(tx, {
        by,
        at: clock.now(),
        action: 'after-sale.reject',
        target: { type: 'after-sale', id },
        before: { status: row.status },
        after: { status: 'rejected', note },
      });
    });
    return get(id);
  }

  /** A request whose refund is with the provider waits for it: neither approved again nor rejected. */
  async function refuseWhileRefunding(tx: Tx, row: q.AfterSaleRow) {
    if (row.refund_id && (await orders.refundStatus(tx, row.refund_id)) === 'requested')
      throw refuse('after_sale_refund_in_progress', undefined, 'This request is being refunded');
  }

  async function decide(
    tx: Tx,
    row: q.AfterSaleRow,
    status: AfterSaleStatus,
    d: { note: string; decidedBy: string | null },
  ) {
    afterSaleMachine.assertTransition(row.status, status);
    const decided = await q.decide(tx, row.id, {
      status,
      from: afterSaleMachine.fromStates(status),
      note: d.note,
      decidedBy: d.decidedBy,
      at: clock.now(),
    });
    // The row is locked, so the status read is current: a miss is a bug, not a race to hide.
    if (decided.length === 0) throw new Error(`after-sales request ${row.id} moved while locked`);
    await ctx.holds.release(tx, row.order_id, holdRef(row.id));
    if (status === 'refunded' || status === 'rejected') {
      await events.publish(tx, 'after_sale.decided', {
        afterSaleId: row.id,
        orderId: row.order_id,
        userId: row.user_id,
        status,
        amount: row.amount,
      });
    }
  }

  /** In the refund's apply step: the request whose refund this is becomes `refunded`. */
  async function onRefundApplied(tx: Tx, refundId: string) {
    const row = await q.lockByRefund(tx, refundId);
    if (row && afterSaleMachine.canTransition(row.status, 'refunded'))
      await decide(tx, row, 'refunded', { note: row.note, decidedBy: null });
  }

  /**
   * The order was refunded in full: a request whose refund made it so is `refunded`; any other
   * open request has nothing left to refund and is `closed`.
   */
  async function onOrderRefunded(tx: Tx, orderId: string) {
    for (const row of await q.openOfOrder(tx, orderId)) {
      const applied = row.refund_id && (await orders.refundStatus(tx, row.refund_id)) === 'succeeded';
      if (applied) await decide(tx, row, 'refunded', { note: row.note, decidedBy: null });
      // No note: the status says why, and the web words it in the buyer's language.
      else await decide(tx, row, 'closed', { note: row.note, decidedBy: null });
    }
  }

  /** Wired in src/reactions.ts, inside the refund's transaction: a request follows its refund. */
  const reactions = {
    onPartiallyRefunded: (tx: Tx, e: { refundId: string }) => onRefundApplied(tx, e.refundId),
    onOrderRefunded: (tx: Tx, e: { orderId: string }) => onOrderRefunded(tx, e.orderId),
  };

  async function present(conn: Queryable, rows: readonly q.AfterSaleRow[]): Promise<AfterSale[]> {
    const items = rows.length
      ? await q.itemsOf(
          conn,
          rows.map((r) => r.id),
        )
      : [];
    return rows.map((r) => ({
      id: r.id,
      orderId: r.order_id,
      userId: r.user_id,
      type: r.type,
      status: r.status,
      reason: r.reason,
      photos: r.photos,
      amount: r.amount,
      shippingRefunded: r.shipping_refunded,
      items: items
        .filter((i) => i.after_sale_id === r.id)
        .map((i) => ({
          orderItemId: i.order_item_id,
          title: i.title,
          quantity: i.quantity,
          amount: i.amount,
        })),
      note: r.note,
      createdAt: r.created_at.toISOString(),
      decidedAt: r.decided_at?.toISOString() ?? null,
    }));
  }

  async function get(id: string): Promise<AfterSale> {
    const row = await q.findAfterSale(db, id);
    if (!row) throw notFound('After-sales request');
    return (await present(db, [row]))[0] as AfterSale;
  }

  /** The request if `viewer` may see it: its buyer or an admin; anyone else gets 404. */
  async function getFor(viewer: AuthUser, id: string): Promise<AfterSale> {
    const found = await get(id);
    if (found.userId !== viewer.id && !viewer.roles.includes('admin')) throw notFound('After-sales request');
    return found;
  }

  async function list(
    filter: Omit<q.ListFilter, 'beforeId'> & { cursor?: string },
  ): Promise<Page<AfterSale>> {
    const [before] = decodeCursor(filter.cursor) ?? [];
    const rows = await q.list(db, { ...filter, beforeId: before === undefined ? undefined : String(before) });
    const shown = new Map((await present(db, rows.slice(0, filter.limit))).map((a) => [a.id, a]));
    return toPage(
      rows,
      filter.limit,
      (r) => [r.id],
      (r) => shown.get(r.id) as AfterSale,
    );
  }

  /** The order's requests, for its buyer or a claimed gift's recipient (404 for anyone else). */
  async function ofOrder(userId: string, orderId: string, page: { limit: number; cursor?: string }) {
    if ((await orders.holderOf(db, orderId)) !== userId) throw notFound('Order');
    return list({ ...page, orderId });
  }

  /**
   * Which of these orders have had an after-sales request (in any status: asking is what counts),
   * for the trust module's after-sales rate: it asks here instead of reading `after_sales`.
   */
  async function ordersWithRequests(conn: Queryable, orderIds: readonly string[]): Promise<Set<string>> {
    if (orderIds.length === 0) return new Set();
    const rows = await conn.query<{ order_id: string }>(
      'SELECT DISTINCT order_id FROM after_sales WHERE order_id = ANY($1)',
      [[...new Set(orderIds)]],
    );
    return new Set(rows.map((r) => r.order_id));
  }

  return {
    request,
    requestIn,
    afterRequested,
    quote,
    approve,
    reject,
    get,
    getFor,
    list,
    ofOrder,
    ordersWithRequests,
    reactions,
  };
}

export type AfterSalesService = ReturnType<typeof createAfterSalesService>;
