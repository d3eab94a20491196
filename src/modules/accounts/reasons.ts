import { Type } from 'typebox';
import { defineReasons, refusalsOf } from '../../platform/reasons.js';

/** Why sign-up and sign-in refuse. An unknown invite code is a field error (`/inviteCode`, rule `unknown`). */
export const accountsReasons = defineReasons({
  email_taken: {
    code: 'conflict',
    description: 'An account with this email already exists: sign in instead.',
  },
  invalid_credentials: {
    code: 'unauthorized',
    description: 'Wrong email or password.',
  },
  account_locked: {
    code: 'rate_limited',
    params: Type.Object({
      retryAfterSeconds: Type.Integer({ minimum: 0 }),
      lockedUntil: Type.String({ format: 'date-time' }),
    }),
    description: 'Too many wrong passwords for this account: sign-in is refused until `lockedUntil`.',
  },
});

export const refuse = refusalsOf(accountsReasons);
