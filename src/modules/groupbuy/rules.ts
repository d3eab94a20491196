import { defineMachine } from '../../platform/state-machine.js';

/** A group's states and moves, as data: a group is decided once, and never undecided. */
export type GroupStatus = 'open' | 'succeeded' | 'failed';
export const groupMachine = defineMachine<GroupStatus>('group', {
  open: ['succeeded', 'failed'],
  succeeded: [],
  failed: [],
});

/** A campaign takes new groups while active; closing it is final (open groups run to their deadline). */
export type CampaignStatus = 'active' | 'closed';
export const campaignMachine = defineMachine<CampaignStatus>('group-buy campaign', {
  active: ['closed'],
  closed: [],
});

/** A member's seat: held while paying, counted once paid, given back when the order lapses or is refunded. */
export type SeatStatus = 'reserved' | 'paid' | 'released' | 'refunded';
export const seatMachine = defineMachine<SeatStatus>('group seat', {
  reserved: ['paid', 'released'],
  paid: ['refunded'],
  released: [],
  refunded: [],
});

/** The states a machine can still leave: the others are final. */
const unsettled = <S extends string>(m: {
  states: readonly S[];
  transitions: Readonly<Record<S, readonly S[]>>;
}) => m.states.filter((s) => m.transitions[s].length > 0);

/** Groups not yet decided (open): they take seats and may still succeed or fail. */
export const UNDECIDED_GROUPS: readonly GroupStatus[] = unsettled(groupMachine);

/** Seats that hold a place in their group (and count towards a person's limit). */
export const LIVE_SEATS: readonly SeatStatus[] = unsettled(seatMachine);

export const MIN_GROUP_SIZE = 2;
export const MAX_GROUP_SIZE = 100;

/** The counters a group keeps on its row: seats held (paid + paying) and seats paid. */
export interface GroupCounts {
  status: GroupStatus;
  groupSize: number;
  taken: number;
  paid: number;
}

export type JoinRefusal = 'full' | 'succeeded' | 'failed' | 'expired';

/** Why a seat cannot be taken now, or null when it can. Checked again by the database's UPDATE. */
export function joinRefusal(group: GroupCounts & { expiresAt: Date }, now: Date): JoinRefusal | null {
  if (group.status !== 'open') return group.status;
  if (group.expiresAt.getTime() <= now.getTime()) return 'expired';
  if (group.taken >= group.groupSize) return 'full';
  return null;
}

/**
 * The effect of a seat event on the group's counters. Pure, so the laws (never over size, paid
 * never above taken, a decided group stays decided) are checked by properties.
 */
export type SeatEvent = 'take' | 'pay' | 'release' | 'refund-paid' | 'expire';

export function applySeatEvent(g: GroupCounts, event: SeatEvent, expired = false): GroupCounts {
  switch (event) {
    case 'take':
      if (g.status !== 'open' || expired || g.taken >= g.groupSize) return g;
      return { ...g, taken: g.taken + 1 };
    case 'pay': {
      if (g.paid >= g.taken) return g;
      const paid = g.paid + 1;
      // A payment that lands after the deadline is counted but cannot make the group succeed:
      // the expiry will fail the group and refund it with the others.
      const succeeds = g.status === 'open' && !expired && paid >= g.groupSize;
      return { ...g, paid, status: succeeds ? 'succeeded' : g.status };
    }
    case 'release':
      if (g.status !== 'open' || g.taken <= g.paid) return g;
      return { ...g, taken: g.taken - 1 };
    case 'refund-paid':
      // Only an open group gives the seat back; a decided group's history stays as it was.
      if (g.status !== 'open' || g.paid === 0) return g;
      return { ...g, taken: g.taken - 1, paid: g.paid - 1 };
    case 'expire':
      return g.status === 'open' ? { ...g, status: 'failed' } : g;
  }
}

export interface CampaignPrices {
  price: number;
  leaderPrice: number | null;
}

/** The unit price a member pays: the leader's price for whoever opens the group, when there is one. */
export function unitPriceFor(campaign: CampaignPrices, role: 'leader' | 'member'): number {
  return role === 'leader' && campaign.leaderPrice !== null ? campaign.leaderPrice : campaign.price;
}

