/** Pure community rules: leader applications, a pickup's states, delivery waves, codes and lapses. */
import { randomInt } from 'node:crypto';
import { addDays, dayIn, startOfDay } from '../../platform/calendar.js';
import { defineMachine } from '../../platform/state-machine.js';

/** As a shopkeeper application: pending (approval on) or approved at once; rejected may apply again. */
export type LeaderApplicationStatus = 'pending' | 'approved' | 'rejected';
export const leaderApplicationMachine = defineMachine<LeaderApplicationStatus>('leader application', {
  pending: ['approved', 'rejected'],
  approved: [],
  rejected: ['pending', 'approved'],
});

/**
 * A pickup order: placed (awaiting payment) → paid (awaiting collection, with a code) → collected
 * at the pickup point; or, not collected in time, returned to the platform; or closed when the
 * order is cancelled or refunded.
 */
export const PICKUP_STATUSES = [
  'awaiting_payment',
  'awaiting_collection',
  'collected',
  'returned',
  'closed',
] as const;
export type PickupStatus = (typeof PICKUP_STATUSES)[number];
export const pickupMachine = defineMachine<PickupStatus>('pickup', {
  awaiting_payment: ['awaiting_collection', 'closed'],
  awaiting_collection: ['collected', 'returned', 'closed'],
  collected: ['closed'],
  returned: ['closed'],
  closed: [],
});

export const DEFAULT_CUTOFF_TIME = '20:00';
const CUTOFF_PATTERN = /^([01][0-9]|2[0-3]):([0-5][0-9])$/;
export const isCutoffTime = (value: string) => CUTOFF_PATTERN.test(value);

/**
 * The cut-off of the wave an order placed at `placedAt` ships in: the first daily cut-off
 * (`cutoffTime`, HH:MM on the wall clock of `timeZone`) strictly after it. An order placed exactly
 * at a cut-off is too late for it and ships in the next wave: the cut-off is the instant the
 * leader's packing list closes.
 */
export function waveCutoff(placedAt: Date, cutoffTime: string, timeZone: string): Date {
  const match = CUTOFF_PATTERN.exec(cutoffTime);
  if (!match) throw new Error(`not a cut-off time: ${cutoffTime}`);
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  const today = dayIn(timeZone, placedAt);
  // Yesterday's first: in zones far from UTC the wall-clock day may lag the instant's.
  for (const day of [addDays(today, -1), today, addDays(today, 1), addDays(today, 2)]) {
    const cutoff = new Date(startOfDay(timeZone, day).getTime() + minutes * 60_000);
    if (cutoff.getTime() > placedAt.getTime()) return cutoff;
  }
  throw new Error('no cut-off within two days');
}

/**
 * A pickup code: 8 digits, easy to read out and type on a phone. Ten to the eighth codes per
 * community: guessing one takes tens of millions of tries, and only the community's own leader
 * and helpers may try at all (rate-limited).
 */
export const PICKUP_CODE_LENGTH = 8;
export const newPickupCode = (): string =>
  String(randomInt(0, 10 ** PICKUP_CODE_LENGTH)).padStart(PICKUP_CODE_LENGTH, '0');

/** What a person types or the camera reads: digits only (spaces and dashes are for reading it out). */
export const normalizeCode = (input: string) => input.replace(/[\s-]/g, '');

const DAY_MS = 86_400_000;

/**
 * When a paid pickup order lapses if nobody collects it: `collectDays` after its goods reach the
 * pickup point, taken as its wave's cut-off (or the payment, if that came later).
 */
export function collectBy(cutoffAt: Date, paidAt: Date, collectDays: number): Date {
  return new Date(Math.max(cutoffAt.getTime(), paidAt.getTime()) + collectDays * DAY_MS);
}

/** What the uncollected-orders job does with a waiting order now: remind once a day before it lapses, then lapse. */
export function uncollectedAction(
  now: Date,
  order: { collectBy: Date; remindedAt: Date | null },
): 'remind' | 'lapse' | null {
  if (now.getTime() >= order.collectBy.getTime()) return 'lapse';
  if (order.remindedAt === null && now.getTime() >= order.collectBy.getTime() - DAY_MS) return 'remind';
  return null;
}

/** The operator's policy for orders nobody collected (UNCOLLECTED_PICKUP_POLICY). */
export type UncollectedPolicy = 'refund' | 'return';
