import type { Queryable } from '../../platform/db.js';

export interface QuestionRow {
  id: string;
  author_id: string;
  title: string;
  body: string;
  best_answer_id: string | null;
  hidden: boolean;
  created_at: Date;
  edited_at: Date | null;
}

export interface AnswerRow {
  id: string;
  question_id: string;
  author_id: string;
  body: string;
  hidden: boolean;
  created_at: Date;
  edited_at: Date | null;
  votes: number;
}

export interface QuestionListRow extends QuestionRow {
  answers: number;
  has_best: boolean;
}

/** Visible answers only; the best mark counts only while its answer is visible. */
const LISTED = `
  SELECT q.*,
    (SELECT count(*)::int FROM academy_answers a WHERE a.question_id = q.id AND NOT a.hidden) AS answers,
    EXISTS (SELECT 1 FROM academy_answers a
            WHERE a.id = q.best_answer_id AND NOT a.hidden) AS has_best
  FROM academy_questions q`;

/** Newest first, keyed by (created_at, id); `unanswered` keeps those without a visible answer. */
export function listQuestions(
  conn: Queryable,
  options: {
    unanswered: boolean;
    includeHidden: boolean;
    after?: { at: string; id: string };
    limit: number;
  },
) {
  const where: string[] = [];
  const params: unknown[] = [];
  if (!options.includeHidden) where.push('NOT q.hidden');
  if (options.unanswered)
    where.push('NOT EXISTS (SELECT 1 FROM academy_answers a WHERE a.question_id = q.id AND NOT a.hidden)');
  if (options.after) {
    params.push(options.after.at, options.after.id);
    where.push(`(q.created_at, q.id) < ($${params.length - 1}::timestamptz, $${params.length})`);
  }
  params.push(options.limit + 1);
  return conn.query<QuestionListRow>(
    `${LISTED} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY q.created_at DESC, q.id DESC LIMIT $${params.length}`,
    params,
  );
}

export const findQuestion = async (conn: Queryable, id: string) =>
  (await conn.query<QuestionRow>('SELECT * FROM academy_questions WHERE id = $1', [id]))[0];

/**
 * The question's row, locked. `KEY SHARE` while answering (it must still exist when the answer is
 * written; deleting it waits), `NO KEY UPDATE` while marking the best answer, `UPDATE` to delete it.
 */
export const lockQuestion = async (
  conn: Queryable,
  id: string,
  mode: 'KEY SHARE' | 'NO KEY UPDATE' | 'UPDATE',
) => (await conn.query<QuestionRow>(`SELECT * FROM academy_questions WHERE id = $1 FOR ${mode}`, [id]))[0];

