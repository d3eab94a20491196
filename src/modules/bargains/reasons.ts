import { Type } from 'typebox';
import { defineReasons, refusalsOf } from '../../platform/reasons.js';

const Instant = Type.String({ format: 'date-time' });

/** Why a bargain, a help or a bargain's order is refused: each a name the web words. */
export const bargainReasons = defineReasons({
  bargain_already_open: {
    code: 'conflict',
    params: Type.Object({ bargainId: Type.String() }),
    description: 'The person already has an open bargain on this campaign (`bargainId`): share that one.',
  },
  bargain_campaign_closed: {
    code: 'conflict',
    params: Type.Object({ campaignId: Type.String() }),
    description:
      'The campaign takes no new bargains: the operator closed it, or its variant is off sale or priced at the floor.',
  },
  bargain_own: {
    code: 'business_rule',
    description: 'The starter of a bargain cannot help it: their friends do.',
  },
  bargain_already_helped: {
    code: 'conflict',
    params: Type.Object({ bargainId: Type.String() }),
    description: 'This person has helped this bargain already: each friend helps once.',
  },
  bargain_finished: {
    code: 'conflict',
    params: Type.Object({
      bargainId: Type.String(),
      status: Type.String({ description: '`succeeded`, `expired`, or `ordered`' }),
    }),
    description:
      'The bargain takes no more help: it reached its floor (`succeeded`), its time ran out (`expired`), or its starter bought at the price it reached (`ordered`).',
  },
  bargain_expired: {
    code: 'conflict',
    params: Type.Object({ bargainId: Type.String(), expiresAt: Instant }),
    description: 'The bargain’s time ran out at `expiresAt`: its price can no longer be bought.',
  },
  bargain_already_ordered: {
    code: 'conflict',
    params: Type.Object({ bargainId: Type.String() }),
    description:
      'The bargain was bought already (an order that is paid or being paid); a cancelled order frees it.',
  },
  bargain_not_yours: {
    code: 'business_rule',
    description: 'Only the starter of a bargain may buy at its price.',
  },
  bargain_single_item: {
    code: 'invalid_input',
    params: Type.Object({ variantId: Type.String() }),
    description: 'A bargain’s order holds exactly one unit of its variant (`variantId`).',
  },
});

export const refuse = refusalsOf(bargainReasons);
