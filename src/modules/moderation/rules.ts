import { days as daysMs } from '../../platform/clock.js';

/** Why people report something: a closed set, so the console can say it in the reader's language. */
export const REPORT_REASONS = ['spam', 'abuse', 'fake', 'inappropriate', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

export const REPORT_STATUSES = ['open', 'actioned', 'dismissed'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const MAX_BAN_DAYS = 3650;

/** When a ban from `startsAt` for `days` days ends; without days it lasts until lifted (null). */
export const banEnd = (startsAt: Date, days: number | undefined): Date | null =>
  days === undefined ? null : new Date(startsAt.getTime() + daysMs(days));

export interface BanWindow {
  startsAt: Date;
  endsAt: Date | null;
  liftedAt: Date | null;
}

/** A ban holds from its start until its end, unless lifted. */
export const isBanActive = (ban: BanWindow, now: Date) =>
  ban.liftedAt === null && ban.startsAt <= now && (ban.endsAt === null || now < ban.endsAt);

/**
 * The counts of each reason among an item's reports, most frequent first (ties in the set's order),
 * so the queue shows at a glance why people object.
 */
export function reasonCounts(reasons: readonly string[]): { reason: ReportReason; count: number }[] {
  return REPORT_REASONS.map((reason) => ({ reason, count: reasons.filter((r) => r === reason).length }))
    .filter((c) => c.count > 0)
    .sort((a, b) => b.count - a.count);
}
