import { createHash } from 'node:crypto';
import { addMs, type Clock, days } from '../../platform/clock.js';
import type { Database, Queryable, Tx } from '../../platform/db.js';
import { AppError, invalidInput, notFound } from '../../platform/errors.js';
import type { AuthUser } from '../../platform/http/auth.js';
import { decodeTimeCursor, type Page, toPage } from '../../platform/http/pagination.js';
import { SESSION_DAYS } from '../../platform/http/session.js';
import { newId, randomCode, randomToken } from '../../platform/ids.js';
import { securityRefusal } from '../../platform/security-reasons.js';
import type { PasswordHasher } from './passwords.js';
import * as q from './queries.js';
import { refuse } from './reasons.js';
import {
  afterFailure,
  type Language,
  type LoginFailures,
  type LoginLimit,
  lockedUntil,
  mayChangeAccountOf,
  normalizeEmail,
  RESET_LINK_MINUTES,
  RESET_REQUESTS_PER_HOUR,
  type Role,
  resetUsable,
  selfChangeRefusal,
  weakPassword,
  withoutRole,
  withRole,
} from './rules.js';
import type { AccountAdminView, PublicUser } from './schemas.js';
import { createSessionCache } from './session-cache.js';

export type { PublicUser };

export interface Session {
  user: PublicUser;
  token: string;
}

const SESSION_TTL = days(SESSION_DAYS);

const presentUser = (row: q.UserRow): PublicUser => ({
  id: row.id,
  email: row.email,
  name: row.name,
  roles: row.roles,
  inviteCode: row.invite_code,
  invitedBy: row.invited_by,
  language: row.language,
  createdAt: row.created_at.toISOString(),
});

const presentAccount = (row: q.UserRow): AccountAdminView => ({
  ...presentUser(row),
  disabledAt: row.disabled_at?.toISOString() ?? null,
});

/** What accounts needs to send a password-reset link: the notifications module's email adapter. */
export type ResetMail = (mail: {
  to: string;
  name: string;
  language: Language;
  link: string;
  minutes: number;
}) => Promise<void>;

/** Who does an operator's action on an account: the signed-in staff member. */
export interface Actor {
  id: string;
  roles: readonly string[];
}

