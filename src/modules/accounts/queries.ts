import type { Queryable } from '../../platform/db.js';
import type { Language } from './rules.js';

export interface UserRow {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  roles: string[];
  invite_code: string;
  invited_by: string | null;
  language: Language;
  created_at: Date;
  disabled_at: Date | null;
  disabled_by: string | null;
}

export const findUserByEmail = async (db: Queryable, email: string) =>
  (await db.query<UserRow>('SELECT * FROM users WHERE lower(email) = $1', [email]))[0];

export const findUserById = async (db: Queryable, id: string) =>
  (await db.query<UserRow>('SELECT * FROM users WHERE id = $1', [id]))[0];

export const findUserByInviteCode = async (db: Queryable, code: string) =>
  (await db.query<UserRow>('SELECT * FROM users WHERE invite_code = $1', [code]))[0];

/** Inserts a user unless the email is taken; returns undefined on a duplicate email. */
export async function insertUser(db: Queryable, user: Omit<UserRow, 'disabled_at' | 'disabled_by'>) {
  const rows = await db.query<UserRow>(
    `INSERT INTO users (id, email, name, password_hash, roles, invite_code, invited_by, created_at, language)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT ((lower(email))) DO NOTHING RETURNING *`,
    [
      user.id,
      user.email,
      user.name,
      user.password_hash,
      user.roles,
      user.invite_code,
      user.invited_by,
      user.created_at,
      user.language,
    ],
  );
  return rows[0];
}

export const setLanguage = async (db: Queryable, id: string, language: Language) =>
  (await db.query<UserRow>('UPDATE users SET language = $2 WHERE id = $1 RETURNING *', [id, language]))[0];

/**
 * Channel of every change to who a session authenticates (revoked, roles, disabled), sent in the
 * changing statement itself: each process's session cache forgets the person when it commits.
 */
export const AUTH_CHANNEL = 'fission_auth';

export const setRoles = async (db: Queryable, id: string, roles: string[]) =>
  (
    await db.query<UserRow>(
      `WITH u AS (UPDATE users SET roles = $2 WHERE id = $1 RETURNING *)
       SELECT u.*, pg_notify('${AUTH_CHANNEL}', u.id) AS notified FROM u`,
      [id, roles],
    )
  )[0];

export interface SessionUserRow {
  session_id: string;
  expires_at: Date;
  id: string;
  email: string;
  name: string;
  roles: string[];
}

export async function insertSession(
  db: Queryable,
  session: { id: string; tokenHash: string; userId: string; createdAt: Date; expiresAt: Date },
) {
  await db.query(
    'INSERT INTO sessions (id, token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)',
    [session.id, session.tokenHash, session.userId, session.createdAt, session.expiresAt],
  );
}

export const findLiveSession = async (db: Queryable, tokenHash: string, now: Date) =>
  (
    await db.query<SessionUserRow>(
      `SELECT s.id AS session_id, s.expires_at, u.id, u.email, u.name, u.roles
       FROM sessions s JOIN users u ON u.id = s.user_id
       WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2 AND u.disabled_at IS NULL`,
      [tokenHash, now],
    )
  )[0];

/** Ends one session; returns whose it was (undefined when it had ended already). */
export const revokeSession = async (db: Queryable, sessionId: string, now: Date) =>
  (
    await db.query<{ user_id: string }>(
      `WITH r AS (UPDATE sessions SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING user_id)
       SELECT user_id, pg_notify('${AUTH_CHANNEL}', user_id) AS notified FROM r`,
      [sessionId, now],
    )
  )[0]?.user_id;

export async function invitees(db: Queryable, inviterId: string) {
  return db.query<{ id: string; name: string; created_at: Date }>(
    'SELECT id, name, created_at FROM users WHERE invited_by = $1 ORDER BY id DESC LIMIT 200',
    [inviterId],
  );
}

export const findLoginFailures = async (db: Queryable, userId: string) =>
  (
    await db.query<{ failures: number; window_start: Date; locked_until: Date | null }>(
      'SELECT failures, window_start, locked_until FROM login_failures WHERE user_id = $1',
      [userId],
    )
  )[0];

/** Reads an account's failures locked (creating the row first), so two processes counting at once count both. */
export async function lockLoginFailures(db: Queryable, userId: string, now: Date) {
  await db.query(
    `INSERT INTO login_failures (user_id, failures, window_start) VALUES ($1, 0, $2)
     ON CONFLICT (user_id) DO NOTHING`,
    [userId, now],
  );
  return (
    await db.query<{ failures: number; window_start: Date; locked_until: Date | null }>(
      'SELECT failures, window_start, locked_until FROM login_failures WHERE user_id = $1 FOR NO KEY UPDATE',
      [userId],
    )
  )[0];
}

export async function saveLoginFailures(
  db: Queryable,
  userId: string,
  s: { failures: number; windowStart: Date; lockedUntil: Date | null },
) {
  await db.query(
    `INSERT INTO login_failures (user_id, failures, window_start, locked_until) VALUES ($1, $2, $3, $4)
     ON CONFLICT (user_id) DO UPDATE SET failures = $2, window_start = $3, locked_until = $4`,
    [userId, s.failures, s.windowStart, s.lockedUntil],
  );
}

export const clearLoginFailures = (db: Queryable, userId: string) =>
  db.query('DELETE FROM login_failures WHERE user_id = $1', [userId]);

/** Ids of people whose email or name contains `text` (case-insensitive), newest first. */
export const idsMatching = async (db: Queryable, text: string, limit: number) =>
  (
    await db.query<{ id: string }>(
      `SELECT id FROM users WHERE email ILIKE $1 OR name ILIKE $1 ORDER BY id DESC LIMIT $2`,
      [`%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`, limit],
    )
  ).map((row) => row.id);

