import type { Clock } from '../../platform/clock.js';
import type { Tx } from '../../platform/db.js';
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
 */
export function createFlashSaleCheckout(deps: { clock: Clock }): FlashSaleCheckout {
  async function reserve(tx: Tx, request: FlashSaleRequest): Promise<ReservedFlashUnits> {
    const sale = await q.findSale(tx, request.saleId);
    if (!sale) throw notFound('Flash sale');
    const [line, ...others] = request.lines;
    if (!line || others.length > 0 || line.variantId !== sale.variant_id)
      throw refuse(
        'flash_sale_single_item',
        { variantId: sale.variant_id },
        'A flash-sale order holds exactly one line: the sale’s variant',
      );
    const now = deps.clock.now();
    const facts = { ...sale, startsAt: sale.starts_at, endsAt: sale.ends_at };
    const status = saleStatus(facts, now);
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
    await countUnits(tx, sale, request.userId, line.quantity);
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

  /** The person's units of the sale, counted by a row whose CHECK holds the limit. */
  async function countUnits(tx: Tx, sale: q.SaleRow, userId: string, units: number) {
    const held = await q.buyerUnits(tx, sale.id, userId);
    const room = Math.max(0, sale.per_user_limit - held);
    const overLimit = () =>
      refuse(
        'flash_sale_limit_reached',
        { perUserLimit: sale.per_user_limit, remaining: room },
        `This flash sale allows ${sale.per_user_limit} per person`,
      );
    if (units > room) throw overLimit();
    // The read above is only a quick answer: two checkouts of one person at once both pass it, and
    // the row's CHECK refuses the one that would go over (the checkout then rolls back whole).
    try {
      await q.countBuyerUnits(tx, { saleId: sale.id, userId, units, perUserLimit: sale.per_user_limit });
    } catch (error) {
      if (!isCheckViolation(error)) throw error;
      throw overLimit();
    }
  }

  return { reserve };
}

const soldOut = (saleId: string, remaining: number) =>
  refuse('flash_sale_sold_out', { saleId, remaining }, 'The flash sale has sold out');
