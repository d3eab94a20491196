import type { Tx } from '../../platform/db.js';
import { invalidInput, notFound } from '../../platform/errors.js';
import { type AuditContext, record } from '../audit/index.js';
import { type LevelsContext, RAISE_RANKS_JOB } from './context.js';
import { announceChange } from './growth.js';
import * as q from './queries.js';
import { refuse } from './reasons.js';
import { benefitsOf, type Level, levelAt, MAX_DISCOUNT_BPS, thresholdRefusal } from './rules.js';
import type { CreateLevelInput, LevelView, UpdateLevelInput } from './schemas.js';

export const presentLevel = (l: Level): LevelView => ({ ...l, benefits: benefitsOf(l) });

/** The ladder after an edit must still start at 0 and rise with rank. */
function checkLadder(levels: readonly Level[]) {
  const refusal = thresholdRefusal(levels);
  if (refusal?.kind === 'first_not_zero') {
    const { rank, threshold } = refusal;
    throw refuse('level_first_not_zero', { rank, threshold }, 'The lowest level must start at growth 0');
  }
  if (refusal?.kind === 'not_increasing') {
    const { kind: _, ...params } = refusal;
    throw refuse(
      'level_thresholds_not_increasing',
      params,
      `Level ${params.rank} must start above level ${params.belowRank}'s ${params.belowThreshold}`,
    );
  }
}

async function checkCoupon(ctx: LevelsContext, templateId: string | null) {
  if (templateId === null) return;
  await ctx.coupons.getTemplate(templateId).catch(() => {
    throw invalidInput('/monthlyCouponTemplateId', 'is not a coupon', 'unknown');
  });
}

/**
 * After the operator lowers a threshold (or adds a level), those whose growth already reaches a
 * higher level go up at once: a sweep job (`raiseRanks`), queued in the edit's transaction so it
 * runs only for an edit that was saved, and not inside the operator's request for every member.
 */
const queueRaise = (ctx: LevelsContext, tx: Tx) => ctx.jobs.enqueue(tx, RAISE_RANKS_JOB, {});

/** A member discount is at most 90 %: an order always leaves something to pay. */
function checkBenefits(input: { discountBps: number }) {
  if (input.discountBps > MAX_DISCOUNT_BPS) {
    throw refuse(
      'level_discount_too_high',
      { discountBps: input.discountBps, maxBps: MAX_DISCOUNT_BPS },
      `A level's discount is at most ${MAX_DISCOUNT_BPS / 100} %`,
    );
  }
}

export async function createLevel(
  ctx: LevelsContext,
  input: CreateLevelInput,
  by?: AuditContext,
): Promise<LevelView> {
  checkBenefits(input);
  await checkCoupon(ctx, input.monthlyCouponTemplateId);
  return ctx.db.transaction(async (tx) => {
    await q.lockLadder(tx);
    const levels = await q.allLevels(tx);
    if (levels.some((l) => l.rank === input.rank)) {
      throw refuse('level_rank_taken', { rank: input.rank }, `Level ${input.rank} exists already`);
    }
    const level: Level = { ...input };
    checkLadder([...levels, level]);
    await q.insertLevel(tx, level, ctx.clock.now());
    const target = { type: 'level', id: String(level.rank) };
    await record(tx, { by, at: ctx.clock.now(), action: 'level.create', target, before: null, after: level });
    await queueRaise(ctx, tx);
    return presentLevel(level);
  });
}

export async function updateLevel(
  ctx: LevelsContext,
  rank: number,
  input: UpdateLevelInput,
  by?: AuditContext,
): Promise<LevelView> {
  checkBenefits(input);
  await checkCoupon(ctx, input.monthlyCouponTemplateId);
  return ctx.db.transaction(async (tx) => {
    await q.lockLadder(tx);
    const levels = await q.allLevels(tx);
    if (!levels.some((l) => l.rank === rank)) throw notFound('Level');
    const level: Level = { rank, ...input };
    const next = levels.map((l) => (l.rank === rank ? level : l));
    checkLadder(next);
    await q.updateLevel(tx, level, ctx.clock.now());
    const before = levels.find((l) => l.rank === rank) ?? null;
    const target = { type: 'level', id: String(rank) };
    await record(tx, { by, at: ctx.clock.now(), action: 'level.update', target, before, after: level });
    await queueRaise(ctx, tx);
    return presentLevel(level);
  });
}

/** Removes a level; its members move to the level below it (and are told). Level 1 stays. */
export async function deleteLevel(ctx: LevelsContext, rank: number, by?: AuditContext): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await q.lockLadder(tx);
    const levels = await q.allLevels(tx);
    const level = levels.find((l) => l.rank === rank);
    if (!level) throw notFound('Level');
    const lowest = levels[0];
    if (lowest?.rank === rank) throw refuse('level_one_required', undefined, 'Level 1 always exists');
    const remaining = levels.filter((l) => l.rank !== rank);
    const below = levelAt(remaining, rank);
    await q.deleteLevel(tx, rank);
    const target = { type: 'level', id: String(rank) };
    await record(tx, { by, at: ctx.clock.now(), action: 'level.delete', target, before: level, after: null });
    for (const { user_id } of await q.moveRank(tx, rank, below.rank, ctx.clock.now())) {
      await announceChange(ctx, tx, user_id, { from: level, to: below, cause: 'level_removed' });
    }
  });
}
