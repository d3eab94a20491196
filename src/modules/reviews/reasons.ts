import { Type } from 'typebox';
import { defineReasons, refusalsOf } from '../../platform/reasons.js';

/** Why a review is refused. Another person's order (or review) is a plain 404. */
export const reviewsReasons = defineReasons({
  review_order_not_reviewable: {
    code: 'conflict',
    params: Type.Object({ status: Type.String() }),
    description: 'Only a paid, shipped or completed order is reviewed; this one is `status`.',
  },
  review_already_written: {
    code: 'conflict',
    params: Type.Object({ reviewed: Type.Integer() }),
    description:
      'Every line asked for (the named `orderItemId`, or the whole order) is reviewed already; `reviewed` lines are.',
  },
  review_line_refunded: {
    code: 'conflict',
    params: Type.Object({ orderItemId: Type.String() }),
    description: 'The line `orderItemId` was refunded in full: it is no longer a purchase to review.',
  },
  review_follow_up_exists: {
    code: 'conflict',
    description: 'The review has its one follow-up already.',
  },
  review_follow_up_too_early: {
    code: 'business_rule',
    params: Type.Object({ availableAt: Type.String({ format: 'date-time' }), days: Type.Integer() }),
    description: 'A follow-up waits `days` days after the review: it may be written from `availableAt`.',
  },
});

export const refuse = refusalsOf(reviewsReasons);
