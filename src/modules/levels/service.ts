import { dayIn } from '../../platform/calendar.js';
import { invalidInput } from '../../platform/errors.js';
import { decodeCursor, toPage } from '../../platform/http/pagination.js';
import { type AuditContext, record } from '../audit/index.js';
import {
  type LevelsContext,
  MONTHLY_COUPON_JOB,
  RAISE_RANKS_JOB,
  SCHEDULE_EVERY_MS,
  YEARLY_REVIEW_JOB,
} from './context.js';
import { growthReactions, raiseRanks } from './growth.js';
import { createLevel, deleteLevel, presentLevel, updateLevel } from './ladder.js';
import { hasFreeShipping } from './pricing.js';
import * as q from './queries.js';
import { benefitsOf, isYearlyDay, levelAbove, levelAt, nextReviewDay } from './rules.js';
import { grantMonthlyCoupons, runYearlyReview } from './schedule.js';
import type { CreateLevelInput, LevelSettings, UpdateLevelInput, UpdateSettingsInput } from './schemas.js';

/**
 * Membership levels. Growth is a ledger of postings from paid orders and activity (deferred
 * reactions, idempotent by ref); a person moves up as soon as their growth crosses a threshold and
 * down only at the operator's optional yearly re-evaluation. Benefits reach checkout and
 * commissions through pricing.ts; the monthly coupon and the re-evaluation are recurring jobs.
 */
export function createLevelsService(ctx: LevelsContext) {
  ctx.jobs.every(MONTHLY_COUPON_JOB, SCHEDULE_EVERY_MS, (_payload, job) =>
    grantMonthlyCoupons(ctx, job.db, job.now).then(() => undefined),
  );
  ctx.jobs.every(YEARLY_REVIEW_JOB, SCHEDULE_EVERY_MS, (_payload, job) =>
    runYearlyReview(ctx, job.db, job.now),
  );
  ctx.jobs.register(RAISE_RANKS_JOB, (_payload, job) => raiseRanks(ctx, job.db));

  async function myLevel(userId: string) {
    const levels = await q.allLevels(ctx.db);
    const level = levelAt(levels, (await q.rankOf(ctx.db, userId)) ?? 1);
    const { growth_since } = await q.loadSettings(ctx.db);
    const next = levelAbove(levels, level.rank);
    return {
      level: level.rank,
      name: level.name,
      growth: Math.max(0, await q.growthOf(ctx.db, userId, growth_since)),
      nextLevelGrowth: next?.threshold ?? null,
      benefits: benefitsOf(level),
    };
  }

  /** The whole ladder, lowest first: a handful of rows, paged by rank for the list convention. */
  async function listLevels(page: { limit?: number; cursor?: string }) {
    const limit = page.limit ?? 20;
    const [afterRank] = decodeCursor(page.cursor) ?? [];
    const rows = (await q.allLevels(ctx.db)).filter(
      (l) => afterRank === undefined || l.rank > Number(afterRank),
    );
    return toPage(rows.slice(0, limit + 1), limit, (l) => [l.rank], presentLevel);
  }

  async function settings(): Promise<LevelSettings> {
    const s = await q.loadSettings(ctx.db);
    return {
      growthPerUnit: s.growth_per_unit,
      growthPerCheckin: s.growth_per_checkin,
      growthPerReview: s.growth_per_review,
      growthPerLesson: s.growth_per_lesson,
      reviewEnabled: s.review_enabled,
      reviewDate: s.review_date,
      nextReviewDay: s.review_enabled
        ? nextReviewDay(dayIn(ctx.timeZone, ctx.clock.now()), s.review_date)
        : null,
    };
  }

  async function updateSettings(patch: UpdateSettingsInput, by?: AuditContext): Promise<LevelSettings> {
    if (patch.reviewDate !== undefined && !isYearlyDay(patch.reviewDate)) {
      throw invalidInput('/reviewDate', 'is not a day of every year (MM-DD)', 'pattern');
    }
    const s = await settings();
    const next = { ...s, ...patch };
    await ctx.db.transaction(async (tx) => {
      await q.saveSettings(
        tx,
        {
          growth_per_unit: next.growthPerUnit,
          growth_per_checkin: next.growthPerCheckin,
          growth_per_review: next.growthPerReview,
          growth_per_lesson: next.growthPerLesson,
          review_enabled: next.reviewEnabled,
          review_date: next.reviewDate,
        },
        ctx.clock.now(),
      );
      const { nextReviewDay: _was, ...before } = s;
      const { nextReviewDay: _next, ...after } = next;
      const target = { type: 'settings', id: 'levels' };
      await record(tx, { by, at: ctx.clock.now(), action: 'levels.settings.update', target, before, after });
    });
    return settings();
  }

  return {
    myLevel,
    listLevels,
    createLevel: (input: CreateLevelInput, by?: AuditContext) => createLevel(ctx, input, by),
    updateLevel: (rank: number, input: UpdateLevelInput, by?: AuditContext) =>
      updateLevel(ctx, rank, input, by),
    deleteLevel: (rank: number, by?: AuditContext) => deleteLevel(ctx, rank, by),
    settings,
    updateSettings,
    grantMonthlyCoupons: () => grantMonthlyCoupons(ctx, ctx.db, ctx.clock.now()),
    runYearlyReview: () => runYearlyReview(ctx, ctx.db, ctx.clock.now()),
    /** Whether the person's level ships free, for the shipping fees. */
    hasFreeShipping: (userId: string) => hasFreeShipping(ctx.db, userId),
    /** Wired in src/reactions.ts as deferred reactions; each is idempotent by its posting's ref. */
    reactions: growthReactions(ctx),
  };
}

export type LevelsService = ReturnType<typeof createLevelsService>;
