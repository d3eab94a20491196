import type { Clock } from '../../platform/clock.js';
import type { Database, Queryable } from '../../platform/db.js';
import { notFound } from '../../platform/errors.js';
import { decodeTimeCursor, toPage } from '../../platform/http/pagination.js';
import { newId } from '../../platform/ids.js';
import { maskedPerson } from '../../platform/privacy.js';
import { type AuditContext, record } from '../audit/index.js';
import * as q from './board-queries.js';
import { refuse } from './reasons.js';
import {
  mayDeleteQuestion,
  mayMarkBest,
  normalizedText,
  sortAnswers,
  type Viewer,
  voteRefusal,
} from './rules.js';
import type {
  AdminQuestion,
  Question,
  QuestionChanges,
  QuestionInput,
  QuestionSummary,
  QuestionsFilter,
  Vote,
} from './schemas.js';

/** The names of people, by id (the accounts module's). */
export type NamesOf = (conn: Queryable, ids: readonly string[]) => Promise<Map<string, string>>;

const questionGone = () => notFound('Question');

/** The operator's view: hidden things too, and people's full names. */
function presentAdminQuestion(
  row: q.QuestionRow,
  answers: readonly q.AnswerRow[],
  people: Map<string, string>,
): AdminQuestion {
  const full = (id: string) => ({ id, name: people.get(id) ?? '' });
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    author: full(row.author_id),
    hidden: row.hidden,
    bestAnswerId: row.best_answer_id,
    createdAt: row.created_at.toISOString(),
    answers: answers
      .filter((a) => a.question_id === row.id)
      .map((a) => ({
        id: a.id,
        questionId: a.question_id,
        body: a.body,
        author: full(a.author_id),
        hidden: a.hidden,
        votes: a.votes,
        createdAt: a.created_at.toISOString(),
      })),
  };
}
const answerGone = () => notFound('Answer');

