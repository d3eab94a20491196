import type { MyBadge } from '../types';

/** The placing a competition badge's next tier needs: scores 1, 2, 3 are 3rd, 2nd and 1st place (rules.ts). */
const PLACES = ['third', 'second', 'first'] as const;
export type Place = (typeof PLACES)[number];

export const placeFor = (score: number): Place => PLACES[Math.min(Math.max(score, 1), 3) - 1] as Place;

/** How full a badge's bar is, 0..1: full at the top tier, otherwise the count over the next threshold. */
export function progressShare(badge: Pick<MyBadge, 'count' | 'nextThreshold'>): number {
  if (badge.nextThreshold === null) return 1;
  return Math.min(1, Math.max(0, badge.count / badge.nextThreshold));
}
