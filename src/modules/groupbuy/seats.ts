import { addMs, type Clock, minutes } from '../../platform/clock.js';
import type { Queryable, Tx } from '../../platform/db.js';
import { notFound } from '../../platform/errors.js';
import type { EventBus } from '../../platform/events.js';
import { newId } from '../../platform/ids.js';
import type { JobRunner } from '../../platform/jobs.js';
import type { GroupBuyCheckout, GroupSeatRequest, OrderGroupBuy, ReservedSeat } from '../orders/index.js';
import * as q from './queries.js';
import { refuse } from './reasons.js';
import {
  applySeatEvent,
  campaignRunning,
  groupMachine,
  type JoinRefusal,
  joinRefusal,
  orderGroupStatus,
  type SeatEvent,
  type SeatStatus,
  seatMachine,
  unitPriceFor,
  unitsLeftForUser,
} from './rules.js';

export const SETTLE_MEMBER_JOB = 'groupbuy.settle-failed-member';

const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === '23505';

/** The group-buy side of checkout: campaign price, per-person limit, and a seat in a group. */
export function createGroupBuyCheckout(deps: { clock: Clock }): GroupBuyCheckout {
  async function reserveSeat(tx: Tx, request: GroupSeatRequest): Promise<ReservedSeat> {
    const campaign = await q.findCampaign(tx, request.campaignId);
    if (!campaign) throw notFound('Group-buy campaign');
    const [line, ...others] = request.lines;
    if (!line || others.length > 0 || line.variantId !== campaign.variant_id)
      throw refuse(
        'group_buy_single_item',
        { variantId: campaign.variant_id },
        "A group-buy order holds exactly one line: the campaign's variant",
      );
    // A community's campaign is filled by neighbours collecting at its pickup point; checkout has
    // already checked that the buyer is a member of the community they collect in.
    if (campaign.community_id !== null && campaign.community_id !== request.pickupCommunityId)
      throw refuse(
        'community_pickup_required',
        { communityId: campaign.community_id },
        'This group buy is for one community: collect the order at its pickup point',
      );
    await checkPerUserLimit(tx, campaign, request.userId, line.quantity);

    const now = deps.clock.now();
    const group = request.groupId
      ? await joinGroup(tx, campaign, request.groupId, now)
      : await openGroup(tx, campaign, request.userId, now);
    const role = request.groupId ? 'member' : 'leader';
    const unitPrice = unitPriceFor({ price: campaign.price, leaderPrice: campaign.leader_price }, role);
    return {
      unitPrice,
      freeShipping: campaign.free_shipping,
      async attach(orderTx, orderId) {
        try {
          await q.insertSeat(orderTx, {
            order_id: orderId,
            group_id: group.id,
            campaign_id: campaign.id,
            user_id: request.userId,
            role,
            quantity: line.quantity,
            unit_price: unitPrice,
            status: 'reserved',
            joined_at: now,
            paid_at: null,
          });
        } catch (error) {
          if (isUniqueViolation(error))
            throw refuse(
              'already_group_member',
              { groupId: group.id },
              'You already have a seat in this group',
            );
          throw error;
        }
      },
    };
  }

  async function ofOrders(conn: Queryable, orderIds: readonly string[]) {
    const seats = await q.seatsOfOrders(conn, orderIds);
    return new Map<string, OrderGroupBuy>(
      seats.map((s) => [
        s.order_id,
        {
          campaignId: s.campaign_id,
          groupId: s.group_id,
          status: orderGroupStatus(s.group_status, s.status),
          role: s.role,
        },
      ]),
    );
  }

  return { reserveSeat, ofOrders };
}

async function checkPerUserLimit(tx: Tx, campaign: q.CampaignRow, userId: string, quantity: number) {
  if (campaign.per_user_limit === null) return;
  // Two checkouts by one person at once would both read the same total: serialize them.
  await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
    `groupbuy:${campaign.id}:${userId}`,
  ]);
  const left = unitsLeftForUser(campaign.per_user_limit, await q.unitsHeld(tx, campaign.id, userId));
  if (quantity > left)
    throw refuse(
      'group_buy_limit_reached',
      { perUserLimit: campaign.per_user_limit, remaining: left },
      `This group deal allows ${campaign.per_user_limit} per person; you can add ${left} more`,
    );
}

async function openGroup(tx: Tx, campaign: q.CampaignRow, userId: string, now: Date) {
  const running = campaignRunning(
    { status: campaign.status, startsAt: campaign.starts_at, endsAt: campaign.ends_at },
    now,
  );
  if (!running)
    throw refuse(
      'campaign_not_running',
      {
        campaignId: campaign.id,
        status: campaign.status,
        startsAt: campaign.starts_at?.toISOString() ?? null,
        endsAt: campaign.ends_at?.toISOString() ?? null,
      },
      'This group buy is not running: no new groups can be opened',
    );
  const group: q.GroupRow = {
    id: newId(),
    campaign_id: campaign.id,
    leader_id: userId,
    group_size: campaign.group_size,
    taken: 1,
    paid: 0,
    status: 'open',
    completed_by_platform: false,
    expires_at: addMs(now, minutes(campaign.duration_minutes)),
    created_at: now,
    decided_at: null,
  };
  await q.insertGroup(tx, group);
  return group;
}

