/**
 * Pure rules of reviews: who may review which lines of an order, when a follow-up may be written,
 * and the rating summary of a product.
 */
import { days } from '../../platform/clock.js';
import type { OrderStatus } from '../orders/index.js';

/** An order is reviewable once it is paid and until it is refunded in full or cancelled. */
export const REVIEWABLE_STATUSES: readonly OrderStatus[] = ['paid', 'shipped', 'completed'];
export const isReviewable = (status: OrderStatus) => REVIEWABLE_STATUSES.includes(status);

export const MAX_REVIEW_IMAGES = 9;
export const MAX_REVIEW_TEXT = 2000;
/** A follow-up tells how the product held up, so it waits this long after the review. */
export const FOLLOW_UP_AFTER_DAYS = 30;

export const followUpAvailableAt = (reviewedAt: Date) =>
  new Date(reviewedAt.getTime() + days(FOLLOW_UP_AFTER_DAYS));

export type LinesOutcome =
  | { lines: string[] }
  | { refusal: 'unknown_line' }
  | { refusal: 'line_refunded' }
  | { refusal: 'nothing_left'; reviewed: number };

/**
 * The order lines a new review covers. One review per line: with `orderItemId`, that line (unless
 * it was reviewed or refunded in full); without, every line neither reviewed nor refunded in full.
 * A line refunded in full is no longer a purchase to vouch for. Nothing left to review is a
 * conflict, which is also what a second review of a one-line order meets.
 */
export function linesToReview(
  orderLines: readonly { id: string; refundedInFull: boolean }[],
  reviewed: ReadonlySet<string>,
  orderItemId?: string,
): LinesOutcome {
  const named = orderLines.find((l) => l.id === orderItemId);
  if (orderItemId !== undefined && !named) return { refusal: 'unknown_line' };
  if (named?.refundedInFull) return { refusal: 'line_refunded' };
  const asked = named ? [named] : orderLines;
  const lines = asked.filter((l) => !l.refundedInFull && !reviewed.has(l.id)).map((l) => l.id);
  return lines.length > 0 ? { lines } : { refusal: 'nothing_left', reviewed: reviewed.size };
}

export const RATINGS = [1, 2, 3, 4, 5] as const;

export interface RatingSummary {
  count: number;
  /** The mean rating rounded to two decimals; null without reviews. */
  average: number | null;
  /** How many reviews gave each rating, 1 to 5, every rating present. */
  histogram: { rating: number; count: number }[];
}

/** The summary from the count of reviews at each rating (ratings outside 1..5 are not counted). */
export function summarize(countsByRating: ReadonlyMap<number, number>): RatingSummary {
  const histogram = RATINGS.map((rating) => ({ rating, count: countsByRating.get(rating) ?? 0 }));
  const count = histogram.reduce((n, h) => n + h.count, 0);
  const sum = histogram.reduce((n, h) => n + h.rating * h.count, 0);
  // Integer maths until the one division, so 4.625 rounds to 4.63 rather than drifting in floats.
  const average = count === 0 ? null : Math.round((sum * 100) / count) / 100;
  return { count, average, histogram };
}
