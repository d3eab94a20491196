import type { Clock } from '../../platform/clock.js';
import type { Database, Queryable, Tx } from '../../platform/db.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { EventBus } from '../../platform/events.js';
import type { AuthUser } from '../../platform/http/auth.js';
import { decodeTimeCursor, type Page, toPage } from '../../platform/http/pagination.js';
import { newId } from '../../platform/ids.js';
import type { JobRunner } from '../../platform/jobs.js';
import type { AccountsService } from '../accounts/index.js';
import type { Order, OrderPickup, OrdersService, PickupCheckout } from '../orders/index.js';
import * as q from './queries.js';
import { refuse } from './reasons.js';
import {
  collectBy,
  normalizeCode,
  type PickupStatus,
  pickupMachine,
  type UncollectedPolicy,
  uncollectedAction,
  waveCutoff,
} from './rules.js';
import type { CollectedOrder, PackingList, PickupOrder, Wave } from './schemas.js';
import type { CommunityDirectory } from './service.js';

export const UNCOLLECTED_JOB = 'communities.uncollected-pickups';
const UNCOLLECTED_EVERY_MS = 15 * 60_000;
const UNIQUE_VIOLATION = '23505';
export const UNCOLLECTED_NOTE = 'not collected at the pickup point in time';

export interface PickupsDeps {
  db: Database;
  clock: Clock;
  timeZone: string;
  accounts: AccountsService;
  orders: OrdersService;
  events: EventBus;
  jobs: JobRunner;
  directory: CommunityDirectory;
  /** Days a paid order waits at the pickup point before the policy applies (PICKUP_COLLECT_DAYS). */
  collectDays: number;
  policy: UncollectedPolicy;
  /** Draws a pickup code; a code another order holds is drawn again. */
  newCode: () => string;
  /**
   * The after-sales module's request for the buyer when the policy returns uncollected goods, made
   * in the lapse's transaction; `settle` (its auto-approval) runs once that committed.
   */
  requestReturn(
    tx: Tx,
    userId: string,
    orderId: string,
    reason: string,
  ): Promise<{ settle(): Promise<unknown> }>;
}

