import { Type } from 'typebox';
import { Nullable } from '../../platform/http/schemas.js';
import { defineReasons, refusalsOf } from '../../platform/reasons.js';

const Instant = Type.String({ format: 'date-time' });

/** Why group buying refuses a request: each a name the web words, with the numbers it needs. */
export const groupBuyReasons = defineReasons({
  group_full: {
    code: 'conflict',
    params: Type.Object({ groupId: Type.String(), groupSize: Type.Integer() }),
    description: 'Every seat of the group is paid for or being paid for; open a new group or join another.',
  },
  group_closed: {
    code: 'conflict',
    params: Type.Object({
      groupId: Type.String(),
      status: Type.Union([Type.Literal('succeeded'), Type.Literal('failed')]),
    }),
    description: 'The group has already been decided (succeeded or failed) and takes no one else.',
  },
  group_expired: {
    code: 'conflict',
    params: Type.Object({ groupId: Type.String(), expiresAt: Instant }),
    description: 'The group ran out of time; it is failed by the next expiry pass.',
  },
  already_group_member: {
    code: 'conflict',
    params: Type.Object({ groupId: Type.String() }),
    description: 'The buyer already holds a live seat (paying or paid) in this group.',
  },
  campaign_not_running: {
    code: 'conflict',
    params: Type.Object({
      campaignId: Type.String(),
      status: Type.Union([Type.Literal('active'), Type.Literal('closed')]),
      startsAt: Nullable(Instant),
      endsAt: Nullable(Instant),
    }),
    description: 'The campaign is closed, or outside its window: no new group can be opened in it.',
  },
  group_buy_single_item: {
    code: 'invalid_input',
    params: Type.Object({ variantId: Type.String() }),
    description: "A group-buy order holds exactly one line, the campaign's variant (`variantId`).",
  },
  group_buy_limit_reached: {
    code: 'business_rule',
    params: Type.Object({ perUserLimit: Type.Integer(), remaining: Type.Integer({ minimum: 0 }) }),
    description: 'The campaign allows `perUserLimit` units per person; the buyer may add `remaining` more.',
  },
  group_not_completable: {
    code: 'conflict',
    params: Type.Object({ groupId: Type.String(), groupSize: Type.Integer(), paidMembers: Type.Integer() }),
    description:
      'The operator may complete only an open group, before its deadline, with paid members and at most a fifth of its seats missing.',
  },
  community_pickup_required: {
    code: 'business_rule',
    params: Type.Object({ communityId: Type.String() }),
    description:
      'The campaign is for one community (`communityId`): its orders are collected at that community’s ' +
      'pickup point, so the order needs `pickup: { communityId }` (and the buyer must be a member).',
  },
  group_price_requires_group: {
    code: 'invalid_input',
    params: Type.Object({ campaignId: Type.String(), groupId: Type.String() }),
    description: 'The group named for a member price is not a group of this campaign.',
  },
});

export const refuse = refusalsOf(groupBuyReasons);
