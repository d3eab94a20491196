import { Type } from 'typebox';
import { defineReasons, refusalsOf } from '../../platform/reasons.js';

/** Why moderation refuses. An unknown item, person or ban is a plain 404. */
export const moderationReasons = defineReasons({
  posting_banned: {
    code: 'forbidden',
    params: Type.Object({
      until: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
        description: 'When the ban ends; null until an operator lifts it.',
      }),
    }),
    description: 'An operator banned the person from posting (posts, comments, chat, reviews) until `until`.',
  },
});

export const refuse = refusalsOf(moderationReasons);
