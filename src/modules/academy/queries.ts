import type { Queryable } from '../../platform/db.js';

export interface SectionRow {
  id: string;
  title: string;
  position: number;
  created_at: Date;
}

export interface LessonRow {
  id: string;
  section_id: string;
  title: string;
  body: string;
  video_url: string | null;
  minutes: number;
  position: number;
  published: boolean;
  created_at: Date;
  updated_at: Date;
}

const ORDER = 'position, created_at, id';

export const sections = (conn: Queryable) =>
  conn.query<SectionRow>(`SELECT * FROM academy_sections ORDER BY ${ORDER}`);

export const findSection = async (conn: Queryable, id: string) =>
  (await conn.query<SectionRow>('SELECT * FROM academy_sections WHERE id = $1', [id]))[0];

/** Every lesson (the operator's view) or only the published ones, in reading order within a section. */
export const lessons = (conn: Queryable, publishedOnly: boolean) =>
  conn.query<LessonRow>(
    `SELECT * FROM academy_lessons ${publishedOnly ? 'WHERE published' : ''} ORDER BY ${ORDER}`,
  );

export const findLesson = async (conn: Queryable, id: string) =>
  (await conn.query<LessonRow>('SELECT * FROM academy_lessons WHERE id = $1', [id]))[0];

/** The next position at the end of a list: one past the largest. */
export async function nextPosition(conn: Queryable, table: 'sections' | 'lessons', sectionId?: string) {
  const [row] =
    table === 'sections'
      ? await conn.query<{ next: number }>(
          'SELECT COALESCE(max(position) + 1, 0)::int AS next FROM academy_sections',
        )
      : await conn.query<{ next: number }>(
          'SELECT COALESCE(max(position) + 1, 0)::int AS next FROM academy_lessons WHERE section_id = $1',
          [sectionId],
        );
  return row?.next ?? 0;
}

export async function insertSection(conn: Queryable, row: SectionRow) {
  const [inserted] = await conn.query<SectionRow>(
    'INSERT INTO academy_sections (id, title, position, created_at) VALUES ($1, $2, $3, $4) RETURNING *',
    [row.id, row.title, row.position, row.created_at],
  );
  return inserted as SectionRow;
}

export const updateSection = async (conn: Queryable, id: string, title: string, position: number) =>
  (
    await conn.query<SectionRow>(
      'UPDATE academy_sections SET title = $2, position = $3 WHERE id = $1 RETURNING *',
      [id, title, position],
    )
  )[0];

export const deleteSection = (conn: Queryable, id: string) =>
  conn.query('DELETE FROM academy_sections WHERE id = $1', [id]);

export async function lessonCount(conn: Queryable, sectionId: string): Promise<number> {
  const [row] = await conn.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM academy_lessons WHERE section_id = $1',
    [sectionId],
  );
  return row?.n ?? 0;
}

/**
 * Locks the section's row: adding a lesson takes `NO KEY UPDATE`, deleting the section `UPDATE`,
 * and the two conflict, so a lesson is never added to a section being deleted (the delete then
 * counts it, or the add finds the section gone: 404, never a foreign-key failure).
 */
export const lockSection = async (conn: Queryable, id: string, mode: 'NO KEY UPDATE' | 'UPDATE') =>
  (await conn.query<SectionRow>(`SELECT * FROM academy_sections WHERE id = $1 FOR ${mode}`, [id]))[0];

export async function insertLesson(conn: Queryable, row: LessonRow) {
  const [inserted] = await conn.query<LessonRow>(
    `INSERT INTO academy_lessons (id, section_id, title, body, video_url, minutes, position, published,
       created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING *`,
    [
      row.id,
      row.section_id,
      row.title,
      row.body,
      row.video_url,
      row.minutes,
      row.position,
      row.published,
      row.created_at,
      row.updated_at,
    ],
  );
  return inserted as LessonRow;
}

export async function updateLesson(conn: Queryable, row: LessonRow) {
  const [updated] = await conn.query<LessonRow>(
    `UPDATE academy_lessons SET section_id = $2, title = $3, body = $4, video_url = $5, minutes = $6,
       position = $7, published = $8, updated_at = $9
     WHERE id = $1 RETURNING *`,
    [
      row.id,
      row.section_id,
      row.title,
      row.body,
      row.video_url,
      row.minutes,
      row.position,
      row.published,
      row.updated_at,
    ],
  );
  return updated;
}

/**
 * The lesson's row, locked: `KEY SHARE` while a completion is written (deleting the lesson waits for
 * it), `UPDATE` to delete it (and then count who finished it, their commits seen).
 */
export const lockLesson = async (conn: Queryable, id: string, mode: 'KEY SHARE' | 'UPDATE') =>
  (await conn.query<LessonRow>(`SELECT * FROM academy_lessons WHERE id = $1 FOR ${mode}`, [id]))[0];

export const deleteLesson = (conn: Queryable, id: string) =>
  conn.query('DELETE FROM academy_lessons WHERE id = $1', [id]);

export async function completionCount(conn: Queryable, lessonId: string): Promise<number> {
  const [row] = await conn.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM academy_completions WHERE lesson_id = $1',
    [lessonId],
  );
  return row?.n ?? 0;
}

export async function completionCounts(conn: Queryable): Promise<Map<string, number>> {
  const rows = await conn.query<{ lesson_id: string; n: number }>(
    'SELECT lesson_id, count(*)::int AS n FROM academy_completions GROUP BY lesson_id',
  );
  return new Map(rows.map((r) => [r.lesson_id, r.n]));
}

export async function completionsOf(conn: Queryable, userId: string): Promise<Map<string, Date>> {
  const rows = await conn.query<{ lesson_id: string; completed_at: Date }>(
    'SELECT lesson_id, completed_at FROM academy_completions WHERE user_id = $1',
    [userId],
  );
  return new Map(rows.map((r) => [r.lesson_id, r.completed_at]));
}

/**
 * Records the completion once: the key absorbs a second (or simultaneous) one. `created` says
 * whether this call made it, which is when lesson.completed is published.
 */
export async function complete(
  conn: Queryable,
  userId: string,
  lessonId: string,
  now: Date,
): Promise<{ completedAt: Date; created: boolean }> {
  const [inserted] = await conn.query<{ completed_at: Date }>(
    `INSERT INTO academy_completions (user_id, lesson_id, completed_at) VALUES ($1, $2, $3)
     ON CONFLICT (user_id, lesson_id) DO NOTHING RETURNING completed_at`,
    [userId, lessonId, now],
  );
  if (inserted) return { completedAt: inserted.completed_at, created: true };
  const [existing] = await conn.query<{ completed_at: Date }>(
    'SELECT completed_at FROM academy_completions WHERE user_id = $1 AND lesson_id = $2',
    [userId, lessonId],
  );
  return { completedAt: (existing as { completed_at: Date }).completed_at, created: false };
}