export interface PeopleFilter {
  q?: string;
  /** People another module found for `q` (e.g. by the phone of an address or an order). */
  alsoIds?: readonly string[];
  role?: Role;
  signedUpFrom?: Date;
  /** Exclusive. */
  signedUpBefore?: Date;
  onlyIds?: readonly string[];
  cursor?: string;
  limit: number;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

const failuresOf = (
  row: { failures: number; window_start: Date; locked_until: Date | null } | undefined,
): LoginFailures | undefined =>
  row && { failures: row.failures, windowStart: row.window_start, lockedUntil: row.locked_until };

/** The refusal of a locked account: when to come back, and what to do meanwhile. */
function accountLocked(until: Date, now: Date): AppError {
  const retryAfterSeconds = Math.max(0, Math.ceil((until.getTime() - now.getTime()) / 1000));
  return refuse(
    'account_locked',
    { retryAfterSeconds, lockedUntil: until.toISOString() },
    `Too many failed sign-ins for this account. Try again after ${until.toISOString()}, ` +
      'or reset your password by email ("Forgot password").',
  );
}

export function createAccountsService(deps: {
  db: Database;
  clock: Clock;
  passwords: PasswordHasher;
  /** Wrong passwords one account takes before it locks; undefined (RATE_LIMITS=off) for no limit. */
  loginLimit?: LoginLimit;
  /** Sends a reset link; absent, reset requests are accepted and no email goes out. */
  resetMail?: ResetMail;
  /** A reset email that failed to go out (it is sent after the answer, so nobody waits on it). */
  onResetMailFailed?: (error: unknown) => void;
  /** Told of each sign-up, with the device it came from (the analytics funnel); must not throw. */
  onSignedUp?: (signup: {
    userId: string;
    invitedBy: string | null;
    deviceId: string | null;
  }) => Promise<void>;
}) {
  const { db, clock, passwords, loginLimit } = deps;
  const sessions = createSessionCache({ db, clock });
  // Compared against when the email is unknown, so a miss takes as long as a wrong password.
  const dummyHash = passwords.hash('not-a-real-password');

  async function openSession(user: q.UserRow): Promise<Session> {
    const token = randomToken();
    const now = clock.now();
    await q.insertSession(db, {
      id: newId(),
      tokenHash: hashToken(token),
      userId: user.id,
      createdAt: now,
      expiresAt: addMs(now, SESSION_TTL),
    });
    return { user: presentUser(user), token };
  }

  interface NewAccount {
    email: string;
    password: string;
    name: string;
    inviteCode?: string;
    roles?: Role[];
    language?: Language;
  }

  /**
   * Sign-up: refuses a common password or one equal to the email, then opens the account.
   * `deviceId`: the device cookie a share link's redirect set, which carries the visit to sign-up.
   */
  async function register(input: NewAccount & { deviceId?: string }): Promise<Session> {
    refuseWeak(input.password, input.email);
    const user = await insertAccount(input);
    await deps.onSignedUp?.({
      userId: user.id,
      invitedBy: user.invited_by,
      deviceId: input.deviceId ?? null,
    });
    return openSession(user);
  }

  /** The password policy beyond length (the route's schema checks that). */
  function refuseWeak(password: string, email: string): void {
    const weak = weakPassword(password, email);
    if (weak) {
      const message =
        weak === 'password_too_common'
          ? 'is one of the most common passwords; choose one that is harder to guess'
          : 'must not be your email address or the part before the @';
      throw securityRefusal(weak, 'Choose a password that is harder to guess', [
        { path: '/password', message, rule: weak },
      ]);
    }
  }

  /** Without the password policy: for the operator's ADMIN_PASSWORD, the operator's own choice. */
  async function createAccount(input: NewAccount): Promise<Session> {
    return openSession(await insertAccount(input));
  }

  async function insertAccount(input: NewAccount): Promise<q.UserRow> {
    const email = normalizeEmail(input.email);
    let invitedBy: string | null = null;
    if (input.inviteCode) {
      const inviter = await q.findUserByInviteCode(db, input.inviteCode.trim().toUpperCase());
      if (!inviter) throw invalidInput('/inviteCode', 'is not an invite code of anyone here', 'unknown');
      invitedBy = inviter.id;
    }
    const user = await q.insertUser(db, {
      id: newId(),
      email,
      name: input.name.trim(),
      password_hash: await passwords.hash(input.password),
      roles: input.roles ?? [],
      invite_code: randomCode(8),
      invited_by: invitedBy,
      language: input.language ?? 'en',
      created_at: clock.now(),
    });
    if (!user) throw refuse('email_taken', undefined, 'An account with this email already exists');
    return user;
  }

  async function login(input: { email: string; password: string }): Promise<Session> {
    const user = await q.findUserByEmail(db, normalizeEmail(input.email));
    if (user && loginLimit) {
      // A locked account refuses even the right password: otherwise the lock would only slow
      // guessing down, since a guesser could keep trying and learn the password from a 200.
      const now = clock.now();
      const until = lockedUntil(failuresOf(await q.findLoginFailures(db, user.id)), now);
      if (until) throw accountLocked(until, now);
    }
    const ok = await passwords.verify(user?.password_hash ?? (await dummyHash), input.password);
    if (!user || !ok) {
      if (user && loginLimit) await countFailure(user.id, loginLimit);
      throw refuse('invalid_credentials', undefined, 'Wrong email or password');
    }
    if (loginLimit) await q.clearLoginFailures(db, user.id);
    // Said only to whoever knows the password: a stranger cannot probe which accounts are disabled.
    if (user.disabled_at) {
      throw refuse('account_disabled', undefined, 'This account is disabled. Contact support.');
    }
    return openSession(user);
  }

  /** Counts a wrong password against the account; reaching the limit locks the next attempts. */
  async function countFailure(userId: string, limit: LoginLimit): Promise<void> {
    await db.transaction(async (tx) => {
      const now = clock.now();
      const state = failuresOf(await q.lockLoginFailures(tx, userId, now));
      await q.saveLoginFailures(tx, userId, afterFailure(state?.failures ? state : undefined, now, limit));
    });
  }

  async function authenticate(token: string): Promise<AuthUser | null> {
    const tokenHash = hashToken(token);
    return sessions.lookup(tokenHash, async () => {
      const row = await q.findLiveSession(db, tokenHash, clock.now());
      if (!row) return undefined;
      const { id, email, name, roles } = row;
      return { user: { id, email, name, roles, sessionId: row.session_id }, expiresAt: row.expires_at };
    });
  }

  async function logout(sessionId: string): Promise<void> {
    const userId = await q.revokeSession(db, sessionId, clock.now());
    if (userId) sessions.changing(userId);
  }

  /** `conn`: the caller's transaction, when it reads a user inside one (e.g. fraud checks on payment). */
  async function getUser(id: string, conn: Queryable): Promise<PublicUser> {
    const user = await q.findUserById(conn, id);
    if (!user) throw notFound('User');
    return presentUser(user);
  }

  /** The language someone reads: the web app's switch sets it, notifications and emails use it. */
  async function setLanguage(userId: string, language: Language): Promise<PublicUser> {
    const user = await q.setLanguage(db, userId, language);
    if (!user) throw notFound('User');
    return presentUser(user);
  }

  /** Who a notification goes to and in which language; `conn` may be a transaction. */
  async function recipient(conn: Queryable, userId: string) {
    const user = await q.findUserById(conn, userId);
    return user ? { id: user.id, email: user.email, name: user.name, language: user.language } : undefined;
  }

  /** Grants a role inside the caller's transaction (a decision recorded with it, e.g. an approval). */
  async function grantRoleIn(tx: Tx, userId: string, role: Role): Promise<PublicUser> {
    const rows = await tx.query<q.UserRow>('SELECT * FROM users WHERE id = $1 FOR NO KEY UPDATE', [userId]);
    const user = rows[0];
    if (!user) throw notFound('User');
    sessions.changing(userId);
    return presentUser((await q.setRoles(tx, userId, withRole(user.roles, role))) ?? user);
  }

  const grantRole = (userId: string, role: Role): Promise<PublicUser> =>
    db.transaction((tx) => grantRoleIn(tx, userId, role));

  /** The operator's account from ADMIN_EMAIL/ADMIN_PASSWORD: created if missing, made admin if not. */
  async function ensureAdmin(email: string, password: string): Promise<PublicUser> {
    const existing = await q.findUserByEmail(db, normalizeEmail(email));
    if (existing) return grantRole(existing.id, 'admin');
    try {
      return (await createAccount({ email, password, name: 'Administrator', roles: ['admin'] })).user;
    } catch (error) {
      // Another process created it between our read and insert.
      if (error instanceof AppError && error.code === 'conflict') return ensureAdmin(email, password);
      throw error;
    }
  }

  /** The (at most 3-level) inviter chain above a user, nearest first; loops are impossible by construction. */
  /** Who invited `userId`, who invited them, … up to `depth` people; `conn` may be a transaction. */
  async function inviterChain(userId: string, depth: number, conn: Queryable): Promise<string[]> {
    if (depth < 1) return [];
    const rows = await conn.query<{ id: string; level: number }>(
      `WITH RECURSIVE chain(id, level) AS (
         SELECT invited_by, 1 FROM users WHERE id = $1 AND invited_by IS NOT NULL
         UNION ALL
         SELECT u.invited_by, c.level + 1 FROM chain c JOIN users u ON u.id = c.id
         WHERE u.invited_by IS NOT NULL AND c.level < $2)
       SELECT id, level FROM chain ORDER BY level`,
      [userId, depth],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Names of people by id, for other modules' lists (a buyer's name on an order, a member of a
   * group): they ask here instead of joining `users`. Unknown ids are absent from the map.
   */
  async function namesOf(conn: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
    const contacts = await contactsOf(conn, ids);
    return new Map([...contacts].map(([id, contact]) => [id, contact.name]));
  }

  /** Everyone holding `role`, with when their account was opened (for other modules' recurring jobs). */
  async function roleHolders(conn: Queryable, role: Role): Promise<{ id: string; createdAt: Date }[]> {
    return (await q.roleHolders(conn, role)).map((r) => ({ id: r.id, createdAt: r.created_at }));
  }

  /** Name and email by id, for the operator's views that need to reach a person. */
  async function contactsOf(
    conn: Queryable,
    ids: readonly string[],
  ): Promise<Map<string, { name: string; email: string }>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows = await q.contactsByIds(conn, unique);
    return new Map(rows.map((row) => [row.id, { name: row.name, email: row.email }]));
  }

  /** Ids of people whose email or name contains `text`, for an operator's search (at most `limit`). */
  const idsMatching = (conn: Queryable, text: string, limit = 500) => q.idsMatching(conn, text, limit);
  /**
   * The people `inviterId` invited (their level 2 in distribution's team view), newest first, with
   * how many each invited in turn: for other modules, instead of reading `users.invited_by`.
   */
  async function inviteesOf(conn: Queryable, inviterId: string, page: { offset: number; limit: number }) {
    const rows = await q.inviteesPage(conn, inviterId, page.offset, page.limit);
    return rows.map((r) => ({ id: r.id, name: r.name, joinedAt: r.created_at, invited: r.invited }));
  }

  /**
   * Who each of `inviterIds` invited (at most `limit` pairs), for the structure module's walk down
   * a team, one level per call.
   */
  async function inviteesAmong(conn: Queryable, inviterIds: readonly string[], limit: number) {
    if (inviterIds.length === 0) return [];
    const rows = await conn.query<{ invited_by: string; id: string }>(
      'SELECT invited_by, id FROM users WHERE invited_by = ANY($1) ORDER BY id LIMIT $2',
      [[...new Set(inviterIds)], limit],
    );
    return rows.map((r) => ({ inviterId: r.invited_by, userId: r.id }));
  }

  /** A person's account read on its own, outside any transaction (a route's single look-up). */
  const profile = (id: string) => getUser(id, db);

  async function lockedAccount(tx: Tx, userId: string): Promise<q.UserRow> {
    const user = await q.lockUser(tx, userId);
    if (!user) throw notFound('User');
    return user;
  }

  function refuseUnlessMayChange(actor: Actor, user: q.UserRow): void {
    if (!mayChangeAccountOf(actor.roles, user.roles)) {
      throw refuse('staff_account_admin_only', undefined, 'Only an administrator can change a staff account');
    }
  }

  /**
   * An operator disables an account: every session ends in this transaction, sign-in is refused
   * (`account_disabled`) and distribution earns them nothing new. Disabling twice changes nothing.
   * Returns the account before and after, for whoever records the change.
   */
  async function disableAccount(tx: Tx, actor: Actor, userId: string) {
    const refusal = selfChangeRefusal({ kind: 'disable' }, actor.id, userId);
    if (refusal) throw refuse(refusal, undefined, 'You cannot disable your own account');
    const before = await lockedAccount(tx, userId);
    refuseUnlessMayChange(actor, before);
    const now = clock.now();
    sessions.changing(userId);
    const after = before.disabled_at ? before : ((await q.setDisabled(tx, userId, now, actor.id)) ?? before);
    await q.revokeSessionsOf(tx, userId, now);
    return { before: presentAccount(before), after: presentAccount(after) };
  }

  /** Re-enables a disabled account: it signs in again (its old sessions stay ended). */
  async function enableAccount(tx: Tx, actor: Actor, userId: string) {
    const before = await lockedAccount(tx, userId);
    refuseUnlessMayChange(actor, before);
    const after = before.disabled_at ? ((await q.setDisabled(tx, userId, null, null)) ?? before) : before;
    return { before: presentAccount(before), after: presentAccount(after) };
  }

  /** An operator grants a role; granting one the person has changes nothing. */
  async function grantRoleBy(tx: Tx, _actor: Actor, userId: string, role: Role) {
    const before = await lockedAccount(tx, userId);
    sessions.changing(userId);
    const after = (await q.setRoles(tx, userId, withRole(before.roles, role))) ?? before;
    return { before: presentAccount(before), after: presentAccount(after) };
  }

  /** An operator revokes a role; nobody revokes their own admin role (the shop keeps its acting admin). */
  async function revokeRoleBy(tx: Tx, actor: Actor, userId: string, role: Role) {
    const refusal = selfChangeRefusal({ kind: 'revoke', role }, actor.id, userId);
    if (refusal) throw refuse(refusal, undefined, 'You cannot take away your own admin role');
    const before = await lockedAccount(tx, userId);
    sessions.changing(userId);
    const after = (await q.setRoles(tx, userId, withoutRole(before.roles, role))) ?? before;
    return { before: presentAccount(before), after: presentAccount(after) };
  }

  /** The ids among `ids` of disabled accounts: distribution pays them nothing new. */
  const disabledAmong = async (conn: Queryable, ids: readonly string[]): Promise<Set<string>> =>
    new Set(ids.length === 0 ? [] : await q.disabledAmong(conn, [...new Set(ids)]));

  /** The console's people list, newest sign-up first. */
  async function searchPeople(conn: Queryable, filter: PeopleFilter): Promise<Page<AccountAdminView>> {
    const rows = await q.searchUsers(conn, {
      text: filter.q,
      alsoIds: filter.alsoIds,
      role: filter.role,
      from: filter.signedUpFrom,
      before: filter.signedUpBefore,
      onlyIds: filter.onlyIds,
      after: decodeTimeCursor(filter.cursor),
      limit: filter.limit,
    });
    return toPage(rows, filter.limit, (r) => [r.created_at.toISOString(), r.id], presentAccount);
  }

  async function account(conn: Queryable, userId: string): Promise<AccountAdminView> {
    const user = await q.findUserById(conn, userId);
    if (!user) throw notFound('User');
    return presentAccount(user);
  }

  /**
   * "Forgot password": when `email` is an enabled account's (and it has not asked too often this
   * hour), a single-use link valid for RESET_LINK_MINUTES is emailed. The caller always answers
   * the same (202), and the email goes out after this returns, so neither the answer nor its time
   * tells whether the email has an account.
   */
  async function requestPasswordReset(email: string, baseUrl: string): Promise<void> {
    const user = await q.findUserByEmail(db, normalizeEmail(email));
    if (!user || user.disabled_at) return;
    const now = clock.now();
    const token = randomToken();
    const created = await db.transaction(async (tx) => {
      await q.lockUser(tx, user.id); // one count per account at a time
      if ((await q.countResetsSince(tx, user.id, addMs(now, -3_600_000))) >= RESET_REQUESTS_PER_HOUR) {
        return false;
      }
      await q.insertPasswordReset(tx, {
        tokenHash: hashToken(token),
        userId: user.id,
        createdAt: now,
        expiresAt: addMs(now, RESET_LINK_MINUTES * 60_000),
      });
      return true;
    });
    if (!created || !deps.resetMail) return;
    const link = `${baseUrl.replace(/\/$/, '')}/reset-password?token=${encodeURIComponent(token)}`;
    deps
      .resetMail({
        to: user.email,
        name: user.name,
        language: user.language,
        link,
        minutes: RESET_LINK_MINUTES,
      })
      .catch((error) => deps.onResetMailFailed?.(error));
  }

  /**
   * Sets a new password from a reset link, under the sign-up password policy: the link (and every
   * other open link of the account) is spent, every session ends, and failed sign-ins are forgiven.
   */
  async function resetPassword(token: string, password: string): Promise<void> {
    const hash = await passwords.hash(password);
    await db.transaction(async (tx) => {
      const reset = await q.lockPasswordReset(tx, hashToken(token));
      const now = clock.now();
      if (!reset || !resetUsable({ expiresAt: reset.expires_at, usedAt: reset.used_at }, now)) {
        throw refuse('reset_link_invalid', undefined, 'This reset link is invalid or has expired');
      }
      const user = await lockedAccount(tx, reset.user_id);
      if (user.disabled_at) throw refuse('reset_link_invalid', undefined, 'This reset link is invalid');
      refuseWeak(password, user.email);
      await q.setPassword(tx, user.id, hash);
      await q.spendPasswordResets(tx, user.id, now);
      sessions.changing(user.id);
      await q.revokeSessionsOf(tx, user.id, now);
      await q.clearLoginFailures(tx, user.id);
    });
  }

  return {
    /** Every account and who invited it (read-only, for the incentive simulator's shop graph). */
    withInviters: () => q.accountsWithInviter(db),
    profile,
    namesOf,
    contactsOf,
    idsMatching,
    inviteesOf,
    register,
    login,
    authenticate,
    logout,
    /** Stops hearing session changes (the server is closing). */
    close: () => sessions.close(),
    getUser,
    setLanguage,
    recipient,
    grantRole,
    grantRoleIn,
    roleHolders,
    ensureAdmin,
    disableAccount,
    enableAccount,
    grantRoleBy,
    revokeRoleBy,
    disabledAmong,
    searchPeople,
    account,
    requestPasswordReset,
    resetPassword,
    inviterChain,
    inviteesAmong,
  };
}

export type AccountsService = ReturnType<typeof createAccountsService>;
