import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { FieldError } from '../../platform/errors.js';

/**
 * Pure bargain rules: the cut schedule, what a bargain shows as, what makes a campaign sound, and
 * which helpers look like accounts made only to help.
 */

export const BARGAIN_STATUSES = ['open', 'succeeded', 'expired'] as const;
export type BargainStatus = (typeof BARGAIN_STATUSES)[number];

export interface ScheduleTerms {
  seed: number;
  startPrice: number;
  floorPrice: number;
  helpers: number;
  /** The operator's bounds on one cut, in minor units; absent: 1 and the whole span. */
  minCut?: number | null;
  maxCut?: number | null;
}

/** The bounds one cut stays within, narrowed or widened only as far as the span requires. */
export function cutBounds(t: ScheduleTerms): { lo: number; hi: number } {
  const span = t.startPrice - t.floorPrice;
  const lo = Math.max(1, Math.min(t.minCut ?? 1, Math.floor(span / t.helpers)));
  const hi = Math.max(lo, t.maxCut ?? span, Math.ceil(span / t.helpers));
  return { lo, hi };
}

/**
 * The cuts, largest first, that take the price from `startPrice` to `floorPrice` in exactly
 * `helpers` helps: each at least one minor unit and within the bounds, summing to the span, and
 * the same for the same seed (so a schedule can be disclosed and checked). Each cut's extra above
 * the minimum is drawn around an even share of what is left, never so little or so much that the
 * cuts after it could not finish within their bounds. Requires `span >= helpers`.
 */
export function cutSchedule(t: ScheduleTerms): number[] {
  const span = t.startPrice - t.floorPrice;
  if (!Number.isInteger(t.helpers) || t.helpers < 1 || span < t.helpers)
    throw new RangeError(`a span of ${span} cannot be cut ${t.helpers} times by at least 1`);
  const { lo, hi } = cutBounds(t);
  const room = hi - lo;
  const rng = xoroshiro128plus(t.seed);
  let rest = span - lo * t.helpers;
  const cuts: number[] = [];
  for (let left = t.helpers; left > 0; left--) {
    const least = Math.max(0, rest - (left - 1) * room);
    const most = Math.max(least, Math.min(room, rest, Math.floor((2 * rest) / left)));
    const extra = left === 1 ? rest : uniformInt(rng, least, most);
    cuts.push(lo + extra);
    rest -= extra;
  }
  // Front-loaded: the first friends see the biggest cuts, the last ones close the gap.
  return cuts.sort((a, b) => b - a);
}

export interface BargainFacts {
  helps: number;
  helpersNeeded: number;
  expiresAt: Date;
}

export function bargainStatus(b: BargainFacts, now: Date): BargainStatus {
  if (b.helps >= b.helpersNeeded) return 'succeeded';
  return now >= b.expiresAt ? 'expired' : 'open';
}

export interface CampaignTerms {
  regularPrice: number;
  floorPrice: number;
  helpersNeeded: number;
  minCut?: number;
  maxCut?: number;
}

/** Problems with a new campaign: a floor below the price, reachable in whole cuts within the bounds. */
export function campaignProblems(t: CampaignTerms): FieldError[] {
  const span = t.regularPrice - t.floorPrice;
  if (span <= 0)
    return [
      {
        path: '/floorPrice',
        message: 'must be below the regular price',
        rule: 'belowRegularPrice',
        params: { price: t.regularPrice },
      },
    ];
  const problems: FieldError[] = [];
  if (span < t.helpersNeeded)
    problems.push({
      path: '/helpersNeeded',
      message: 'each helper cuts at least one minor unit: at most the gap to the floor',
      rule: 'maximum',
      params: { limit: span },
    });
  if (t.minCut !== undefined && t.maxCut !== undefined && t.minCut > t.maxCut)
    problems.push({ path: '/maxCut', message: 'must be at least the smallest cut', rule: 'atLeastMinCut' });
  if (t.minCut !== undefined && t.minCut * t.helpersNeeded > span)
    problems.push({
      path: '/minCut',
      message: 'the helpers would cut below the floor',
      rule: 'maximum',
      params: { limit: Math.floor(span / t.helpersNeeded) },
    });
  if (t.maxCut !== undefined && t.maxCut * t.helpersNeeded < span)
    problems.push({
      path: '/maxCut',
      message: 'the helpers could not reach the floor',
      rule: 'minimum',
      params: { limit: Math.ceil(span / t.helpersNeeded) },
    });
  return problems;
}

/** Why a help looks like it came from an account made only to help. */
export const HELPER_SIGNALS = ['new_account', 'no_orders', 'starter_device', 'helper_device'] as const;
export type HelperSignal = (typeof HELPER_SIGNALS)[number];

/** An account this young counts as new. */
export const NEW_HELPER_MS = 7 * 24 * 60 * 60 * 1000;

export interface HelperFacts {
  accountAgeMs: number;
  hasPaidOrder: boolean;
  deviceId: string | null;
  starterDeviceId: string | null;
  otherHelperDevices: readonly string[];
}

/**
 * The signals a help carries, and whether the operator should look at it: a new account that never
 * ordered, or one on the starter's or another helper's device. A flagged help still counts (the
 * friend may be real); the operator decides.
 */
export function helperSignals(f: HelperFacts): { signals: HelperSignal[]; flagged: boolean } {
  const signals: HelperSignal[] = [];
  if (f.accountAgeMs < NEW_HELPER_MS) signals.push('new_account');
  if (!f.hasPaidOrder) signals.push('no_orders');
  if (f.deviceId && f.deviceId === f.starterDeviceId) signals.push('starter_device');
  if (f.deviceId && f.otherHelperDevices.includes(f.deviceId)) signals.push('helper_device');
  const throwaway = signals.includes('new_account') && signals.includes('no_orders');
  const sharedDevice = signals.includes('starter_device') || signals.includes('helper_device');
  return { signals, flagged: throwaway || sharedDevice };
}
