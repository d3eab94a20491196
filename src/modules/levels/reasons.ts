import { Type } from 'typebox';
import { defineReasons, refusalsOf } from '../../platform/reasons.js';

/** Why the operator's edit of the levels is refused. */
export const levelsReasons = defineReasons({
  level_rank_taken: {
    code: 'conflict',
    params: Type.Object({ rank: Type.Integer() }),
    description: 'A level with this `rank` exists already; edit it instead.',
  },
  level_one_required: {
    code: 'conflict',
    description: 'Level 1 (growth 0) always exists: it cannot be deleted.',
  },
  level_first_not_zero: {
    code: 'business_rule',
    params: Type.Object({ rank: Type.Integer(), threshold: Type.Integer() }),
    description: 'The lowest level must start at growth 0; this one would start at `threshold`.',
  },
  level_thresholds_not_increasing: {
    code: 'business_rule',
    params: Type.Object({
      rank: Type.Integer(),
      threshold: Type.Integer(),
      belowRank: Type.Integer(),
      belowThreshold: Type.Integer(),
    }),
    description:
      'Thresholds must rise with rank: level `rank` at `threshold` is not above level `belowRank` at `belowThreshold`.',
  },
  level_discount_too_high: {
    code: 'business_rule',
    params: Type.Object({ discountBps: Type.Integer(), maxBps: Type.Integer() }),
    description: 'A level’s price discount is at most `maxBps` (9000 = 90 %); `discountBps` asked for more.',
  },
});

export const refuse = refusalsOf(levelsReasons);
