import { COMMON_PASSWORDS } from './common-passwords.js';

/** Pure account rules: what a valid email and password look like, and how emails compare. */

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 200;

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export type WeakPassword = 'password_too_common' | 'password_is_email';

/**
 * Why a new password is refused beyond its length, or undefined when it is fine: one of the most
 * common passwords, or the account's own email or the part before its @ (the first things a
 * guesser tries). Compared case-insensitively and without surrounding spaces, so "Password1 "
 * counts as "password1".
 */
export function weakPassword(password: string, email: string): WeakPassword | undefined {
  const candidate = password.trim().toLowerCase();
  if (COMMON_PASSWORDS.has(candidate)) return 'password_too_common';
  const address = normalizeEmail(email);
  const local = address.split('@')[0] ?? '';
  if (candidate === address || (local.length > 0 && candidate === local)) return 'password_is_email';
  return undefined;
}

/**
 * `operator` is support staff: the console's orders, after-sales, shipping and people, without
 * settings, prices, roles or payouts (which routes each role reaches: src/platform/http/admin-access.ts).
 */
export const ROLES = ['admin', 'operator', 'shopkeeper', 'leader'] as const;
export type Role = (typeof ROLES)[number];

export const withRole = (roles: readonly string[], role: Role): string[] =>
  roles.includes(role) ? [...roles] : [...roles, role];

export const withoutRole = (roles: readonly string[], role: Role): string[] =>
  roles.filter((r) => r !== role);

/**
 * Why an operator may not make this change to an account, or undefined when they may: nobody
 * disables themselves or takes away their own admin role, so the shop always keeps the admin
 * who is acting (and nobody locks themselves out by a slip of the thumb).
 */
export function selfChangeRefusal(
  change: { kind: 'disable' } | { kind: 'revoke'; role: Role },
  actorId: string,
  userId: string,
): 'cannot_disable_self' | 'cannot_revoke_own_admin' | undefined {
  if (actorId !== userId) return undefined;
  if (change.kind === 'disable') return 'cannot_disable_self';
  return change.role === 'admin' ? 'cannot_revoke_own_admin' : undefined;
}

/** Staff accounts (admin, operator) are disabled or re-enabled only by an admin, never by support staff. */
export const mayChangeAccountOf = (actorRoles: readonly string[], targetRoles: readonly string[]): boolean =>
  actorRoles.includes('admin') || !targetRoles.some((r) => r === 'admin' || r === 'operator');

/** How long an emailed password-reset link works, and how many one account may ask for an hour. */
export const RESET_LINK_MINUTES = 60;
export const RESET_REQUESTS_PER_HOUR = 5;

/** Whether a reset link's row still resets: never used, and not expired. */
export const resetUsable = (reset: { expiresAt: Date; usedAt: Date | null }, now: Date): boolean =>
  reset.usedAt === null && reset.expiresAt.getTime() > now.getTime();

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

/** The languages Fission speaks: the web app's, the notifications' and the emails'. */
export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * The language to use for someone who has not chosen one, from an `Accept-Language` header:
 * the supported language the browser ranks highest (any `zh…` reads Simplified Chinese, any
 * `en…` English), English when it names neither.
 */
export function languageFromHeader(header: string | undefined): Language {
  let best: { language: Language; q: number } | undefined;
  for (const part of (header ?? '').split(',').slice(0, 20)) {
    const [tag = '', ...params] = part.trim().toLowerCase().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    if (!Number.isFinite(q) || q <= 0) continue;
    const language: Language | undefined =
      tag === 'zh' || tag.startsWith('zh-')
        ? 'zh-CN'
        : tag === 'en' || tag.startsWith('en-')
          ? 'en'
          : undefined;
    if (language && (!best || q > best.q)) best = { language, q };
  }
  return best?.language ?? 'en';
}
