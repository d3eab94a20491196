import { Type } from 'typebox';
import { defineReasons, refusalsOf } from '../../platform/reasons.js';

const Instant = Type.String({ format: 'date-time' });

/** Why claiming a gift is refused: each a name the web words, with what it needs to say it. */
export const giftReasons = defineReasons({
  gift_own: {
    code: 'business_rule',
    description: 'The person who bought a gift cannot claim it: they send its link to the friend it is for.',
  },
  gift_already_claimed: {
    code: 'conflict',
    params: Type.Object({ claimedAt: Instant }),
    description:
      'The gift was claimed already (at `claimedAt`), by this person or another: a gift is claimed once.',
  },
  gift_refunded: {
    code: 'conflict',
    description:
      'The gift was refunded to its sender (nobody claimed it in time, or the order was refunded): it can no longer be claimed.',
  },
  gift_expired: {
    code: 'conflict',
    params: Type.Object({ claimBy: Instant }),
    description: 'The time to claim the gift ran out at `claimBy`; it is being refunded to its sender.',
  },
});

export const refuse = refusalsOf(giftReasons);