export const contactsByIds = (db: Queryable, ids: readonly string[]) =>
  db.query<{ id: string; name: string; email: string }>(
    'SELECT id, name, email FROM users WHERE id = ANY($1::text[])',
    [ids],
  );

/** A page of the people `inviterId` invited, newest first, each with how many they invited in turn. */
export const inviteesPage = (db: Queryable, inviterId: string, offset: number, limit: number) =>
  db.query<{ id: string; name: string; created_at: Date; invited: number }>(
    `SELECT u.id, u.name, u.created_at, (SELECT count(*) FROM users i WHERE i.invited_by = u.id)::int AS invited
     FROM users u WHERE u.invited_by = $1 ORDER BY u.created_at DESC, u.id DESC OFFSET $2 LIMIT $3`,
    [inviterId, offset, limit],
  );

/** Everyone holding `role`, with when their account was opened. */
export const roleHolders = (conn: Queryable, role: string) =>
  conn.query<{ id: string; created_at: Date }>(
    'SELECT id, created_at FROM users WHERE $1 = ANY (roles) ORDER BY id',
    [role],
  );

export const lockUser = async (db: Queryable, id: string) =>
  (await db.query<UserRow>('SELECT * FROM users WHERE id = $1 FOR NO KEY UPDATE', [id]))[0];

export const setDisabled = async (db: Queryable, id: string, at: Date | null, by: string | null) =>
  (
    await db.query<UserRow>(
      `WITH u AS (UPDATE users SET disabled_at = $2, disabled_by = $3 WHERE id = $1 RETURNING *)
       SELECT u.*, pg_notify('${AUTH_CHANNEL}', u.id) AS notified FROM u`,
      [id, at, by],
    )
  )[0];

/** Ends every live session of a person at once (disabling them, or a password reset). */
export const revokeSessionsOf = (db: Queryable, userId: string, now: Date) =>
  db.query(
    `WITH r AS (UPDATE sessions SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL)
     SELECT pg_notify('${AUTH_CHANNEL}', $1)`,
    [userId, now],
  );

export const disabledAmong = async (db: Queryable, ids: readonly string[]) =>
  (
    await db.query<{ id: string }>(
      'SELECT id FROM users WHERE id = ANY($1::text[]) AND disabled_at IS NOT NULL',
      [ids],
    )
  ).map((row) => row.id);

export const setPassword = (db: Queryable, id: string, hash: string) =>
  db.query('UPDATE users SET password_hash = $2 WHERE id = $1', [id, hash]);

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export interface UserSearch {
  /** Contained in the email or the name, or (`alsoIds`) found by another module (a phone number). */
  text?: string;
  alsoIds?: readonly string[];
  role?: string;
  from?: Date;
  /** Exclusive: the day after the last day asked for. */
  before?: Date;
  /** Only these people (e.g. those who spent at least an amount), when given. */
  onlyIds?: readonly string[];
  after?: { at: string; id: string };
  limit: number;
}

/** A page of people, newest sign-up first, `limit + 1` rows so the caller knows whether more exist. */
export function searchUsers(db: Queryable, s: UserSearch) {
  const where: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (s.text !== undefined) {
    const like = param(likePattern(s.text));
    where.push(`(email ILIKE ${like} OR name ILIKE ${like} OR id = ANY(${param(s.alsoIds ?? [])}::text[]))`);
  }
  if (s.role !== undefined) where.push(`roles @> ARRAY[${param(s.role)}]::text[]`);
  if (s.from !== undefined) where.push(`created_at >= ${param(s.from)}`);
  if (s.before !== undefined) where.push(`created_at < ${param(s.before)}`);
  if (s.onlyIds !== undefined) where.push(`id = ANY(${param(s.onlyIds)}::text[])`);
  if (s.after !== undefined)
    where.push(`(created_at, id) < (${param(s.after.at)}::timestamptz, ${param(s.after.id)})`);
  const sql = `SELECT * FROM users ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY created_at DESC, id DESC LIMIT ${param(s.limit + 1)}`;
  return db.query<UserRow>(sql, params);
}

export async function insertPasswordReset(
  db: Queryable,
  reset: { tokenHash: string; userId: string; createdAt: Date; expiresAt: Date },
) {
  await db.query(
    'INSERT INTO password_resets (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)',
    [reset.tokenHash, reset.userId, reset.createdAt, reset.expiresAt],
  );
}

export const countResetsSince = async (db: Queryable, userId: string, since: Date) =>
  (
    await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM password_resets WHERE user_id = $1 AND created_at >= $2',
      [userId, since],
    )
  )[0]?.n ?? 0;

/** The reset's row locked, so two uses of one link at once reset the password once. */
export const lockPasswordReset = async (db: Queryable, tokenHash: string) =>
  (
    await db.query<{ user_id: string; expires_at: Date; used_at: Date | null }>(
      'SELECT user_id, expires_at, used_at FROM password_resets WHERE token_hash = $1 FOR UPDATE',
      [tokenHash],
    )
  )[0];

/** Using one link spends every link of the account: an older email cannot reset it again. */
export const spendPasswordResets = (db: Queryable, userId: string, now: Date) =>
  db.query('UPDATE password_resets SET used_at = $2 WHERE user_id = $1 AND used_at IS NULL', [userId, now]);

/** Every account and who invited it: the people of the shop's graph (the incentive simulator). */
export const accountsWithInviter = (conn: Queryable) =>
  conn.query<{ id: string; invited_by: string | null }>('SELECT id, invited_by FROM users ORDER BY id');