export async function insertQuestion(conn: Queryable, row: Omit<QuestionRow, 'best_answer_id' | 'hidden'>) {
  const [inserted] = await conn.query<QuestionRow>(
    `INSERT INTO academy_questions (id, author_id, title, body, created_at, edited_at)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
    [row.id, row.author_id, row.title, row.body, row.created_at, row.edited_at],
  );
  return inserted as QuestionRow;
}

/** The author's own visible question, edited; undefined when it is not theirs (or hidden). */
export const editQuestion = async (
  conn: Queryable,
  id: string,
  authorId: string,
  changes: { title?: string; body?: string },
  now: Date,
) =>
  (
    await conn.query<QuestionRow>(
      `UPDATE academy_questions SET title = COALESCE($3, title), body = COALESCE($4, body), edited_at = $5
       WHERE id = $1 AND author_id = $2 AND NOT hidden RETURNING *`,
      [id, authorId, changes.title ?? null, changes.body ?? null, now],
    )
  )[0];

export const deleteQuestion = (conn: Queryable, id: string) =>
  conn.query('DELETE FROM academy_questions WHERE id = $1', [id]);

export const setBestAnswer = (conn: Queryable, questionId: string, answerId: string | null) =>
  conn.query('UPDATE academy_questions SET best_answer_id = $2 WHERE id = $1', [questionId, answerId]);

export const setQuestionHidden = async (conn: Queryable, id: string, hidden: boolean) =>
  (
    await conn.query<QuestionRow>('UPDATE academy_questions SET hidden = $2 WHERE id = $1 RETURNING *', [
      id,
      hidden,
    ])
  )[0];

const ANSWER = `SELECT a.*, (SELECT count(*)::int FROM academy_votes v WHERE v.answer_id = a.id) AS votes
  FROM academy_answers a`;

export const answersOf = (conn: Queryable, questionIds: readonly string[], includeHidden: boolean) =>
  conn.query<AnswerRow>(
    `${ANSWER} WHERE a.question_id = ANY($1::text[]) ${includeHidden ? '' : 'AND NOT a.hidden'}
     ORDER BY a.created_at, a.id`,
    [questionIds],
  );

export const answerCount = async (conn: Queryable, questionId: string) =>
  (
    await conn.query<{ n: number }>('SELECT count(*)::int AS n FROM academy_answers WHERE question_id = $1', [
      questionId,
    ])
  )[0]?.n ?? 0;

export const findAnswer = async (conn: Queryable, id: string) =>
  (await conn.query<AnswerRow>(`${ANSWER} WHERE a.id = $1`, [id]))[0];

/**
 * The answer with whether its question is hidden, its row locked `KEY SHARE`: a vote written next
 * finds it still there (deleting it waits for the vote to commit).
 */
export const lockAnswer = async (conn: Queryable, id: string) =>
  (
    await conn.query<{ id: string; author_id: string; hidden: boolean; question_hidden: boolean }>(
      `SELECT a.id, a.author_id, a.hidden, q.hidden AS question_hidden
       FROM academy_answers a JOIN academy_questions q ON q.id = a.question_id
       WHERE a.id = $1 FOR KEY SHARE OF a`,
      [id],
    )
  )[0];

export async function insertAnswer(
  conn: Queryable,
  row: { id: string; question_id: string; author_id: string; body: string; created_at: Date },
) {
  await conn.query(
    `INSERT INTO academy_answers (id, question_id, author_id, body, created_at) VALUES ($1, $2, $3, $4, $5)`,
    [row.id, row.question_id, row.author_id, row.body, row.created_at],
  );
}

export const editAnswer = async (conn: Queryable, id: string, authorId: string, body: string, now: Date) =>
  (
    await conn.query<{ question_id: string }>(
      `UPDATE academy_answers a SET body = $3, edited_at = $4
       FROM academy_questions q
       WHERE a.id = $1 AND a.author_id = $2 AND NOT a.hidden AND q.id = a.question_id AND NOT q.hidden
       RETURNING a.question_id`,
      [id, authorId, body, now],
    )
  )[0];

/** Deletes the author's own visible answer (its votes go with it; a best mark on it is cleared). */
export const deleteAnswer = async (conn: Queryable, id: string, authorId: string) =>
  (
    await conn.query<{ id: string }>(
      `DELETE FROM academy_answers a USING academy_questions q
       WHERE a.id = $1 AND a.author_id = $2 AND NOT a.hidden AND q.id = a.question_id AND NOT q.hidden
       RETURNING a.id`,
      [id, authorId],
    )
  ).length > 0;

export const setAnswerHidden = async (conn: Queryable, id: string, hidden: boolean) =>
  (
    await conn.query<{ id: string }>('UPDATE academy_answers SET hidden = $2 WHERE id = $1 RETURNING id', [
      id,
      hidden,
    ])
  ).length > 0;

/** The answers of these the person voted for. */
export async function votedBy(conn: Queryable, userId: string, answerIds: readonly string[]) {
  const rows = await conn.query<{ answer_id: string }>(
    'SELECT answer_id FROM academy_votes WHERE user_id = $1 AND answer_id = ANY($2::text[])',
    [userId, answerIds],
  );
  return new Set(rows.map((r) => r.answer_id));
}

/** One vote per person and answer: the key makes a second (or simultaneous) vote nothing. */
export const vote = (conn: Queryable, answerId: string, userId: string, now: Date) =>
  conn.query(
    `INSERT INTO academy_votes (answer_id, user_id, created_at) VALUES ($1, $2, $3)
     ON CONFLICT (answer_id, user_id) DO NOTHING`,
    [answerId, userId, now],
  );

export const unvote = (conn: Queryable, answerId: string, userId: string) =>
  conn.query('DELETE FROM academy_votes WHERE answer_id = $1 AND user_id = $2', [answerId, userId]);

export const votesOf = async (conn: Queryable, answerId: string) =>
  (
    await conn.query<{ n: number }>('SELECT count(*)::int AS n FROM academy_votes WHERE answer_id = $1', [
      answerId,
    ])
  )[0]?.n ?? 0;
