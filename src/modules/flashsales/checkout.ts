import type { Clock } from '../../platform/clock.js';
import type { Queryable, Tx } from '../../platform/db.js';
import { notFound } from '../../platform/errors.js';
import type { FlashSaleCheckout, FlashSaleRequest, ReservedFlashUnits } from '../orders/index.js';
import * as q from './queries.js';
import { refuse } from './reasons.js';
import { remainingOf, saleStatus } from './rules.js';

const isCheckViolation = (error: unknown) => (error as { code?: string }).code === '23514';

/**
 * The flash-sale side of checkout. Every refusal a crowd gets after the sale sold out, or a person
 * over their limit, is answered before the sale's hot row is touched: "not live", "ended" and
 * "sold out" from a plain read (which never waits for a lock and can only be behind, so a stale
 * "units left" still asks the quota's conditional update, which has the last word), the limit from
 * the person's own row. Only a buyer who may get units queues for the quota row, at the very end.
 * `precheck` gives the same answers before checkout opens its transaction, so a crowd after the
 * last unit costs two plain reads each: no BEGIN, no buyer lock, no stock row.
 */
export function createFlashSaleCheckout(deps: { clock: Clock }): FlashSaleCheckout {
  /** The sale and the one line it sells, or the refusal a plain read already gives. */
  async function checkedSale(conn: Queryable, request: FlashSaleRequest) {
    const sale = await q.findSale(conn, request.saleId);
    if (!sale) throw notFound('Flash sale');
    const [line, ...others] = request.lines;
    if (!line || others.length > 0 || line.variantId !== sale.variant_id)
      throw refuse(
        'flash_sale_single_item',
        { variantId: sale.variant_id },
        'A flash-sale order holds exactly one line: the sale’s variant',
      );
    const now = deps.clock.now();
    const status = saleStatus({ ...sale, startsAt: sale.starts_at, endsAt: sale.ends_at }, now);
    if (status === 'upcoming')
      throw refuse(
        'flash_sale_not_live',
        { saleId: sale.id, startsAt: sale.starts_at.toISOString() },
        'The flash sale has not opened yet',
      );
    if (status === 'ended')
      throw refuse(
        'flash_sale_ended',
        { saleId: sale.id, endsAt: sale.ends_at.toISOString() },
        'The flash sale is over',
      );
    if (remainingOf(sale) < line.quantity) throw soldOut(sale.id, remainingOf(sale));
    const room = Math.max(0, sale.per_user_limit - (await q.buyerUnits(conn, sale.id, request.userId)));
    if (line.quantity > room) throw overLimit(sale, room);
    return { sale, line, now, room };
  }

  async function reserve(tx: Tx, request: FlashSaleRequest): Promise<ReservedFlashUnits> {
    const { sale, line, now, room } = await checkedSale(tx, request);
    // The read above is only a quick answer: two checkouts of one person at once both pass it, and
    // the row's CHECK refuses the one that would go over (the checkout then rolls back whole).
    try {
      await q.countBuyerUnits(tx, {
        saleId: sale.id,
        userId: request.userId,
        units: line.quantity,
        perUserLimit: sale.per_user_limit,
      });
    } catch (error) {
      if (!isCheckViolation(error)) throw error;
      throw overLimit(sale, room);
    }
    return {
      unitPrice: sale.price,
      async attach(orderTx, orderId) {
        if (!(await q.takeUnits(orderTx, sale.id, line.quantity)))
          throw soldOut(sale.id, remainingOf((await q.findSale(orderTx, sale.id)) ?? sale));
        await q.insertSaleOrder(orderTx, {
          orderId,
          saleId: sale.id,
          userId: request.userId,
          quantity: line.quantity,
          now,
        });
      },
    };
  }

  return {
    reserve,
    async precheck(conn, request) {
      await checkedSale(conn, request);
    },
  };
}

const soldOut = (saleId: string, remaining: number) =>
  refuse('flash_sale_sold_out', { saleId, remaining }, 'The flash sale has sold out');

const overLimit = (sale: q.SaleRow, room: number) =>
  refuse(
    'flash_sale_limit_reached',
    { perUserLimit: sale.per_user_limit, remaining: room },
    `This flash sale allows ${sale.per_user_limit} per person`,
  );
