import { Type } from 'typebox';
import { defineReasons, refusalsOf } from '../../platform/reasons.js';

const Day = Type.Object({ day: Type.String({ description: 'YYYY-MM-DD in the platform’s time zone' }) });

/** Why a check-in or a make-up card is refused. */
export const checkinsReasons = defineReasons({
  already_checked_in: {
    code: 'conflict',
    params: Day,
    description: 'The person already checked in today (`day`, in the platform’s time zone).',
  },
  make_up_off: {
    code: 'business_rule',
    description: 'The operator gives no make-up cards (0 per month).',
  },
  make_up_not_past: {
    code: 'business_rule',
    params: Day,
    description: 'A make-up card fills a missed day before today, not today or a day to come.',
  },
  make_up_other_month: {
    code: 'business_rule',
    params: Day,
    description: 'A make-up card fills a day of the current month only.',
  },
  make_up_day_checked: {
    code: 'conflict',
    params: Day,
    description: 'The person already checked in (or made up) that day.',
  },
  make_up_no_cards: {
    code: 'business_rule',
    params: Type.Object({ perMonth: Type.Integer() }),
    description: 'This month’s make-up cards (`perMonth`) are used up.',
  },
});

export const refuse = refusalsOf(checkinsReasons);