/** A field error of a campaign: the rule broken (worded by the web) and its params (money in minor units). */
export interface CampaignProblem {
  path: string;
  message: string;
  rule: string;
  params?: Record<string, number>;
}

/** Problems with a campaign's prices and size, as field errors; empty when it is sound. */
export function campaignProblems(c: {
  groupSize: number;
  price: number;
  leaderPrice: number | null;
  regularPrice: number;
  startsAt: Date | null;
  endsAt: Date | null;
}): CampaignProblem[] {
  const problems: CampaignProblem[] = [];
  if (!Number.isInteger(c.groupSize) || c.groupSize < MIN_GROUP_SIZE)
    problems.push({
      path: '/groupSize',
      message: `must be at least ${MIN_GROUP_SIZE}`,
      rule: 'minimum',
      params: { limit: MIN_GROUP_SIZE },
    });
  else if (c.groupSize > MAX_GROUP_SIZE)
    problems.push({
      path: '/groupSize',
      message: `must be at most ${MAX_GROUP_SIZE}`,
      rule: 'maximum',
      params: { limit: MAX_GROUP_SIZE },
    });
  if (c.price > c.regularPrice)
    problems.push({
      path: '/price',
      message: 'must not be above the regular price',
      rule: 'notAboveRegularPrice',
      params: { price: c.regularPrice },
    });
  if (c.leaderPrice !== null && c.leaderPrice > c.price)
    problems.push({
      path: '/leaderPrice',
      message: 'must not be above the group price',
      rule: 'notAboveGroupPrice',
      params: { price: c.price },
    });
  if (c.startsAt && c.endsAt && c.endsAt.getTime() <= c.startsAt.getTime())
    problems.push({ path: '/endsAt', message: 'must be after startsAt', rule: 'afterStart' });
  return problems;
}

/** Whether new groups may be opened in a campaign now. */
export function campaignRunning(
  c: { status: CampaignStatus; startsAt: Date | null; endsAt: Date | null },
  now: Date,
): boolean {
  if (c.status !== 'active') return false;
  if (c.startsAt && now.getTime() < c.startsAt.getTime()) return false;
  return !(c.endsAt && now.getTime() >= c.endsAt.getTime());
}

/** Units a person may still buy in a campaign, given what their live seats already hold. */
export function unitsLeftForUser(perUserLimit: number | null, heldUnits: number): number {
  return perUserLimit === null ? Number.POSITIVE_INFINITY : Math.max(0, perUserLimit - heldUnits);
}

/**
 * An operator may complete a nearly-full group at the platform's cost: at least one real paid
 * member, and at most a fifth of the seats (at least one) missing. It is shown as such, never
 * with made-up members.
 */
export function platformMayComplete(g: GroupCounts): boolean {
  const missing = g.groupSize - g.paid;
  return (
    g.status === 'open' && g.paid >= 1 && missing >= 1 && missing <= Math.max(1, Math.floor(g.groupSize / 5))
  );
}

/**
 * What completing a short group costs the platform: its paid members keep the group (or leader)
 * price although the group never filled, so the cost is the discount off the regular price on
 * every paid unit, at the price the seat paid (the campaign's price may have changed since; its
 * present price stands in only for seats from before seats kept theirs). Null when the regular
 * price is unknown (the variant is gone).
 */
export function completionCost(
  seats: readonly { role: 'leader' | 'member'; quantity: number; paid: boolean; unitPrice?: number | null }[],
  prices: CampaignPrices,
  regularPrice: number | null,
): number | null {
  if (regularPrice === null) return null;
  let cost = 0;
  for (const seat of seats) {
    const paidPrice = seat.unitPrice ?? unitPriceFor(prices, seat.role);
    if (seat.paid) cost += Math.max(0, regularPrice - paidPrice) * seat.quantity;
  }
  return cost;
}

/** What an order shows of its group: the group's state, or `left` when its seat was given up. */
export type OrderGroupStatus = 'waiting' | 'succeeded' | 'failed' | 'left';

export function orderGroupStatus(group: GroupStatus, seat: SeatStatus): OrderGroupStatus {
  if (group === 'failed') return 'failed';
  if (seat === 'released' || seat === 'refunded') return 'left';
  return group === 'open' ? 'waiting' : 'succeeded';
}
