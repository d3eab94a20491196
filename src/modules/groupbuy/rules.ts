import { AppError } from '../../platform/errors.js';

/** A group's states and moves, as data: a group is decided once, and never undecided. */
export const GROUP_STATUSES = ['open', 'succeeded', 'failed'] as const;
export type GroupStatus = (typeof GROUP_STATUSES)[number];

export const GROUP_TRANSITIONS: Readonly<Record<GroupStatus, readonly GroupStatus[]>> = {
  open: ['succeeded', 'failed'],
  succeeded: [],
  failed: [],
};

export const canMoveGroup = (from: GroupStatus, to: GroupStatus) => GROUP_TRANSITIONS[from].includes(to);

/** A member's seat: held while paying, counted once paid, given back when the order lapses or is refunded. */
export const SEAT_STATUSES = ['reserved', 'paid', 'released', 'refunded'] as const;
export type SeatStatus = (typeof SEAT_STATUSES)[number];

export const SEAT_TRANSITIONS: Readonly<Record<SeatStatus, readonly SeatStatus[]>> = {
  reserved: ['paid', 'released'],
  paid: ['refunded'],
  released: [],
  refunded: [],
};

export const canMoveSeat = (from: SeatStatus, to: SeatStatus) => SEAT_TRANSITIONS[from].includes(to);

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

const refusalText: Record<JoinRefusal, string> = {
  full: 'This group is full: every seat is taken or being paid for',
  succeeded: 'This group has already succeeded',
  failed: 'This group has failed and is closed',
  expired: 'This group has run out of time',
};

export const joinRefusalError = (why: JoinRefusal) => new AppError('conflict', refusalText[why]);

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

/** Problems with a campaign's prices and size, as field errors; empty when it is sound. */
export function campaignProblems(c: {
  groupSize: number;
  price: number;
  leaderPrice: number | null;
  regularPrice: number;
  startsAt: Date | null;
  endsAt: Date | null;
}): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  if (!Number.isInteger(c.groupSize) || c.groupSize < MIN_GROUP_SIZE || c.groupSize > MAX_GROUP_SIZE)
    problems.push({ path: '/groupSize', message: `must be ${MIN_GROUP_SIZE} to ${MAX_GROUP_SIZE}` });
  if (c.price > c.regularPrice)
    problems.push({ path: '/price', message: 'must not be above the regular price' });
  if (c.leaderPrice !== null && c.leaderPrice > c.price)
    problems.push({ path: '/leaderPrice', message: 'must not be above the group price' });
  if (c.startsAt && c.endsAt && c.endsAt.getTime() <= c.startsAt.getTime())
    problems.push({ path: '/endsAt', message: 'must be after startsAt' });
  return problems;
}

/** Whether new groups may be opened in a campaign now. */
export function campaignRunning(
  c: { status: 'active' | 'closed'; startsAt: Date | null; endsAt: Date | null },
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

/** What an order shows of its group: the group's state, or `left` when its seat was given up. */
export type OrderGroupStatus = 'waiting' | 'succeeded' | 'failed' | 'left';

export function orderGroupStatus(group: GroupStatus, seat: SeatStatus): OrderGroupStatus {
  if (group === 'failed') return 'failed';
  if (seat === 'released' || seat === 'refunded') return 'left';
  return group === 'open' ? 'waiting' : 'succeeded';
}
