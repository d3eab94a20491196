import { addMs, type Clock, minutes } from '../../platform/clock.js';
import type { Database } from '../../platform/db.js';
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
 * The flash-sale side of checkout: a crowd is answered before any order is built, each attempt
 * by one statement (`claimUnits`). It checks the sale on its snapshot — the variant, the window,
 * the units left, the person's room under the limit — before it locks anything, so a sold-out,
 * ended or over-limit attempt waits for no lock; an attempt that may win takes the units from the
 * sale's quota row with a conditional update, holding the row only until that statement commits,
 * and records the claim for the order id checkout is about to use. The statement returns what it
 * saw, which explains a refusal without a second round trip.
 *
 * Only winners build an order; their transaction marks the claim placed. A checkout that fails
 * gives the units back at once; a sweep gives back the claims of processes that died.
 */
export function createFlashSaleCheckout(deps: {
  db: Database;
  clock: Clock;
  jobs: JobRunner;
}): FlashSaleCheckout {
  const { db, clock, jobs } = deps;

  async function claim(request: FlashSaleRequest & { orderId: string }): Promise<FlashClaim> {
    const { orderId, userId, saleId } = request;
    const [line, ...others] = request.lines;
    if (!line || others.length > 0) throw singleItem(await q.findSale(db, saleId));
    const now = clock.now();
    let outcome: q.ClaimOutcome | undefined;
    try {
      outcome = await q.claimUnits(db, {
        saleId,
        variantId: line.variantId,
        orderId,
        userId,
        units: line.quantity,
        now,
      });
    } catch (error) {
      // Two checkouts of one person at once both had room in their snapshots; the CHECK refuses one.
      if (!isCheckViolation(error)) throw error;
      const sale = await q.findSale(db, saleId);
      throw overLimit(sale?.per_user_limit ?? 0, 0);
    }
    if (!outcome) throw notFound('Flash sale');
    if (!outcome.claimed) throw refusal(outcome, line, now);
    return {
      unitPrice: outcome.price,
      async attach(tx) {
        // Only a checkout slower than the lapse finds its claim given back; it sold out meanwhile.
        if (!(await q.placeClaim(tx, orderId, clock.now()))) throw soldOut(saleId, 0);
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

/** Why a claim took nothing, from the sale as the claim's snapshot saw it. */
function refusal(sale: q.ClaimOutcome, line: { variantId: string; quantity: number }, now: Date) {
  if (line.variantId !== sale.variant_id) return singleItem(sale);
  const status = saleStatus({ ...sale, startsAt: sale.starts_at, endsAt: sale.ends_at }, now);
  if (status === 'upcoming')
    return refuse(
      'flash_sale_not_live',
      { saleId: sale.id, startsAt: sale.starts_at.toISOString() },
      'The flash sale has not opened yet',
    );
  if (status === 'ended')
    return refuse(
      'flash_sale_ended',
      { saleId: sale.id, endsAt: sale.ends_at.toISOString() },
      'The flash sale is over',
    );
  const room = Math.max(0, sale.per_user_limit - sale.buyer_units);
  if (remainingOf(sale) >= line.quantity && line.quantity > room) return overLimit(sale.per_user_limit, room);
  // Units left in the snapshot but none taken: others took them while this attempt waited.
  return soldOut(sale.id, remainingOf(sale) >= line.quantity ? 0 : remainingOf(sale));
}

const singleItem = (sale: q.SaleRow | undefined) => {
  if (!sale) return notFound('Flash sale');
  return refuse(
    'flash_sale_single_item',
    { variantId: sale.variant_id },
    'A flash-sale order holds exactly one line: the sale’s variant',
  );
};

const soldOut = (saleId: string, remaining: number) =>
  refuse('flash_sale_sold_out', { saleId, remaining }, 'The flash sale has sold out');

const overLimit = (perUserLimit: number, room: number) =>
  refuse(
    'flash_sale_limit_reached',
    { perUserLimit, remaining: room },
    `This flash sale allows ${perUserLimit} per person`,
  );
