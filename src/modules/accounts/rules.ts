/** Pure account rules: what a valid email and password look like, and how emails compare. */

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 200;

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export const ROLES = ['admin', 'shopkeeper', 'leader'] as const;
export type Role = (typeof ROLES)[number];

export const withRole = (roles: readonly string[], role: Role): string[] =>
  roles.includes(role) ? [...roles] : [...roles, role];

/** How many wrong passwords one account takes, from any number of addresses, before it locks. */
export interface LoginLimit {
  maxFailures: number;
  windowMs: number;
}

export const LOGIN_LIMIT: LoginLimit = { maxFailures: 5, windowMs: 15 * 60_000 };

export interface LoginFailures {
  failures: number;
  windowStart: Date;
  lockedUntil: Date | null;
}

/** Until when an account refuses sign-ins, or null when it takes them now. */
export const lockedUntil = (state: LoginFailures | undefined, now: Date): Date | null =>
  state?.lockedUntil && state.lockedUntil.getTime() > now.getTime() ? state.lockedUntil : null;

/**
 * The count after one more wrong password. Failures are counted in a fixed window that starts at
 * the first failure; the failure that reaches the limit locks the account for one window from
 * then, so the attempts after it are refused.
 */
export function afterFailure(state: LoginFailures | undefined, now: Date, limit: LoginLimit): LoginFailures {
  const fresh = !state || now.getTime() - state.windowStart.getTime() >= limit.windowMs;
  const failures = fresh ? 1 : state.failures + 1;
  return {
    failures,
    windowStart: fresh ? now : state.windowStart,
    lockedUntil: failures >= limit.maxFailures ? new Date(now.getTime() + limit.windowMs) : null,
  };
}
