import { Type } from 'typebox';
import { defineReasons, refusalsOf } from '../../platform/reasons.js';
import { TargetType } from './schemas.js';

/** Why sharing refuses a request: the closed set the web words in the reader's language. */
export const sharingReasons = defineReasons({
  share_link_not_found: {
    code: 'not_found',
    params: Type.Object({ code: Type.String() }),
    description: 'No share link has this code (someone else’s link counts as none for its stats).',
  },
  share_target_not_found: {
    code: 'not_found',
    params: Type.Object({ targetType: TargetType, targetId: Type.String() }),
    description: 'The product, store or group to share does not exist (or no longer does).',
  },
  share_target_not_shareable: {
    code: 'business_rule',
    params: Type.Object({ targetType: TargetType }),
    description: 'Things of this kind cannot be shared (yet).',
  },
  share_target_one_required: {
    code: 'invalid_input',
    params: Type.Object({ named: Type.Integer({ minimum: 0 }) }),
    description: 'A link points at exactly one thing: name one of productId, storeId, groupId or postId.',
  },
  share_links_rate_limited: {
    code: 'rate_limited',
    params: Type.Object({ retryAfterSeconds: Type.Integer({ minimum: 0 }), max: Type.Integer() }),
    description: 'Too many share links made in a minute; try again after the given seconds.',
  },
});

export const refuse = refusalsOf(sharingReasons);
