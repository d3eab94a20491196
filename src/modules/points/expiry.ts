import { addMs, type Clock } from '../../platform/clock.js';
import type { Database, Tx } from '../../platform/db.js';
import type { EventBus } from '../../platform/events.js';
import type { JobRunner } from '../../platform/jobs.js';
import * as q from './queries.js';
import { WARN_AHEAD_MS } from './rules.js';
import type { Posting, PostingSource } from './service.js';

export const EXPIRE_POINTS_JOB = 'points.expire-lots';
const EVERY_MS = 3_600_000;
const BATCH = 100;

/** The posting that expires a lot: one per lot, ever. */
export const expiredRef = (lotId: string) => `expired:${lotId}`;

/**
 * Expiry of lots, by a recurring job: each lot whose time has come loses what is left of it through
 * an `expired` posting (oldest expiry first), and each lot expiring within a week is announced once
 * (`points.expiring`). Both are idempotent: the posting's reference, and the lot's `warned_at`.
 */
export function createExpiry(ctx: {
  db: Database;
  clock: Clock;
  jobs: JobRunner;
  events: EventBus;
  post: (tx: Tx, p: Posting, source?: PostingSource) => Promise<boolean>;
}) {
  /** Expires the lots due at `now`; returns how many. */
  async function expireDueLots(now: Date): Promise<number> {
    let count = 0;
    for (;;) {
      const due = await q.dueLots(ctx.db, now, BATCH);
      for (const lot of due) {
        await ctx.db.transaction(async (tx) => {
          // Person first, then the lot, as every spend takes them; the lot may be empty by now.
          await q.lockPerson(tx, lot.user_id);
          const open = await q.lockOpenLot(tx, lot.id);
          if (!open) return;
          await ctx.post(
            tx,
            { userId: open.user_id, delta: -open.remaining, reason: 'expired', ref: expiredRef(open.id) },
            { fromLot: open.id },
          );
        });
      }
      count += due.length;
      if (due.length < BATCH) return count;
    }
  }

  /** Tells each person once about a lot of theirs that expires within a week of `now`. */
  async function warnExpiringLots(now: Date): Promise<void> {
    for (;;) {
      const warned = await ctx.db.transaction(async (tx) => {
        const lots = await q.warnLots(tx, now, addMs(now, WARN_AHEAD_MS), BATCH);
        for (const lot of lots)
          await ctx.events.publish(tx, 'points.expiring', {
            userId: lot.user_id,
            lotId: lot.id,
            points: lot.remaining,
            expiresAt: lot.expires_at.toISOString(),
          });
        return lots.length;
      });
      if (warned < BATCH) return;
    }
  }

  ctx.jobs.every(EXPIRE_POINTS_JOB, EVERY_MS, async (_payload, job) => {
    await expireDueLots(job.now);
    await warnExpiringLots(job.now);
  });

  return { expireDueLots, warnExpiringLots };
}