/** Orders collected at pickup points: checkout's port, codes, hand-over, waves and lapses. */
export function createPickups(deps: PickupsDeps) {
  const { db, clock, timeZone, accounts, orders, events, jobs, directory } = deps;

  const checkout: PickupCheckout = {
    async reserve(tx, { userId, communityId, placedAt }) {
      const community = await q.findCommunity(tx, communityId);
      if (!community) throw notFound('Community');
      // Members only: the leader hands orders to neighbours who joined, and commission and
      // structure (built on this) count the community's own people.
      if ((await q.membershipOf(tx, userId))?.community_id !== communityId)
        throw refuse(
          'community_membership_required',
          { communityId },
          'Join the community to collect at its pickup point',
        );
      const wave = await q.waveAt(
        tx,
        newId(),
        communityId,
        waveCutoff(placedAt, community.cutoff_time, timeZone),
      );
      return {
        attach: (attachTx, orderId) =>
          q.insertPickup(attachTx, {
            order_id: orderId,
            community_id: communityId,
            wave_id: wave.id,
            user_id: userId,
            status: 'awaiting_payment',
            code: null,
            paid_at: null,
            collect_by: null,
            reminded_at: null,
            collected_at: null,
            collected_by: null,
            created_at: placedAt,
          }),
      };
    },
    ofOrders: async (conn, orderIds) => presentPickups(conn, await q.pickupsOf(conn, orderIds)),
  };

  async function presentPickups(conn: Queryable, rows: readonly q.PickupRow[]) {
    const result = new Map<string, OrderPickup>();
    if (rows.length === 0) return result;
    const communities = new Map(
      (await q.findCommunities(conn, [...new Set(rows.map((r) => r.community_id))])).map((c) => [c.id, c]),
    );
    const waves = new Map(
      (await q.findWaves(conn, [...new Set(rows.map((r) => r.wave_id))])).map((w) => [w.id, w]),
    );
    for (const r of rows) {
      const c = communities.get(r.community_id) as q.CommunityRow;
      const wave = waves.get(r.wave_id) as q.WaveRow;
      result.set(r.order_id, {
        communityId: c.id,
        communityName: c.name,
        pickupPoint: {
          name: c.pickup_name,
          address: c.pickup_address,
          openingHours: c.opening_hours,
          location: c.lat === null || c.lng === null ? null : { lat: c.lat, lng: c.lng },
        },
        wave: { id: wave.id, cutoffAt: wave.cutoff_at.toISOString() },
        status: r.status,
        // Only while it can be used: a refunded or returned order's code opens nothing.
        code: r.status === 'awaiting_collection' || r.status === 'collected' ? r.code : null,
        collectBy: r.status === 'awaiting_collection' ? (r.collect_by?.toISOString() ?? null) : null,
        collectedAt: r.collected_at?.toISOString() ?? null,
      });
    }
    return result;
  }

  async function move(
    tx: Tx,
    orderId: string,
    to: PickupStatus,
    fields?: Parameters<typeof q.setPickupStatus>[4],
  ) {
    return q.setPickupStatus(tx, orderId, to, pickupMachine.fromStates(to), fields);
  }

  /**
   * In the payment's transaction (the order row is locked): the order gets its pickup code, unique in
   * its community, and the day it lapses if nobody collects it. A code taken already is drawn again.
   */
  async function onPaid(tx: Tx, event: { orderId: string }) {
    const [pickup] = await q.pickupsOf(tx, [event.orderId]);
    if (pickup?.status !== 'awaiting_payment') return;
    // A group-buy order's code waits for its group (`onGroupSucceeded`): one still filling may fail
    // and refund the order, which must not have been handed over by then.
    const group = (await orders.ordersIn(tx, [event.orderId]))[0]?.groupBuy?.status;
    if (group !== undefined && group !== 'succeeded') return;
    const wave = (await q.findWaves(tx, [pickup.wave_id]))[0] as q.WaveRow;
    const now = clock.now();
    const deadline = collectBy(wave.cutoff_at, now, deps.collectDays);
    for (let attempt = 0; attempt < 20; attempt++) {
      if (await codeTaken(tx, event.orderId, deps.newCode(), { paidAt: now, collectBy: deadline })) return;
    }
    throw new Error('no free pickup code after 20 draws');
  }

  async function codeTaken(tx: Tx, orderId: string, code: string, fields: { paidAt: Date; collectBy: Date }) {
    await tx.query('SAVEPOINT pickup_code');
    try {
      const took = await q.setCode(tx, orderId, code, fields);
      await tx.query('RELEASE SAVEPOINT pickup_code');
      return took;
    } catch (error) {
      await tx.query('ROLLBACK TO SAVEPOINT pickup_code');
      await tx.query('RELEASE SAVEPOINT pickup_code');
      if ((error as { code?: unknown }).code === UNIQUE_VIOLATION) return false;
      throw error;
    }
  }

  /** The group filled: its paid members' pickup orders get their codes now. */
  async function onGroupSucceeded(tx: Tx, event: { orderIds: readonly string[] }) {
    for (const orderId of [...event.orderIds].sort()) {
      await q.lockPickup(tx, orderId);
      await onPaid(tx, { orderId });
    }
  }

  const onClosed = async (tx: Tx, event: { orderId: string }) => {
    await move(tx, event.orderId, 'closed');
  };

  /** An operator completed a pickup order by hand: it counts as handed over. */
  const onCompleted = async (tx: Tx, event: { orderId: string }) => {
    const [pickup] = await q.pickupsOf(tx, [event.orderId]);
    if (pickup?.status === 'awaiting_collection')
      await move(tx, event.orderId, 'collected', { collectedAt: clock.now() });
  };

  /**
   * The leader or a helper hands an order over against its code: the order is completed. A code
   * no order of this community holds is 404; one used already is 409. Two people verifying one
   * code at once: both wait for the order's row lock, and the second finds it collected (409).
   */
  async function verify(
    staff: Pick<AuthUser, 'id'>,
    communityId: string,
    rawCode: string,
  ): Promise<CollectedOrder> {
    await directory.staffedBy(db, communityId, staff.id);
    const code = normalizeCode(rawCode);
    const found = await q.pickupByCode(db, communityId, code);
    if (!found) throw notFound('Pickup code');
    const order = await db.transaction(async (tx) => {
      // The order's lock first, then the pickup's: the order of the payment path, so no deadlock.
      await orders.lockOrder(tx, found.order_id);
      const pickup = (await q.lockPickup(tx, found.order_id)) as q.PickupRow;
      if (pickup.status === 'collected')
        throw refuse(
          'already_collected',
          { orderId: pickup.order_id, collectedAt: pickup.collected_at?.toISOString() ?? '' },
          'This order was collected already',
        );
      if (pickup.status === 'returned' || pickup.status === 'closed')
        throw refuse(
          'pickup_not_collectable',
          { orderId: pickup.order_id, status: pickup.status },
          'This order is no longer waiting at the pickup point',
        );
      if (pickup.status === 'awaiting_payment') throw notFound('Pickup code');
      const completed = await orders.completePickup(tx, pickup.order_id);
      await move(tx, pickup.order_id, 'collected', { collectedAt: clock.now(), collectedBy: staff.id });
      return completed;
    });
    const [shown] = await orders.ordersIn(db, [order.id]);
    const names = await accounts.namesOf(db, [found.user_id]);
    return {
      ...(shown as Order),
      pickupCode: found.code,
      buyer: { id: found.user_id, name: names.get(found.user_id) ?? '' },
    };
  }

  const presentWave = (w: q.WaveRow & { orders: number; awaiting: number; collected: number }): Wave => ({
    id: w.id,
    cutoffAt: w.cutoff_at.toISOString(),
    status: w.cutoff_at.getTime() > clock.now().getTime() ? 'open' : 'closed',
    orders: Number(w.orders),
    awaitingCollection: Number(w.awaiting),
    collected: Number(w.collected),
  });

  async function waves(
    staff: Pick<AuthUser, 'id'>,
    communityId: string,
    page: { limit: number; cursor?: string },
  ): Promise<Page<Wave>> {
    await directory.staffedBy(db, communityId, staff.id);
    const rows = await q.listWaves(db, communityId, {
      limit: page.limit,
      before: page.cursor ? decodeBefore(page.cursor) : undefined,
    });
    return toPage(rows, page.limit, (r) => [r.cutoff_at.toISOString(), r.id], presentWave);
  }

  /** What to pack for a wave (products × quantities over its paid orders) and who collects what. */
  async function packingList(
    staff: Pick<AuthUser, 'id'>,
    communityId: string,
    waveId: string,
  ): Promise<PackingList> {
    await directory.staffedBy(db, communityId, staff.id);
    const wave = await q.findWave(db, communityId, waveId);
    if (!wave) throw notFound('Wave');
    const pickups = await q.pickupsInWave(db, waveId);
    const shown = new Map(
      (
        await orders.ordersIn(
          db,
          pickups.map((p) => p.order_id),
        )
      ).map((o) => [o.id, o]),
    );
    const names = await accounts.namesOf(
      db,
      pickups.map((p) => p.user_id),
    );
    const lines = new Map<string, PackingList['lines'][number]>();
    for (const p of pickups) {
      for (const item of shown.get(p.order_id)?.items ?? []) {
        const units = item.quantity - item.refundedQuantity;
        if (units <= 0) continue;
        const line = lines.get(item.variantId);
        if (line) line.quantity += units;
        else
          lines.set(item.variantId, {
            variantId: item.variantId,
            productId: item.productId,
            title: item.title,
            variantTitle: item.variantTitle,
            sku: item.sku,
            quantity: units,
          });
      }
    }
    const counts = {
      orders: pickups.length,
      awaiting: pickups.filter((p) => p.status === 'awaiting_collection').length,
      collected: pickups.filter((p) => p.status === 'collected').length,
    };
    return {
      wave: presentWave({ ...wave, ...counts }),
      lines: [...lines.values()].sort((a, b) => a.title.localeCompare(b.title) || a.sku.localeCompare(b.sku)),
      orders: pickups.map((p) => ({
        orderId: p.order_id,
        buyer: { id: p.user_id, name: names.get(p.user_id) ?? '' },
        status: p.status,
        items: (shown.get(p.order_id)?.items ?? []).map((i) => ({
          title: i.title,
          variantTitle: i.variantTitle,
          quantity: i.quantity - i.refundedQuantity,
        })),
        collectedAt: p.collected_at?.toISOString() ?? null,
      })),
    };
  }

  /** The community's pickups in one state (by default those waiting to be collected), oldest first. */
  async function pickupOrders(
    staff: Pick<AuthUser, 'id'>,
    communityId: string,
    filter: { status?: PickupStatus; limit: number; cursor?: string },
  ): Promise<Page<PickupOrder>> {
    await directory.staffedBy(db, communityId, staff.id);
    const rows = await q.pickupsByStatus(db, communityId, filter.status ?? 'awaiting_collection', {
      limit: filter.limit,
      after: decodeTimeCursor(filter.cursor),
    });
    const visible = rows.slice(0, filter.limit);
    const shown = new Map(
      (
        await orders.ordersIn(
          db,
          visible.map((p) => p.order_id),
        )
      ).map((o) => [o.id, o]),
    );
    const names = await accounts.namesOf(
      db,
      visible.map((p) => p.user_id),
    );
    const waveRows = new Map(
      (
        await q.findWaves(
          db,
          visible.map((p) => p.wave_id),
        )
      ).map((w) => [w.id, w]),
    );
    return toPage(
      rows,
      filter.limit,
      (r) => [r.created_at.toISOString(), r.order_id],
      (p) => ({
        orderId: p.order_id,
        buyer: { id: p.user_id, name: names.get(p.user_id) ?? '' },
        status: p.status,
        waveCutoffAt: waveRows.get(p.wave_id)?.cutoff_at.toISOString() ?? '',
        paidAt: p.paid_at?.toISOString() ?? null,
        collectBy: p.collect_by?.toISOString() ?? null,
        remindedAt: p.reminded_at?.toISOString() ?? null,
        collectedAt: p.collected_at?.toISOString() ?? null,
        items: (shown.get(p.order_id)?.items ?? []).map((i) => ({
          title: i.title,
          variantTitle: i.variantTitle,
          quantity: i.quantity - i.refundedQuantity,
        })),
      }),
    );
  }

  /**
   * The uncollected-orders job: a day before a paid order lapses its buyer is reminded (once); when
   * it lapses it is refunded in full, or, by the operator's policy, returned to the platform as an
   * after-sales return the operator decides. Each step re-checks the pickup under its lock, so a job
   * run twice (two processes, a retry) reminds and lapses once.
   */
  async function processUncollected(now: Date): Promise<{ reminded: number; lapsed: number }> {
    let reminded = 0;
    let lapsed = 0;
    const due = await q.dueUncollected(db, new Date(now.getTime() + 86_400_000), 500);
    for (const row of due) {
      const action = uncollectedAction(now, {
        collectBy: row.collect_by as Date,
        remindedAt: row.reminded_at,
      });
      if (action === 'remind') {
        const sent = await db.transaction(async (tx) => {
          const pickup = await q.lockPickup(tx, row.order_id);
          if (pickup?.status !== 'awaiting_collection' || pickup.reminded_at) return false;
          await q.markReminded(tx, row.order_id, now);
          await events.publish(tx, 'pickup.reminder', {
            userId: pickup.user_id,
            orderId: pickup.order_id,
            communityId: pickup.community_id,
            collectBy: (pickup.collect_by as Date).toISOString(),
          });
          return true;
        });
        if (sent) reminded += 1;
      } else if (action === 'lapse') {
        // One order whose refund the provider refuses now must not hold up the others: it is
        // still waiting, so the next pass tries it again.
        if (await lapse(row).catch(() => false)) lapsed += 1;
      }
    }
    return { reminded, lapsed };
  }

  /**
   * Each lapse is claimed under the pickup's lock in the transaction that claims its refund or
   * makes its return request, as `verify` hands over under that lock: one of the two wins.
   */
  async function lapse(row: q.PickupRow): Promise<boolean> {
    if (deps.policy === 'return') {
      const returned = await returnUncollected(row).catch((error: unknown) => {
        if (error instanceof AppError) return null;
        throw error;
      });
      if (returned !== null) return returned;
      // The request cannot be made (say the buyer has one open for every unit already): the goods
      // are refunded instead, so the buyer is never left with neither goods nor money.
    }
    // The refund's own reaction (order.refunded) finds the pickup closed already.
    const refunded = await orders.refundOrderIf(row.order_id, UNCOLLECTED_NOTE, async (tx) => {
      const pickup = await q.lockPickup(tx, row.order_id);
      if (pickup?.status !== 'awaiting_collection') return false;
      // Kept for the leader's pickup record (trust): a refunded lapse closes like any refund.
      await q.markLapsed(tx, row.order_id, clock.now());
      return move(tx, row.order_id, 'closed');
    });
    return refunded !== null;
  }

  /** The goods go back to the platform with the buyer's after-sales request, or not at all. */
  async function returnUncollected(row: q.PickupRow): Promise<boolean> {
    const request = await db.transaction(async (tx) => {
      await orders.lockOrder(tx, row.order_id);
      const pickup = await q.lockPickup(tx, row.order_id);
      if (pickup?.status !== 'awaiting_collection') return null;
      // Kept for the leader's pickup record (trust), before the status leaves awaiting_collection.
      await q.markLapsed(tx, row.order_id, clock.now());
      await move(tx, row.order_id, 'returned');
      return deps.requestReturn(tx, row.user_id, row.order_id, UNCOLLECTED_NOTE);
    });
    if (!request) return false;
    // The request stands whatever its approval does now: an operator decides it.
    await request.settle().catch(() => undefined);
    return true;
  }

  jobs.every(UNCOLLECTED_JOB, UNCOLLECTED_EVERY_MS, async (_payload, job) => {
    await processUncollected(job.now);
  });

  /**
   * The community an order is collected in and who leads it, or null for a delivered order: what
   * leader commission (a rate per community order) and trust (pickup reliability) start from.
   */
  async function communityOfOrder(conn: Queryable, orderId: string) {
    const [pickup] = await q.pickupsOf(conn, [orderId]);
    if (!pickup) return null;
    const community = (await q.findCommunity(conn, pickup.community_id)) as q.CommunityRow;
    return {
      communityId: community.id,
      leaderId: community.leader_id,
      buyerId: pickup.user_id,
      status: pickup.status,
      collectedBy: pickup.collected_by,
    };
  }

  return {
    checkout,
    communityOfOrder,
    /** The trust module's port: a leader's pickup orders due and handed over (see the query's rule). */
    recordOf: (conn: Queryable, leaderId: string) => q.pickupRecordOf(conn, leaderId, clock.now()),
    reactions: { onPaid, onGroupSucceeded, onClosed, onCompleted },
    verify,
    waves,
    packingList,
    pickupOrders,
    processUncollected,
  };
}

/** The waves list pages by cut-off: the cursor carries the last cut-off seen. */
function decodeBefore(cursor: string): string {
  return decodeTimeCursor(cursor)?.at as string;
}

export type Pickups = ReturnType<typeof createPickups>;
