import { Type } from 'typebox';
import { defineReasons, refusalsOf } from '../../platform/reasons.js';

/**
 * Why communities refuse. Another community's objects (a leader who is not theirs, a code of another
 * pickup point) are 404 `not_found`, as if they did not exist.
 */
export const communitiesReasons = defineReasons({
  leader_required: {
    code: 'forbidden',
    description: 'Only a community leader may open a community: become one first.',
  },
  leader_approval_pending: {
    code: 'forbidden',
    description: 'The application to become a community leader waits for the operator’s approval.',
  },
  community_membership_required: {
    code: 'business_rule',
    params: Type.Object({ communityId: Type.String() }),
    description: 'Only a member of the community collects at its pickup point: join it first.',
  },
  already_collected: {
    code: 'conflict',
    params: Type.Object({ orderId: Type.String(), collectedAt: Type.String() }),
    description: 'This pickup code was used already: the order was handed over at `collectedAt`.',
  },
  pickup_not_collectable: {
    code: 'conflict',
    params: Type.Object({
      orderId: Type.String(),
      status: Type.Union([Type.Literal('returned'), Type.Literal('closed')]),
    }),
    description:
      'The order is no longer waiting at the pickup point: it was returned to the platform (not collected in ' +
      'time) or refunded.',
  },
  helper_is_leader: {
    code: 'business_rule',
    description: 'The leader hands orders out already; a helper is someone else.',
  },
  helper_not_member: {
    code: 'business_rule',
    params: Type.Object({ userId: Type.String() }),
    description: 'A helper is a member of the community: the person must join it first.',
  },
});

export type CommunitiesReason = keyof typeof communitiesReasons;
export const refuse = refusalsOf(communitiesReasons);