async function joinGroup(tx: Tx, campaign: q.CampaignRow, groupId: string, now: Date) {
  const taken = await q.takeSeat(tx, groupId, campaign.id, now);
  if (taken) return taken;
  const group = await q.findGroup(tx, groupId);
  if (!group || group.campaign_id !== campaign.id) throw notFound('Group');
  const why =
    joinRefusal(
      {
        status: group.status,
        groupSize: group.group_size,
        taken: group.taken,
        paid: group.paid,
        expiresAt: group.expires_at,
      },
      now,
    ) ?? 'full';
  throw joinRefusalError(group, why);
}

function joinRefusalError(group: q.GroupRow, why: JoinRefusal) {
  const groupId = group.id;
  switch (why) {
    case 'full':
      return refuse('group_full', { groupId, groupSize: group.group_size }, 'This group is full');
    case 'expired':
      return refuse(
        'group_expired',
        { groupId, expiresAt: group.expires_at.toISOString() },
        'This group has run out of time',
      );
    default:
      return refuse('group_closed', { groupId, status: why }, `This group has already ${why}`);
  }
}

/** Applies a seat event to the locked group row and saves the counters (and the decision time). */
async function moveGroup(tx: Tx, groupId: string, event: SeatEvent, now: Date) {
  const group = await q.lockGroup(tx, groupId);
  if (!group) throw notFound('Group');
  const next = applySeatEvent(
    { status: group.status, groupSize: group.group_size, taken: group.taken, paid: group.paid },
    event,
    group.expires_at.getTime() <= now.getTime(),
  );
  const decided = next.status !== group.status;
  if (decided) groupMachine.assertTransition(group.status, next.status);
  await q.saveGroupCounts(tx, {
    ...group,
    taken: next.taken,
    paid: next.paid,
    status: next.status,
    decided_at: decided ? now : group.decided_at,
  });
  return { before: group, after: next };
}

/**
 * Reactions to order events, inside the order's transaction (the order row is already locked, so
 * each seat changes once). Every path locks the order, then the group: never the other way round.
 */
export function seatReactions(deps: { clock: Clock; jobs: JobRunner; events: EventBus }) {
  async function onPaid(tx: Tx, { orderId }: { orderId: string }) {
    const seat = await q.findSeat(tx, orderId);
    if (!seat || !(await moveSeat(tx, orderId, 'paid'))) return;
    const now = deps.clock.now();
    const { before, after } = await moveGroup(tx, seat.group_id, 'pay', now);
    // Paid into a group that already failed: it goes back with the rest of the group.
    if (after.status === 'failed') await enqueueSettlement(deps.jobs, tx, orderId);
    if (before.status === 'open' && after.status === 'succeeded')
      await publishGroupSucceeded(deps.events, tx, before);
  }

  async function onCancelled(tx: Tx, { orderId }: { orderId: string }) {
    const seat = await q.findSeat(tx, orderId);
    if (!seat || !(await moveSeat(tx, orderId, 'released'))) return;
    const now = deps.clock.now();
    await moveGroup(tx, seat.group_id, 'release', now);
  }

  async function onRefunded(tx: Tx, { orderId }: { orderId: string }) {
    const seat = await q.findSeat(tx, orderId);
    if (!seat || !(await moveSeat(tx, orderId, 'refunded'))) return;
    const now = deps.clock.now();
    await moveGroup(tx, seat.group_id, 'refund-paid', now);
  }

  /** Moves the seat from any state the machine allows; false when it was not in one (nothing to do). */
  const moveSeat = async (tx: Tx, orderId: string, to: SeatStatus) =>
    (await q.setSeatStatus(tx, orderId, to, seatMachine.fromStates(to), deps.clock.now())) > 0;

  return { onPaid, onCancelled, onRefunded };
}

/** `group.succeeded`, in the transaction that decided it, addressed to the members who paid. */
export async function publishGroupSucceeded(events: EventBus, tx: Tx, group: q.GroupRow) {
  const seats = await q.seatsOfGroup(tx, group.id);
  const paid = seats.filter((s) => s.status === 'paid');
  await events.publish(tx, 'group.succeeded', {
    groupId: group.id,
    campaignId: group.campaign_id,
    memberIds: paid.map((s) => s.user_id),
    orderIds: paid.map((s) => s.order_id),
  });
}

/** One job per member of a failed group: refund if paid, cancel if still paying. Deduplicated. */
export const enqueueSettlement = (jobs: JobRunner, conn: Queryable, orderId: string) =>
  jobs.enqueue(conn, SETTLE_MEMBER_JOB, { orderId }, { dedupeKey: `${SETTLE_MEMBER_JOB}:${orderId}` });
