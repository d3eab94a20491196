import type { Queryable } from '../../platform/db.js';

export interface NotificationRow {
  id: string;
  user_id: string;
  type: string;
  subject: string;
  title: string;
  body: string;
  link: string;
  created_at: Date;
  read_at: Date | null;
  emailed_at: Date | null;
}

/** Inserts the notification unless this person already has one for this event; the id when inserted. */
export async function insertNotification(
  conn: Queryable,
  n: Omit<NotificationRow, 'read_at' | 'emailed_at'>,
): Promise<string | undefined> {
  const rows = await conn.query<{ id: string }>(
    `INSERT INTO notifications (id, user_id, type, subject, title, body, link, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (user_id, type, subject) DO NOTHING RETURNING id`,
    [n.id, n.user_id, n.type, n.subject, n.title, n.body, n.link, n.created_at],
  );
  return rows[0]?.id;
}

/** Newest first; ids are time-ordered (uuidv7), so the id alone is the keyset. */
export function listNotifications(conn: Queryable, f: { userId: string; limit: number; beforeId?: string }) {
  const params: unknown[] = [f.userId, f.limit + 1];
  if (f.beforeId) params.push(f.beforeId);
  return conn.query<NotificationRow>(
    `SELECT * FROM notifications WHERE user_id = $1 ${f.beforeId ? 'AND id < $3' : ''}
     ORDER BY id DESC LIMIT $2`,
    params,
  );
}

export const unreadCount = async (conn: Queryable, userId: string) =>
  (
    await conn.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL',
      [userId],
    )
  )[0]?.n ?? 0;

/** Marks the person's own notifications read: the given ids (others' ids match nothing), or all. */
export async function markRead(
  conn: Queryable,
  userId: string,
  ids: readonly string[] | undefined,
  now: Date,
) {
  const rows = await conn.query<{ id: string }>(
    `UPDATE notifications SET read_at = $2
     WHERE user_id = $1 AND read_at IS NULL ${ids ? 'AND id = ANY($3::text[])' : ''} RETURNING id`,
    ids ? [userId, now, [...ids]] : [userId, now],
  );
  return rows.length;
}

export const findNotification = async (conn: Queryable, id: string) =>
  (await conn.query<NotificationRow>('SELECT * FROM notifications WHERE id = $1', [id]))[0];

/**
 * Records that the email went: true once. It is written after sending, so a crash between the two
 * sends it again on the job's retry (at least once, never lost).
 */
export async function markEmailed(conn: Queryable, id: string, now: Date): Promise<boolean> {
  const rows = await conn.query(
    'UPDATE notifications SET emailed_at = $2 WHERE id = $1 AND emailed_at IS NULL RETURNING id',
    [id, now],
  );
  return rows.length > 0;
}

export const emailPreferences = (conn: Queryable, userId: string) =>
  conn.query<{ type: string; email: boolean }>(
    'SELECT type, email FROM notification_preferences WHERE user_id = $1',
    [userId],
  );

export async function saveEmailPreference(
  conn: Queryable,
  p: { userId: string; type: string; email: boolean; now: Date },
) {
  await conn.query(
    `INSERT INTO notification_preferences (user_id, type, email, updated_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (user_id, type) DO UPDATE SET email = EXCLUDED.email, updated_at = EXCLUDED.updated_at`,
    [p.userId, p.type, p.email, p.now],
  );
}