export function createBoard(deps: { db: Database; clock: Clock; names: NamesOf }) {
  const { db, clock, names } = deps;

  /** People on the board appear masked ("Chen J."), as group members and customers do elsewhere. */
  const personOf = (people: Map<string, string>, id: string) => maskedPerson(people.get(id) ?? '');

  async function list(viewer: Viewer | null, filter: QuestionsFilter) {
    const limit = filter.limit ?? 20;
    const rows = await q.listQuestions(db, {
      unanswered: filter.filter === 'unanswered',
      includeHidden: false,
      after: decodeTimeCursor(filter.cursor),
      limit,
    });
    const people = await names(db, [...new Set(rows.map((r) => r.author_id))]);
    return toPage(
      rows,
      limit,
      (r) => [r.created_at.toISOString(), r.id],
      (r): QuestionSummary => ({
        id: r.id,
        title: r.title,
        author: personOf(people, r.author_id),
        mine: r.author_id === viewer?.id,
        createdAt: r.created_at.toISOString(),
        answers: r.answers,
        hasBestAnswer: r.has_best,
      }),
    );
  }

  /** A visible question with its visible answers, best first; a hidden one is 404 to everyone. */
  async function readQuestion(conn: Queryable, viewer: Viewer | null, id: string): Promise<Question> {
    const row = await q.findQuestion(conn, id);
    if (!row || row.hidden) throw questionGone();
    const answers = await q.answersOf(conn, [id], false);
    const voted = viewer
      ? await q.votedBy(
          conn,
          viewer.id,
          answers.map((a) => a.id),
        )
      : new Set<string>();
    const people = await names(conn, [row.author_id, ...answers.map((a) => a.author_id)]);
    // A mark on an answer the operator hid is kept (unhiding restores it) but not shown.
    const best = answers.some((a) => a.id === row.best_answer_id) ? row.best_answer_id : null;
    const ranked = sortAnswers(
      answers.map((a) => ({ ...a, createdAt: a.created_at })),
      best,
    );
    return {
      id: row.id,
      title: row.title,
      body: row.body,
      author: personOf(people, row.author_id),
      mine: row.author_id === viewer?.id,
      createdAt: row.created_at.toISOString(),
      editedAt: row.edited_at?.toISOString() ?? null,
      bestAnswerId: best,
      canMarkBest: mayMarkBest(viewer, row.author_id),
      answers: ranked.map((a) => ({
        id: a.id,
        body: a.body,
        author: personOf(people, a.author_id),
        mine: a.author_id === viewer?.id,
        createdAt: a.created_at.toISOString(),
        editedAt: a.edited_at?.toISOString() ?? null,
        votes: a.votes,
        voted: voted.has(a.id),
        best: a.id === best,
      })),
    };
  }

  const question = (viewer: Viewer | null, id: string) => readQuestion(db, viewer, id);

  async function ask(viewer: Viewer, input: QuestionInput): Promise<Question> {
    const row = await q.insertQuestion(db, {
      id: newId(),
      author_id: viewer.id,
      title: input.title.trim(),
      body: normalizedText(input.body ?? ''),
      created_at: clock.now(),
      edited_at: null,
    });
    return question(viewer, row.id);
  }

  /** The author edits their question; anyone else's (or a hidden one) is 404. */
  async function editQuestion(viewer: Viewer, id: string, changes: QuestionChanges): Promise<Question> {
    const edited = await q.editQuestion(
      db,
      id,
      viewer.id,
      {
        title: changes.title?.trim(),
        body: changes.body === undefined ? undefined : normalizedText(changes.body),
      },
      clock.now(),
    );
    if (!edited) throw questionGone();
    return question(viewer, id);
  }

  async function deleteQuestion(viewer: Viewer, id: string): Promise<void> {
    await db.transaction(async (tx) => {
      const row = await q.lockQuestion(tx, id, 'UPDATE');
      if (!row || row.hidden || row.author_id !== viewer.id) throw questionGone();
      const answers = await q.answerCount(tx, id);
      if (!mayDeleteQuestion(answers))
        throw refuse('academy_question_answered', { answers }, 'An answered question cannot be deleted');
      await q.deleteQuestion(tx, id);
    });
  }

  async function answer(viewer: Viewer, questionId: string, body: string): Promise<Question> {
    return db.transaction(async (tx) => {
      const row = await q.lockQuestion(tx, questionId, 'KEY SHARE');
      if (!row || row.hidden) throw questionGone();
      await q.insertAnswer(tx, {
        id: newId(),
        question_id: questionId,
        author_id: viewer.id,
        body: normalizedText(body),
        created_at: clock.now(),
      });
      return readQuestion(tx, viewer, questionId);
    });
  }

  async function editAnswer(viewer: Viewer, id: string, body: string): Promise<Question> {
    const edited = await q.editAnswer(db, id, viewer.id, normalizedText(body), clock.now());
    if (!edited) throw answerGone();
    return question(viewer, edited.question_id);
  }

  async function deleteAnswer(viewer: Viewer, id: string): Promise<void> {
    if (!(await q.deleteAnswer(db, id, viewer.id))) throw answerGone();
  }

  /** Up only, one per person (the key enforces it); withdrawing is `unvote`. */
  async function vote(viewer: Viewer, answerId: string, up: boolean): Promise<Vote> {
    return db.transaction(async (tx) => {
      const row = await q.lockAnswer(tx, answerId);
      if (!row || row.hidden || row.question_hidden) throw answerGone();
      if (up) {
        if (voteRefusal(viewer.id, row.author_id))
          throw refuse('academy_own_answer', { answerId }, 'You cannot vote for your own answer');
        await q.vote(tx, answerId, viewer.id, clock.now());
      } else await q.unvote(tx, answerId, viewer.id);
      return { answerId, voted: up, votes: await q.votesOf(tx, answerId) };
    });
  }

  /**
   * The asker (or an operator) marks one visible answer of the question as the best, or takes the
   * mark away with null. Anyone else: 404, as for every change to someone else's object.
   */
  async function markBest(viewer: Viewer, questionId: string, answerId: string | null): Promise<Question> {
    return db.transaction(async (tx) => {
      const row = await q.lockQuestion(tx, questionId, 'NO KEY UPDATE');
      if (!row || row.hidden || !mayMarkBest(viewer, row.author_id)) throw questionGone();
      if (answerId !== null) {
        const chosen = await q.findAnswer(tx, answerId);
        if (!chosen || chosen.hidden || chosen.question_id !== questionId) throw answerGone();
      }
      await q.setBestAnswer(tx, questionId, answerId);
      return readQuestion(tx, viewer, questionId);
    });
  }

  // The operator's moderation ----------------------------------------------------------------------

  /** Every question, hidden ones too, newest first, with all answers and people's full names. */
  async function adminList(page: { limit?: number; cursor?: string }) {
    const limit = page.limit ?? 20;
    const rows = await q.listQuestions(db, {
      unanswered: false,
      includeHidden: true,
      after: decodeTimeCursor(page.cursor),
      limit,
    });
    const answers = await q.answersOf(
      db,
      rows.slice(0, limit).map((r) => r.id),
      true,
    );
    const people = await names(db, [...rows.map((r) => r.author_id), ...answers.map((a) => a.author_id)]);
    return toPage(
      rows,
      limit,
      (r) => [r.created_at.toISOString(), r.id],
      (r) => presentAdminQuestion(r, answers, people),
    );
  }

  async function adminQuestion(id: string): Promise<AdminQuestion> {
    const row = await q.findQuestion(db, id);
    if (!row) throw questionGone();
    const answers = await q.answersOf(db, [id], true);
    return presentAdminQuestion(
      row,
      answers,
      await names(db, [row.author_id, ...answers.map((a) => a.author_id)]),
    );
  }

  /** Hiding someone's question or answer changes another person's data: it is recorded. */
  async function setHidden(kind: 'question' | 'answer', id: string, hidden: boolean, by?: AuditContext) {
    await db.transaction(async (tx) => {
      const found =
        kind === 'question'
          ? await q.setQuestionHidden(tx, id, hidden)
          : await q.setAnswerHidden(tx, id, hidden);
      if (!found) throw kind === 'question' ? questionGone() : answerGone();
      await record(tx, {
        by,
        at: clock.now(),
        action: `academy-${kind}.${hidden ? 'hide' : 'show'}`,
        target: { type: `academy-${kind}`, id },
        before: { hidden: !hidden },
        after: { hidden },
      });
    });
  }

  async function hideQuestion(id: string, hidden: boolean, by?: AuditContext): Promise<AdminQuestion> {
    await setHidden('question', id, hidden, by);
    return adminQuestion(id);
  }

  async function hideAnswer(id: string, hidden: boolean, by?: AuditContext): Promise<AdminQuestion> {
    await setHidden('answer', id, hidden, by);
    const row = (await q.findAnswer(db, id)) as q.AnswerRow;
    return adminQuestion(row.question_id);
  }

  return {
    list,
    question,
    ask,
    editQuestion,
    deleteQuestion,
    answer,
    editAnswer,
    deleteAnswer,
    vote,
    markBest,
    adminList,
    hideQuestion,
    hideAnswer,
  };
}
