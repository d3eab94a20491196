import { Type } from 'typebox';
import { defineReasons, refusalsOf } from '../../platform/reasons.js';

/** Why the operator's changes to a competition are refused. Bad fields are field errors instead. */
export const competitionsReasons = defineReasons({
  competition_started: {
    code: 'conflict',
    params: Type.Object({ startsAt: Type.String({ format: 'date-time' }) }),
    description: 'The competition started at `startsAt`: it can no longer be cancelled.',
  },
  competition_locked: {
    code: 'conflict',
    params: Type.Object({ field: Type.String() }),
    description:
      'The competition is running: only its title and description may change, not `field` (metric, period or prizes).',
  },
  competition_closed: {
    code: 'conflict',
    params: Type.Object({ status: Type.String() }),
    description: 'The competition was cancelled or has ended (`status`): it can no longer change.',
  },
});

export const refuse = refusalsOf(competitionsReasons);
