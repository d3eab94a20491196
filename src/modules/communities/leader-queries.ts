import type { Queryable } from '../../platform/db.js';
import type { LeaderApplicationStatus } from './rules.js';

/** SQL of leader applications: the same queue as shopkeepers', in a table of its own. */
export interface LeaderApplicationRow {
  id: string;
  user_id: string;
  status: LeaderApplicationStatus;
  created_at: Date;
  decided_at: Date | null;
  decided_by: string | null;
  reject_reason: string | null;
}

export const findApplication = async (db: Queryable, userId: string) =>
  (await db.query<LeaderApplicationRow>('SELECT * FROM leader_applications WHERE user_id = $1', [userId]))[0];

/** Records an application unless the user already has one; returns the user's application either way. */
export async function upsertApplication(db: Queryable, a: Omit<LeaderApplicationRow, 'reject_reason'>) {
  await db.query(
    `INSERT INTO leader_applications (id, user_id, status, created_at, decided_at, decided_by)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (user_id) DO NOTHING`,
    [a.id, a.user_id, a.status, a.created_at, a.decided_at, a.decided_by],
  );
  return findApplication(db, a.user_id);
}

export async function approveApplication(
  db: Queryable,
  userId: string,
  adminId: string | null,
  now: Date,
  from: readonly LeaderApplicationStatus[],
) {
  await db.query(
    `UPDATE leader_applications SET status = 'approved', decided_at = $3, decided_by = $2, reject_reason = NULL
     WHERE user_id = $1 AND status = ANY($4)`,
    [userId, adminId, now, from],
  );
}

export async function rejectApplication(
  db: Queryable,
  d: { userId: string; adminId: string; now: Date; reason: string | null },
  from: readonly LeaderApplicationStatus[],
) {
  return (
    await db.query<LeaderApplicationRow>(
      `UPDATE leader_applications SET status = 'rejected', decided_at = $3, decided_by = $2, reject_reason = $4
       WHERE user_id = $1 AND status = ANY($5) RETURNING *`,
      [d.userId, d.adminId, d.now, d.reason, from],
    )
  )[0];
}

/** A rejected applicant applies again: pending once more, at the back of the queue. */
export async function reopenApplication(
  db: Queryable,
  userId: string,
  now: Date,
  from: readonly LeaderApplicationStatus[],
) {
  await db.query(
    `UPDATE leader_applications SET status = 'pending', created_at = $2, decided_at = NULL,
       decided_by = NULL, reject_reason = NULL
     WHERE user_id = $1 AND status = ANY($3)`,
    [userId, now, from],
  );
}

export function listDecidedApplications(
  db: Queryable,
  f: { status?: LeaderApplicationStatus; after?: { at: string; id: string }; limit: number },
) {
  return db.query<LeaderApplicationRow>(
    `SELECT * FROM leader_applications
     WHERE status <> 'pending' AND ($1::text IS NULL OR status = $1)
       AND ($2::timestamptz IS NULL OR (decided_at, id) < ($2::timestamptz, $3::text))
     ORDER BY decided_at DESC, id DESC LIMIT $4`,
    [f.status ?? null, f.after?.at ?? null, f.after?.id ?? null, f.limit + 1],
  );
}

export function listApplications(
  db: Queryable,
  f: { status?: LeaderApplicationStatus; after?: { at: string; id: string }; limit: number },
) {
  return db.query<LeaderApplicationRow>(
    `SELECT * FROM leader_applications
     WHERE ($1::text IS NULL OR status = $1)
       AND ($2::timestamptz IS NULL OR (created_at, id) > ($2::timestamptz, $3::text))
     ORDER BY created_at, id LIMIT $4`,
    [f.status ?? null, f.after?.at ?? null, f.after?.id ?? null, f.limit + 1],
  );
}
