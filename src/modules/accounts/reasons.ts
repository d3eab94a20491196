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
  account_disabled: {
    code: 'forbidden',
    description: 'The account was disabled by the shop: it cannot sign in. Contact support.',
  },
  cannot_disable_self: {
    code: 'business_rule',
    description: 'An operator cannot disable their own account.',
  },
  cannot_revoke_own_admin: {
    code: 'business_rule',
    description: 'An administrator cannot take away their own admin role; another administrator can.',
  },
  staff_account_admin_only: {
    code: 'forbidden',
    description: 'Only an administrator disables or re-enables the account of an administrator or operator.',
  },
  reset_link_invalid: {
    code: 'business_rule',
    description: 'The password-reset link is unknown, was already used, or has expired: ask for a new one.',
  },
});

export const refuse = refusalsOf(accountsReasons);
