import type { Database } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import type { EventBus } from '../../platform/events.js';
import type { JobRunner } from '../../platform/jobs.js';
import type { OrdersService } from '../orders/index.js';
import * as q from './queries.js';
import { LIVE_SEATS } from './rules.js';
import { enqueueSettlement } from './seats.js';

const FAIL_BATCH = 100;
const OWED_BATCH = 500;
const REASON = 'the group did not fill in time';

/**
 * Fails every open group whose deadline has passed, queues one settlement job per live seat and
 * publishes `group.failed` to those members, in the same transaction. The conditional UPDATE (from the
 * states the group machine lets fail, rows claimed with SKIP LOCKED)
 * decides each group exactly once, however many processes or passes run this at the same time.
 */
export async function failExpiredGroups(
  db: Database,
  jobs: JobRunner,
  events: EventBus,
  now: Date,
): Promise<number> {
  let failed = 0;
  for (;;) {
    const count = await db.transaction(async (tx) => {
      const groups = await q.failDueGroups(tx, now, FAIL_BATCH);
      for (const group of groups) {
        const live = (await q.seatsOfGroup(tx, group.id)).filter((seat) => LIVE_SEATS.includes(seat.status));
        for (const seat of live) await enqueueSettlement(jobs, tx, seat.order_id);
        await events.publish(tx, 'group.failed', {
          groupId: group.id,
          campaignId: group.campaign_id,
          memberIds: live.map((seat) => seat.user_id),
        });
      }
      return groups.length;
    });
    failed += count;
    if (count < FAIL_BATCH) break;
  }
  await requeueOwedSettlements(db, jobs);
  return failed;
}

/**
 * A member's refund job gives up after its retries (the provider down for minutes): every pass
 * queues again what failed groups still owe, so their money is returned once the provider is back.
 * The dedupe key keeps one job per order while one is queued or running.
 */
async function requeueOwedSettlements(db: Database, jobs: JobRunner) {
  await db.transaction(async (tx) => {
    for (const seat of await q.owedSettlements(tx, OWED_BATCH))
      await enqueueSettlement(jobs, tx, seat.order_id);
  });
}

/**
 * Settles one member of a failed group through the orders lifecycle: a paid order is refunded at
 * the provider (stock returns, the ledger reverses, commissions are reversed by their subscriber),
 * an unpaid one is cancelled. Safe to run again: a refunded or cancelled order is left alone.
 */
export async function settleFailedMember(db: Database, orders: OrdersService, orderId: string) {
  const seat = await q.findSeat(db, orderId);
  if (!seat) return;
  const order = await orders.getOwnOrder(seat.user_id, orderId);
  if (order.status === 'pending_payment') {
    if (await orders.cancelUnpaidOrder(orderId, REASON)) return;
    // Paid in the meantime: fall through to the refund.
  } else if (order.status !== 'paid' && order.status !== 'completed') {
    return;
  }
  try {
    await orders.refundOrder(orderId, REASON);
  } catch (error) {
    const now = await orders.getOwnOrder(seat.user_id, orderId);
    // Someone else's refund of this order won: nothing left to do. Anything else is retried.
    if (error instanceof AppError && error.code === 'conflict' && now.status === 'refunded') return;
    throw error;
  }
}
