import { addMs, type Clock, minutes } from '../../platform/clock.js';
import type { Database, Queryable } from '../../platform/db.js';
import { notFound } from '../../platform/errors.js';
import type { JobRunner } from '../../platform/jobs.js';
import type { FlashClaim, FlashSaleCheckout, FlashSaleRequest } from '../orders/index.js';
import * as q from './queries.js';
import { refuse } from './reasons.js';
import { remainingOf, saleStatus } from './rules.js';

/** Gives back the units of claims whose orders never committed (their checkouts' processes died). */
export const RELEASE_LAPSED_JOB = 'flash-sale.release-lapsed-claims';
/** Far longer than any checkout takes; a claim still unplaced then was abandoned. */
const CLAIM_LAPSES_AFTER = minutes(5);
const SWEEP_EVERY = minutes(1);
const SWEEP_BATCH = 200;

const isCheckViolation = (error: unknown) => (error as { code?: string }).code === '23514';

/**
 * The flash-sale side of checkout: a crowd is answered before any order is built.
 *
 * 1. One plain read of the sale and the person's own count answers "not live", "ended", "sold out"
 *    and "over the limit" without a transaction. It never waits for a lock and can only be behind:
 *    a stale "units left" goes on to step 2, whose conditional update has the last word.
 * 2. The claim, one statement: takes the units from the sale's quota row if enough are left, adds
 *    them to the person's count (its CHECK holds the limit) and records the claim for the order id
 *    checkout is about to use. The hot row is held only while that statement commits, so a
 *    refusal waits behind no one's checkout.
 * 3. Only winners build an order; their transaction marks the claim placed. A checkout that fails
 *    gives the units back at once; a sweep gives back the claims of processes that died.
 */
export function createFlashSaleCheckout(deps: {
  db: Database;
  clock: Clock;
  jobs: JobRunner;
}): FlashSaleCheckout {
  const { db, clock, jobs } = deps;

  /** The sale and the one line it sells, or the refusal a plain read already gives. */
  async function checkedSale(conn: Queryable, request: FlashSaleRequest) {
    const sale = await q.findSaleFor(conn, request.saleId, request.userId);
    if (!sale) throw notFound('Flash sale');
    const [line, ...others] = request.lines;
    if (!line || others.length > 0 || line.variantId !== sale.variant_id)
      throw refuse(
        'flash_sale_single_item',
        { variantId: sale.variant_id },
        'A flash-sale order holds exactly one line: the sale’s variant',
      );
    const now = clock.now();
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
    const room = Math.max(0, sale.per_user_limit - sale.buyer_units);
    if (line.quantity > room) throw overLimit(sale, room);
    return { sale, line, now, room };
  }

  async function claim(request: FlashSaleRequest & { orderId: string }): Promise<FlashClaim> {
    const { sale, line, now, room } = await checkedSale(db, request);
    const { orderId, userId } = request;
    let claimed: boolean;
    try {
      claimed = await q.claimUnits(db, { saleId: sale.id, orderId, userId, units: line.quantity, now });
    } catch (error) {
      // Two checkouts of one person at once both passed the read; the CHECK refuses the second.
      if (!isCheckViolation(error)) throw error;
      throw overLimit(sale, room);
    }
    if (!claimed) throw soldOut(sale.id, 0);
    return {
      unitPrice: sale.price,
      async attach(tx) {
        // Only a checkout slower than the lapse finds its claim given back; it sold out meanwhile.
        if (!(await q.placeClaim(tx, orderId, clock.now()))) throw soldOut(sale.id, 0);
      },
      release: () => releaseUnplaced(db, orderId),
    };
  }

  async function releaseUnplaced(conn: Database, orderId: string) {
    await conn.transaction(async (tx) => {
      const released = await q.releaseUnplaced(tx, orderId, clock.now());
      if (released)
        await q.giveBack(tx, {
          saleId: released.sale_id,
          userId: released.user_id,
          units: released.quantity,
        });
    });
  }

  jobs.every(RELEASE_LAPSED_JOB, SWEEP_EVERY, async (_payload, job) => {
    const lapsed = await q.lapsedClaims(job.db, addMs(job.now, -CLAIM_LAPSES_AFTER), SWEEP_BATCH);
    for (const orderId of lapsed) await releaseUnplaced(job.db, orderId);
  });
  return { claim };
}

const soldOut = (saleId: string, remaining: number) =>
  refuse('flash_sale_sold_out', { saleId, remaining }, 'The flash sale has sold out');

const overLimit = (sale: q.SaleRow, room: number) =>
  refuse(
    'flash_sale_limit_reached',
    { perUserLimit: sale.per_user_limit, remaining: room },
    `This flash sale allows ${sale.per_user_limit} per person`,
  );
