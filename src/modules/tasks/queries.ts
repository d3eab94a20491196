import type { Queryable } from '../../platform/db.js';
import type { TaskKind, TaskPeriod } from './rules.js';

export interface TaskRow {
  id: string;
  title: string;
  kind: TaskKind;
  target: number;
  reward_points: number;
  coupon_template_id: string | null;
  period: TaskPeriod;
  active: boolean;
  position: number;
  created_at: Date;
  updated_at: Date;
}

export type TaskColumns = Omit<TaskRow, 'id' | 'created_at' | 'updated_at'>;

const ORDER = 'ORDER BY position, created_at, id';

export async function insertTask(conn: Queryable, id: string, c: TaskColumns, now: Date) {
  const [row] = await conn.query<TaskRow>(
    `INSERT INTO tasks (id, title, kind, target, reward_points, coupon_template_id, period, active,
       position, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING *`,
    [
      id,
      c.title,
      c.kind,
      c.target,
      c.reward_points,
      c.coupon_template_id,
      c.period,
      c.active,
      c.position,
      now,
    ],
  );
  return row as TaskRow;
}

export async function updateTask(conn: Queryable, id: string, c: TaskColumns, now: Date) {
  const [row] = await conn.query<TaskRow>(
    `UPDATE tasks SET title = $2, kind = $3, target = $4, reward_points = $5, coupon_template_id = $6,
       period = $7, active = $8, position = $9, updated_at = $10
     WHERE id = $1 RETURNING *`,
    [
      id,
      c.title,
      c.kind,
      c.target,
      c.reward_points,
      c.coupon_template_id,
      c.period,
      c.active,
      c.position,
      now,
    ],
  );
  return row;
}

export async function deactivate(conn: Queryable, id: string, now: Date) {
  const [row] = await conn.query<TaskRow>(
    // Asking twice changes nothing, not even when it was touched.
    `UPDATE tasks SET active = false, updated_at = CASE WHEN active THEN $2 ELSE updated_at END
     WHERE id = $1 RETURNING *`,
    [id, now],
  );
  return row;
}

export const findTask = async (conn: Queryable, id: string) =>
  (await conn.query<TaskRow>('SELECT * FROM tasks WHERE id = $1', [id]))[0];

/** The operator's list, in the order people see it, paged by (position, created_at, id). */
export function listTasks(
  conn: Queryable,
  p: { limit: number; after?: { position: number; createdAt: string; id: string } },
) {
  return p.after
    ? conn.query<TaskRow>(
        `SELECT * FROM tasks WHERE (position, created_at, id) > ($1, $2::timestamptz, $3) ${ORDER} LIMIT $4`,
        [p.after.position, p.after.createdAt, p.after.id, p.limit + 1],
      )
    : conn.query<TaskRow>(`SELECT * FROM tasks ${ORDER} LIMIT $1`, [p.limit + 1]);
}

export const activeTasks = (conn: Queryable) =>
  conn.query<TaskRow>(`SELECT * FROM tasks WHERE active ${ORDER}`);

export const activeTasksOfKind = (conn: Queryable, kind: TaskKind) =>
  conn.query<TaskRow>(`SELECT * FROM tasks WHERE active AND kind = $1 ${ORDER}`, [kind]);

/**
 * Serializes the counting of one person's progress on one task in one period (across processes):
 * two events at once would otherwise each count only their own row and neither reach the target.
 */
export async function lockProgress(tx: Queryable, taskId: string, userId: string, key: string) {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('fission.tasks:' || $1, 0))`, [
    `${taskId}:${userId}:${key}`,
  ]);
}

/** Records that an event counted; false when it already had (the primary key). */
export async function insertProgressEvent(
  tx: Queryable,
  r: { taskId: string; userId: string; key: string; ref: string; now: Date },
): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO task_progress_events (task_id, user_id, period_key, event_ref, created_at)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING 1`,
    [r.taskId, r.userId, r.key, r.ref, r.now],
  );
  return rows.length > 0;
}

export async function countedEvents(tx: Queryable, taskId: string, userId: string, key: string) {
  const [row] = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM task_progress_events
     WHERE task_id = $1 AND user_id = $2 AND period_key = $3`,
    [taskId, userId, key],
  );
  return row?.n ?? 0;
}

export const isCompleted = async (tx: Queryable, taskId: string, userId: string, key: string) =>
  (
    await tx.query('SELECT 1 FROM task_completions WHERE task_id = $1 AND user_id = $2 AND period_key = $3', [
      taskId,
      userId,
      key,
    ])
  ).length > 0;

/** One completion per task, person and period; false when it was already recorded. */
export async function insertCompletion(
  tx: Queryable,
  r: { taskId: string; userId: string; key: string; points: number; now: Date },
): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO task_completions (task_id, user_id, period_key, reward_points, completed_at)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING 1`,
    [r.taskId, r.userId, r.key, r.points, r.now],
  );
  return rows.length > 0;
}

export async function setCompletionCoupon(
  tx: Queryable,
  r: { taskId: string; userId: string; key: string; couponId: string },
) {
  await tx.query(
    'UPDATE task_completions SET user_coupon_id = $4 WHERE task_id = $1 AND user_id = $2 AND period_key = $3',
    [r.taskId, r.userId, r.key, r.couponId],
  );
}

/** A person's counted events and completions for the given (task, period key) pairs. */
export async function progressOf(conn: Queryable, userId: string, pairs: { taskId: string; key: string }[]) {
  if (pairs.length === 0) return { counted: new Map<string, number>(), completed: new Set<string>() };
  const taskIds = pairs.map((p) => p.taskId);
  const keys = pairs.map((p) => p.key);
  const counts = await conn.query<{ task_id: string; period_key: string; n: number }>(
    `SELECT e.task_id, e.period_key, count(*)::int AS n
     FROM task_progress_events e
     JOIN unnest($2::text[], $3::text[]) AS p(task_id, period_key)
       ON p.task_id = e.task_id AND p.period_key = e.period_key
     WHERE e.user_id = $1 GROUP BY e.task_id, e.period_key`,
    [userId, taskIds, keys],
  );
  const done = await conn.query<{ task_id: string; period_key: string }>(
    `SELECT c.task_id, c.period_key FROM task_completions c
     JOIN unnest($2::text[], $3::text[]) AS p(task_id, period_key)
       ON p.task_id = c.task_id AND p.period_key = c.period_key
     WHERE c.user_id = $1`,
    [userId, taskIds, keys],
  );
  return {
    counted: new Map(counts.map((r) => [`${r.task_id}|${r.period_key}`, r.n])),
    completed: new Set(done.map((r) => `${r.task_id}|${r.period_key}`)),
  };
}
