import { defineReasons, refusalsOf } from '../../platform/reasons.js';

/** Why the posts module refuses: each a name the web words. */
export const postsReasons = defineReasons({
  posts_follow_self: {
    code: 'business_rule',
    description: 'A person cannot follow themselves (422).',
  },
});

export const refuse = refusalsOf(postsReasons);
