import { invalidInput } from '../../platform/errors.js';

/** Pure rules of analytics: periods, channels, and the ratios the dashboard shows. */

const DAY_MS = 86_400_000;
/** A year and a day: a leap year's whole year still fits in one request. */
export const MAX_RANGE_DAYS = 366;
export const DEFAULT_RANGE_DAYS = 30;

export interface Period {
  /** First day, YYYY-MM-DD (UTC). */
  from: string;
  /** Last day, inclusive. */
  to: string;
  /** The period as a half-open interval of instants: [start, end). */
  start: Date;
  end: Date;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date as UTC midnight, or undefined when it is no real date (2026-02-30). */
export function parseDay(text: string): Date | undefined {
  const m = DATE.exec(text);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const at = new Date(Date.UTC(year, month - 1, day));
  if (at.getUTCFullYear() !== year || at.getUTCMonth() !== month - 1 || at.getUTCDate() !== day)
    return undefined;
  return at;
}

export const dayOf = (at: Date): string => at.toISOString().slice(0, 10);
export const addDays = (at: Date, days: number): Date => new Date(at.getTime() + days * DAY_MS);

/**
 * The period a request asks for: `from`..`to` inclusive, by default the 30 days up to today.
 * Field errors: `/from` or `/to` `date` (no real date), `/to` `afterFrom` (ends before it starts),
 * `/to` `maxRange` (longer than 366 days).
 */
export function periodOf(query: { from?: string; to?: string }, now: Date): Period {
  const today = parseDay(dayOf(now)) as Date;
  const to = query.to === undefined ? today : parseDay(query.to);
  if (!to) throw invalidInput('/to', 'must be a date as YYYY-MM-DD', 'date');
  const from = query.from === undefined ? addDays(to, -(DEFAULT_RANGE_DAYS - 1)) : parseDay(query.from);
  if (!from) throw invalidInput('/from', 'must be a date as YYYY-MM-DD', 'date');
  if (from > to) throw invalidInput('/to', 'must not be before from', 'afterFrom');
  const days = daysIn(from, to);
  if (days > MAX_RANGE_DAYS)
    throw invalidInput('/to', `must be at most ${MAX_RANGE_DAYS} days after from`, 'maxRange', {
      maxDays: MAX_RANGE_DAYS,
    });
  return { from: dayOf(from), to: dayOf(to), start: from, end: addDays(to, 1) };
}

/** Days from `from` to `to`, both counted. */
export const daysIn = (from: Date, to: Date): number =>
  Math.round((to.getTime() - from.getTime()) / DAY_MS) + 1;

/** Every day of the period, so a chart shows the quiet days as zeros instead of skipping them. */
export function daysOf(period: Pick<Period, 'start' | 'end'>): string[] {
  const days: string[] = [];
  for (let at = period.start; at < period.end; at = addDays(at, 1)) days.push(dayOf(at));
  return days;
}

/**
 * The ISO weeks (Monday to Sunday, UTC) the period touches, each clipped to the period: a period
 * starting on a Wednesday has a first week of five days, named by its first day in the period.
 */
export function weeksOf(period: Pick<Period, 'start' | 'end'>): { start: Date; end: Date }[] {
  const weeks: { start: Date; end: Date }[] = [];
  let start = period.start;
  while (start < period.end) {
    const monday = addDays(start, -((start.getUTCDay() + 6) % 7));
    const next = addDays(monday, 7);
    const end = new Date(Math.min(next.getTime(), period.end.getTime()));
    weeks.push({ start, end });
    start = end;
  }
  return weeks;
}

/** Where an order came from, as the dashboard groups sales. */
export const CHANNELS = ['direct', 'share', 'store', 'group', 'post', 'live', 'community'] as const;
export type Channel = (typeof CHANNELS)[number];

export interface OrderOrigin {
  shareCode: string | null;
  storeSlug: string | null;
  source: { type: 'post' | 'live' } | null;
  inGroup: boolean;
  atPickupPoint: boolean;
}

/**
 * One channel per order, the most specific first: content that sold it (a post or live room), then
 * the share link, the store, the group buy, the community pickup; else direct. A group opened from a
 * share link counts for the link: the link is what brought the buyer.
 */
export function channelOf(o: OrderOrigin): Channel {
  if (o.source) return o.source.type;
  if (o.shareCode) return 'share';
  if (o.storeSlug) return 'store';
  if (o.inGroup) return 'group';
  if (o.atPickupPoint) return 'community';
  return 'direct';
}

/** A ratio for display: 0 when nothing was divided, else rounded to 4 decimals. */
export const ratio = (numerator: number, denominator: number): number =>
  denominator === 0 ? 0 : Math.round((numerator / denominator) * 10_000) / 10_000;

/** Average order value in minor units, rounded half up; 0 without orders. */
export const averageOrderValue = (gmv: number, orders: number): number =>
  orders === 0 ? 0 : Math.floor((gmv * 2 + orders) / (orders * 2));

export const FUNNEL_STEPS = ['visit', 'signup', 'first_order', 'repeat_order'] as const;
export type FunnelStep = (typeof FUNNEL_STEPS)[number];
